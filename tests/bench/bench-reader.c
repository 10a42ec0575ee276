/* bench-reader.c: the reader and the sources list against plain GTK
 *
 * 1. A 1 MB document with 10,000 claims across 20 coloured tags: time to
 *    the first frame in the reader, against a plain GtkTextView showing
 *    the same text without highlights (target: at most 2.5×).
 * 2. Creating one claim in that document: time to the next frame
 *    (target: at most 50 ms).
 * 3. Scrolling the Sources list of a 10,000-document project: frame times
 *    (target: none over 33 ms).
 * Figures are printed, never asserted.  Needs a display (xvfb-run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crb-app-test.h"
#include "crb-claim.h"
#include "crb-project-private.h"
#include "crb-reader.h"
#include "crb-sidebar.h"
#include "crb-tag.h"
#include "crb-test-project.h"

#define TEXT_BYTES (1024 * 1024)
#define N_CLAIMS 10000
#define N_TAGS 20
#define N_DOCUMENTS 10000
#define WIDTH 1280
#define HEIGHT 800

static guint frames;

static void
after_paint (GdkFrameClock *clock, gpointer data)
{
  frames++;
}

static gboolean
frame_after (gpointer data)
{
  return frames > GPOINTER_TO_UINT (data);
}

/* Waits for the next frame of the window to be painted; returns ms. */
static double
time_to_next_frame (gint64 since)
{
  guint seen = frames;

  if (!crb_app_test_wait (frame_after, GUINT_TO_POINTER (seen)))
    g_error ("no frame was painted within 20 s");
  return (g_get_monotonic_time () - since) / 1000.0;
}

static GtkWidget *
new_window (void)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  return window;
}

static void
watch_frames (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
}

