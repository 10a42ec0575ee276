/* crb-entity-page.c
 *
 * Everything about the entity comes from the core in a GTask thread: its
 * sources (claims and mentions, grouped by document), the words around
 * each mention, and — in a second task, since it reads every text — the
 * spellings of its names found in the corpus.  The page lays them out as
 * boxed lists, one per source, and rebuilds on CrbProject::changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-alias.h"
#include "crb-claim-entity.h"
#include "crb-document.h"
#include "crb-entity-page-private.h"
#include "crb-entity-suggest.h"
#include "crb-labels.h"
#include "crb-mention-detect.h"
#include "crb-mention.h"

#define CONTEXT_CHARS 60

G_DEFINE_FINAL_TYPE (CrbEntityPage, crb_entity_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crb_entity_page_dispose (GObject *object)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_ENTITY_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_object (&self->entity);
  g_clear_pointer (&self->entity_uuid, g_free);
  g_clear_pointer (&self->dismissed, g_hash_table_unref);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (crb_entity_page_parent_class)->dispose (object);
}

static void
crb_entity_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, crb_entity_page_get_title (CRB_ENTITY_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_crb_entity_page_show_error (CrbEntityPage *self, const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

void
_crb_entity_page_emit_activated (CrbEntityPage *self, const char *document_uuid,
                                 const char *claim_uuid, guint start, guint end)
{
  g_signal_emit (self, signals[PASSAGE_ACTIVATED], 0, document_uuid, claim_uuid, start, end);
}

/* What was loaded */

typedef struct
{
  CrbEntity  *entity;
  GPtrArray  *aliases;  /* CrbAlias */
  GPtrArray  *sources;  /* CrbEntitySource */
  GHashTable *contexts; /* mention UUID → markup of the words around it */
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_object (&loaded->entity);
  g_clear_pointer (&loaded->aliases, g_ptr_array_unref);
  g_clear_pointer (&loaded->sources, g_ptr_array_unref);
  g_clear_pointer (&loaded->contexts, g_hash_table_unref);
  g_free (loaded);
}

/* "… the dam's director, <b>Pyotr Sokol</b>, declined …" */
static char *
context_markup (const char *text, glong length, guint start, guint end)
{
  glong            from = MAX (0, (glong) start - CONTEXT_CHARS);
  glong            to = MIN (length, (glong) end + CONTEXT_CHARS);
  const char      *a = g_utf8_offset_to_pointer (text, from);
  const char      *b = g_utf8_offset_to_pointer (text, start);
  const char      *c = g_utf8_offset_to_pointer (text, end);
  const char      *d = g_utf8_offset_to_pointer (text, to);
  g_autofree char *before = g_markup_escape_text (a, b - a);
  g_autofree char *match = g_markup_escape_text (b, c - b);
  g_autofree char *after = g_markup_escape_text (c, d - c);
  char *markup = g_strdup_printf ("%s%s<b>%s</b>%s%s", from > 0 ? "…" : "", before, match, after,
                                  to < length ? "…" : "");

  return g_strdelimit (markup, "\n\r\t", ' ');
}

static void
load_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CrbProject *project = g_object_get_data (G_OBJECT (task), "project");
  Loaded     *loaded = g_new0 (Loaded, 1);
  GError     *error = NULL;

  loaded->contexts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!(loaded->entity = crb_project_find_entity (project, data, &error)) ||
      !(loaded->aliases = crb_project_list_aliases (project, data, &error)) ||
      !(loaded->sources = crb_project_list_entity_sources (project, data, &error)))
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < loaded->sources->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      CrbEntitySource *entity_source = g_ptr_array_index (loaded->sources, i);
      g_autofree char *text = NULL;
      glong            length;

      if (entity_source->mentions->len == 0 ||
          !(text = crb_project_dup_document_text (project, entity_source->document_uuid, NULL)))
        continue;
      length = g_utf8_strlen (text, -1);
      for (guint m = 0; m < entity_source->mentions->len; m++)
        {
          CrbMention *mention = g_ptr_array_index (entity_source->mentions, m);

          /* Offsets of an older revision do not fit the current text. */
          if (crb_mention_get_end (mention) > (guint) length)
            continue;
          g_hash_table_insert (loaded->contexts,
                               g_strdup (crb_record_get_uuid (CRB_RECORD (mention))),
                               context_markup (text, length, crb_mention_get_start (mention),
                                               crb_mention_get_end (mention)));
        }
    }
  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
}

