/* crb-labels.c
 *
 * The model stores codes ("claim", "B", "supports") so that files are the
 * same in every language; these tables are where they become words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crb-labels.h"

typedef struct
{
  const char *code;
  const char *label;
  const char *icon;
} Entry;

static const Entry *
lookup (const Entry *entries, gsize n_entries, const char *code)
{
  for (gsize i = 0; i < n_entries; i++)
    if (g_strcmp0 (entries[i].code, code) == 0)
      return &entries[i];
  return NULL;
}

#define LABEL(table, code, fallback)                                 \
  G_STMT_START                                                       \
  {                                                                  \
    const Entry *entry_ = lookup (table, G_N_ELEMENTS (table), code); \
    return entry_ ? _(entry_->label) : (fallback);                   \
  }                                                                  \
  G_STMT_END

const char *
crb_labels_credibility (guint grade)
{
  static const char *labels[] = {
    NULL,
    N_("Confirmed"),
    N_("Probably true"),
    N_("Possibly true"),
    N_("Doubtful"),
    N_("Improbable"),
    N_("Truth cannot be judged"),
  };

  return grade >= 1 && grade <= 6 ? _(labels[grade]) : NULL;
}

static const Entry reliability[] = {
  { "A", N_("Completely reliable"), NULL },
  { "B", N_("Usually reliable"), NULL },
  { "C", N_("Fairly reliable"), NULL },
  { "D", N_("Not usually reliable"), NULL },
  { "E", N_("Unreliable"), NULL },
  { "F", N_("Reliability cannot be judged"), NULL },
};

const char *
crb_labels_reliability (const char *grade)
{
  LABEL (reliability, grade, NULL);
}

static const Entry document_kinds[] = {
  { "text", N_("Text"), "text-x-generic-symbolic" },
  { "markdown", N_("Text"), "text-x-generic-symbolic" },
  { "html", N_("Web page"), "web-browser-symbolic" },
  { "web", N_("Web page"), "web-browser-symbolic" },
  { "web page", N_("Web page"), "web-browser-symbolic" },
  { "pdf", N_("PDF document"), "x-office-presentation-symbolic" },
  { "docx", N_("Word document"), "x-office-document-symbolic" },
  { "odt", N_("OpenDocument text"), "x-office-document-symbolic" },
  { "epub", N_("E-book"), "x-office-address-book-symbolic" },
};

const char *
crb_labels_document_kind (const char *kind)
{
  LABEL (document_kinds, kind, _("Document"));
}

const char *
crb_labels_document_icon (const char *kind)
{
  const Entry *entry = lookup (document_kinds, G_N_ELEMENTS (document_kinds), kind);

  return entry ? entry->icon : "text-x-generic-symbolic";
}

static const Entry claim_kinds[] = {
  { "claim", N_("Claim"), NULL },
  { "highlight", N_("Highlight"), NULL },
  { "question", N_("Question"), NULL },
};

const char *
crb_labels_claim_kind (const char *kind)
{
  LABEL (claim_kinds, kind, kind);
}

static const Entry anchor_statuses[] = {
  { "anchored", N_("Anchored in the text"), NULL },
  { "moved", N_("Moved in a new revision"), NULL },
  { "ambiguous", N_("Ambiguous: the quote occurs more than once"), NULL },
  { "orphaned", N_("Orphaned: the quote is no longer in the text"), NULL },
};

const char *
crb_labels_anchor_status (const char *status)
{
  LABEL (anchor_statuses, status, status);
}

static const Entry entity_kinds[] = {
  { "person", N_("Person"), "avatar-default-symbolic" },
  { "organisation", N_("Organisation"), "network-workgroup-symbolic" },
  { "place", N_("Place"), "mark-location-symbolic" },
  { "event", N_("Event"), "x-office-calendar-symbolic" },
  { "other", N_("Other"), "emoji-objects-symbolic" },
};

const char *
crb_labels_entity_kind (const char *kind)
{
  LABEL (entity_kinds, kind, kind);
}

const char *
crb_labels_entity_icon (const char *kind)
{
  const Entry *entry = lookup (entity_kinds, G_N_ELEMENTS (entity_kinds), kind);

  return entry ? entry->icon : "emoji-objects-symbolic";
}

static const Entry roles[] = {
  { "subject", N_("Subject"), NULL },
  { "object", N_("Object"), NULL },
  { "mentioned", N_("Mentioned"), NULL },
  { "location", N_("Location"), NULL },
  { "speaker", N_("Speaker"), NULL },
};

const char *
crb_labels_role (const char *role)
{
  LABEL (roles, role, role);
}

static const Entry stances[] = {
  { "supports", N_("Supports"), NULL },
  { "disputes", N_("Disputes"), NULL },
  { "partial", N_("Partly supports"), NULL },
  { "context", N_("Context"), NULL },
};

const char *
crb_labels_stance (const char *stance)
{
  LABEL (stances, stance, stance);
}

/* The names core/ gives its undo steps (crb-edit.c and the model files). */
static const Entry undo_steps[] = {
  { "Add alias", N_("Add alias"), NULL },
  { "Add claim", N_("Add claim"), NULL },
  { "Add entity", N_("Add entity"), NULL },
  { "Add event", N_("Add event"), NULL },
  { "Add facet", N_("Add facet"), NULL },
  { "Add mention", N_("Mark mention"), NULL },
  { "Add question", N_("Add question"), NULL },
  { "Add tag", N_("Add tag"), NULL },
  { "Add to event", N_("Add to event"), NULL },
  { "Adjust claim", N_("Adjust claim"), NULL },
  { "Change entity type", N_("Change entity type"), NULL },
  { "Change event date", N_("Change event date"), NULL },
  { "Change event place", N_("Change event place"), NULL },
  { "Change external identifier", N_("Change external identifier"), NULL },
  { "Change facet", N_("Change facet"), NULL },
  { "Change kind", N_("Change kind"), NULL },
  { "Change language", N_("Change language"), NULL },
  { "Change origin", N_("Change origin"), NULL },
  { "Change privacy", N_("Change privacy"), NULL },
  { "Change publication date", N_("Change publication date"), NULL },
  { "Change publisher", N_("Change publisher"), NULL },
  { "Change relation", N_("Change relation"), NULL },
  { "Change role", N_("Change role"), NULL },
  { "Change source author", N_("Change source author"), NULL },
  { "Change stance", N_("Change stance"), NULL },
  { "Change tag colour", N_("Change tag colour"), NULL },
  { "Delete alias", N_("Delete alias"), NULL },
  { "Delete claim", N_("Delete claim"), NULL },
  { "Delete entity", N_("Delete entity"), NULL },
  { "Delete event", N_("Delete event"), NULL },
  { "Delete facet", N_("Delete facet"), NULL },
  { "Delete mention", N_("Delete mention"), NULL },
  { "Delete relation", N_("Delete relation"), NULL },
  { "Delete source", N_("Delete source"), NULL },
  { "Delete tag", N_("Delete tag"), NULL },
  { "Describe entity", N_("Describe entity"), NULL },
  { "Describe event", N_("Describe event"), NULL },
  { "Describe tag", N_("Describe tag"), NULL },
  { "Edit note", N_("Edit note"), NULL },
  { "Grade claim", N_("Grade claim"), NULL },
  { "Grade source", N_("Grade source"), NULL },
  { "Highlight", N_("Highlight"), NULL },
  { "Import document", N_("Import document"), NULL },
  { "Link entity", N_("Link entity"), NULL },
  { "Merge entities", N_("Merge entities"), NULL },
  { "Merge tags", N_("Merge tags"), NULL },
  { "Move facet", N_("Move facet"), NULL },
  { "Move tag", N_("Move tag"), NULL },
  { "Relate sources", N_("Relate sources"), NULL },
  { "Remove from event", N_("Remove from event"), NULL },
  { "Remove tag", N_("Remove tag"), NULL },
  { "Rename alias", N_("Rename alias"), NULL },
  { "Rename entity", N_("Rename entity"), NULL },
  { "Rename event", N_("Rename event"), NULL },
  { "Rename facet", N_("Rename facet"), NULL },
  { "Rename source", N_("Rename source"), NULL },
  { "Rename tag", N_("Rename tag"), NULL },
  { "Resolve merge conflict", N_("Resolve merge conflict"), NULL },
  { "Import annotations", N_("Import annotations"), NULL },
  { "Review mention", N_("Review mention"), NULL },
  { "Review relation", N_("Review relation"), NULL },
  { "Tag claim", N_("Tag claim"), NULL },
  { "Unlink entity", N_("Unlink entity"), NULL },
};

