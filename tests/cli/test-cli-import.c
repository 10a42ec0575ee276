/* test-cli-import.c: corroborate-cli import, list, show and search, on texts
 * written here (Latin and Russian in legacy encodings) and on the shared
 * corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>
#include <libsoup/soup.h>

#include "cli-test-util.h"
#include "crb-document.h"
#include "crb-project.h"

static const char english_text[] =
    "Dam breach at Ilmet\n\n"
    "The dam on the Ilmet river failed at 04:10 on Tuesday. Officials said twelve people died. "
    "Survivors gathered at the Café Müller on the square, where volunteers handed out blankets.\n";

static const char russian_1251_text[] =
    "Прорыв плотины на Ильмете\n\n"
    "Во вторник в четыре часа утра обрушилась плотина на реке Ильмет. По данным министерства, "
    "погибли двенадцать человек, ещё сорок считаются пропавшими без вести. Жители соседних сёл "
    "говорят, что трещины в бетоне были видны ещё весной, но на их жалобы никто не ответил.\n";

static const char russian_koi8_text[] =
    "Наводнение дошло до Коша\n\n"
    "Вода из разрушенного водохранилища к полудню достигла посёлка Кош. Местные жители насчитали "
    "не меньше тридцати затопленных домов. Спасатели эвакуировали школу и больницу, а губернатор "
    "пообещал выплатить компенсации всем пострадавшим семьям.\n";

static char *
write_encoded (CliFixture *fixture, const char *name, const char *text, const char *charset)
{
  g_autoptr (GError) error = NULL;
  gsize            length = 0;
  g_autofree char *bytes = g_convert (text, -1, charset, "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  return cli_write (fixture, name, bytes, (gssize) length);
}

/* The text as the project must hold it: NFC, LF line ends; surrounding
 * white space is not part of a document. */
static char *
normalise (const char *text)
{
  g_autoptr (GString) lf = g_string_new (NULL);
  g_autofree char *nfc = NULL;

  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (lf, '\n');
          if (p[1] == '\n')
            p++;
          continue;
        }
      g_string_append_c (lf, *p);
    }
  nfc = g_utf8_normalize (lf->str, -1, G_NORMALIZE_NFC);
  return g_strdup (g_strstrip (nfc));
}

static JsonObject *
find_by_text (CliFixture *fixture, const char *path, JsonNode *list, const char *needle,
              char **text_out)
{
  for (guint i = 0; i < cli_json_length (list); i++)
    {
      const char *id = json_object_get_string_member (cli_json_element (list, i), "id");
      g_autoptr (JsonNode) shown = cli_run_json (fixture, "show", path, id, NULL);
      const char *text = json_object_get_string_member (json_node_get_object (shown), "text");

      if (strstr (text, needle))
        {
          *text_out = g_strdup (text);
          return cli_json_element (list, i);
        }
    }
  g_error ("no document contains “%s”", needle);
}

static guint
count_lines (const char *out, const char *needle)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  guint count = 0;

  for (guint i = 0; lines[i]; i++)
    count += strstr (lines[i], needle) != NULL;
  return count;
}

static char *
make_sources (CliFixture *fixture)
{
  g_free (cli_write (fixture, "english.txt", english_text, -1));
  g_free (write_encoded (fixture, "batch/ru-1251.txt", russian_1251_text, "WINDOWS-1251"));
  g_free (write_encoded (fixture, "batch/deeper/ru-koi8.txt", russian_koi8_text, "KOI8-R"));
  g_free (cli_write (fixture, "batch/.hidden-notes.txt", "Not for import.\n", -1));
  return cli_path (fixture, "batch");
}

/* Each document gives back the bytes of its file.  The UTF-8 file is its
 * own text and is not stored a second time; the other two are. */