/* Paragraphs of words from the sample documents, to 1 MB. */
static char *
make_text (void)
{
  g_autofree char *seed = crb_app_test_sample_text ("01-meridian-wire.txt");
  g_auto (GStrv) words = g_strsplit_set (seed, " \n", -1);
  GString *text = g_string_sized_new (TEXT_BYTES + 1024);
  guint n_words = g_strv_length (words);
  guint32 state = 12345;

  while (text->len < TEXT_BYTES)
    {
      guint length = 40 + (state >> 16) % 120;

      for (guint i = 0; i < length; i++)
        {
          state = state * 1103515245 + 12345;
          if (*words[(state >> 8) % n_words] == '\0')
            continue;
          g_string_append (text, words[(state >> 8) % n_words]);
          g_string_append_c (text, i + 1 == length ? '\n' : ' ');
        }
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static double
plain_first_frame (const char *text)
{
  GtkWidget *window = new_window ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  gint64 start;
  double ms;

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  gtk_window_present (GTK_WINDOW (window));
  crb_app_test_flush ();
  watch_frames (window);

  start = g_get_monotonic_time ();
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  ms = time_to_next_frame (start);
  gtk_window_destroy (GTK_WINDOW (window));
  crb_app_test_flush ();
  return ms;
}

/* The claims go in at full speed: the benchmark measures showing them,
 * not the durability of their creation. */
static void
fast_writes (CrbProject *project)
{
  sqlite3_exec (_crb_project_get_db (project), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
}

static char *
make_annotated_project (const char *text, char **document_uuid)
{
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  guint n_chars = (guint) g_utf8_strlen (text, -1);
  guint32 state = 777;

  fast_writes (project);
  *document_uuid = crb_test_add_document (project, "One megabyte", text);
  for (guint i = 0; i < N_TAGS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tag %u", i + 1);
      g_autofree char *color = g_strdup_printf ("#%02x%02x%02x", (i * 53) % 256, (i * 97) % 256,
                                                (i * 151) % 256);
      CrbTag *tag = crb_project_add_tag (project, name, color, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (tags, tag);
    }
  for (guint i = 0; i < N_CLAIMS; i++)
    {
      guint start, length;
      g_autoptr (CrbClaim) claim = NULL;

      state = state * 1103515245 + 12345;
      start = (state >> 4) % (n_chars - 200);
      length = 10 + (state >> 20) % 80;
      claim = crb_project_add_claim (project, *document_uuid, start, start + length,
                                     i % 7 == 0 ? "highlight" : "claim", "", &error);
      g_assert_no_error (error);
      crb_project_tag_claim (project, crb_record_get_uuid (CRB_RECORD (claim)),
                             crb_record_get_uuid (g_ptr_array_index (tags, i % N_TAGS)), &error);
      g_assert_no_error (error);
    }
  crb_project_close (project);
  return g_steal_pointer (&path);
}

static int compare_doubles (gconstpointer a, gconstpointer b);

static void
bench_reader (const char *text, double plain_ms)
{
  g_autofree char *uuid = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = new_window ();
  GtkWidget *reader = crb_reader_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (crb_reader_get_text_view (CRB_READER (reader)));
  GtkTextIter a, b;
  gint64 start;
  double ours_ms, claim_ms, next_ms[5];

  g_print ("Building a project with a 1 MB document, %u claims, %u tags…\n", N_CLAIMS, N_TAGS);
  path = make_annotated_project (text, &uuid);
  project = crb_project_open (path, NULL);
  g_settings_set_string (settings, "analyst-name", "Bench");
  crb_reader_set_project (CRB_READER (reader), project);
  gtk_window_set_child (GTK_WINDOW (window), reader);
  gtk_window_present (GTK_WINDOW (window));
  crb_app_test_flush ();
  watch_frames (window);

  start = g_get_monotonic_time ();
  if (!crb_reader_show_document (CRB_READER (reader), uuid, NULL))
    g_error ("could not show the document");
  ours_ms = time_to_next_frame (start);

  crb_app_test_flush ();
  gtk_text_buffer_get_iter_at_offset (buffer, &a, 5000);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, 5040);
  gtk_text_buffer_select_range (buffer, &a, &b);
  crb_app_test_flush ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (reader, "reader.claim", NULL);
  claim_ms = time_to_next_frame (start);
  /* The first claim's frame also pays for the software renderer compiling
   * what it draws for the first time; the next ones show the steady cost. */
  for (guint k = 0; k < G_N_ELEMENTS (next_ms); k++)
    {
      crb_app_test_flush ();
      gtk_text_buffer_get_iter_at_offset (buffer, &a, 6000 + (int) k * 300);
      gtk_text_buffer_get_iter_at_offset (buffer, &b, 6040 + (int) k * 300);
      gtk_text_buffer_select_range (buffer, &a, &b);
      crb_app_test_flush ();
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (reader, "reader.claim", NULL);
      next_ms[k] = time_to_next_frame (start);
    }
  qsort (next_ms, G_N_ELEMENTS (next_ms), sizeof (double), compare_doubles);

  g_print ("\nReader, 1 MB with %u claims in %u tag colours\n", N_CLAIMS, N_TAGS);
  g_print ("  plain GtkTextView, first frame:     %8.1f ms\n", plain_ms);
  g_print ("  CrbReader with highlights, first:   %8.1f ms\n", ours_ms);
  g_print ("  ratio:                              %8.2f×  (target ≤ 2.5×)\n", ours_ms / plain_ms);
  g_print ("  new claim to next frame:            %8.1f ms  (target ≤ 50 ms)\n", claim_ms);
  g_print ("  the next claims (median of %u):     %8.1f ms\n", (guint) G_N_ELEMENTS (next_ms),
           next_ms[G_N_ELEMENTS (next_ms) / 2]);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_app_test_flush ();
  crb_project_close (project);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
bench_sources (void)
{
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = new_window ();
  GtkWidget *sidebar = crb_sidebar_new ();
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  gint64 start;
  double load_ms, worst, median, p95;
  guint over = 0;

  g_print ("\nBuilding a project with %u sources…\n", N_DOCUMENTS);
  fast_writes (project);
  for (guint i = 0; i < N_DOCUMENTS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Report %05u on the Ilmet dam", i);
      g_autofree char *body = g_strdup_printf ("Report %u. The dam failed at night.", i);
      g_autofree char *uuid = crb_test_add_document (project, title, body);
    }

  gtk_window_set_child (GTK_WINDOW (window), sidebar);
  gtk_window_present (GTK_WINDOW (window));
  crb_app_test_flush ();
  watch_frames (window);
  start = g_get_monotonic_time ();
  crb_sidebar_set_project (CRB_SIDEBAR (sidebar), project);
  load_ms = time_to_next_frame (start);
  crb_app_test_flush ();

  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
      crb_sidebar_get_sources_view (CRB_SIDEBAR (sidebar)), GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  for (guint step = 0; step < 300; step++)
    {
      double value = gtk_adjustment_get_value (adjustment);
      double ms;

      /* Page by page through the first third, then jumps across the rest. */
      if (step < 200)
        value += gtk_adjustment_get_page_size (adjustment) / 2;
      else
        value = (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
                * ((step * 37) % 100) / 100.0;
      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, value);
      ms = time_to_next_frame (start);
      g_array_append_val (times, ms);
      if (ms > 33)
        over++;
    }
  g_array_sort (times, compare_doubles);
  worst = g_array_index (times, double, times->len - 1);
  median = g_array_index (times, double, times->len / 2);
  p95 = g_array_index (times, double, times->len * 95 / 100);

  g_print ("\nSources list, %u sources\n", N_DOCUMENTS);
  g_print ("  project set to first frame:         %8.1f ms\n", load_ms);
  g_print ("  scroll frames: median %.1f ms, 95th %.1f ms, worst %.1f ms\n", median, p95, worst);
  g_print ("  frames over 33 ms:                  %8u of %u  (target 0)\n", over, times->len);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_app_test_flush ();
  crb_project_close (project);
}

int
main (int argc, char *argv[])
{
  g_autofree char *text = NULL;
  double plain_ms;

  if (!crb_app_test_init (&argc, &argv))
    {
      g_print ("bench-reader needs a display: run it under xvfb-run\n");
      return 77;
    }
  text = make_text ();
  g_print ("Text: %zu bytes, %ld characters\n", strlen (text), g_utf8_strlen (text, -1));
  /* Warm up fonts and caches once, then measure. */
  plain_first_frame (text);
  plain_ms = plain_first_frame (text);
  bench_reader (text, plain_ms);
  if (!g_getenv ("CRB_BENCH_SKIP_SOURCES")) bench_sources ();
  return 0;
}