static void
suggest_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CrbProject *project = g_object_get_data (G_OBJECT (task), "project");
  GError     *error = NULL;
  GPtrArray  *suggestions = crb_project_suggest_aliases (project, data, &error);

  if (suggestions)
    g_task_return_pointer (task, suggestions, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

/* Laying out */

static void
clear_group_rows (CrbEntityPage *self, AdwPreferencesGroup *group)
{
  for (guint i = 0; i < self->group_rows->len;)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);

      if (g_object_get_data (G_OBJECT (row), "group") == group)
        {
          adw_preferences_group_remove (group, row);
          g_ptr_array_remove_index (self->group_rows, i);
        }
      else
        i++;
    }
}

static void
add_group_row (CrbEntityPage *self, AdwPreferencesGroup *group, GtkWidget *row)
{
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (row), "group", group);
  g_ptr_array_add (self->group_rows, row);
}

static GtkWidget *
icon_button (const char *icon_name, const char *tooltip, const char *action, const char *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  return button;
}

static void
row_activated (AdwActionRow *row, CrbEntityPage *self)
{
  _crb_entity_page_emit_activated (self, g_object_get_data (G_OBJECT (row), "document"),
                                   g_object_get_data (G_OBJECT (row), "claim"),
                                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "start")),
                                   GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "end")));
}

static GtkWidget *
passage_row (CrbEntityPage *self, const char *document_uuid, const char *claim_uuid, guint start,
             guint end)
{
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "document", g_strdup (document_uuid), g_free);
  g_object_set_data_full (G_OBJECT (row), "claim", g_strdup (claim_uuid), g_free);
  g_object_set_data (G_OBJECT (row), "start", GUINT_TO_POINTER (start));
  g_object_set_data (G_OBJECT (row), "end", GUINT_TO_POINTER (end));
  g_signal_connect (row, "activated", G_CALLBACK (row_activated), self);
  return row;
}

static GtkWidget *
claim_row (CrbEntityPage *self, CrbEntitySource *source, CrbClaimEntity *link)
{
  GtkWidget *row =
      passage_row (self, source->document_uuid, crb_claim_entity_get_claim_uuid (link), 0, 0);
  /* Translators: the role an entity plays in a claim, e.g. "Claim · Subject" */
  g_autofree char *subtitle =
      g_strdup_printf (_ ("Claim · %s"), crb_labels_role (crb_claim_entity_get_role (link)));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crb_claim_entity_get_exact (link));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("user-bookmarks-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static GtkWidget *
mention_row (CrbEntityPage *self, CrbEntitySource *source, CrbMention *mention,
             GHashTable *contexts)
{
  const char *uuid = crb_record_get_uuid (CRB_RECORD (mention));
  const char *status = crb_mention_get_status (mention);
  const char *context = g_hash_table_lookup (contexts, uuid);
  GtkWidget  *row = passage_row (self, source->document_uuid, NULL, crb_mention_get_start (mention),
                                 crb_mention_get_end (mention));
  g_autofree char *escaped = g_markup_escape_text (crb_mention_get_exact (mention), -1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), context ? context : escaped);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("format-text-underline-symbolic"));
  if (g_str_equal (status, "suggested"))
    {
      g_autofree char *confirm =
          g_strdup_printf (_ ("Confirm: this names “%s”"), crb_entity_get_name (self->entity));
      g_autofree char *reject =
          g_strdup_printf (_ ("Reject: this is not “%s”"), crb_entity_get_name (self->entity));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("Suggested mention"));
      gtk_widget_add_css_class (row, "suggested-mention");
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          icon_button ("object-select-symbolic", confirm, "entity.confirm-mention", uuid));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("window-close-symbolic", reject,
                                                                    "entity.reject-mention", uuid));
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _ ("Mention"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

static void
render_sources (CrbEntityPage *self, GPtrArray *sources, GHashTable *contexts)
{
  GtkWidget *child;
  guint      shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_box))))
    gtk_box_remove (self->sources_box, child);
  for (guint i = 0; i < sources->len; i++)
    {
      CrbEntitySource *source = g_ptr_array_index (sources, i);
      GtkWidget       *group = adw_preferences_group_new ();
      g_autofree char *date = crb_labels_format_date (source->published_at);
      g_autofree char *n_claims = NULL;
      g_autofree char *n_mentions = NULL;
      g_autofree char *description = NULL;
      guint            mentions = 0;

      for (guint m = 0; m < source->mentions->len; m++)
        if (!g_str_equal (crb_mention_get_status (g_ptr_array_index (source->mentions, m)),
                          "rejected"))
          mentions++;
      if (source->claims->len == 0 && mentions == 0)
        continue;
      n_claims = g_strdup_printf (ngettext ("%u claim", "%u claims", source->claims->len),
                                  source->claims->len);
      n_mentions = g_strdup_printf (ngettext ("%u mention", "%u mentions", mentions), mentions);
      if (source->claims->len == 0)
        description = g_steal_pointer (&n_mentions);
      else if (mentions == 0)
        description = g_steal_pointer (&n_claims);
      else
        /* Translators: "2 claims, 3 mentions" in one source on an entity's page */
        description = g_strdup_printf (_ ("%s, %s"), n_claims, n_mentions);
      if (date)
        {
          char *dated = g_strdup_printf ("%s · %s", date, description);

          g_free (description);
          description = dated;
        }
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), source->title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
      for (guint c = 0; c < source->claims->len; c++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   claim_row (self, source, g_ptr_array_index (source->claims, c)));
      for (guint m = 0; m < source->mentions->len; m++)
        {
          CrbMention *mention = g_ptr_array_index (source->mentions, m);

          if (!g_str_equal (crb_mention_get_status (mention), "rejected"))
            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                       mention_row (self, source, mention, contexts));
        }
      gtk_box_append (self->sources_box, group);
      shown++;
    }
  gtk_widget_set_visible (self->no_sources, shown == 0);
}

