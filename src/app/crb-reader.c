/* crb-reader.c
 *
 * The text lives in a GtkTextView inside an AdwClampScrollable, so that the
 * view stays scrollable (only the visible part is laid out before the
 * first frame) while the measure stays comfortable.  Highlights come from
 * CrbHighlighter; the view reloads them on CrbProject::changed and only
 * what changed is repainted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-labels.h"
#include "crb-mention.h"
#include "crb-reader-private.h"
#include "crb-search.h"
#include "crb-tag.h"

G_DEFINE_FINAL_TYPE (CrbReader, crb_reader, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_DOCUMENT,
  PROP_SELECTED_CLAIM,
  PROP_AUTHOR_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload_claims (CrbReader *self, CrbChangeFlags changes);
static void update_claims (CrbReader *self, const char * const *uuids);
static void update_header (CrbReader *self);

static void
crb_reader_dispose (GObject *object)
{
  CrbReader *self = CRB_READER (object);

  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_handle_id (&self->popover_timeout, g_source_remove);
  g_clear_pointer ((GtkWidget **) &self->chooser, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_READER);
  g_clear_object (&self->project);
  g_clear_object (&self->document);
  g_clear_object (&self->selected_claim);
  g_clear_object (&self->highlighter);
  g_clear_pointer (&self->tag_colors, g_hash_table_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->scale_provider);
  g_clear_pointer (&self->author_filter, g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  G_OBJECT_CLASS (crb_reader_parent_class)->dispose (object);
}

static void
crb_reader_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbReader *self = CRB_READER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED_CLAIM:
      g_value_set_object (value, self->selected_claim);
      break;
    case PROP_AUTHOR_FILTER:
      g_value_set_string (value, self->author_filter);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_reader_set_property (GObject *object, guint prop_id, const GValue *value,
                         GParamSpec *pspec)
{
  CrbReader *self = CRB_READER (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      crb_reader_set_project (self, g_value_get_object (value));
      break;
    case PROP_AUTHOR_FILTER:
      crb_reader_set_author_filter (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_reader_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                    int *natural, int *minimum_baseline, int *natural_baseline)
{
  gtk_widget_measure (CRB_READER (widget)->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

/* Popovers are native surfaces: their parent must present them. */
static void
crb_reader_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  CrbReader *self = CRB_READER (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->selection_popover)))
    gtk_popover_present (self->selection_popover);
  if (self->chooser && gtk_widget_get_visible (GTK_WIDGET (self->chooser)))
    gtk_popover_present (GTK_POPOVER (self->chooser));
}

static void
crb_reader_class_init (CrbReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_reader_dispose;
  object_class->get_property = crb_reader_get_property;
  object_class->set_property = crb_reader_set_property;
  widget_class->measure = crb_reader_measure;
  widget_class->size_allocate = crb_reader_size_allocate;

  properties[PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, CRB_TYPE_PROJECT,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, CRB_TYPE_DOCUMENT,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                       | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_CLAIM] = g_param_spec_object ("selected-claim", NULL, NULL,
                                                         CRB_TYPE_CLAIM,
                                                         G_PARAM_READABLE
                                                             | G_PARAM_EXPLICIT_NOTIFY
                                                             | G_PARAM_STATIC_STRINGS);
  /* The analyst whose claims are shown, "" for all (reader.show-author). */
  properties[PROP_AUTHOR_FILTER] = g_param_spec_string ("author-filter", NULL, NULL, "",
                                                        G_PARAM_READWRITE
                                                            | G_PARAM_EXPLICIT_NOTIFY
                                                            | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CRB_TYPE_TEXT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/corroborate/Corroborate/crb-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbReader, box);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, kind_label);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, byline_label);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, grade_button);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, author_button);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, origin_button);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, retrieved_label);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, scroller);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, text_view);
  gtk_widget_class_bind_template_child (widget_class, CrbReader, selection_popover);
  gtk_widget_class_set_css_name (widget_class, "reader");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _crb_reader_class_actions_init (widget_class);
  gtk_widget_class_install_property_action (widget_class, "reader.show-author", "author-filter");
}

