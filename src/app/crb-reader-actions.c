/* crb-reader-actions.c: what can be done with a selection in the reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-claim-entity.h"
#include "crb-dialogs.h"
#include "crb-edit.h"
#include "crb-event-claim.h"
#include "crb-mention.h"
#include "crb-reader-private.h"
#include "crb-source-details-window.h"

typedef enum
{
  AFTER_NOTHING,
  AFTER_CHOOSE_EVENT,
} AfterAnnotation;

typedef struct
{
  CrbReader       *reader;
  char            *kind;
  guint            start;
  guint            end;
  AfterAnnotation  after;
} Annotation;

static void
annotation_free (gpointer data)
{
  Annotation *annotation = data;

  g_object_unref (annotation->reader);
  g_free (annotation->kind);
  g_free (annotation);
}

static void
popup_chooser (CrbReader *self, CrbChooserKind kind, const char *purpose, const char *text,
               guint start, guint end)
{
  GdkRectangle rect;

  _crb_reader_range_rect (self, start, end, &rect);
  crb_chooser_popover_set_purpose (self->chooser, purpose);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->chooser), &rect);
  gtk_popover_popup (GTK_POPOVER (self->chooser));
  crb_chooser_popover_setup (self->chooser, self->project, kind, text);
}

static void
annotate_now (gpointer data)
{
  Annotation *annotation = data;
  CrbReader *self = annotation->reader;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  const char *uuid;

  if (self->document == NULL || self->project == NULL)
    return;
  claim = crb_project_add_claim (self->project, crb_record_get_uuid (CRB_RECORD (self->document)),
                                 annotation->start, annotation->end, annotation->kind, "",
                                 &error);
  if (claim == NULL)
    {
      _crb_reader_show_error (self, error);
      return;
    }

  /* The highlight shows once the selection is gone. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, (int) annotation->end);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  gtk_popover_popdown (self->selection_popover);

  /* The analyst's new claim shows, whoever's claims were shown. */
  if (*self->author_filter
      && g_strcmp0 (self->author_filter, crb_record_get_author (CRB_RECORD (claim))) != 0)
    crb_reader_set_author_filter (self, "");
  uuid = crb_record_get_uuid (CRB_RECORD (claim));
  crb_reader_select_claim (self, uuid);
  if (annotation->after == AFTER_CHOOSE_EVENT)
    {
      g_autofree char *purpose = g_strdup_printf ("event:%s", uuid);

      popup_chooser (self, CRB_CHOOSER_EVENT, purpose, NULL, annotation->start, annotation->end);
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-inspector", NULL);
}

static void
annotate (CrbReader *self, const char *kind, AfterAnnotation after)
{
  Annotation *annotation;
  guint start, end;

  if (!crb_reader_get_selection (self, &start, &end))
    return;
  annotation = g_new0 (Annotation, 1);
  annotation->reader = g_object_ref (self);
  annotation->kind = g_strdup (kind);
  annotation->start = start;
  annotation->end = end;
  annotation->after = after;
  crb_dialogs_ensure_analyst (GTK_WIDGET (self), self->project, annotate_now, annotation,
                              annotation_free);
}

static void
claim_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbReader *self = CRB_READER (widget);

  annotate (self, g_str_equal (action_name, "reader.highlight")  ? "highlight"
                  : g_str_equal (action_name, "reader.question") ? "question"
                                                                 : "claim",
            AFTER_NOTHING);
}

static void
add_to_event_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  annotate (CRB_READER (widget), "claim", AFTER_CHOOSE_EVENT);
}

static void
link_entity_now (gpointer data)
{
  Annotation *annotation = data;
  CrbReader *self = annotation->reader;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  g_autofree char *purpose = g_strdup_printf ("mention:%u:%u", annotation->start, annotation->end);
  g_autofree char *text = NULL;
  GtkTextIter a, b;

  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) annotation->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) annotation->end);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  gtk_popover_popdown (self->selection_popover);
  popup_chooser (self, CRB_CHOOSER_ENTITY, purpose, g_strstrip (text), annotation->start,
                 annotation->end);
}

static void
link_entity_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbReader *self = CRB_READER (widget);
  Annotation *annotation;
  guint start, end;

  if (!crb_reader_get_selection (self, &start, &end))
    return;
  annotation = g_new0 (Annotation, 1);
  annotation->reader = g_object_ref (self);
  annotation->start = start;
  annotation->end = end;
  crb_dialogs_ensure_analyst (widget, self->project, link_entity_now, annotation,
                              annotation_free);
}