static void
render (CrbEntityPage *self, Loaded *loaded)
{
  CrbEntity       *entity = loaded->entity;
  const char      *external = crb_entity_get_external_id (entity);
  g_autofree char *kind = NULL;

  g_set_object (&self->entity, entity);
  gtk_image_set_from_icon_name (self->icon, crb_labels_entity_icon (crb_entity_get_kind (entity)));
  gtk_label_set_label (self->name_label, crb_entity_get_name (entity));
  kind = g_strdup (crb_labels_entity_kind (crb_entity_get_kind (entity)));
  gtk_label_set_label (self->kind_label, kind);
  gtk_label_set_label (self->description_label, crb_entity_get_description (entity)
                                                    ? crb_entity_get_description (entity)
                                                    : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          crb_entity_get_description (entity) != NULL);
  if (external)
    {
      g_autofree char *uri = g_str_has_prefix (external, "Q")
                                 ? g_strconcat ("https://www.wikidata.org/wiki/", external, NULL)
                                 : g_strdup (external);

      gtk_link_button_set_uri (self->external_link, uri);
      gtk_button_set_label (GTK_BUTTON (self->external_link), external);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->external_link), external != NULL);

  clear_group_rows (self, self->aliases_group);
  for (guint i = 0; i < loaded->aliases->len; i++)
    {
      CrbAlias        *alias = g_ptr_array_index (loaded->aliases, i);
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *tooltip =
          g_strdup_printf (_ ("Remove the name “%s”"), crb_alias_get_name (alias));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crb_alias_get_name (alias));
      if (crb_alias_get_language (alias))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), crb_alias_get_language (alias));
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row), icon_button ("edit-delete-symbolic", tooltip, "entity.remove-alias",
                                             crb_record_get_uuid (CRB_RECORD (alias))));
      add_group_row (self, self->aliases_group, row);
    }
  render_sources (self, loaded->sources, loaded->contexts);
}

static void
render_suggestions (CrbEntityPage *self, GPtrArray *suggestions)
{
  guint shown = 0;

  clear_group_rows (self, self->suggestions_group);
  for (guint i = 0; suggestions && i < suggestions->len; i++)
    {
      CrbAliasSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      GtkWidget          *row;
      g_autofree char    *subtitle = NULL;
      g_autofree char    *accept = NULL;
      g_autofree char    *dismiss = NULL;
      guint               n_documents = suggestion->documents->len;

      if (g_hash_table_contains (self->dismissed, suggestion->variant))
        continue;
      row = adw_action_row_new ();
      /* Translators: an alias suggestion: "like “Yevgeny Kholodov”, in 2 sources" */
      subtitle = g_strdup_printf (
          ngettext ("like “%s”, in %u source", "like “%s”, in %u sources", n_documents),
          suggestion->matched_name, n_documents);
      accept = g_strdup_printf (_ ("Add “%s” as another name"), suggestion->variant);
      dismiss = g_strdup_printf (_ ("Dismiss “%s”"), suggestion->variant);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), suggestion->variant);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (
          ADW_ACTION_ROW (row),
          icon_button ("list-add-symbolic", accept, "entity.accept-alias", suggestion->variant));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("window-close-symbolic", dismiss,
                                              "entity.dismiss-alias", suggestion->variant));
      add_group_row (self, self->suggestions_group, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->suggestions_group), shown > 0);
}