static void
apply_text_scale (CrbReader *self)
{
  double scale = g_settings_get_double (self->settings, "text-scale");
  g_autofree char *css = NULL;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  /* The reading size is a little larger than the interface's. */
  g_ascii_formatd (number, sizeof number, "%.3f", 1.15 * scale);
  css = g_strdup_printf ("textview.reader-text { font-size: %sem; }", number);
  gtk_css_provider_load_from_data (self->scale_provider, css, -1);
}

static void
apply_colors (CrbReader *self)
{
  static const char *kinds[] = { "claim", "highlight", "question" };
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *key = g_strdup_printf ("highlight-color-%s", kinds[i]);
      g_autofree char *color = g_settings_get_string (self->settings, key);

      crb_highlighter_set_kind_color (self->highlighter, kinds[i], color);
    }
  crb_highlighter_set_dark (self->highlighter, adw_style_manager_get_dark (style));
}

static void
settings_changed (CrbReader *self, const char *key)
{
  if (g_str_equal (key, "text-scale"))
    apply_text_scale (self);
  else if (g_str_has_prefix (key, "highlight-color-"))
    apply_colors (self);
}

/* A click without a drag lands the cursor: the claim under it is selected. */
static void
clicked_at_cursor (CrbReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter iter;

  if (gtk_text_buffer_get_has_selection (buffer))
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  _crb_reader_set_selected (self, crb_highlighter_claim_at (self->highlighter,
                                                            gtk_text_iter_get_offset (&iter)));
}

static gboolean
show_selection_popover (gpointer user_data)
{
  CrbReader *self = user_data;
  guint start, end;
  GdkRectangle rect;

  self->popover_timeout = 0;
  if (self->button_down || !crb_reader_get_selection (self, &start, &end)
      || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  _crb_reader_range_rect (self, start, end, &rect);
  gtk_popover_set_pointing_to (self->selection_popover, &rect);
  gtk_popover_popup (self->selection_popover);
  return G_SOURCE_REMOVE;
}

static void
selection_changed (CrbReader *self)
{
  g_clear_handle_id (&self->popover_timeout, g_source_remove);
  _crb_reader_update_actions (self);
  if (!crb_reader_get_selection (self, NULL, NULL))
    {
      gtk_popover_popdown (self->selection_popover);
      return;
    }
  /* Wait until the selection rests (keyboard selection, a slow drag). */
  self->popover_timeout = g_timeout_add (250, show_selection_popover, self);
}

static void
mark_set (CrbReader *self, GtkTextIter *location, GtkTextMark *mark, GtkTextBuffer *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    selection_changed (self);
}

static gboolean
pointer_event (GtkEventControllerLegacy *controller, GdkEvent *event, CrbReader *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS && gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
    {
      self->button_down = TRUE;
      gtk_popover_popdown (self->selection_popover);
    }
  else if (type == GDK_BUTTON_RELEASE && gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
    {
      self->button_down = FALSE;
      clicked_at_cursor (self);
      selection_changed (self);
    }
  return GDK_EVENT_PROPAGATE;
}

static void
dark_changed (CrbReader *self)
{
  apply_colors (self);
}

static void
crb_reader_init (CrbReader *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *legacy;

  /* The author action's state is read as the template is built. */
  self->author_filter = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  self->highlighter = crb_highlighter_new (buffer);
  self->tag_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->settings = g_settings_new (APPLICATION_ID);
  self->scale_provider = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->scale_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  apply_text_scale (self);
  apply_colors (self);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (settings_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set), self, G_CONNECT_SWAPPED);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (pointer_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), legacy);

  self->chooser = CRB_CHOOSER_POPOVER (crb_chooser_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->chooser), GTK_WIDGET (self));
  _crb_reader_connect_chooser (self);

  {
    g_autoptr (GMenuModel) grades = crb_labels_reliability_menu ("reader.grade");

    gtk_menu_button_set_menu_model (self->grade_button, grades);
  }
  update_header (self);
  _crb_reader_update_actions (self);
}

GtkWidget *
crb_reader_new (void)
{
  return g_object_new (CRB_TYPE_READER, NULL);
}

CrbProject *
crb_reader_get_project (CrbReader *self)
{
  g_return_val_if_fail (CRB_IS_READER (self), NULL);
  return self->project;
}