char *
crb_labels_undo_step (const char *label)
{
  const Entry *entry;
  guint64 count;
  char *end = NULL;

  if (label == NULL)
    return NULL;
  if ((entry = lookup (undo_steps, G_N_ELEMENTS (undo_steps), label)))
    return g_strdup (_(entry->label));
  /* "Import 12 documents" */
  if (g_str_has_prefix (label, "Import ") && g_str_has_suffix (label, " documents"))
    {
      count = g_ascii_strtoull (label + strlen ("Import "), &end, 10);
      if (end && g_str_equal (end, " documents"))
        return g_strdup_printf (ngettext ("Import %u document", "Import %u documents",
                                          (gulong) count),
                                (guint) count);
    }
  /* "Merge “colleague.corroborate”" */
  if (g_str_has_prefix (label, "Merge “") && g_str_has_suffix (label, "”"))
    {
      g_autofree char *name = g_strndup (label + strlen ("Merge “"),
                                         strlen (label) - strlen ("Merge “") - strlen ("”"));

      /* Translators: an undo step, %s is the merged project's file name */
      return g_strdup_printf (_("Merge “%s”"), name);
    }
  return g_strdup (label);
}

char *
crb_labels_format_date (const char *iso)
{
  g_autoptr (GDateTime) datetime = NULL;
  g_autoptr (GTimeZone) utc = NULL;
  int year = 0, month = 0, day = 0;

  if (iso == NULL || *iso == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  /* As the source gives it, in its own time zone: "11:52 local time" in
   * the text must read 11:52 here too. */
  if (strchr (iso, 'T') && (datetime = g_date_time_new_from_iso8601 (iso, utc)))
    /* Translators: a date and time, see g_date_time_format () */
    return g_date_time_format (datetime, _("%-d %B %Y, %H:%M"));

  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) == 3
      && (datetime = g_date_time_new_utc (year, month, day, 0, 0, 0)))
    /* Translators: a date, see g_date_time_format () */
    return g_date_time_format (datetime, _("%-d %B %Y"));
  if (sscanf (iso, "%4d-%2d", &year, &month) == 2 && strlen (iso) == 7
      && (datetime = g_date_time_new_utc (year, month, 1, 0, 0, 0)))
    /* Translators: a month and year, see g_date_time_format () */
    return g_date_time_format (datetime, _("%B %Y"));
  return g_strdup (iso);
}

