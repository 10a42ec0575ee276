/* bench-batch.c: a batch import of 200 mixed files (plain text, web pages,
 * PDFs, Word documents) — does it keep both cores busy?
 *
 * The helpers' CPU time is read from the children's resource usage once
 * the importer has retired them; wall time well under that sum means the
 * files were extracted in parallel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "bench-util.h"
#include "crb-import.h"
#include "crb-project.h"
#include "crb-synth-corpus.h"
#include "crb-test-pdf.h"
#include "crb-test-zip.h"

#define N_EACH 50

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define RELS_NS "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\""
#define REL_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static double
seconds_of (const struct timeval *time)
{
  return time->tv_sec + time->tv_usec / 1e6;
}

static double
cpu_seconds (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return seconds_of (&usage.ru_utime) + seconds_of (&usage.ru_stime);
}

/* GLib reaps the retired helpers in its own thread; wait until this
 * process has no children left (without reaping any itself). */
static void
wait_for_no_children (void)
{
  gint64    deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  siginfo_t info;

  while (g_get_monotonic_time () < deadline)
    {
      memset (&info, 0, sizeof info);
      if (waitid (P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) < 0)
        return; /* ECHILD: all gone */
      g_usleep (10 * 1000);
    }
  g_printerr ("helpers still running after 10 s; their CPU time is not counted\n");
}

static void
write_file (const char *folder, const char *name, const void *data, gsize length)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr (GError) error = NULL;

  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s: %s", path, error->message);
}

/* A Word document whose paragraphs are the lines of `text`. */
static GBytes *
make_docx (const char *text)
{
  g_autoptr (CrbTestZip) zip = crb_test_zip_new ();
  g_autoptr (GString) document =
      g_string_new ("<?xml version=\"1.0\"?><w:document " W_NS "><w:body>");
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (*lines[i])
      {
        g_autofree char *escaped = g_markup_escape_text (lines[i], -1);

        g_string_append_printf (document, "<w:p><w:r><w:t>%s</w:t></w:r></w:p>", escaped);
      }
  g_string_append (document, "</w:body></w:document>");
  crb_test_zip_add (zip, "[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                    "package/2006/content-types\"><Default Extension=\"xml\" "
                    "ContentType=\"application/xml\"/></Types>",
                    FALSE);
  crb_test_zip_add (zip, "_rels/.rels",
                    "<?xml version=\"1.0\"?><Relationships " RELS_NS ">"
                    "<Relationship Id=\"rId1\" Type=\"" REL_TYPE "officeDocument\" "
                    "Target=\"word/document.xml\"/></Relationships>",
                    FALSE);
  crb_test_zip_add (zip, "word/document.xml", document->str, FALSE);
  return crb_test_zip_finish (zip);
}