static void
project_changed (CrbReader *self, CrbChangeFlags changes)
{
  g_autoptr (CrbDocument) fresh = NULL;

  if (self->document == NULL)
    return;
  if (changes & CRB_CHANGE_DOCUMENTS)
    {
      fresh = crb_project_find_document (self->project,
                                         crb_record_get_uuid (CRB_RECORD (self->document)), NULL);
      if (fresh == NULL)
        {
          crb_reader_show_document (self, NULL, NULL);
          return;
        }
      /* A new revision has other text: show it from scratch. */
      if (g_strcmp0 (crb_document_get_revision_uuid (fresh),
                     crb_document_get_revision_uuid (self->document))
          != 0)
        {
          crb_reader_show_document (self, crb_record_get_uuid (CRB_RECORD (fresh)), NULL);
          return;
        }
      g_set_object (&self->document, fresh);
      update_header (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }
  if (changes & (CRB_CHANGE_CLAIMS | CRB_CHANGE_TAGS | CRB_CHANGE_ENTITIES))
    {
      const char * const *claims = crb_project_get_changed_claims (self->project);

      /* A claim made, edited or deleted: only it is read again. */
      if (claims != NULL && !(changes & (CRB_CHANGE_TAGS | CRB_CHANGE_ENTITIES))
          && !*self->author_filter)
        update_claims (self, claims);
      else
        reload_claims (self, changes);
    }
}

void
crb_reader_set_project (CrbReader *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_READER (self));
  g_return_if_fail (project == NULL || CRB_IS_PROJECT (project));

  if (self->project == project)
    return;
  crb_reader_show_document (self, NULL, NULL);
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project)
    self->changed_id = g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed),
                                                 self);
  _crb_reader_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

CrbDocument *
crb_reader_get_document (CrbReader *self)
{
  g_return_val_if_fail (CRB_IS_READER (self), NULL);
  return self->document;
}

static void
update_header (CrbReader *self)
{
  CrbDocument *doc = self->document;
  g_autoptr (GString) kind = g_string_new (NULL);
  g_autoptr (GPtrArray) byline = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *published = NULL;
  g_autofree char *retrieved = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *byline_text = NULL;
  const char *origin;
  const char *reliability;

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->kind_label)), doc != NULL);
  if (doc == NULL)
    return;

  g_string_append (kind, crb_labels_document_kind (crb_document_get_kind (doc)));
  if (crb_document_get_revision (doc) > 1)
    g_string_append_printf (kind, " · %s",
                            /* Translators: the revision of a source, e.g. "Revision 2" */
                            _("Revision"));
  if (crb_document_get_revision (doc) > 1)
    g_string_append_printf (kind, " %u", crb_document_get_revision (doc));
  gtk_label_set_label (self->kind_label, kind->str);
  gtk_label_set_label (self->title_label, crb_document_get_title (doc));

  if (crb_document_get_publisher (doc))
    g_ptr_array_add (byline, g_strdup (crb_document_get_publisher (doc)));
  if (crb_document_get_byline (doc))
    g_ptr_array_add (byline, g_strdup (crb_document_get_byline (doc)));
  if ((published = crb_labels_format_date (crb_document_get_published_at (doc))))
    g_ptr_array_add (byline, g_steal_pointer (&published));
  g_ptr_array_add (byline, NULL);
  byline_text = g_strjoinv (" · ", (char **) byline->pdata);
  gtk_label_set_label (self->byline_label, byline_text);
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), *byline_text != '\0');

  reliability = crb_document_get_reliability (doc);
  if (reliability && *reliability)
    grade = g_strdup_printf ("%s · %s", reliability, crb_labels_reliability (reliability));
  else
    grade = g_strdup (_("Not graded"));
  gtk_menu_button_set_label (self->grade_button, grade);

  origin = crb_document_get_final_url (doc) ? crb_document_get_final_url (doc)
                                            : crb_document_get_origin (doc);
  if (origin && (g_str_has_prefix (origin, "http://") || g_str_has_prefix (origin, "https://")))
    {
      g_autoptr (GUri) uri = g_uri_parse (origin, G_URI_FLAGS_NONE, NULL);

      gtk_link_button_set_uri (self->origin_button, origin);
      gtk_button_set_label (GTK_BUTTON (self->origin_button),
                            uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : origin);
      gtk_widget_set_visible (GTK_WIDGET (self->origin_button), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->origin_button), origin);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->origin_button), FALSE);

  if ((retrieved = crb_labels_format_time_ms (crb_document_get_retrieved_at (doc))))
    {
      g_autofree char *text = g_strdup_printf (_("Retrieved %s"), retrieved);

      gtk_label_set_label (self->retrieved_label, text);
    }
  else if (origin && !g_str_has_prefix (origin, "http"))
    {
      g_autofree char *base = g_path_get_basename (origin);

      gtk_label_set_label (self->retrieved_label, base);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->retrieved_label), origin);
    }
  else
    gtk_label_set_label (self->retrieved_label, "");
  _crb_reader_update_actions (self);
}

