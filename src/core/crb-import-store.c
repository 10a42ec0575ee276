/* crb-import-store.c: writing one extracted document into the project
 *
 * The text's SHA-256 is its identity: the same text again is a duplicate
 * and adds nothing.  A different text from the same origin (file path or
 * URL) is a new revision of that document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-import"

#include <string.h>

#include "crb-edit-private.h"
#include "crb-fts-private.h"
#include "crb-import-private.h"
#include "crb-mention-detect-private.h"
#include "crb-reanchor-private.h"
#include "crb-utf8.h"
#include "crb-util.h"

void
crb_import_outcome_free (CrbImportOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->source);
  g_free (outcome->document_uuid);
  g_free (outcome->title);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

void
_crb_import_job_free (CrbImportJob *job)
{
  if (job == NULL)
    return;
  if (job->path != job->source)
    g_free (job->path);
  if (!job->source_borrowed)
    g_free (job->source);
  g_free (job->name);
  g_free (job->origin);
  g_free (job->final_url);
  g_free (job->content_type);
  g_free (job->charset);
  g_free (job->original_sha256);
  g_free (job->text_sha256);
  g_clear_pointer (&job->original, g_bytes_unref);
  g_clear_pointer (&job->packed, g_bytes_unref);
  g_clear_pointer (&job->result, crb_extract_result_free);
  g_clear_error (&job->error);
  g_free (job);
}

static char *
offsets_json (GArray *offsets)
{
  g_autoptr (GString) json = g_string_new ("[");

  for (guint i = 0; offsets && i < offsets->len; i++)
    g_string_append_printf (json, "%s%u", i ? "," : "", g_array_index (offsets, guint, i));
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

static void
append_json_strings (GString *json, GPtrArray *strings)
{
  g_string_append_c (json, '[');
  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      crb_json_append_string (json, g_ptr_array_index (strings, i));
    }
  g_string_append_c (json, ']');
}

/* What extraction removed and warned of, and the file's name, as JSON. */
static char *
notes_json (CrbImportJob *job)
{
  g_autoptr (GString) json = g_string_new ("{\"removed\":");

  append_json_strings (json, job->result->removed);
  g_string_append (json, ",\"warnings\":");
  append_json_strings (json, job->result->warnings);
  g_string_append (json, ",\"file\":");
  crb_json_append_string (json, job->name ? job->name : "");
  g_string_append_c (json, '}');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

gboolean
_crb_import_is_text (GBytes *original, const CrbExtractResult *result)
{
  gsize size = 0;
  gconstpointer data = original ? g_bytes_get_data (original, &size) : NULL;

  return data != NULL && result != NULL && size == result->text->len
         && memcmp (data, result->text->str, size) == 0;
}

GBytes *
_crb_import_compress (GBytes *bytes)
{
  g_autoptr (GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr (GInputStream) raw = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr (GInputStream) in = g_converter_input_stream_new (raw, G_CONVERTER (compressor));
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
fallback_title (CrbImportJob *job)
{
  g_autofree char *base = job->name ? g_strdup (job->name) : g_strdup (job->source);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

/* Looks for a live revision with this text; sets the outcome if found. */
static gboolean
find_duplicate (CrbProject *project, const char *sha256, CrbImportOutcome *outcome,
                GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (project,
                                             "SELECT d.uuid, d.title FROM revision r JOIN document d "
                                             "ON d.uuid = r.document_uuid WHERE r.text_sha256 = ?1 "
                                             "AND r.deleted = 0 AND d.deleted = 0 LIMIT 1",
                                             error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, sha256);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      outcome->status = CRB_IMPORT_DUPLICATE;
      outcome->document_uuid = crb_column_dup (stmt, 0);
      outcome->title = crb_column_dup (stmt, 1);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  return found;
}

/* The live document imported from the same place, with its current
 * revision's row id and number. */
static char *
find_same_origin (CrbProject *project, CrbImportJob *job, gint64 *revision_id, int *number,
                  char **title)
{
  const char *origin = job->origin ? job->origin : job->source;
  sqlite3_stmt *stmt = _crb_project_prepare (project,
                                             "SELECT d.uuid, r.id, r.number, d.title "
                                             "FROM document d JOIN revision r "
                                             "ON r.document_uuid = d.uuid AND r.current = 1 "
                                             "AND r.deleted = 0 WHERE d.deleted = 0 AND "
                                             "(d.origin = ?1 OR d.final_url = ?1 OR d.final_url = ?2) "
                                             "ORDER BY d.id LIMIT 1",
                                             NULL);
  char *uuid = NULL;

  if (stmt == NULL)
    return NULL;
  crb_bind_text (stmt, 1, origin);
  crb_bind_text (stmt, 2, job->final_url);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      uuid = crb_column_dup (stmt, 0);
      *revision_id = sqlite3_column_int64 (stmt, 1);
      *number = sqlite3_column_int (stmt, 2);
      *title = crb_column_dup (stmt, 3);
    }
  sqlite3_reset (stmt);
  return uuid;
}

static void
set_string (GValue *value, const char *text)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
}

static void
set_int (GValue *value, gint64 number)
{
  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, number);
}

static gboolean
insert_document (CrbProject *project, CrbImportJob *job, const char *title, char **uuid,
                 GError **error)
{
  static const char *columns[] = { "title", "kind", "origin", "final_url", "published_at",
                                   "doc_author", "publisher", "language" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  CrbExtractResult *result = job->result;
  gboolean ok;

  set_string (&values[0], title);
  set_string (&values[1], result->kind ? result->kind : "text");
  set_string (&values[2], job->origin ? job->origin : job->source);
  set_string (&values[3], job->final_url);
  set_string (&values[4], result->published);
  set_string (&values[5], result->author);
  set_string (&values[6], result->publisher);
  set_string (&values[7], result->language);
  ok = _crb_edit_insert (project, "document", NULL, columns, values, G_N_ELEMENTS (columns), uuid,
                         NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return ok;
}

static gboolean
insert_revision (CrbProject *project, CrbImportJob *job, const char *document_uuid, int number,
                 const char *sha256, char **revision_uuid, gint64 *rowid, GError **error)
{
  static const char *columns[] = { "document_uuid", "number", "text", "chars", "text_sha256",
                                   "original_sha256", "original_size", "content_type",
                                   "http_status", "retrieved_at", "encoding", "notes", "pages",
                                   "paragraphs" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  CrbExtractResult *result = job->result;
  g_autofree char *notes = notes_json (job);
  g_autofree char *pages = offsets_json (result->pages);
  g_autofree char *paragraphs = offsets_json (result->paragraphs);
  gboolean ok;

  set_string (&values[0], document_uuid);
  set_int (&values[1], number);
  set_string (&values[2], result->text->str);
  set_int (&values[3], (gint64) crb_utf8_count_chars (result->text->str, result->text->len));
  set_string (&values[4], sha256);
  set_string (&values[5], job->original_sha256);
  set_int (&values[6], job->original_sha256 ? (gint64) job->original_size : 0);
  set_string (&values[7], job->content_type);
  if (job->status)
    set_int (&values[8], job->status);
  else
    set_string (&values[8], NULL);
  set_int (&values[9], job->retrieved_at ? job->retrieved_at : _crb_project_now (project));
  set_string (&values[10], result->encoding);
  set_string (&values[11], notes);
  set_string (&values[12], pages);
  set_string (&values[13], paragraphs);
  ok = _crb_edit_insert (project, "revision", NULL, columns, values, G_N_ELEMENTS (columns),
                         revision_uuid, rowid, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return ok;
}

static gboolean
insert_original (CrbProject *project, CrbImportJob *job, const char *revision_uuid, GError **error)
{
  g_autoptr (GBytes) packed = NULL;
  sqlite3_stmt *stmt;
  gsize size = 0;
  gconstpointer data;

  if (job->original_is_text || (job->packed == NULL && job->original == NULL))
    return TRUE;
  packed = job->packed ? g_bytes_ref (job->packed) : _crb_import_compress (job->original);
  stmt = _crb_project_prepare (project,
                               "INSERT INTO original (revision_uuid, compression, bytes) "
                               "VALUES (?1, ?2, ?3)",
                               error);
  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (packed ? packed : job->original, &size);
  crb_bind_text (stmt, 1, revision_uuid);
  crb_bind_text (stmt, 2, packed ? "gzip" : "none");
  sqlite3_bind_blob64 (stmt, 3, data ? data : "", size, SQLITE_STATIC);
  return _crb_project_step_done (project, stmt, "the original file", error);
}

static gboolean
retire_revision (CrbProject *project, gint64 revision_id, GError **error)
{
  sqlite3_stmt *stmt;

  if (!_crb_fts_unindex (_crb_project_get_db (project), CRB_FTS_REVISION, revision_id, error))
    return FALSE;
  stmt = _crb_project_prepare (project,
                               "UPDATE revision SET current = 0, modified_at = ?2, modified_by = ?3 "
                               "WHERE id = ?1",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  sqlite3_bind_int64 (stmt, 2, _crb_project_now (project));
  crb_bind_text (stmt, 3, crb_project_get_author (project));
  return _crb_project_step_done (project, stmt, "the previous revision", error);
}

gboolean
_crb_import_store_job (CrbProject *project, CrbImportJob *job, gboolean keep_original,
                       CrbImportOutcome *outcome, GError **error)
{
  CrbExtractResult *result = job->result;
  const char *sha256 = job->text_sha256;
  g_autofree char *document_uuid = NULL;
  g_autofree char *revision_uuid = NULL;
  g_autofree char *existing_title = NULL;
  gint64 previous_id = 0, rowid = 0;
  int number = 0;
  gboolean stored;

  if (job->text_sha256 == NULL)
    sha256 = job->text_sha256 = crb_sha256_hex (result->text->str, result->text->len);
  if (find_duplicate (project, sha256, outcome, error))
    return TRUE;

  document_uuid = find_same_origin (project, job, &previous_id, &number, &existing_title);
  if (document_uuid != NULL)
    {
      if (!retire_revision (project, previous_id, error))
        return FALSE;
      outcome->status = CRB_IMPORT_NEW_REVISION;
      outcome->title = g_steal_pointer (&existing_title);
    }
  else
    {
      g_autofree char *title = result->title && *result->title ? g_strdup (result->title)
                                                               : fallback_title (job);

      if (!insert_document (project, job, title, &document_uuid, error))
        return FALSE;
      outcome->status = CRB_IMPORT_IMPORTED;
      outcome->title = g_steal_pointer (&title);
    }

  /* The text (and original) is written outside the undo changeset, which
   * would otherwise hold it a second time: undo tombstones the revision. */
  _crb_project_set_outside (project, TRUE);
  stored = insert_revision (project, job, document_uuid, number + 1, sha256, &revision_uuid,
                            &rowid, error)
           && _crb_fts_index_revision_text (project, rowid, result->text->str,
                                            result->text->len, error)
           && (!keep_original || insert_original (project, job, revision_uuid, error));
  _crb_project_set_outside (project, FALSE);
  if (!stored)
    return FALSE;
  _crb_project_note_outside_revision (project, revision_uuid);
  /* The annotations follow the text to its new revision, in this action. */
  if (outcome->status == CRB_IMPORT_NEW_REVISION
      && !_crb_reanchor_document (project, document_uuid, NULL, error))
    return FALSE;
  /* The project's entities are looked for in the new text, in this action. */
  if (!_crb_mention_detect_document (project, document_uuid, NULL, error))
    return FALSE;

  outcome->document_uuid = g_steal_pointer (&document_uuid);
  return TRUE;
}