static void
check_originals (CliFixture *fixture, const char *path, JsonNode *list)
{
  const char *files[] = { "english.txt", "batch/ru-1251.txt", "batch/deeper/ru-koi8.txt" };
  const char *needles[] = { "Café Müller", "плотина на реке Ильмет", "посёлка Кош" };
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* The command line first: it needs the project not to be open here. */
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = NULL;
      JsonObject      *document = find_by_text (fixture, path, list, needles[i], &text);

      g_ptr_array_add (ids, g_strdup (json_object_get_string_member (document, "id")));
    }

  project = crb_project_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = cli_path (fixture, files[i]);
      g_autofree char *contents = NULL;
      gsize            length = 0;
      g_autoptr (GBytes) original =
          crb_project_dup_document_original (project, ids->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      g_assert_nonnull (original);
      g_assert_cmpmem (g_bytes_get_data (original, NULL), g_bytes_get_size (original), contents,
                       length);
    }
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM original", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_import_list_show (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "news.corroborate");
  g_autofree char *english = cli_path (fixture, "english.txt");
  g_autofree char *batch = make_sources (fixture);
  g_autofree char *out = NULL;
  g_autoptr (JsonNode) list = NULL;
  struct
  {
    const char *needle;
    const char *text;
  } expected[] = {
    { "Café Müller", english_text },
    { "плотина на реке Ильмет", russian_1251_text },
    { "посёлка Кош", russian_koi8_text },
  };

  g_free (cli_run_ok (fixture, "new", path, NULL));
  out = cli_run_ok (fixture, "import", path, english, batch, NULL);
  /* One line per file; the hidden file is not one of them. */
  g_assert_cmpuint (count_lines (out, ": imported as"), ==, 3);
  g_assert_null (strstr (out, "hidden"));

  list = cli_run_json (fixture, "list", path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *document = cli_json_element (list, i);
      const char *fields[] = { "id",        "title",     "kind",     "sha256", "chars",
                               "publisher", "published", "revision", "claims", "reliability" };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        g_assert_true (json_object_has_member (document, fields[f]));
      g_assert_cmpuint (strlen (json_object_get_string_member (document, "sha256")), ==, 64);
      g_assert_cmpint (json_object_get_int_member (document, "revision"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (document, "claims"), ==, 0);
    }

  /* Each text arrives whole and in UTF-8, whatever its encoding was, and
   * the listed hash and length are those of that text. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = NULL;
      JsonObject      *document = find_by_text (fixture, path, list, expected[i].needle, &text);
      g_autofree char *want = normalise (expected[i].text);
      g_autofree char *got = normalise (text);
      g_autofree char *sha = cli_text_sha256 (text);
      g_autofree char *first_line = g_strndup (want, strcspn (want, "\n"));

      g_assert_cmpstr (got, ==, want);
      g_assert_cmpstr (json_object_get_string_member (document, "sha256"), ==, sha);
      g_assert_cmpint (json_object_get_int_member (document, "chars"), ==,
                       g_utf8_strlen (text, -1));
      g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, first_line);
    }

  check_originals (fixture, path, list);
}

static void
test_import_again_skips (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "twice.corroborate");
  g_autofree char *english = cli_path (fixture, "english.txt");
  g_autofree char *batch = make_sources (fixture);
  g_autofree char *copy = cli_write (fixture, "elsewhere/same-text.txt", english_text, -1);
  g_autofree char *again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (JsonNode) first = NULL;
  g_autoptr (JsonNode) second = NULL;
  g_autoptr (JsonNode) outcomes = NULL;
  g_autoptr (JsonNode) list = NULL;

  g_free (cli_run_ok (fixture, "new", path, NULL));
  first = cli_run_json (fixture, "import", path, english, batch, NULL);
  g_assert_cmpuint (cli_json_length (first), ==, 3);
  list = cli_run_json (fixture, "list", path, NULL);

  before = cli_file_sha256 (path);
  again = cli_run_ok (fixture, "import", path, english, batch, NULL);
  g_assert_cmpuint (count_lines (again, ": skipped (already in the project"), ==, 3);
  after = cli_file_sha256 (path);
  g_assert_cmpstr (after, ==, before);

  /* The same text under another name is the same document. */
  outcomes = cli_run_json (fixture, "import", path, copy, NULL);
  g_assert_cmpuint (cli_json_length (outcomes), ==, 1);
  {
    JsonObject *outcome = cli_json_element (outcomes, 0);
    JsonObject *original = cli_json_find (first, "source", english);

    g_assert_nonnull (original);
    g_assert_cmpstr (json_object_get_string_member (outcome, "status"), ==, "skipped");
    g_assert_cmpstr (json_object_get_string_member (outcome, "source"), ==, copy);
    g_assert_cmpstr (json_object_get_string_member (outcome, "document_id"), ==,
                     json_object_get_string_member (original, "document_id"));
    g_assert_true (json_object_get_null_member (outcome, "error"));
  }

  second = cli_run_json (fixture, "list", path, NULL);
  g_assert_cmpuint (cli_json_length (second), ==, cli_json_length (list));
}