/* Claim UUID → colour of its first coloured tag ("" for none).  Read in
 * one query for the whole document when tags change; a claim added since
 * is looked up on its own, so that creating a claim stays cheap. */
static GHashTable *
claim_colors (CrbReader *self, GPtrArray *claims, CrbChangeFlags changes)
{
  GHashTable *colors = g_hash_table_new (g_str_hash, g_str_equal);

  if ((changes & CRB_CHANGE_TAGS) || g_hash_table_size (self->tag_colors) == 0)
    {
      g_autoptr (GHashTable) fresh = crb_project_dup_claim_tag_colors (
          self->project, crb_record_get_uuid (CRB_RECORD (self->document)), NULL);

      g_hash_table_remove_all (self->tag_colors);
      for (guint i = 0; fresh && i < claims->len; i++)
        {
          const char *uuid = crb_record_get_uuid (g_ptr_array_index (claims, i));
          const char *color = g_hash_table_lookup (fresh, uuid);

          g_hash_table_insert (self->tag_colors, g_strdup (uuid), g_strdup (color ? color : ""));
        }
    }
  for (guint i = 0; i < claims->len; i++)
    {
      const char *uuid = crb_record_get_uuid (g_ptr_array_index (claims, i));
      const char *color = g_hash_table_lookup (self->tag_colors, uuid);

      if (color == NULL)
        {
          g_autoptr (GPtrArray) tags = crb_project_list_claim_tags (self->project, uuid, NULL);

          color = "";
          for (guint j = 0; tags && j < tags->len; j++)
            if (crb_tag_get_color (g_ptr_array_index (tags, j)))
              {
                color = crb_tag_get_color (g_ptr_array_index (tags, j));
                break;
              }
          g_hash_table_insert (self->tag_colors, g_strdup (uuid), g_strdup (color));
          color = g_hash_table_lookup (self->tag_colors, uuid);
        }
      if (*color)
        g_hash_table_insert (colors, (gpointer) uuid, (gpointer) color);
    }
  return colors;
}

/* Whether a claim has its place in the text shown. */
static gboolean
is_placed (CrbReader *self, CrbClaim *claim)
{
  return g_strcmp0 (crb_claim_get_document_uuid (claim),
                    crb_record_get_uuid (CRB_RECORD (self->document)))
             == 0
         && g_strcmp0 (crb_claim_get_revision_uuid (claim),
                       crb_document_get_revision_uuid (self->document))
                == 0
         && !g_str_equal (crb_claim_get_anchor_status (claim), "orphaned");
}

static void
reload_claims (CrbReader *self, CrbChangeFlags changes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GHashTable) colors = NULL;
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *doc_uuid;
  const char *revision;
  g_autofree char *selected = NULL;

  if (self->document == NULL)
    {
      _crb_reader_filter_authors (self, NULL);
      crb_highlighter_set_claims (self->highlighter, NULL, NULL);
      crb_highlighter_set_mentions (self->highlighter, NULL);
      return;
    }
  doc_uuid = crb_record_get_uuid (CRB_RECORD (self->document));
  revision = crb_document_get_revision_uuid (self->document);

  if (!(claims = crb_project_list_claims (self->project, doc_uuid, &error)))
    {
      g_warning ("Could not read the claims of a source: %s", error->message);
      return;
    }
  /* Claims left on an older revision cannot be placed in this text. */
  for (guint i = claims->len; i > 0; i--)
    if (!is_placed (self, g_ptr_array_index (claims, i - 1)))
      g_ptr_array_remove_index (claims, i - 1);
  _crb_reader_filter_authors (self, claims);
  colors = claim_colors (self, claims, changes);
  crb_highlighter_set_claims (self->highlighter, claims, colors);

  if ((mentions = crb_project_list_mentions (self->project, doc_uuid, NULL, NULL)))
    for (guint i = 0; i < mentions->len; i++)
      {
        CrbMention *mention = g_ptr_array_index (mentions, i);
        guint start = crb_mention_get_start (mention);
        guint end = crb_mention_get_end (mention);

        if (g_str_equal (crb_mention_get_status (mention), "rejected")
            || g_strcmp0 (crb_mention_get_revision_uuid (mention), revision) != 0)
          continue;
        g_array_append_val (ranges, start);
        g_array_append_val (ranges, end);
      }
  crb_highlighter_set_mentions (self->highlighter, ranges);

  /* The selected claim is a snapshot: take the fresh one (or none). */
  if (self->selected_claim)
    {
      selected = g_strdup (crb_record_get_uuid (CRB_RECORD (self->selected_claim)));
      _crb_reader_set_selected (self, crb_highlighter_lookup (self->highlighter, selected));
    }
}