/* Loading */

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (source);
  g_autoptr (GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading--;
  if (loaded == NULL)
    {
      g_clear_object (&self->entity);
      gtk_stack_set_visible_child_name (self->stack, "missing");
    }
  else
    {
      render (self, loaded);
      loaded_free (loaded);
      gtk_stack_set_visible_child_name (self->stack, "page");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
suggested_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbEntityPage *self = CRB_ENTITY_PAGE (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) suggestions = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading--;
  if (error)
    g_debug ("No spelling suggestions: %s", error->message);
  render_suggestions (self, suggestions);
}

static void
run (CrbEntityPage *self, GTaskThreadFunc func, GAsyncReadyCallback callback)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, callback, NULL);

  self->loading++;
  g_task_set_source_tag (task, func);
  g_task_set_task_data (task, g_strdup (self->entity_uuid), g_free);
  g_object_set_data_full (G_OBJECT (task), "project", g_object_ref (self->project), g_object_unref);
  g_task_run_in_thread (task, func);
}

void
_crb_entity_page_reload (CrbEntityPage *self)
{
  if (self->cancellable)
    {
      g_cancellable_cancel (self->cancellable);
      self->loading = 0; /* what was in flight will not report */
    }
  g_clear_object (&self->cancellable);
  if (self->project == NULL || self->entity_uuid == NULL)
    {
      g_clear_object (&self->entity);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }
  self->cancellable = g_cancellable_new ();
  run (self, load_in_thread, loaded_cb);
  run (self, suggest_in_thread, suggested_cb);
}

static void
project_changed (CrbEntityPage *self, CrbChangeFlags changes)
{
  if (changes & (CRB_CHANGE_ENTITIES | CRB_CHANGE_CLAIMS | CRB_CHANGE_DOCUMENTS))
    _crb_entity_page_reload (self);
}

static void
crb_entity_page_class_init (CrbEntityPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_entity_page_dispose;
  object_class->get_property = crb_entity_page_get_property;

  properties[PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrbEntityPage::passage-activated:
   * @document_uuid: the source
   * @claim_uuid: (nullable): the claim to show, or NULL for a mention
   * @start: the mention's first code point (0 for a claim)
   * @end: the code point after the mention
   */
  signals[PASSAGE_ACTIVATED] = g_signal_new (
      "passage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
      G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-entity-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, icon);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, external_link);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, merge_button);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, aliases_group);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, alias_entry);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, suggestions_group);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, sources_box);
  gtk_widget_class_bind_template_child (widget_class, CrbEntityPage, no_sources);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "entitypage");
  _crb_entity_page_class_actions_init (widget_class);
}

static void
crb_entity_page_init (CrbEntityPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dismissed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->group_rows = g_ptr_array_new ();
  gtk_stack_set_visible_child_name (self->stack, "missing");
  _crb_entity_page_init_actions (self);
}

GtkWidget *
crb_entity_page_new (void)
{
  return g_object_new (CRB_TYPE_ENTITY_PAGE, NULL);
}

void
crb_entity_page_set_project (CrbEntityPage *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_ENTITY_PAGE (self));
  g_return_if_fail (project == NULL || CRB_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project)
    self->changed_id =
        g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);
  g_clear_pointer (&self->entity_uuid, g_free);
  g_hash_table_remove_all (self->dismissed);
  _crb_entity_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
crb_entity_page_set_entity (CrbEntityPage *self, const char *entity_uuid)
{
  g_return_if_fail (CRB_IS_ENTITY_PAGE (self));

  if (g_strcmp0 (self->entity_uuid, entity_uuid) != 0)
    {
      g_free (self->entity_uuid);
      self->entity_uuid = g_strdup (entity_uuid);
      gtk_editable_set_text (GTK_EDITABLE (self->alias_entry), "");
    }
  _crb_entity_page_reload (self);
}

const char *
crb_entity_page_get_entity (CrbEntityPage *self)
{
  g_return_val_if_fail (CRB_IS_ENTITY_PAGE (self), NULL);
  return self->entity_uuid;
}

const char *
crb_entity_page_get_title (CrbEntityPage *self)
{
  g_return_val_if_fail (CRB_IS_ENTITY_PAGE (self), NULL);
  return self->entity ? crb_entity_get_name (self->entity) : "";
}

gboolean
crb_entity_page_is_loading (CrbEntityPage *self)
{
  g_return_val_if_fail (CRB_IS_ENTITY_PAGE (self), FALSE);
  return self->loading > 0;
}