static void
test_import_failure (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "partial.corroborate");
  g_autofree char *english = cli_path (fixture, "english.txt");
  g_autofree char *missing = cli_path (fixture, "no-such-file.txt");
  g_autoptr (CliRun) run = NULL;
  g_autoptr (JsonNode) list = NULL;

  g_free (cli_write (fixture, "english.txt", english_text, -1));
  g_free (cli_run_ok (fixture, "new", path, NULL));
  run = cli_run (fixture, "import", path, missing, english, NULL);

  /* The good file gets in, the missing one is reported, and the exit
   * status says that not everything worked. */
  g_assert_cmpint (run->status, ==, 1);
  g_assert_cmpuint (count_lines (run->out, ": imported as"), ==, 1);
  g_assert_cmpuint (count_lines (run->out, ": failed: "), ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "corroborate-cli: "));
  list = cli_run_json (fixture, "list", path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 1);
}

static void
test_show (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "shown.corroborate");
  g_autofree char *english = cli_write (fixture, "english.txt", english_text, -1);
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *out = NULL;
  g_autoptr (CliRun) missing = NULL;
  const char *id;

  g_free (cli_run_ok (fixture, "new", path, NULL));
  g_free (cli_run_ok (fixture, "import", path, english, NULL));
  list = cli_run_json (fixture, "list", path, NULL);
  id = json_object_get_string_member (cli_json_element (list, 0), "id");

  /* A prefix of the identifier is enough. */
  prefix = g_strndup (id, 6);
  out = cli_run_ok (fixture, "show", path, prefix, NULL);
  g_assert_nonnull (strstr (out, "Dam breach at Ilmet"));
  g_assert_nonnull (strstr (out, id));
  g_assert_nonnull (strstr (out, "Officials said twelve people died."));

  missing = cli_run (fixture, "show", path, "ffffffff-0000", NULL);
  cli_assert_failed (missing, 1, "no document");
}

static void
test_search (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "searched.corroborate");
  g_autofree char *english = cli_path (fixture, "english.txt");
  g_autofree char *batch = make_sources (fixture);
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *english_text_out = NULL, *ru1251 = NULL, *koi8 = NULL;
  const char      *english_id, *ru1251_id, *koi8_id;
  struct
  {
    const char  *query;
    const char **want; /* the documents found, in any order */
  } cases[] = {
    { "Officials", (const char *[]){ NULL, NULL } },
    { "плотина", (const char *[]){ NULL, NULL } },
    { "ПЛОТИНА", (const char *[]){ NULL, NULL } },
    { "\"twelve people died\"", (const char *[]){ NULL, NULL } },
    { "водохран*", (const char *[]){ NULL, NULL } },
    { "cafe muller", (const char *[]){ NULL, NULL } },
    { "\"died twelve\"", (const char *[]){ NULL } },
  };

  g_free (cli_run_ok (fixture, "new", path, NULL));
  g_free (cli_run_ok (fixture, "import", path, english, batch, NULL));
  list = cli_run_json (fixture, "list", path, NULL);
  english_id = json_object_get_string_member (
      find_by_text (fixture, path, list, "Officials", &english_text_out), "id");
  ru1251_id =
      json_object_get_string_member (find_by_text (fixture, path, list, "плотина", &ru1251), "id");
  koi8_id = json_object_get_string_member (
      find_by_text (fixture, path, list, "водохранилища", &koi8), "id");
  cases[0].want[0] = english_id;
  cases[1].want[0] = ru1251_id;
  cases[2].want[0] = ru1251_id;
  cases[3].want[0] = english_id;
  cases[4].want[0] = koi8_id;
  cases[5].want[0] = english_id;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (JsonNode) hits = cli_run_json (fixture, "search", path, cases[i].query, NULL);
      guint n_want = g_strv_length ((char **) cases[i].want);

      g_test_message ("query %s", cases[i].query);
      g_assert_cmpuint (cli_json_length (hits), ==, n_want);
      for (guint h = 0; h < n_want; h++)
        {
          JsonObject *hit = cli_json_element (hits, h);

          g_assert_true (
              g_strv_contains (cases[i].want, json_object_get_string_member (hit, "document_id")));
          g_assert_nonnull (json_object_get_string_member (hit, "title"));
          g_assert_nonnull (strchr (json_object_get_string_member (hit, "snippet"), '['));
          g_assert_nonnull (strchr (json_object_get_string_member (hit, "snippet"), ']'));
          g_assert_true (json_object_get_null_member (hit, "claim_id"));
        }
    }

  /* Claim notes are searched too, and say which claim matched. */
  {
    g_autofree char *claim =
        cli_run_ok (fixture, "claim", "add", path, english_id, "--quote", "failed at 04:10",
                    "--note", "Inspection report overdue since spring", NULL);
    g_autoptr (JsonNode) hits = cli_run_json (fixture, "search", path, "inspection", NULL);
    g_autoptr (JsonNode) limited =
        cli_run_json (fixture, "search", path, "the OR на", "--limit", "1", NULL);
    JsonObject *hit;

    g_strstrip (claim);
    g_assert_cmpuint (cli_json_length (hits), ==, 1);
    hit = cli_json_element (hits, 0);
    g_assert_cmpstr (json_object_get_string_member (hit, "claim_id"), ==, claim);
    g_assert_cmpstr (json_object_get_string_member (hit, "document_id"), ==, english_id);
    g_assert_nonnull (strstr (json_object_get_string_member (hit, "snippet"), "[Inspection]"));
    g_assert_cmpuint (cli_json_length (limited), ==, 1);
  }
}

