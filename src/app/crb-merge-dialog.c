/* crb-merge-dialog.c
 *
 * A merge is one undoable action of the core, run in its worker thread.
 * The dialog tells what came in, in the analyst's words, and lists the
 * fields that both analysts changed side by side: the record holds the
 * later change until the analyst picks one.
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
#include "crb-merge-dialog.h"
#include "crb-tag.h"

struct _CrbMergeDialog
{
  AdwWindow parent_instance;

  CrbProject     *project;
  gboolean        merging;
  gboolean        cancelled;
  gulong          changed_id;
  char           *other_name;
  CrbMergeSummary summary;
  gboolean        merged;
  guint           n_conflicts;

  AdwWindowTitle     *window_title;
  GtkWidget          *back_button;
  GtkStack           *stack;
  AdwStatusPage      *progress_page;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  AdwPreferencesPage *summary_page;
  GtkBox             *review_box;
};

G_DEFINE_FINAL_TYPE (CrbMergeDialog, crb_merge_dialog, ADW_TYPE_WINDOW)

enum
{
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crb_merge_dialog_dispose (GObject *object)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (object);

  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_MERGE_DIALOG);
  g_clear_object (&self->project);
  g_clear_pointer (&self->other_name, g_free);
  G_OBJECT_CLASS (crb_merge_dialog_parent_class)->dispose (object);
}

static void
show_page (CrbMergeDialog *self, const char *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "progress"));
  gtk_widget_set_visible (self->back_button, self->merged && (g_str_equal (page, "review") ||
                                                              g_str_equal (page, "reviewed")));
  if (g_str_equal (page, "review") || g_str_equal (page, "reviewed"))
    {
      g_autofree char *left = g_strdup_printf (
          ngettext ("%u conflict left", "%u conflicts left", self->n_conflicts), self->n_conflicts);

      adw_window_title_set_title (self->window_title, _ ("Review Merge Conflicts"));
      adw_window_title_set_subtitle (self->window_title, self->n_conflicts ? left : "");
    }
  else
    {
      adw_window_title_set_title (self->window_title, _ ("Merge a Colleague’s Project"));
      adw_window_title_set_subtitle (self->window_title, self->other_name ? self->other_name : "");
    }
}

/* Summary */

