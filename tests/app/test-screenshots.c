/* test-screenshots.c: the key pages rendered to PNG files, to look at
 *
 * Writes welcome, reader (light and dark, with highlights and the
 * inspector), search, tags, merge (summary, review, reader afterwards)
 * and export PNGs at 1280×800 into the build folder
 * (tests/app/screenshots).  The checks are that each page renders to an
 * image of that size that is not blank; a person judges the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "crb-accounts-page.h"
#include "crb-app-test.h"
#include "crb-claim-entity.h"
#include "crb-claim.h"
#include "crb-comparison-view.h"
#include "crb-edit.h"
#include "crb-entity-page.h"
#include "crb-entity.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-export-dialog.h"
#include "crb-merge-dialog.h"
#include "crb-reader.h"
#include "crb-sample.h"
#include "crb-search-view.h"
#include "crb-similar-view.h"
#include "crb-sidebar.h"
#include "crb-source-details-window.h"
#include "crb-tag-manager.h"
#include "crb-tag.h"
#include "crb-window-private.h"

#define WIDTH 1280
#define HEIGHT 800

static char *output_dir;

/* The three sources' provenance, as an import would have found it. */
static const char * const provenance[][4] = {
  { "Meridian Press Agency", "Lena Hartwig", "2026-04-18T11:52:00+03:00", "B" },
  { "Ilmet Valley Gazette", "Vesna Orlić", "2026-04-18T17:45:00+03:00", "C" },
  { "The National Courier", NULL, "2026-04-18T14:20:00+03:00", "D" },
};

typedef struct
{
  const char *document;
  const char *quote;
  const char *kind;
  const char *tag;
  const char *note;
  guint       credibility;
} Annotation;

static const Annotation annotations[] = {
  { "0", "At least 14 people were killed and 31 injured", "claim", "Casualties",
    "The official toll at 11:52. The Gazette counts about 20 dead from the hospital; Korvash 24 "
    "reports 16 by the evening.", 2 },
  { "0", "about 2,300 residents had been evacuated", "claim", NULL,
    "Matches Vesti (2300). The Courier's copy of this wire says 3,200.", 2 },
  { "0", "at about 04:40 local time", "claim", "Timeline",
    "The directorate's time. An eyewitness in the Gazette says 03:52.", 3 },
  { "0", "The village of Brezhki, 9 kilometres downstream, was the worst hit.", "claim", NULL, NULL,
    0 },
  { "0", "Brezhki", "highlight", NULL, NULL, 0 },
  { "0", "Its director, Pyotr Sokol, declined to comment", "claim", "Attribution",
    "The Courier calls him Pavel Sokolov.", 0 },
  { "0", "recorded seepage at the foot of the spillway section", "highlight", "Infrastructure",
    NULL, 0 },
  { "0", "It was not clear whether the work had been carried out.", "question", NULL,
    "Ask the inspectorate for the 2021 follow-up.", 0 },
  { "1", "About 20 people died when the Upper Ilmet dam burst during the night", "claim",
    "Casualties", "Hospital staff and volunteers: independent of the directorate.", 3 },
  { "1", "It was 03:52.", "claim", "Timeline", NULL, 3 },
  { "2", "about 3,200 residents had been evacuated", "question", NULL,
    "Word for word the wire, but 2,300 became 3,200.", 5 },
};