/* What the chooser was opened for decides what the choice does. */
static void
chosen (CrbReader *self, const char *uuid)
{
  const char *purpose = crb_chooser_popover_get_purpose (self->chooser);
  g_autoptr (GError) error = NULL;
  guint start, end;

  if (self->project == NULL || self->document == NULL || purpose == NULL)
    return;
  if (sscanf (purpose, "mention:%u:%u", &start, &end) == 2)
    {
      g_autoptr (CrbMention) mention = crb_project_add_mention (
          self->project, uuid, crb_record_get_uuid (CRB_RECORD (self->document)), start, end,
          "confirmed", &error);

      if (mention == NULL)
        _crb_reader_show_error (self, error);
      /* A mention inside the selected claim names the claim's entity too. */
      else if (self->selected_claim && crb_claim_get_start (self->selected_claim) <= start
               && crb_claim_get_end (self->selected_claim) >= end)
        {
          g_autoptr (CrbClaimEntity) link = crb_project_link_claim_entity (
              self->project, crb_record_get_uuid (CRB_RECORD (self->selected_claim)), uuid,
              "mentioned", &error);

          if (link == NULL)
            _crb_reader_show_error (self, error);
        }
    }
  else if (g_str_has_prefix (purpose, "event:"))
    {
      g_autoptr (CrbEventClaim) link = crb_project_link_claim_event (
          self->project, purpose + strlen ("event:"), uuid, NULL, "supports", &error);

      if (link == NULL)
        _crb_reader_show_error (self, error);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-inspector", NULL);
    }
}

static void
grade_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbReader *self = CRB_READER (widget);
  const char *grade = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;

  if (self->document == NULL
      || g_strcmp0 (grade, crb_document_get_reliability (self->document)
                               ? crb_document_get_reliability (self->document)
                               : "")
             == 0)
    return;
  if (!crb_project_set_field (self->project, "document",
                              crb_record_get_uuid (CRB_RECORD (self->document)), "reliability",
                              *grade ? grade : NULL, &error))
    _crb_reader_show_error (self, error);
}

static void
details_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbReader *self = CRB_READER (widget);
  CrbSourceDetailsWindow *details;

  if (self->document == NULL)
    return;
  details = crb_source_details_window_new (self->project,
                                           crb_record_get_uuid (CRB_RECORD (self->document)));
  gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (details));
}

static void
deselect_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbReader *self = CRB_READER (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  GtkTextIter cursor;

  if (gtk_text_buffer_get_has_selection (buffer))
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_place_cursor (buffer, &cursor);
    }
  else
    _crb_reader_set_selected (self, NULL);
}

static void
find_similar_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  CrbReader *self = CRB_READER (widget);

  if (self->selected_claim)
    gtk_widget_activate_action (widget, "win.find-similar", "s",
                                crb_record_get_uuid (CRB_RECORD (self->selected_claim)));
}

void
_crb_reader_update_actions (CrbReader *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean selection = crb_reader_get_selection (self, NULL, NULL) && self->project != NULL;

  gtk_widget_action_set_enabled (widget, "reader.claim", selection);
  gtk_widget_action_set_enabled (widget, "reader.highlight", selection);
  gtk_widget_action_set_enabled (widget, "reader.question", selection);
  gtk_widget_action_set_enabled (widget, "reader.link-entity", selection);
  gtk_widget_action_set_enabled (widget, "reader.add-to-event", selection);
  gtk_widget_action_set_enabled (widget, "reader.grade", self->document != NULL);
  gtk_widget_action_set_enabled (widget, "reader.find-similar", self->selected_claim != NULL);
  gtk_widget_action_set_enabled (widget, "reader.details", self->document != NULL);
}

void
_crb_reader_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reader.claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "reader.highlight", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "reader.question", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "reader.link-entity", NULL, link_entity_action);
  gtk_widget_class_install_action (widget_class, "reader.add-to-event", NULL,
                                   add_to_event_action);
  gtk_widget_class_install_action (widget_class, "reader.grade", "s", grade_action);
  gtk_widget_class_install_action (widget_class, "reader.details", NULL, details_action);
  gtk_widget_class_install_action (widget_class, "reader.deselect", NULL, deselect_action);
  gtk_widget_class_install_action (widget_class, "reader.find-similar", NULL, find_similar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "reader.claim",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "reader.highlight", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "reader.question", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "reader.link-entity", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.add-to-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reader.deselect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.find-similar", NULL);
}

void
_crb_reader_connect_chooser (CrbReader *self)
{
  g_signal_connect_object (self->chooser, "chosen", G_CALLBACK (chosen), self,
                           G_CONNECT_SWAPPED);
}