/* A web server on 127.0.0.1 in its own thread: the test's own thread is
 * blocked while the CLI runs. */
typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GAsyncQueue  *ready;
  char         *base;
} WebServer;

static const char web_page[] =
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Kosh evacuated</title></head>"
    "<body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
    "<article><h1>Kosh evacuated</h1><p>Rescuers evacuated the school and the hospital in Kosh "
    "after water from the Ilmet reservoir reached the village before noon on Tuesday.</p>"
    "<p>The regional governor promised compensation to every family that lost its home.</p>"
    "</article><footer>Copyright Example News</footer></body></html>";

static const char web_text[] = "Ministry statement\n\nThe ministry confirmed twelve deaths and "
                               "forty people missing after the Ilmet dam failed.\n";

static void
serve (SoupServer *server, SoupServerMessage *message, const char *path, GHashTable *query,
       gpointer data)
{
  if (g_str_equal (path, "/page.html"))
    soup_server_message_set_response (message, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                      web_page, strlen (web_page));
  else if (g_str_equal (path, "/statement.txt"))
    soup_server_message_set_response (message, "text/plain; charset=utf-8", SOUP_MEMORY_STATIC,
                                      web_text, strlen (web_text));
  else
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
}

static gpointer
web_server_thread (gpointer data)
{
  WebServer *web = data;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autoslist (GUri) uris = NULL;

  g_main_context_push_thread_default (web->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_async_queue_push (web->ready, g_uri_to_string (uris->data));
  g_main_loop_run (web->loop);
  soup_server_disconnect (server);
  g_main_context_pop_thread_default (web->context);
  return NULL;
}

static void
web_server_start (WebServer *web)
{
  web->context = g_main_context_new ();
  web->loop = g_main_loop_new (web->context, FALSE);
  web->ready = g_async_queue_new ();
  web->thread = g_thread_new ("web-server", web_server_thread, web);
  web->base = g_async_queue_pop (web->ready);
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
web_server_stop (WebServer *web)
{
  g_main_context_invoke (web->context, quit_loop, web->loop);
  g_thread_join (web->thread);
  g_main_loop_unref (web->loop);
  g_main_context_unref (web->context);
  g_async_queue_unref (web->ready);
  g_free (web->base);
}

/* corroborate-cli extract: a file's and a web page's text and metadata
 * without a project; a file that cannot be read fails with the reason. */
static void
test_extract (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *article =
      cli_write (fixture, "wire.txt",
                 "Dam collapse floods Korvash valley\n\nMERIDIAN PRESS AGENCY\nBy Lena Hartwig\n"
                 "SOVRANY, Saturday 18 April 2026, 11:52 local time\n\n"
                 "At least 14 people were killed when the dam failed.\n",
                 -1);
  g_autofree char *missing = cli_path (fixture, "nowhere.pdf");
  g_autofree char *plain = cli_run_ok (fixture, "extract", article, NULL);
  g_autoptr (JsonNode) json = cli_run_json (fixture, "extract", article, NULL);
  JsonObject *object = json_node_get_object (json);
  g_autoptr (CliRun) failed = cli_run (fixture, "extract", missing, NULL);
  g_autoptr (JsonNode) web_json = NULL;
  g_autofree char *page = NULL;
  WebServer        web = { 0 };

  g_assert_nonnull (strstr (plain, "At least 14 people were killed"));
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==,
                   "Dam collapse floods Korvash valley");
  g_assert_cmpstr (json_object_get_string_member (object, "publisher"), ==,
                   "Meridian Press Agency");
  g_assert_cmpstr (json_object_get_string_member (object, "author"), ==, "Lena Hartwig");
  g_assert_cmpstr (json_object_get_string_member (object, "published"), ==, "2026-04-18T11:52");
  g_assert_nonnull (strstr (json_object_get_string_member (object, "text"), "14 people"));
  g_assert_cmpint (json_object_get_int_member (object, "chars"), >, 100);
  cli_assert_failed (failed, 1, "nowhere.pdf");

  web_server_start (&web);
  page = g_uri_resolve_relative (web.base, "page.html", G_URI_FLAGS_NONE, NULL);
  web_json = cli_run_json (fixture, "extract", "--allow-private", page, NULL);
  object = json_node_get_object (web_json);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "html");
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, "Kosh evacuated");
  g_assert_cmpstr (json_object_get_string_member (object, "final_url"), ==, page);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "text"), "compensation"));
  /* Navigation and footer are not the author's text. */
  g_assert_null (strstr (json_object_get_string_member (object, "text"), "Copyright"));
  web_server_stop (&web);
}