static char *
make_sample_project (GPtrArray **uuids)
{
  static const struct
  {
    const char *name;
    const char *color;
  } tags[] = { { "Casualties", "#e01b24" }, { "Timeline", "#3584e4" },
               { "Attribution", "#9141ac" }, { "Infrastructure", "#986a44" } };
  g_autoptr (GError) error = NULL;
  char *path = crb_app_test_make_project (3, uuids);
  g_autoptr (CrbProject) project = crb_project_open (path, &error);
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbEntity) director = NULL;
  g_autoptr (CrbTag) sub = NULL;

  g_assert_no_error (error);
  crb_project_set_author (project, "Lena Marsh");
  for (guint i = 0; i < G_N_ELEMENTS (provenance); i++)
    {
      const char *uuid = g_ptr_array_index (*uuids, i);

      crb_project_set_field (project, "document", uuid, "publisher", provenance[i][0], &error);
      g_assert_no_error (error);
      if (provenance[i][1])
        crb_project_set_field (project, "document", uuid, "doc_author", provenance[i][1], &error);
      g_assert_no_error (error);
      crb_project_set_field (project, "document", uuid, "published_at", provenance[i][2], &error);
      g_assert_no_error (error);
      crb_project_set_field (project, "document", uuid, "reliability", provenance[i][3], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      g_autoptr (CrbTag) tag = crb_project_add_tag (project, tags[i].name, tags[i].color, NULL,
                                                    &error);
      g_assert_no_error (error);
    }
  sub = crb_project_add_tag (project, "Missing persons", "#ff7800",
                             crb_record_get_uuid (CRB_RECORD (crb_project_find_tag (project, "Casualties", NULL))),
                             &error);
  g_assert_no_error (error);
  event = crb_project_add_event (project, "Upper Ilmet dam collapse", "2026-04-18", NULL,
                                 "Korvash Region", NULL, &error);
  g_assert_no_error (error);
  director = crb_project_add_entity (project, "person", "Pyotr Sokol", "Director of Ilmet Hydro",
                                     NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (annotations); i++)
    {
      const Annotation *a = &annotations[i];
      const char *document = g_ptr_array_index (*uuids, a->document[0] - '0');
      g_autoptr (CrbClaim) claim = crb_project_add_claim_by_quote (project, document, a->quote, 1,
                                                                   a->kind, a->note, &error);
      const char *uuid;

      g_assert_no_error (error);
      uuid = crb_record_get_uuid (CRB_RECORD (claim));
      if (a->tag)
        {
          g_autoptr (CrbTag) tag = crb_project_find_tag (project, a->tag, &error);

          crb_project_tag_claim (project, uuid, crb_record_get_uuid (CRB_RECORD (tag)), &error);
          g_assert_no_error (error);
        }
      if (a->credibility)
        {
          char grade[2] = { (char) ('0' + a->credibility), 0 };

          crb_project_set_field (project, "claim", uuid, "credibility", grade, &error);
          g_assert_no_error (error);
        }
      if (g_strcmp0 (a->tag, "Casualties") == 0 || g_strcmp0 (a->tag, "Timeline") == 0)
        {
          g_autoptr (CrbEventClaim) link = crb_project_link_claim_event (
              project, uuid, crb_record_get_uuid (CRB_RECORD (event)), NULL, "supports", &error);
          g_assert_no_error (error);
        }
      if (g_strcmp0 (a->tag, "Attribution") == 0)
        {
          g_autoptr (CrbClaimEntity) link = crb_project_link_claim_entity (
              project, uuid, crb_record_get_uuid (CRB_RECORD (director)), "subject", &error);
          g_assert_no_error (error);
        }
    }
  crb_project_close (project);
  return path;
}

typedef struct
{
  GdkPaintable  *paintable;
  GskRenderNode *node;
} Shot;

/* TRUE once the window has been drawn (a restyle empties it until then). */
static gboolean
drawn (gpointer data)
{
  Shot *shot = data;
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (shot->paintable, snapshot,
                          gdk_paintable_get_intrinsic_width (shot->paintable),
                          gdk_paintable_get_intrinsic_height (shot->paintable));
  g_clear_pointer (&shot->node, gsk_render_node_unref);
  shot->node = gtk_snapshot_free_to_node (snapshot);
  return shot->node != NULL;
}

/* Renders a window the way the compositor would show it, and saves it. */
static void
save_png (GtkWidget *window, const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GskRenderNode) node = NULL;
  Shot shot = { paintable, NULL };
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (output_dir, name, NULL);
  g_autoptr (GdkPixbuf) loaded = NULL;
  g_autoptr (GError) error = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  crb_app_test_flush ();
  g_assert_true (crb_app_test_wait (drawn, &shot));
  node = g_steal_pointer (&shot.node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);

  loaded = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (loaded), ==, width);
  g_assert_cmpint (gdk_pixbuf_get_height (loaded), ==, height);
}