char *
crb_labels_format_time_ms (gint64 ms)
{
  g_autoptr (GDateTime) datetime = NULL;

  if (ms <= 0)
    return NULL;
  datetime = g_date_time_new_from_unix_local (ms / 1000);
  return datetime ? g_date_time_format (datetime, _("%-d %B %Y, %H:%M")) : NULL;
}

GMenuModel *
crb_labels_reliability_menu (const char *action)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) grades = g_menu_new ();
  g_autoptr (GMenuItem) none = g_menu_item_new (_("Not Graded"), NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (reliability); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s · %s", reliability[i].code,
                                                _(reliability[i].label));
      g_autoptr (GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, action, "s", reliability[i].code);
      g_menu_append_item (grades, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (grades));
  g_menu_item_set_action_and_target (none, action, "s", "");
  g_menu_append_item (menu, none);
  return G_MENU_MODEL (menu);
}

static const Entry fields[] = {
  { "title", N_("Title"), NULL },
  { "published_at", N_("Publication date"), NULL },
  { "doc_author", N_("Source author"), NULL },
  { "publisher", N_("Publisher"), NULL },
  { "language", N_("Language"), NULL },
  { "origin", N_("Origin"), NULL },
  { "reliability", N_("Reliability"), NULL },
  { "note", N_("Note"), NULL },
  { "kind", N_("Kind"), NULL },
  { "credibility", N_("Credibility"), NULL },
  { "private", N_("Private note"), NULL },
  { "anchor", N_("Passage"), NULL },
  { "name", N_("Name"), NULL },
  { "color", N_("Colour"), NULL },
  { "description", N_("Description"), NULL },
  { "parent_uuid", N_("Parent tag"), NULL },
  { "external_id", N_("External identifier"), NULL },
  { "role", N_("Role"), NULL },
  { "status", N_("Status"), NULL },
  { "date_start", N_("Start date"), NULL },
  { "date_end", N_("End date"), NULL },
  { "place", N_("Place"), NULL },
  { "position", N_("Position"), NULL },
  { "facet_uuid", N_("Facet"), NULL },
  { "stance", N_("Stance"), NULL },
  { "deleted", N_("Deleted"), NULL },
};

const char *
crb_labels_field (const char *field)
{
  LABEL (fields, field, field);
}

static const Entry record_tables[] = {
  { "document", N_("Source"), NULL },
  { "revision", N_("Revision"), NULL },
  { "claim", N_("Claim"), NULL },
  { "tag", N_("Tag"), NULL },
  { "claim_tag", N_("Tag of a claim"), NULL },
  { "entity", N_("Entity"), NULL },
  { "alias", N_("Alias"), NULL },
  { "claim_entity", N_("Entity of a claim"), NULL },
  { "mention", N_("Mention"), NULL },
  { "event", N_("Event"), NULL },
  { "facet", N_("Facet"), NULL },
  { "event_claim", N_("Claim in an event"), NULL },
  { "relation", N_("Relation between sources"), NULL },
};

const char *
crb_labels_record_table (const char *table)
{
  LABEL (record_tables, table, table);
}