static void
test_import_urls (CliFixture *fixture, gconstpointer data)
{
  g_autofree char *path = cli_path (fixture, "web.corroborate");
  g_autofree char *page = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *missing = NULL;
  g_autoptr (CliRun) refused = NULL;
  g_autoptr (JsonNode) outcomes = NULL;
  g_autoptr (JsonNode) list = NULL;
  WebServer web = { 0 };

  web_server_start (&web);
  page = g_uri_resolve_relative (web.base, "page.html", G_URI_FLAGS_NONE, NULL);
  statement = g_uri_resolve_relative (web.base, "statement.txt", G_URI_FLAGS_NONE, NULL);
  missing = g_uri_resolve_relative (web.base, "gone.html", G_URI_FLAGS_NONE, NULL);
  g_free (cli_run_ok (fixture, "new", path, NULL));

  /* Addresses on this computer are refused unless allowed. */
  refused = cli_run (fixture, "import", path, statement, NULL);
  g_assert_cmpint (refused->status, ==, 1);
  g_assert_cmpuint (count_lines (refused->out, ": failed: "), ==, 1);

  {
    const char *args[] = { "import",  path,    "--allow-private", page,
                           statement, missing, "--json",          NULL };
    g_autoptr (CliRun) run = cli_runv (fixture, args);
    g_autoptr (GError) error = NULL;

    g_assert_cmpint (run->status, ==, 1);
    outcomes = json_from_string (run->out, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (cli_json_length (outcomes), ==, 3);
  g_assert_cmpstr (
      json_object_get_string_member (cli_json_find (outcomes, "source", page), "status"), ==,
      "imported");
  g_assert_cmpstr (
      json_object_get_string_member (cli_json_find (outcomes, "source", statement), "status"), ==,
      "imported");
  g_assert_cmpstr (
      json_object_get_string_member (cli_json_find (outcomes, "source", missing), "status"), ==,
      "failed");
  g_assert_nonnull (
      json_object_get_string_member (cli_json_find (outcomes, "source", missing), "error"));

  list = cli_run_json (fixture, "list", path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 2);
  {
    g_autofree char *text = NULL;
    JsonObject      *document = find_by_text (fixture, path, list, "Rescuers evacuated", &text);

    g_assert_cmpstr (json_object_get_string_member (document, "title"), ==, "Kosh evacuated");
    g_assert_cmpstr (json_object_get_string_member (document, "origin"), ==, page);
    /* The page's navigation and footer are not part of the text. */
    g_assert_null (strstr (text, "Copyright"));
  }
  web_server_stop (&web);
}

static void
test_corpus (CliFixture *fixture, gconstpointer data)
{
  const char      *corpus = g_getenv ("CORROBORATE_SHARED_CORPUS");
  const char      *names[] = { "Izbairov", "Eschment", "Tokayev", "Caliber", "McDermott" };
  g_autofree char *path = cli_path (fixture, "corpus.corroborate");
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GHashTable) id_of_file =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (JsonNode) outcomes = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (CliRun) run = NULL;
  g_autoptr (GError) error = NULL;
  const char *entry;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The shared corpus is not here (CORROBORATE_SHARED_CORPUS).");
      return;
    }
  dir = g_dir_open (corpus, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)))
    if (g_str_has_suffix (entry, ".txt"))
      g_ptr_array_add (files, g_build_filename (corpus, entry, NULL));
  g_assert_cmpuint (files->len, ==, 5);

  g_free (cli_run_ok (fixture, "new", path, NULL));
  g_ptr_array_add (args, (gpointer) "import");
  g_ptr_array_add (args, path);
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (args, g_ptr_array_index (files, i));
  g_ptr_array_add (args, (gpointer) "--json");
  g_ptr_array_add (args, NULL);
  run = cli_runv (fixture, (const char *const *) args->pdata);
  g_assert_cmpint (run->status, ==, 0);
  outcomes = json_from_string (run->out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cli_json_length (outcomes), ==, 5);

  list = cli_run_json (fixture, "list", path, NULL);
  g_assert_cmpuint (cli_json_length (list), ==, 5);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = g_ptr_array_index (files, i);
      JsonObject *outcome = cli_json_find (outcomes, "source", file);
      const char *id;
      g_autoptr (JsonNode) shown = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;

      g_assert_nonnull (outcome);
      g_assert_cmpstr (json_object_get_string_member (outcome, "status"), ==, "imported");
      id = json_object_get_string_member (outcome, "document_id");
      shown = cli_run_json (fixture, "show", path, id, NULL);
      g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
      want = normalise (contents);
      got = normalise (json_object_get_string_member (json_node_get_object (shown), "text"));
      g_assert_cmpstr (got, ==, want);
      g_hash_table_insert (id_of_file, g_strdup (file), g_strdup (id));
    }

  /* Each name finds exactly the documents it occurs in. */
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr (JsonNode) hits = cli_run_json (fixture, "search", path, names[n], NULL);
      g_autoptr (GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
      guint expected = 0;

      for (guint h = 0; h < cli_json_length (hits); h++)
        g_hash_table_add (found, (gpointer) json_object_get_string_member (
                                     cli_json_element (hits, h), "document_id"));
      for (guint i = 0; i < files->len; i++)
        {
          const char      *file = g_ptr_array_index (files, i);
          g_autofree char *contents = NULL;
          gboolean         occurs;

          g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
          occurs = strstr (contents, names[n]) != NULL;
          expected += occurs;
          g_assert_cmpint (occurs, ==,
                           g_hash_table_contains (found, g_hash_table_lookup (id_of_file, file)));
        }
      g_assert_cmpuint (g_hash_table_size (found), ==, expected);
      g_assert_cmpuint (expected, >, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func)                                                                            \
  g_test_add (path, CliFixture, NULL, cli_fixture_set_up, func, cli_fixture_tear_down)
  ADD ("/crb/cli/import/files-folders-encodings", test_import_list_show);
  ADD ("/crb/cli/import/again-is-skipped", test_import_again_skips);
  ADD ("/crb/cli/import/failure-reported", test_import_failure);
  ADD ("/crb/cli/import/web-pages", test_import_urls);
  ADD ("/crb/cli/extract/file-and-web-page", test_extract);
  ADD ("/crb/cli/show/by-prefix", test_show);
  ADD ("/crb/cli/search/latin-cyrillic-phrase-prefix-notes", test_search);
  ADD ("/crb/cli/corpus/import-and-find-names", test_corpus);
#undef ADD

  return g_test_run ();
}