static gboolean
has_project (gpointer data)
{
  return crb_window_has_project (data);
}

static gboolean
is_full_size (gpointer data)
{
  return gtk_widget_get_width (data) == WIDTH && gtk_widget_get_height (data) == HEIGHT;
}

/* The default size counts the frame the client draws (resize borders):
 * measured once, so that the window itself comes out WIDTH × HEIGHT.  The
 * screen must be larger than that (meson runs this test on a 1600×1200
 * Xvfb of its own). */
static void
measure_frame (CrbApplication *app, int *extra_width, int *extra_height)
{
  static int width = -1, height = -1;

  if (width < 0)
    {
      CrbWindow *probe = crb_window_new (app);

      gtk_window_set_default_size (GTK_WINDOW (probe), WIDTH, HEIGHT);
      gtk_window_present (GTK_WINDOW (probe));
      crb_app_test_flush ();
      width = WIDTH - gtk_widget_get_width (GTK_WIDGET (probe));
      height = HEIGHT - gtk_widget_get_height (GTK_WIDGET (probe));
      crb_app_test_destroy (GTK_WIDGET (probe), probe);
    }
  *extra_width = width;
  *extra_height = height;
}

static CrbWindow *
open_window (CrbApplication *app, const char *path)
{
  CrbWindow *window;
  int extra_width, extra_height;

  measure_frame (app, &extra_width, &extra_height);
  window = crb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH + extra_width, HEIGHT + extra_height);
  gtk_window_present (GTK_WINDOW (window));
  if (path)
    {
      g_autoptr (GFile) file = g_file_new_for_path (path);

      crb_window_open_file (window, file);
      g_assert_true (crb_app_test_wait (has_project, window));
    }
  g_assert_true (crb_app_test_wait (is_full_size, window));
  crb_app_test_flush ();
  return window;
}

