/* crb-claim-inspector-history.c: who made the claim and who changed what
 *
 * The core keeps a version of every field an analyst changes (merges rely
 * on it); the inspector shows it as a short story, oldest first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-claim-inspector"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-claim-inspector-private.h"
#include "crb-labels.h"
#include "crb-merge.h"

static char *
entry_title (CrbChangeEntry *entry)
{
  const char *author = entry->author && *entry->author ? entry->author : _ ("an unknown analyst");

  if (entry->field == NULL)
    /* Translators: %s is an analyst's name */
    return g_strdup_printf (_ ("Created by %s"), author);
  /* Translators: "Note changed by Alice" */
  return g_strdup_printf (_ ("%s changed by %s"), crb_labels_field (entry->field), author);
}

void
_crb_claim_inspector_reload_history (CrbClaimInspector *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *summary = NULL;
  guint            changes;

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  if (self->claim == NULL || self->project == NULL)
    return;

  entries = crb_project_list_changes (self->project, "claim",
                                      crb_record_get_uuid (CRB_RECORD (self->claim)), NULL);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      CrbChangeEntry  *entry = g_ptr_array_index (entries, i);
      GtkWidget       *row = adw_action_row_new ();
      g_autofree char *title = entry_title (entry);
      g_autofree char *time = crb_labels_format_time_ms (entry->time);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), time ? time : "");
      gtk_widget_add_css_class (row, "property");
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  changes = entries && entries->len ? entries->len - 1 : 0;
  summary = changes ? g_strdup_printf (ngettext ("%u change", "%u changes", changes), changes)
                    : g_strdup (_ ("Not changed since it was made"));
  adw_expander_row_set_subtitle (self->history_row, summary);
  adw_expander_row_set_enable_expansion (self->history_row, self->history_rows->len > 0);
}
