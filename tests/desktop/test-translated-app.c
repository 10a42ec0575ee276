/* test-translated-app.c: the application in another language
 *
 * Run once per language (test-translated-app ru, … de): the catalogues
 * compiled in the build tree, the real window and its menus, dates in the
 * language's own words and plural forms by count.  Dates need the
 * language's locale: it is compiled into a private folder with localedef
 * (Debian's `locales` data), and that part is skipped where it cannot be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "crb-app-test.h"
#include "crb-labels.h"
#include "crb-storage.h"
#include "crb-window.h"

static const char *language;
static gboolean    have_locale;

/* Every text the window shows or can show: labels, buttons, status pages,
 * window titles, tooltips and menu items, hidden pages included. */
static void
collect_menu (GMenuModel *menu, GPtrArray *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr (GMenuLinkIter) links = g_menu_model_iterate_item_links (menu, i);
      char *label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (texts, label);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr (GMenuModel) linked = g_menu_link_iter_get_value (links);

          collect_menu (linked, texts);
        }
    }
}

static void
collect (GtkWidget *widget, GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  if (tooltip)
    g_ptr_array_add (texts, g_strdup (tooltip));
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (widget))));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
    g_ptr_array_add (texts, g_strdup (gtk_button_get_label (GTK_BUTTON (widget))));
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      g_ptr_array_add (texts, g_strdup (adw_status_page_get_title (ADW_STATUS_PAGE (widget))));
      if (adw_status_page_get_description (ADW_STATUS_PAGE (widget)))
        g_ptr_array_add (texts,
                         g_strdup (adw_status_page_get_description (ADW_STATUS_PAGE (widget))));
    }
  else if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), texts);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect (child, texts);
}

static gboolean
contains (GPtrArray *texts, const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static void
test_window (void)
{
  static const char *const msgids[] = {
    /* the welcome page */
    "Read many accounts of the same events, mark what each source claims, and see where they "
    "agree, where their figures differ and who copied whom.",
    "_New Project",
    "_Open Project…",
    "Open the _Sample Project",
    "Recent Projects",
    /* the primary menu, the workbench, the banners */
    "_New Project…",
    "_Save a Copy…",
    "_Preferences",
    "_Keyboard Shortcuts",
    "No Source Open",
    "Main Menu",
    "Dismiss",
  };
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  CrbWindow *window = crb_window_new (app);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  gtk_window_present (GTK_WINDOW (window));
  crb_app_test_flush ();
  collect (GTK_WIDGET (window), texts);
  /* The product's name is the same in every language. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Corroborate"));

  for (guint i = 0; i < G_N_ELEMENTS (msgids); i++)
    {
      const char *translated = g_dgettext (GETTEXT_PACKAGE, msgids[i]);

      g_test_message ("%s → %s", msgids[i], translated);
      g_assert_cmpstr (translated, !=, msgids[i]);
      g_assert_true (contains (texts, translated));
      g_assert_false (contains (texts, msgids[i]));
    }
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static void
test_storage_warning (void)
{
  g_autofree char *warning = crb_storage_describe (CRB_STORAGE_SYNCED, "Dropbox");

  g_assert_nonnull (strstr (warning, "Dropbox"));
  g_assert_null (strstr (warning, "synchronises"));
  g_assert_true (
      g_str_has_prefix (warning, g_str_equal (language, "ru") ? "Этот проект" : "Dieses Projekt"));
}

static void
test_dates (void)
{
  static const struct
  {
    const char *language;
    const char *iso;
    const char *shown;
  } cases[] = {
    { "ru", "2024-03-05", "5 марта 2024" },
    { "ru", "2024-03", "Март 2024" }, /* the nominative, standalone */
    { "ru", "2024-03-05T11:52:00Z", "5 марта 2024, 11:52" },
    { "de", "2024-03-05", "5. März 2024" },
    { "de", "2024-03", "März 2024" },
    { "de", "2024-03-05T11:52:00Z", "5. März 2024, 11:52" },
  };

  if (!have_locale)
    {
      g_test_skip ("the language's locale cannot be compiled here (needs Debian's locales)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].language, language))
      {
        g_autofree char *shown = crb_labels_format_date (cases[i].iso);

        g_assert_cmpstr (shown, ==, cases[i].shown);
      }
}

static void
test_plurals (void)
{
  g_autofree char *one = crb_labels_undo_step ("Import 1 documents");
  g_autofree char *five = crb_labels_undo_step ("Import 5 documents");
  g_autofree char *one_english = g_strdup ("Import 1 document");
  g_autofree char *five_digits = NULL;

  /* The count picks the form, and the form is the language's. */
  g_assert_nonnull (strstr (one, "1"));
  g_assert_nonnull (strstr (five, "5"));
  g_assert_cmpstr (one, !=, one_english);
  five_digits = g_strdelimit (g_strdup (five), "5", '1');
  g_assert_cmpstr (five_digits, !=, one);
}

/* Compiles the language's locale into `folder`; FALSE where it cannot. */
static gboolean
compile_locale (const char *folder, const char *name)
{
  g_autofree char *source = g_strndup (name, strcspn (name, "."));
  g_autofree char *target = g_build_filename (folder, name, NULL);
  const char      *argv[] = { "localedef", "-i", source, "-f", "UTF-8", target, NULL };
  int              status = -1;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                           G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

static void
remove_folder (const char *folder)
{
  const char *argv[] = { "rm", "-rf", folder, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                NULL);
}

int
main (int argc, char *argv[])
{
  g_autofree char *locales = g_dir_make_tmp ("crb-locales-XXXXXX", NULL);
  const char      *locale_name;
  int              status;

  language = argc > 1 ? argv[argc - 1] : "ru";
  locale_name = g_str_equal (language, "de") ? "de_DE.UTF-8" : "ru_RU.UTF-8";

  /* Before anything calls setlocale (GTK does in its init). */
  have_locale = compile_locale (locales, locale_name);
  if (have_locale)
    {
      g_setenv ("LOCPATH", locales, TRUE);
      g_setenv ("LC_ALL", locale_name, TRUE);
    }
  g_setenv ("LANGUAGE", language, TRUE);

  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      remove_folder (locales);
      return 0;
    }
  /* The catalogues as the build just compiled them. */
  bindtextdomain (GETTEXT_PACKAGE, PO_BUILD_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/crb/desktop/translated/window", test_window);
  g_test_add_func ("/crb/desktop/translated/storage-warning", test_storage_warning);
  g_test_add_func ("/crb/desktop/translated/dates", test_dates);
  g_test_add_func ("/crb/desktop/translated/plurals", test_plurals);
  status = g_test_run ();

  remove_folder (locales);
  return status;
}