/* Reads again the claims a change named, and repaints only them. */
static void
update_claims (CrbReader *self, const char * const *uuids)
{
  g_autoptr (GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) removed = g_ptr_array_new ();
  g_autoptr (GHashTable) colors = NULL;
  g_autoptr (GPtrArray) shown = NULL;

  if (self->document == NULL)
    return;
  for (guint i = 0; uuids[i]; i++)
    {
      g_autoptr (CrbClaim) claim = crb_project_find_claim (self->project, uuids[i], NULL);

      /* Its tags may have changed with it. */
      g_hash_table_remove (self->tag_colors, uuids[i]);
      if (claim != NULL && is_placed (self, claim))
        g_ptr_array_add (changed, g_steal_pointer (&claim));
      else
        g_ptr_array_add (removed, (gpointer) uuids[i]);
    }
  g_ptr_array_add (removed, NULL);
  colors = claim_colors (self, changed, 0);
  crb_highlighter_update_claims (self->highlighter, changed, (const char * const *) removed->pdata,
                                 colors);

  /* The analysts' menu follows the claims shown. */
  shown = crb_highlighter_dup_claims (self->highlighter);
  _crb_reader_filter_authors (self, shown);

  if (self->selected_claim)
    {
      g_autofree char *selected = g_strdup (crb_record_get_uuid (CRB_RECORD (self->selected_claim)));

      _crb_reader_set_selected (self, crb_highlighter_lookup (self->highlighter, selected));
    }
}

gboolean
crb_reader_show_document (CrbReader *self, const char *document_uuid, GError **error)
{
  g_autoptr (CrbDocument) document = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  g_return_val_if_fail (CRB_IS_READER (self), FALSE);

  if (document_uuid)
    {
      g_return_val_if_fail (self->project != NULL, FALSE);
      if (!(document = crb_project_find_document (self->project, document_uuid, error))
          || !(text = crb_project_dup_document_text (self->project, document_uuid, error)))
        return FALSE;
    }

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_popover_popdown (self->selection_popover);
  _crb_reader_set_selected (self, NULL);
  crb_highlighter_set_claims (self->highlighter, NULL, NULL);
  g_set_object (&self->document, document);
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  crb_text_view_set_pages (self->text_view, document ? crb_document_get_pages (document) : NULL);
  g_hash_table_remove_all (self->tag_colors);
  reload_claims (self, CRB_CHANGE_ALL);
  update_header (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  return TRUE;
}

CrbClaim *
crb_reader_get_selected_claim (CrbReader *self)
{
  g_return_val_if_fail (CRB_IS_READER (self), NULL);
  return self->selected_claim;
}

void
_crb_reader_set_selected (CrbReader *self, CrbClaim *claim)
{
  if (self->selected_claim == claim)
    return;
  g_set_object (&self->selected_claim, claim);
  if (claim)
    crb_text_view_set_outline (self->text_view, crb_claim_get_start (claim),
                               crb_claim_get_end (claim));
  else
    crb_text_view_set_outline (self->text_view, 0, 0);
  _crb_reader_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CLAIM]);
}

