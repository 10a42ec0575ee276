/* crb-export-csv.c: one row per claim, RFC 4180
 *
 * Fields are quoted when they hold a comma, a quote or a line break
 * (quotes doubled), lines end in CRLF.  Text from sources is hostile: a
 * field that a spreadsheet would run as a formula (=, +, -, @, tab or CR
 * first) gets a leading apostrophe, as OWASP recommends.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-export"

#include <string.h>

#include "crb-export-private.h"
#include "crb-record.h"

static const char *columns[] = {
  "claim id", "document title", "publisher",   "published",          "origin",        "quote",
  "note",     "kind",           "credibility", "source reliability", "tags",          "entities",
  "events",   "author",         "created",     "modified",           "anchor status",
};

static void
add_field (GString *row, const char *value, gboolean first)
{
  const char *text = value ? value : "";
  gboolean    formula = strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0';
  gboolean    quote = formula || strpbrk (text, ",\"\r\n") != NULL;

  if (!first)
    g_string_append_c (row, ',');
  if (quote)
    g_string_append_c (row, '"');
  if (formula)
    g_string_append_c (row, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  if (quote)
    g_string_append_c (row, '"');
}

static char *
joined (GPtrArray *values)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (text, "%s%s", i ? "; " : "", (char *) g_ptr_array_index (values, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
_crb_export_csv (CrbProject *project, GError **error)
{
  g_autoptr (GPtrArray) items = _crb_export_claims (project, error);
  g_autoptr (GString) csv = g_string_new (NULL);

  if (items == NULL)
    return NULL;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    add_field (csv, columns[c], c == 0);
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < items->len; i++)
    {
      CrbExportClaim  *item = g_ptr_array_index (items, i);
      CrbClaim        *claim = item->claim;
      CrbRecord       *record = CRB_RECORD (claim);
      g_autofree char *credibility = crb_claim_get_credibility (claim)
                                         ? g_strdup_printf ("%u", crb_claim_get_credibility (claim))
                                         : NULL;
      g_autofree char *origin = g_strdup (crb_document_get_final_url (item->document)
                                              ? crb_document_get_final_url (item->document)
                                              : crb_document_get_origin (item->document));
      g_autofree char *tags = joined (item->tags);
      g_autofree char *entities = joined (item->entities);
      g_autofree char *events = joined (item->events);
      g_autofree char *created = _crb_export_time (crb_record_get_created_at (record));
      g_autofree char *modified = _crb_export_time (crb_record_get_modified_at (record));
      const char      *fields[] = {
             crb_record_get_uuid (record),
             crb_document_get_title (item->document),
             crb_document_get_publisher (item->document),
             crb_document_get_published_at (item->document),
             origin,
             crb_claim_get_exact (claim),
        crb_claim_get_private (claim) ? "" : crb_claim_get_note (claim),
             crb_claim_get_kind (claim),
             credibility,
             crb_document_get_reliability (item->document),
             tags,
             entities,
             events,
             crb_record_get_author (record),
             created,
             modified,
             crb_claim_get_anchor_status (claim),
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (columns));
      for (guint c = 0; c < G_N_ELEMENTS (fields); c++)
        add_field (csv, fields[c], c == 0);
      g_string_append (csv, "\r\n");
    }
  return g_string_free (g_steal_pointer (&csv), FALSE);
}
