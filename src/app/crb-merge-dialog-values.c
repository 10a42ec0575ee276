/* crb-merge-dialog-values.c: one merge conflict as the analyst reads it —
 * the record in a few words, the field, and both values with who made
 * them, side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-entity.h"
#include "crb-event.h"
#include "crb-labels.h"
#include "crb-merge-dialog-private.h"
#include "crb-tag.h"

/* A record in a few words: a claim by its quote, others by name. */
static char *
describe_record (CrbProject *project, const char *table, const char *uuid)
{
  g_autoptr (CrbRecord) record = NULL;

  if (g_str_equal (table, "claim") &&
      (record = CRB_RECORD (crb_project_find_claim (project, uuid, NULL))))
    return g_strdup_printf (_ ("%s “%s”"),
                            crb_labels_claim_kind (crb_claim_get_kind (CRB_CLAIM (record))),
                            crb_claim_get_exact (CRB_CLAIM (record)));
  if (g_str_equal (table, "document") &&
      (record = CRB_RECORD (crb_project_find_document (project, uuid, NULL))))
    return g_strdup_printf (_ ("Source “%s”"), crb_document_get_title (CRB_DOCUMENT (record)));
  if (g_str_equal (table, "entity") &&
      (record = CRB_RECORD (crb_project_find_entity (project, uuid, NULL))))
    return g_strdup_printf (_ ("Entity “%s”"), crb_entity_get_name (CRB_ENTITY (record)));
  if (g_str_equal (table, "event") &&
      (record = CRB_RECORD (crb_project_find_event (project, uuid, NULL))))
    return g_strdup_printf (_ ("Event “%s”"), crb_event_get_title (CRB_EVENT (record)));
  if (g_str_equal (table, "tag") &&
      (record = CRB_RECORD (crb_project_find_tag (project, uuid, NULL))))
    return g_strdup_printf (_ ("Tag “%s”"), crb_tag_get_name (CRB_TAG (record)));
  return g_strdup (crb_labels_record_table (table));
}

static char *
node_text (const char *field, JsonNode *node)
{
  gint64 number = 0;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    number = json_node_get_int (node);
  if (g_str_equal (field, "credibility") && node && JSON_NODE_HOLDS_VALUE (node))
    return number >= 1 && number <= 6 ? g_strdup_printf ("%u · %s", (guint) number,
                                                         crb_labels_credibility ((guint) number))
                                      : g_strdup (_ ("Not graded"));
  if (g_str_equal (field, "private") && node && JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (number ? _ ("Private") : _ ("Shared"));
  if (g_str_equal (field, "kind") && node && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (crb_labels_claim_kind (json_node_get_string (node)));
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_ ("(empty)"));
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return *json_node_get_string (node) ? g_strdup (json_node_get_string (node))
                                        : g_strdup (_ ("(empty)"));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return json_to_string (node, FALSE);
}

/* The value of one side ({column: value}) as the analyst reads it. */
static char *
value_text (const char *field, const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return g_strdup (json ? json : "");
  object = json_node_get_object (json_parser_get_root (parser));
  if (g_str_equal (field, "anchor") && json_object_has_member (object, "exact"))
    return g_strdup_printf (_ ("“%s”"),
                            json_object_get_string_member_with_default (object, "exact", ""));
  if (json_object_has_member (object, field))
    return node_text (field, json_object_get_member (object, field));
  if (json_object_get_size (object) == 1)
    {
      g_autoptr (GList) members = json_object_get_members (object);

      return node_text (field, json_object_get_member (object, members->data));
    }
  return json_to_string (json_parser_get_root (parser), TRUE);
}

static GtkWidget *
side_card (const char *caption, const char *value, const char *button_label, const char *conflict,
           gboolean take_other)
{
  GtkWidget       *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget       *heading = gtk_label_new (caption);
  GtkWidget       *text = gtk_label_new (value);
  GtkWidget       *button = gtk_button_new_with_mnemonic (button_label);
  g_autofree char *description = g_strdup_printf ("%s: %s", caption, value);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "merge-side");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_yalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  /* Buttons line up at the foot of both cards. */
  gtk_widget_set_vexpand (text, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "merge.resolve");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sb)", conflict, take_other);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), text);
  gtk_box_append (GTK_BOX (card), button);
  return card;
}

GtkWidget *
_crb_merge_conflict_widget (CrbProject *project, CrbMergeConflict *conflict)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget       *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *record = describe_record (project, conflict->table, conflict->row_uuid);
  g_autofree char *question =
      g_strdup_printf (_ ("%s: which one should it be?"), crb_labels_field (conflict->field));
  g_autofree char *kept = value_text (conflict->field, conflict->kept_value);
  g_autofree char *other = value_text (conflict->field, conflict->other_value);
  /* Translators: who made the value the record holds now */
  g_autofree char *kept_caption =
      g_strdup_printf (_ ("Now · by %s"), conflict->kept_by ? conflict->kept_by : _ ("unknown"));
  /* Translators: who made the value that the merge did not apply */
  g_autofree char *other_caption = g_strdup_printf (
      _ ("Not applied · by %s"), conflict->other_by ? conflict->other_by : _ ("unknown"));
  GtkWidget *title = gtk_label_new (record);
  GtkWidget *subtitle = gtk_label_new (question);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_widget_set_margin_top (sides, 6);
  gtk_box_append (GTK_BOX (sides),
                  side_card (kept_caption, kept, _ ("_Keep This"), conflict->uuid, FALSE));
  gtk_box_append (GTK_BOX (sides),
                  side_card (other_caption, other, _ ("_Use This"), conflict->uuid, TRUE));
  /* The cards' expansion stays inside the conflict. */
  gtk_widget_set_vexpand (box, FALSE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), sides);
  return box;
}