static GtkWidget *
count_row (const char *title, guint count, const char *subtitle)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget       *label = gtk_label_new (number);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static const char *
kind_title (CrbMergeKind kind)
{
  switch (kind)
    {
    case CRB_MERGE_DOCUMENTS:
      return _ ("Sources");
    case CRB_MERGE_REVISIONS:
      return _ ("Revisions of sources");
    case CRB_MERGE_TAGS:
      return _ ("Tags");
    case CRB_MERGE_CLAIMS:
      return _ ("Claims, highlights and questions");
    case CRB_MERGE_CLAIM_TAGS:
      return _ ("Tags given to claims");
    case CRB_MERGE_ENTITIES:
      return _ ("Entities");
    case CRB_MERGE_ALIASES:
      return _ ("Aliases of entities");
    case CRB_MERGE_CLAIM_ENTITIES:
      return _ ("Entities linked to claims");
    case CRB_MERGE_MENTIONS:
      return _ ("Mentions of entities");
    case CRB_MERGE_EVENTS:
      return _ ("Events");
    case CRB_MERGE_FACETS:
      return _ ("Facets of events");
    case CRB_MERGE_EVENT_CLAIMS:
      return _ ("Claims added to events");
    case CRB_MERGE_RELATIONS:
      return _ ("Relations between sources");
    case CRB_MERGE_N_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static AdwPreferencesGroup *
add_group (CrbMergeDialog *self, const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->summary_page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
fill_summary (CrbMergeDialog *self)
{
  const CrbMergeSummary *summary = &self->summary;
  AdwPreferencesGroup   *group = NULL;
  g_autofree char       *title = g_strdup_printf (_ ("Merged “%s”"), self->other_name);
  guint                  placed =
      summary->reanchored - MIN (summary->reanchored, summary->ambiguous + summary->orphaned);
  gboolean anything = summary->updated || summary->deleted || summary->same_documents ||
                      summary->lost_edits || summary->reanchored || summary->conflicts;

  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    anything |= summary->added[k] > 0;
  group = add_group (self, title,
                     anything ? _ ("The merge is one step: Undo in the main menu takes all of it "
                                   "back.")
                              : _ ("Nothing new: this project already holds everything in the "
                                   "other one."));

  if (summary->conflicts)
    {
      g_autofree char *text =
          g_strdup_printf (ngettext ("%u field was changed by both of you",
                                     "%u fields were changed by both of you", summary->conflicts),
                           summary->conflicts);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_ ("_Review…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _ ("Each holds the later change until you pick one"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "merge.review");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (group, row);
    }

  group = NULL;
  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    if (summary->added[k])
      {
        if (group == NULL)
          group = add_group (self, _ ("Added"), NULL);
        adw_preferences_group_add (group, count_row (kind_title (k), summary->added[k], NULL));
      }

  group = NULL;
  if (summary->updated || summary->deleted || summary->same_documents || summary->lost_edits)
    group = add_group (self, _ ("Changed"), NULL);
  if (summary->updated)
    adw_preferences_group_add (
        group, count_row (_ ("Records updated with their changes"), summary->updated, NULL));
  if (summary->deleted)
    adw_preferences_group_add (group, count_row (_ ("Deletions honoured"), summary->deleted,
                                                 _ ("Records they deleted are deleted here too")));
  if (summary->same_documents)
    adw_preferences_group_add (group,
                               count_row (_ ("Sources both projects had"), summary->same_documents,
                                          _ ("Kept once, with both sets of claims")));
  if (summary->lost_edits)
    adw_preferences_group_add (group,
                               count_row (_ ("Edits to deleted records"), summary->lost_edits,
                                          _ ("Not applied: the other side deleted the record")));

  if (summary->reanchored)
    {
      group = add_group (self, _ ("Re-anchored Claims"),
                         _ ("Claims made on another revision of a source, placed in its current "
                            "text"));
      if (placed)
        adw_preferences_group_add (group,
                                   count_row (crb_labels_anchor_status ("moved"), placed, NULL));
      if (summary->ambiguous)
        adw_preferences_group_add (
            group, count_row (crb_labels_anchor_status ("ambiguous"), summary->ambiguous, NULL));
      if (summary->orphaned)
        adw_preferences_group_add (
            group, count_row (crb_labels_anchor_status ("orphaned"), summary->orphaned, NULL));
    }
}

/* The core's merge runs to its end once started: cancelling takes the
 * finished merge back with its own undo step (the dialog is modal, so no
 * other step can come between). */
static void
take_back (CrbMergeDialog *self)
{
  g_autofree char *label = crb_project_dup_undo_label (self->project);
  g_autoptr (GError) error = NULL;

  if (label == NULL || !g_str_has_prefix (label, "Merge “"))
    return;
  if (!crb_project_undo (self->project, NULL, &error))
    g_warning ("Could not take back a cancelled merge: %s", error->message);
}

static void
merged (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (CrbMergeDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok = crb_project_merge_finish (CRB_PROJECT (source), result, &self->summary, &error);

  self->merging = FALSE;
  /* Destroyed meanwhile (its project's window closed). */
  if (self->project == NULL)
    return;
  if (self->cancelled)
    {
      if (ok)
        take_back (self);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (!ok)
    {
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }
  self->merged = TRUE;
  fill_summary (self);
  show_page (self, "summary");
  g_signal_emit (self, signals[MERGED], 0);
}

void
crb_merge_dialog_merge (CrbMergeDialog *self, const char *other_path)
{
  g_autofree char *description = NULL;

  g_return_if_fail (CRB_IS_MERGE_DIALOG (self));
  g_return_if_fail (other_path != NULL);
  g_return_if_fail (!self->merged);

  g_free (self->other_name);
  self->other_name = g_filename_display_basename (other_path);
  description = g_strdup_printf (_ ("Bringing in the work in “%s”. Your project stays as it is "
                                    "until the merge is complete."),
                                 self->other_name);
  adw_status_page_set_description (self->progress_page, description);
  show_page (self, "progress");
  self->merging = TRUE;
  crb_project_merge_async (self->project, other_path, NULL, merged, g_object_ref (self));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (widget);

  if (!self->merging)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  self->cancelled = TRUE;
  adw_status_page_set_title (self->progress_page, _ ("Cancelling…"));
  adw_status_page_set_description (self->progress_page,
                                   _ ("The merge is taken back as soon as it has finished."));
  gtk_widget_action_set_enabled (widget, "merge.cancel", FALSE);
}

static gboolean
crb_merge_dialog_close_request (GtkWindow *window)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (window);

  /* Closing while merging is cancelling; the window goes when it is done. */
  if (self->merging)
    {
      if (!self->cancelled)
        cancel_action (GTK_WIDGET (self), "merge.cancel", NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (crb_merge_dialog_parent_class)->close_request (window);
}

/* Review */

/* A record in a few words: a claim by its quote, others by name. */
static char *
describe_record (CrbMergeDialog *self, const char *table, const char *uuid)
{
  g_autoptr (CrbRecord) record = NULL;

  if (g_str_equal (table, "claim") &&
      (record = CRB_RECORD (crb_project_find_claim (self->project, uuid, NULL))))
    return g_strdup_printf (_ ("%s “%s”"),
                            crb_labels_claim_kind (crb_claim_get_kind (CRB_CLAIM (record))),
                            crb_claim_get_exact (CRB_CLAIM (record)));
  if (g_str_equal (table, "document") &&
      (record = CRB_RECORD (crb_project_find_document (self->project, uuid, NULL))))
    return g_strdup_printf (_ ("Source “%s”"), crb_document_get_title (CRB_DOCUMENT (record)));
  if (g_str_equal (table, "entity") &&
      (record = CRB_RECORD (crb_project_find_entity (self->project, uuid, NULL))))
    return g_strdup_printf (_ ("Entity “%s”"), crb_entity_get_name (CRB_ENTITY (record)));
  if (g_str_equal (table, "event") &&
      (record = CRB_RECORD (crb_project_find_event (self->project, uuid, NULL))))
    return g_strdup_printf (_ ("Event “%s”"), crb_event_get_title (CRB_EVENT (record)));
  if (g_str_equal (table, "tag") &&
      (record = CRB_RECORD (crb_project_find_tag (self->project, uuid, NULL))))
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

static GtkWidget *
conflict_widget (CrbMergeDialog *self, CrbMergeConflict *conflict)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget       *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *record = describe_record (self, conflict->table, conflict->row_uuid);
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

static void
reload_review (CrbMergeDialog *self)
{
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))))
    gtk_box_remove (self->review_box, child);
  if (!(conflicts = crb_project_list_merge_conflicts (self->project, FALSE, &error)))
    {
      adw_status_page_set_title (self->error_page, _ ("Could Not Read the Merge Conflicts"));
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }
  self->n_conflicts = conflicts->len;
  for (guint i = 0; i < conflicts->len; i++)
    gtk_box_append (self->review_box, conflict_widget (self, g_ptr_array_index (conflicts, i)));
  show_page (self, conflicts->len ? "review" : "reviewed");
}

void
crb_merge_dialog_review (CrbMergeDialog *self)
{
  g_return_if_fail (CRB_IS_MERGE_DIALOG (self));
  reload_review (self);
}

static void
review_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  crb_merge_dialog_review (CRB_MERGE_DIALOG (widget));
}

static void
show_summary_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (widget);

  if (self->merged)
    show_page (self, "summary");
}

static void
resolve_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbMergeDialog *self = CRB_MERGE_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  const char *conflict;
  gboolean    take_other;

  g_variant_get (parameter, "(&sb)", &conflict, &take_other);
  if (!crb_project_resolve_merge_conflict (self->project, conflict, take_other, &error))
    {
      adw_status_page_set_title (self->error_page, _ ("Could Not Keep the Choice"));
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }
  /* The project's "changed" handler has reloaded the list. */
}

static void
project_changed (CrbMergeDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  /* A pick, or an undo in the main window, changes what is left. */
  if (g_str_equal (page, "review") || g_str_equal (page, "reviewed"))
    reload_review (self);
}

static void
crb_merge_dialog_class_init (CrbMergeDialogClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_merge_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = crb_merge_dialog_close_request;

  /* The merge is complete (and undoable in the project's window). */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, summary_page);
  gtk_widget_class_bind_template_child (widget_class, CrbMergeDialog, review_box);

  gtk_widget_class_install_action (widget_class, "merge.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "merge.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "merge.show-summary", NULL, show_summary_action);
  gtk_widget_class_install_action (widget_class, "merge.resolve", "(sb)", resolve_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_merge_dialog_init (CrbMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CrbMergeDialog *
crb_merge_dialog_new (CrbProject *project)
{
  CrbMergeDialog *self;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  self = g_object_new (CRB_TYPE_MERGE_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->changed_id =
      g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);
  return self;
}

const char *
crb_merge_dialog_get_page (CrbMergeDialog *self)
{
  g_return_val_if_fail (CRB_IS_MERGE_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const CrbMergeSummary *
crb_merge_dialog_get_summary (CrbMergeDialog *self)
{
  g_return_val_if_fail (CRB_IS_MERGE_DIALOG (self), NULL);
  return self->merged ? &self->summary : NULL;
}

guint
crb_merge_dialog_get_n_conflicts (CrbMergeDialog *self)
{
  g_return_val_if_fail (CRB_IS_MERGE_DIALOG (self), 0);
  return self->n_conflicts;
}
