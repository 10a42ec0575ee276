/* crb-reader-authors.c: whose claims the reader shows
 *
 * In a project shared among analysts, one analyst's highlights can be
 * looked at alone: the menu lists the authors of the shown document's
 * claims, and choosing one hides the others' highlights.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-reader-private.h"

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
rebuild_menu (CrbReader *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) everyone = g_menu_new ();
  g_autoptr (GMenu) analysts = g_menu_new ();
  g_autoptr (GMenuItem) all = g_menu_item_new (_ ("All Analysts"), NULL);

  g_menu_item_set_action_and_target (all, "reader.show-author", "s", "");
  g_menu_append_item (everyone, all);
  for (guint i = 0; self->authors && self->authors[i]; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (self->authors[i], NULL);

      g_menu_item_set_action_and_target (item, "reader.show-author", "s", self->authors[i]);
      g_menu_append_item (analysts, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (everyone));
  g_menu_append_section (menu, _ ("Only the Claims of"), G_MENU_MODEL (analysts));
  gtk_menu_button_set_menu_model (self->author_button, G_MENU_MODEL (menu));
}

void
_crb_reader_filter_authors (CrbReader *self, GPtrArray *claims)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  gboolean filtered = self->author_filter && *self->author_filter;

  for (guint i = 0; claims && i < claims->len; i++)
    {
      const char *author = crb_record_get_author (g_ptr_array_index (claims, i));

      if (author && *author && g_hash_table_add (seen, (gpointer) author))
        g_ptr_array_add (names, (gpointer) author);
    }
  /* The chosen analyst stays in the menu, even with no claims here. */
  if (filtered && g_hash_table_add (seen, self->author_filter))
    g_ptr_array_add (names, self->author_filter);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  if (self->authors == NULL ||
      !g_strv_equal ((const char *const *) self->authors, (const char *const *) names->pdata))
    {
      g_strfreev (self->authors);
      self->authors = g_strdupv ((char **) names->pdata);
      rebuild_menu (self);
    }

  /* Only worth showing where more than one analyst worked. */
  gtk_widget_set_visible (GTK_WIDGET (self->author_button), filtered || names->len > 2);
  if (filtered)
    {
      g_autofree char *tooltip = g_strdup_printf (_ ("Only the Claims of %s"), self->author_filter);

      gtk_menu_button_set_label (self->author_button, self->author_filter);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->author_button), tooltip);
      gtk_widget_add_css_class (GTK_WIDGET (self->author_button), "accent");
    }
  else
    {
      gtk_menu_button_set_icon_name (self->author_button, "system-users-symbolic");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->author_button),
                                   _ ("Show the Claims of One Analyst"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->author_button), "accent");
    }

  for (guint i = claims && filtered ? claims->len : 0; i > 0; i--)
    if (g_strcmp0 (crb_record_get_author (g_ptr_array_index (claims, i - 1)),
                   self->author_filter) != 0)
      g_ptr_array_remove_index (claims, i - 1);
}