static void
test_welcome (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  const char *recent[] = { "file:///home/analyst/Projects/Ilmet%20dam.corroborate",
                           "file:///home/analyst/Projects/Border%20incident.corroborate", NULL };
  CrbWindow *window;

  g_settings_set_strv (settings, "recent-projects", recent);
  window = open_window (app, NULL);
  save_png (GTK_WIDGET (window), "welcome.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
  g_settings_reset (settings, "recent-projects");
}

static void
show_reader (CrbWindow *window, GPtrArray *uuids)
{
  g_autoptr (GPtrArray) claims = NULL;

  crb_window_show_document (window, g_ptr_array_index (uuids, 0));
  claims = crb_project_list_claims (crb_window_get_project (window), g_ptr_array_index (uuids, 0),
                                    NULL);
  g_assert_nonnull (claims);
  g_assert_cmpuint (claims->len, >, 0);
  crb_reader_select_claim (window->reader, crb_record_get_uuid (g_ptr_array_index (claims, 0)));
  adw_flap_set_reveal_flap (window->flap, TRUE);
}

static void
test_reader (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autoptr (GPtrArray) uuids = NULL;
  g_autofree char *path = make_sample_project (&uuids);
  CrbWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_window (app, path);
  show_reader (window, uuids);
  save_png (GTK_WIDGET (window), dark ? "reader-dark.png" : "reader.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
search_done (gpointer data)
{
  return !crb_search_view_is_searching (data) && crb_search_view_get_n_results (data) > 0;
}

static void
test_search (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autoptr (GPtrArray) uuids = NULL;
  g_autofree char *path = make_sample_project (&uuids);
  CrbWindow *window = open_window (app, path);

  gtk_editable_set_text (crb_sidebar_get_search_entry (window->sidebar), "evacuated");
  g_assert_true (crb_app_test_wait (search_done, window->search_view));
  save_png (GTK_WIDGET (window), "search.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static void
test_tags (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autoptr (GPtrArray) uuids = NULL;
  g_autofree char *path = make_sample_project (&uuids);
  CrbWindow *window = open_window (app, path);
  GtkWidget *manager;

  show_reader (window, uuids);
  manager = crb_tag_manager_new (crb_window_get_project (window));
  gtk_window_set_transient_for (GTK_WINDOW (manager), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (manager));
  crb_app_test_flush ();
  save_png (manager, "tags.png");
  crb_app_test_destroy (manager, manager);
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static void
sample_built (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  *(char **) data = crb_sample_build_finish (result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* The sample project as the welcome page builds it: the store's picture. */
static void
test_source_details (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autoptr (GPtrArray) uuids = NULL;
  g_autofree char *path = make_sample_project (&uuids);
  CrbWindow *window = open_window (app, path);
  CrbSourceDetailsWindow *details;

  show_reader (window, uuids);
  details = crb_source_details_window_new (crb_window_get_project (window),
                                           g_ptr_array_index (uuids, 0));
  gtk_window_set_transient_for (GTK_WINDOW (details), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (details));
  crb_app_test_flush ();
  save_png (GTK_WIDGET (details), "source-details.png");
  crb_app_test_destroy (GTK_WIDGET (details), details);
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static void
test_sample (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autofree char *dir = g_dir_make_tmp ("crb-sample-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Sample.corroborate", NULL);
  g_autofree char *built = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  const char *wire = NULL;
  CrbWindow *window;

  crb_sample_build_async (path, NULL, sample_built, &built);
  g_assert_true (crb_app_test_wait (is_set, &built));
  window = open_window (app, built);
  documents = crb_project_list_documents (crb_window_get_project (window), NULL);
  for (guint i = 0; i < documents->len; i++)
    if (g_str_has_prefix (crb_document_get_title (g_ptr_array_index (documents, i)),
                          "Dam collapse floods"))
      wire = crb_record_get_uuid (g_ptr_array_index (documents, i));
  g_assert_nonnull (wire);
  crb_window_show_document (window, wire);
  claims = crb_project_list_claims (crb_window_get_project (window), wire, NULL);
  g_assert_cmpuint (claims->len, >=, 4);
  crb_reader_select_claim (window->reader, crb_record_get_uuid (g_ptr_array_index (claims, 0)));
  adw_flap_set_reveal_flap (window->flap, TRUE);
  save_png (GTK_WIDGET (window), "sample.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static char *
claim_by_quote (CrbProject *project, const char *document, const char *quote)
{
  g_autoptr (GPtrArray) claims = crb_project_list_claims (project, document, NULL);

  for (guint i = 0; claims && i < claims->len; i++)
    if (g_str_equal (crb_claim_get_exact (g_ptr_array_index (claims, i)), quote))
      return g_strdup (crb_record_get_uuid (g_ptr_array_index (claims, i)));
  g_assert_not_reached ();
}

/* A dialog presented on a loaded machine is sized a few frames later. */
static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0
         && gtk_widget_get_height (data) > 0;
}

static gboolean
merged (gpointer data)
{
  return g_strcmp0 (crb_merge_dialog_get_page (data), "progress") != 0;
}

/* A colleague's copy merged in: the summary, the review of the two
 * fields both changed, and the reader afterwards (banner, analysts). */
static void
test_merge (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autoptr (GPtrArray) uuids = NULL;
  g_autofree char *path = make_sample_project (&uuids);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *copy = g_build_filename (dir, "Ilmet dam (Omar).corroborate", NULL);
  g_autofree char *toll = NULL;
  g_autofree char *time = NULL;
  g_autoptr (GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  CrbMergeDialog *dialog = NULL;
  CrbWindow *window;

  {
    g_autoptr (CrbProject) project = crb_project_open (path, &error);
    g_autoptr (CrbProject) colleague = NULL;
    g_autoptr (CrbClaim) added = NULL;
    g_autoptr (CrbTag) tag = NULL;

    g_assert_no_error (error);
    g_assert_true (crb_project_save_copy (project, copy, CRB_COPY_DEFAULT, &error));
    toll = claim_by_quote (project, g_ptr_array_index (uuids, 0),
                           "At least 14 people were killed and 31 injured");
    time = claim_by_quote (project, g_ptr_array_index (uuids, 0), "at about 04:40 local time");
    colleague = crb_project_open (copy, &error);
    g_assert_no_error (error);
    crb_project_set_author (colleague, "Omar Haddad");
    g_assert_true (crb_project_set_field (colleague, "claim", toll, "note",
                                          "Korvash 24 has 16 dead by 19:00, citing the regional "
                                          "hospital; the directorate has not updated its toll.",
                                          &error));
    g_assert_true (crb_project_set_field (colleague, "claim", time, "credibility", "4", &error));
    added = crb_project_add_claim_by_quote (colleague, g_ptr_array_index (uuids, 0),
                                            "Six people were still missing by late morning", 1,
                                            "claim", "Kholodov again; no names given.", &error);
    g_assert_no_error (error);
    tag = crb_project_add_tag (colleague, "Disputed", "#c64600", NULL, &error);
    g_assert_no_error (error);
    g_usleep (20 * 1000);
    crb_project_set_author (project, "Lena Marsh");
    g_assert_true (crb_project_set_field (project, "claim", toll, "note",
                                          "The official toll at 11:52; the Gazette counts about "
                                          "20 dead from the hospital.",
                                          &error));
    g_assert_true (crb_project_set_field (project, "claim", time, "credibility", "2", &error));
  }

  window = open_window (app, path);
  show_reader (window, uuids);
  g_action_group_activate_action (G_ACTION_GROUP (window), "merge-file",
                                  g_variant_new_string (copy));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (CRB_IS_MERGE_DIALOG (item))
        dialog = CRB_MERGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_assert_true (crb_app_test_wait (merged, dialog));
  g_assert_cmpstr (crb_merge_dialog_get_page (dialog), ==, "summary");
  g_assert_true (crb_app_test_wait (has_size, dialog));
  save_png (GTK_WIDGET (dialog), "merge-summary.png");
  crb_merge_dialog_review (dialog);
  g_assert_cmpuint (crb_merge_dialog_get_n_conflicts (dialog), ==, 2);
  save_png (GTK_WIDGET (dialog), "merge-review.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  save_png (GTK_WIDGET (dialog), "merge-review-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);

  crb_window_show_document (window, g_ptr_array_index (uuids, 0));
  crb_reader_select_claim (window->reader, toll);
  adw_flap_set_reveal_flap (window->flap, TRUE);
  save_png (GTK_WIDGET (window), "merge-reader.png");
  /* Only the colleague's claims. */
  gtk_widget_activate_action (GTK_WIDGET (window->reader), "reader.show-author", "s",
                              "Omar Haddad");
  save_png (GTK_WIDGET (window), "merge-reader-author.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static void
test_export (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autoptr (GPtrArray) uuids = NULL;
  g_autofree char *path = make_sample_project (&uuids);
  CrbWindow *window = open_window (app, path);
  CrbExportDialog *dialog;

  show_reader (window, uuids);
  dialog = crb_export_dialog_new (crb_window_get_project (window));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (window));
  crb_export_dialog_set_format (dialog, "html");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (crb_app_test_wait (has_size, dialog));
  save_png (GTK_WIDGET (dialog), "export.png");
  crb_app_test_destroy (GTK_WIDGET (dialog), dialog);
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

/* The sample project as the welcome page builds it, in a fresh folder. */
static char *
build_sample (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crb-sample-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Sample.corroborate", NULL);
  char            *built = NULL;

  crb_sample_build_async (path, NULL, sample_built, &built);
  g_assert_true (crb_app_test_wait (is_set, &built));
  return built;
}

/* A sample document by the start of its title. */
static char *
sample_document (CrbWindow *window, const char *title)
{
  g_autoptr (GPtrArray) documents = crb_project_list_documents (crb_window_get_project (window),
                                                                NULL);

  for (guint i = 0; i < documents->len; i++)
    if (g_str_has_prefix (crb_document_get_title (g_ptr_array_index (documents, i)), title))
      return g_strdup (crb_record_get_uuid (g_ptr_array_index (documents, i)));
  g_assert_not_reached ();
}

static gboolean
comparison_done (gpointer data)
{
  return !crb_comparison_view_is_busy (data) && crb_comparison_view_get_comparison (data);
}

/* The National Courier against the Meridian wire it copies (SAMPLES.md):
 * Brezhki → Nizhny Tal, Pyotr Sokol → Pavel Sokolov, 2,300 → 3,200. */
static void
test_comparison (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autofree char *path = build_sample ();
  CrbWindow *window = open_window (app, path);
  g_autofree char *wire = sample_document (window, "Dam collapse floods");
  g_autofree char *courier = sample_document (window, "Killer flood in Korvash");

  g_action_group_activate_action (G_ACTION_GROUP (window), "compare-documents",
                                  g_variant_new ("(ss)", wire, courier));
  g_assert_true (crb_app_test_wait (comparison_done, window->comparison_view));
  g_assert_cmpuint (crb_comparison_view_get_comparison (window->comparison_view)->substitutions->len,
                    >=, 3);
  save_png (GTK_WIDGET (window), "comparison.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

static gboolean
map_ready (gpointer data)
{
  CrbReuseMap *map = data;

  return !crb_reuse_map_get_busy (map) && g_list_model_get_n_items (G_LIST_MODEL (map)) > 0;
}

/* Which sample sources copy which: the Courier copies the wire, the
 * Watershed Monitor quotes the Gazette and the Courier. */
static void
test_reuse_map (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autofree char *path = build_sample ();
  CrbWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = open_window (app, path);
  g_assert_true (crb_app_test_wait (map_ready, window->reuse_map));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-reuse-map", NULL);
  save_png (GTK_WIDGET (window), dark ? "reuse-map-dark.png" : "reuse-map.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
entity_page_loaded (gpointer data)
{
  return !crb_entity_page_is_loading (data);
}

static gboolean
accounts_page_loaded (gpointer data)
{
  return !crb_accounts_page_is_loading (data) && crb_accounts_page_get_grid (data) != NULL;
}

/* The sample project's entity page and accounts grid, as Open Sample
 * Project shows them. */
static void
test_sample_pages (gconstpointer data)
{
  gboolean dark = GPOINTER_TO_INT (data);
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autofree char *dir = g_dir_make_tmp ("crb-sample-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Sample.corroborate", NULL);
  g_autofree char *built = NULL;
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  CrbWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);
  crb_sample_build_async (path, NULL, sample_built, &built);
  g_assert_true (crb_app_test_wait (is_set, &built));
  window = open_window (app, built);

  event = crb_project_find_event (crb_window_get_project (window), "Upper Ilmet dam collapse",
                                  NULL);
  g_assert_nonnull (event);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-event",
                                  g_variant_new_string (crb_record_get_uuid (CRB_RECORD (event))));
  g_assert_true (crb_app_test_wait (accounts_page_loaded, window->accounts_page));
  g_assert_cmpuint (crb_accounts_page_get_grid (window->accounts_page)->sources->len, >=, 5);
  save_png (GTK_WIDGET (window), dark ? "accounts-grid-dark.png" : "accounts-grid.png");

  if (!dark)
    {
      entity = crb_project_find_entity (crb_window_get_project (window), "Yevgeny Kholodov", NULL);
      g_assert_nonnull (entity);
      g_action_group_activate_action (
          G_ACTION_GROUP (window), "show-entity",
          g_variant_new_string (crb_record_get_uuid (CRB_RECORD (entity))));
      g_assert_true (crb_app_test_wait (entity_page_loaded, window->entity_page));
      save_png (GTK_WIDGET (window), "entity-page.png");
      g_clear_object (&entity);
      entity = crb_project_find_entity (crb_window_get_project (window), "Pyotr Sokol", NULL);
      g_action_group_activate_action (
          G_ACTION_GROUP (window), "show-entity",
          g_variant_new_string (crb_record_get_uuid (CRB_RECORD (entity))));
      g_assert_true (crb_app_test_wait (entity_page_loaded, window->entity_page));
      save_png (GTK_WIDGET (window), "entity-page-director.png");
    }
  crb_app_test_destroy (GTK_WIDGET (window), window);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static gboolean
similar_done (gpointer data)
{
  return !crb_similar_view_is_busy (data) && crb_similar_view_get_matches (data);
}

/* The wire's evacuation figure across sources: the Courier's copy with
 * 3,200 instead of 2,300, and the other accounts' own figures. */
static void
test_similar (void)
{
  g_autoptr (CrbApplication) app = crb_app_test_new_app ();
  g_autofree char *path = build_sample ();
  CrbWindow *window = open_window (app, path);
  g_autofree char *wire = sample_document (window, "Dam collapse floods");
  g_autoptr (GPtrArray) claims = crb_project_list_claims (crb_window_get_project (window), wire,
                                                          NULL);
  const char *evacuated = NULL;

  for (guint i = 0; i < claims->len; i++)
    if (g_str_equal (crb_claim_get_exact (g_ptr_array_index (claims, i)),
                     "about 2,300 residents had been evacuated"))
      evacuated = crb_record_get_uuid (g_ptr_array_index (claims, i));
  g_assert_nonnull (evacuated);
  crb_window_show_document (window, wire);
  crb_reader_select_claim (window->reader, evacuated);
  gtk_widget_activate_action (GTK_WIDGET (window->reader), "reader.find-similar", NULL);
  g_assert_true (crb_app_test_wait (similar_done, window->similar_view));
  g_assert_cmpuint (crb_similar_view_get_matches (window->similar_view)->len, >, 0);
  save_png (GTK_WIDGET (window), "similar.png");
  crb_app_test_destroy (GTK_WIDGET (window), window);
}

int
main (int argc, char *argv[])
{
  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  /* Pages are shot at rest, not halfway through a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* Held as GApplication holds it: project changes made in worker threads
   * are delivered here. */
  g_main_context_acquire (NULL);
  output_dir = g_strdup (SCREENSHOT_DIR);
  g_mkdir_with_parents (output_dir, 0755);

  g_test_add_func ("/crb/app/screenshots/welcome", test_welcome);
  g_test_add_data_func ("/crb/app/screenshots/reader", GINT_TO_POINTER (FALSE), test_reader);
  g_test_add_data_func ("/crb/app/screenshots/reader-dark", GINT_TO_POINTER (TRUE), test_reader);
  g_test_add_func ("/crb/app/screenshots/search", test_search);
  g_test_add_func ("/crb/app/screenshots/tags", test_tags);
  g_test_add_func ("/crb/app/screenshots/source-details", test_source_details);
  g_test_add_func ("/crb/app/screenshots/sample", test_sample);
  g_test_add_func ("/crb/app/screenshots/merge", test_merge);
  g_test_add_func ("/crb/app/screenshots/export", test_export);
  g_test_add_func ("/crb/app/screenshots/comparison", test_comparison);
  g_test_add_data_func ("/crb/app/screenshots/reuse-map", GINT_TO_POINTER (FALSE), test_reuse_map);
  g_test_add_data_func ("/crb/app/screenshots/reuse-map-dark", GINT_TO_POINTER (TRUE),
                        test_reuse_map);
  g_test_add_data_func ("/crb/app/screenshots/sample-pages", GINT_TO_POINTER (FALSE),
                        test_sample_pages);
  g_test_add_data_func ("/crb/app/screenshots/sample-pages-dark", GINT_TO_POINTER (TRUE),
                        test_sample_pages);
  g_test_add_func ("/crb/app/screenshots/similar", test_similar);
  return g_test_run ();
}