/* The HTML test pages, each made unique by a sentence of its own. */
static guint
write_pages (const char *pages, const char *folder, guint n)
{
  g_autoptr (GDir) dir = g_dir_open (pages, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  guint       written = 0;

  while (dir && (name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".html"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; names->len > 0 && i < n; i++)
    {
      g_autofree char *path =
          g_build_filename (pages, g_ptr_array_index (names, i % names->len), NULL);
      g_autofree char *html = NULL;
      g_autofree char *unique = NULL;
      g_autofree char *file = g_strdup_printf ("page-%03u.html", i);
      char            *article, *end;

      if (!g_file_get_contents (path, &html, NULL, NULL))
        continue;
      /* In the article's first paragraph, where extraction keeps it. */
      article = strstr (html, "<article");
      end = strstr (article ? article : html, "<p>");
      if (end != NULL)
        {
          end += strlen ("<p>");
          unique =
              g_strdup_printf ("%.*sBatch copy number %u. %s", (int) (end - html), html, i, end);
        }
      else
        unique = g_strdup (html);
      write_file (folder, file, unique, strlen (unique));
      written++;
    }
  return written;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("crb-bench-batch-XXXXXX", &error);
  g_autofree char *files = g_build_filename (dir, "files", NULL);
  g_autofree char *path = g_build_filename (dir, "batch.corroborate", NULL);
  g_autoptr (CrbSynthCorpus) corpus = crb_synth_corpus_new (2 * N_EACH, 0, 20261122);
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) outcomes = NULL;
  const char *sources[] = { files, NULL };
  guint       n_files = 0, imported = 0, duplicates = 0;
  double      children_before, self_before, wall, helpers, store;
  gint64      start;

  g_assert_no_error (error);
  if (argc < 2)
    g_error ("usage: %s HTML-TEST-PAGES-FOLDER", argv[0]);
  g_setenv ("XDG_CACHE_HOME", dir, TRUE);
  /* A sandboxed helper is a grandchild that bubblewrap does not wait for
   * when it is stopped, so its CPU time would not be counted: measure the
   * same helpers without the sandbox. */
  g_setenv ("CORROBORATE_NO_SANDBOX", "1", TRUE);
  g_mkdir (files, 0700);

  for (guint i = 0; i < N_EACH; i++)
    {
      gsize            length;
      const char      *text = crb_synth_corpus_get_text (corpus, i, &length);
      const char      *other = crb_synth_corpus_get_text (corpus, N_EACH + i, NULL);
      g_autofree char *name = g_strdup_printf ("note-%03u.txt", i);
      g_autofree char *docx_name = g_strdup_printf ("memo-%03u.docx", i);
      g_autofree char *pdf_name = g_strdup_printf ("report-%03u.pdf", i);
      g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GBytes) docx = make_docx (other);
      g_autoptr (GBytes) pdf = crb_test_pdf_article (12, 4000 + 2 * i, words);

      write_file (files, name, text, length);
      write_file (files, docx_name, g_bytes_get_data (docx, NULL), g_bytes_get_size (docx));
      write_file (files, pdf_name, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
      n_files += 3;
    }
  n_files += write_pages (argv[1], files, N_EACH);
  printf ("batch: %u files (text, web pages, PDFs, Word documents), %u cores\n", n_files,
          g_get_num_processors ());

  project = crb_project_create (path, &error);
  g_assert_no_error (error);
  children_before = cpu_seconds (RUSAGE_CHILDREN);
  self_before = cpu_seconds (RUSAGE_SELF);
  start = g_get_monotonic_time ();
  {
    g_autoptr (CrbImporter) importer = crb_importer_new (project);

    outcomes = crb_importer_import (importer, sources, NULL, &error);
    g_assert_no_error (error);
    wall = (g_get_monotonic_time () - start) / 1e6;
    /* Dropping the importer retires its helpers, whose CPU time then
     * counts among this process's children. */
  }
  wait_for_no_children ();
  helpers = cpu_seconds (RUSAGE_CHILDREN) - children_before;
  store = cpu_seconds (RUSAGE_SELF) - self_before;
  for (guint i = 0; i < outcomes->len; i++)
    {
      CrbImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->status == CRB_IMPORT_IMPORTED)
        imported++;
      else if (outcome->status == CRB_IMPORT_DUPLICATE)
        {
          duplicates++;
          if (g_getenv ("BENCH_VERBOSE"))
            printf ("same text: %s\n", outcome->source);
        }
      else
        printf ("not imported: %s: %s\n", outcome->source,
                outcome->error ? outcome->error->message : "cancelled");
    }

  printf ("imported: %u of %u (%u with the same text as another)\n", imported, outcomes->len,
          duplicates);
  printf ("wall time: %.2f s\n", wall);
  printf ("helper processes' CPU time (sum): %.2f s; this process's CPU time: %.2f s\n", helpers,
          store);
  printf ("wall / helper CPU: %.2f (below 1 means the helpers ran in parallel)\n", wall / helpers);
  printf ("cores kept busy: %.2f of %u ((helpers + this process) CPU / wall)\n",
          (helpers + store) / wall, g_get_num_processors ());

  g_clear_object (&project);
  bench_remove_tree (dir);
  return 0;
}