static void
scroll_to_offset (CrbReader *self, guint offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextMark *mark = gtk_text_buffer_get_mark (buffer, "crb-reveal");
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (buffer, "crb-reveal", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, mark, &iter);
  /* A mark, not an iter: the view scrolls once the lines are laid out.
   * Not aligned: alignment would scroll sideways too, by the margin. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), mark, 0.25, FALSE, 0.0, 0.0);
}

void
crb_reader_select_claim (CrbReader *self, const char *claim_uuid)
{
  CrbClaim *claim;

  g_return_if_fail (CRB_IS_READER (self));

  claim = crb_highlighter_lookup (self->highlighter, claim_uuid);
  _crb_reader_set_selected (self, claim);
  if (claim)
    scroll_to_offset (self, crb_claim_get_start (claim));
}

void
crb_reader_reveal_range (CrbReader *self, guint start, guint end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (CRB_IS_READER (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
  gtk_text_buffer_select_range (buffer, &a, &b);
  scroll_to_offset (self, start);
}

/* Code-point offset of a byte position in `text`. */
static guint
char_offset (const char *text, const char *position)
{
  return (guint) g_utf8_pointer_to_offset (text, position);
}

gboolean
crb_reader_reveal_snippet (CrbReader *self, const char *snippet)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *word = NULL;
  g_autofree char *needle = NULL;
  const char *mark, *close, *body, *found;

  g_return_val_if_fail (CRB_IS_READER (self), FALSE);

  if (snippet == NULL || !(mark = strstr (snippet, CRB_SEARCH_MARK_START))
      || !(close = strstr (mark, CRB_SEARCH_MARK_END)))
    return FALSE;

  body = g_str_has_prefix (snippet, "…") ? snippet + strlen ("…") : snippet;
  before = g_strndup (body, (gsize) (mark - body));
  word = g_strndup (mark + 1, (gsize) (close - mark - 1));
  /* Earlier matches in the snippet carry marks too. */
  g_strdelimit (before, CRB_SEARCH_MARK_START CRB_SEARCH_MARK_END, ' ');
  needle = g_strconcat (before, word, NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, TRUE);

  if ((found = strstr (text, needle)))
    {
      guint start = char_offset (text, found) + (guint) g_utf8_strlen (before, -1);

      crb_reader_reveal_range (self, start, start + (guint) g_utf8_strlen (word, -1));
      return TRUE;
    }
  if ((found = strstr (text, word)))
    {
      guint start = char_offset (text, found);

      crb_reader_reveal_range (self, start, start + (guint) g_utf8_strlen (word, -1));
      return TRUE;
    }
  return FALSE;
}

gboolean
crb_reader_get_selection (CrbReader *self, guint *start, guint *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_val_if_fail (CRB_IS_READER (self), FALSE);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  if (self->document == NULL || !gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    return FALSE;
  if (start)
    *start = (guint) gtk_text_iter_get_offset (&a);
  if (end)
    *end = (guint) gtk_text_iter_get_offset (&b);
  return TRUE;
}

GtkTextView *
crb_reader_get_text_view (CrbReader *self)
{
  g_return_val_if_fail (CRB_IS_READER (self), NULL);
  return GTK_TEXT_VIEW (self->text_view);
}

void
_crb_reader_range_rect (CrbReader *self, guint start, guint end, GdkRectangle *rect)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter a, b;
  GdkRectangle first, last;
  double x = 0, y = 0;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
  gtk_text_view_get_iter_location (view, &a, &first);
  gtk_text_view_get_iter_location (view, &b, &last);
  /* Point at the selection's first line, where the reader's eye is. */
  first.width = last.y == first.y ? MAX (1, last.x - first.x) : 1;
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, first.x, first.y,
                                         &first.x, &first.y);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_widget_translate_coordinates (GTK_WIDGET (view), GTK_WIDGET (self), first.x, first.y, &x,
                                    &y);
  G_GNUC_END_IGNORE_DEPRECATIONS
  rect->x = (int) x;
  rect->y = (int) y;
  rect->width = first.width;
  rect->height = first.height;
}

void
_crb_reader_show_error (CrbReader *self, const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

const char *
crb_reader_get_author_filter (CrbReader *self)
{
  g_return_val_if_fail (CRB_IS_READER (self), NULL);
  return self->author_filter;
}

void
crb_reader_set_author_filter (CrbReader *self, const char *author)
{
  g_return_if_fail (CRB_IS_READER (self));

  if (author == NULL)
    author = "";
  if (g_strcmp0 (self->author_filter, author) == 0)
    return;
  g_free (self->author_filter);
  self->author_filter = g_strdup (author);
  reload_claims (self, CRB_CHANGE_CLAIMS);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR_FILTER]);
}
