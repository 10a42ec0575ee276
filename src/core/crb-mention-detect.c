/* crb-mention-detect.c: suggesting mentions of known entities
 *
 * Every name and alias goes into one CrbMentionScanner (a trie over
 * normalised words), so that a document is tokenised once however many
 * entities there are; detection is cheap enough to run inside each import
 * (crb-import-store.c calls _crb_mention_detect_document), and then the
 * mentions belong to the import's undo step.
 *
 * Suggestions are rows (status "suggested") because the analyst reviews
 * them one by one; a place that already has a row for the entity keeps it,
 * whatever its status, which is what keeps rejected mentions rejected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-entity"

#include "crb-document.h"
#include "crb-edit-private.h"
#include "crb-entity.h"
#include "crb-mention-detect-private.h"
#include "crb-mention-detect.h"
#include "crb-mention-scan.h"

typedef struct
{
  CrbMentionScanner *scanner;
  GPtrArray         *entities; /* UUIDs; the scanner's entity numbers index it */
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->scanner, crb_mention_scanner_free);
  g_clear_pointer (&names->entities, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Names, names_clear)

/* Call with the project locked. */
static gboolean
load_names (CrbProject *project, const char *entity_uuid, Names *names, GError **error)
{
  g_autoptr (GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;
  int           rc;

  names->scanner = crb_mention_scanner_new ();
  names->entities = g_ptr_array_new_with_free_func (g_free);
  stmt = _crb_project_prepare (project,
                               "SELECT e.uuid, e.name FROM entity e WHERE e.deleted = 0 "
                               "AND (?1 IS NULL OR e.uuid = ?1) "
                               "UNION ALL SELECT a.entity_uuid, a.name FROM alias a "
                               "JOIN entity e ON e.uuid = a.entity_uuid AND e.deleted = 0 "
                               "WHERE a.deleted = 0 AND (?1 IS NULL OR e.uuid = ?1)",
                               error);
  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, entity_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      gpointer    number;

      if (!g_hash_table_lookup_extended (numbers, uuid, NULL, &number))
        {
          number = GUINT_TO_POINTER (names->entities->len);
          g_ptr_array_add (names->entities, g_strdup (uuid));
          g_hash_table_insert (
              numbers, g_ptr_array_index (names->entities, names->entities->len - 1), number);
        }
      crb_mention_scanner_add (names->scanner, GPOINTER_TO_UINT (number), name);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "reading the entities");
      return FALSE;
    }
  return TRUE;
}

static char *
place_key (const char *entity_uuid, gint64 start, gint64 end)
{
  return g_strdup_printf ("%s/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, entity_uuid, start, end);
}

/* The places of one revision that already have a mention row. */
static GHashTable *
recorded_places (CrbProject *project, const char *revision_uuid, GError **error)
{
  g_autoptr (GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int           rc;

  stmt = _crb_project_prepare (project,
                               "SELECT entity_uuid, start_offset, end_offset FROM mention "
                               "WHERE revision_uuid = ?1 AND deleted = 0",
                               error);
  if (stmt == NULL)
    return NULL;
  crb_bind_text (stmt, 1, revision_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (places,
                      place_key ((const char *) sqlite3_column_text (stmt, 0),
                                 sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "reading the mentions");
      return NULL;
    }
  return g_steal_pointer (&places);
}

static gboolean
insert_mention (CrbProject *project, const char *entity_uuid, const char *document_uuid,
                const char *revision_uuid, const char *exact, guint start, guint end,
                GError **error)
{
  static const char *columns[] = { "entity_uuid", "document_uuid", "revision_uuid", "exact",
                                   "status",      "start_offset",  "end_offset" };
  const char        *strings[] = { entity_uuid, document_uuid, revision_uuid, exact, "suggested" };
  GValue             values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  gboolean           ok;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_static_string (&values[i], strings[i]);
    }
  g_value_init (&values[5], G_TYPE_INT64);
  g_value_set_int64 (&values[5], start);
  g_value_init (&values[6], G_TYPE_INT64);
  g_value_set_int64 (&values[6], end);
  ok = _crb_edit_insert (project, "mention", NULL, columns, values, G_N_ELEMENTS (columns), NULL,
                         NULL, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return ok;
}

/* Inside an action: suggests the mentions `names` finds in one revision. */
static gboolean
suggest_in_text (CrbProject *project, Names *names, const char *document_uuid,
                 const char *revision_uuid, const char *text, guint *n_added, GError **error)
{
  g_autoptr (GArray) found = crb_mention_scanner_scan (names->scanner, text, -1);
  g_autoptr (GHashTable) places = NULL;
  const char *cursor = text;
  guint32     cursor_offset = 0;

  if (found->len == 0)
    return TRUE;
  if (!(places = recorded_places (project, revision_uuid, error)))
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      const CrbMention *mention = &g_array_index (found, CrbMention, i);
      const char       *entity_uuid = g_ptr_array_index (names->entities, mention->entity);
      g_autofree char  *key = place_key (entity_uuid, mention->start, mention->end);
      g_autofree char  *exact = NULL;
      const char       *end;

      if (g_hash_table_contains (places, key))
        continue;
      /* Mentions come in text order: walk forward instead of from the start. */
      cursor = g_utf8_offset_to_pointer (cursor, mention->start - cursor_offset);
      cursor_offset = mention->start;
      end = g_utf8_offset_to_pointer (cursor, mention->end - mention->start);
      exact = g_strndup (cursor, end - cursor);
      if (!insert_mention (project, entity_uuid, document_uuid, revision_uuid, exact,
                           mention->start, mention->end, error))
        return FALSE;
      g_hash_table_add (places, g_steal_pointer (&key));
      (*n_added)++;
    }
  return TRUE;
}

/* Inside an action: every document (or one) against `names`. */
static gboolean
suggest_in_documents (CrbProject *project, Names *names, const char *document_uuid, guint *n_added,
                      GError **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int           rc;

  /* The revisions to scan first, then one text at a time: the corpus
   * never has to be in memory at once. */
  stmt = _crb_project_prepare (project,
                               "SELECT d.uuid, r.uuid FROM document d JOIN revision r "
                               "ON r.document_uuid = d.uuid AND r.current = 1 AND r.deleted = 0 "
                               "WHERE d.deleted = 0 AND (?1 IS NULL OR d.uuid = ?1) ORDER BY d.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, document_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, crb_column_dup (stmt, 0));
      g_ptr_array_add (rows, crb_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _crb_project_set_sqlite_error (project, error, rc, "reading the documents");
      return FALSE;
    }

  for (guint i = 0; i < rows->len; i += 2)
    {
      g_autofree char *text = NULL;

      if (!(stmt =
                _crb_project_prepare (project, "SELECT text FROM revision WHERE uuid = ?1", error)))
        return FALSE;
      crb_bind_text (stmt, 1, g_ptr_array_index (rows, i + 1));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        text = crb_column_dup (stmt, 0);
      sqlite3_reset (stmt);
      if (text != NULL && !suggest_in_text (project, names, g_ptr_array_index (rows, i),
                                            g_ptr_array_index (rows, i + 1), text, n_added, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_crb_mention_detect_document (CrbProject *project, const char *document_uuid, guint *n_added,
                              GError **error)
{
  g_auto (Names) names = { NULL, NULL };
  guint added = 0;

  g_assert (_crb_project_in_action (project));

  if (!load_names (project, NULL, &names, error))
    return FALSE;
  if (crb_mention_scanner_get_n_aliases (names.scanner) > 0 &&
      !suggest_in_documents (project, &names, document_uuid, &added, error))
    return FALSE;
  if (added > 0)
    _crb_project_note_change (project, CRB_CHANGE_ENTITIES);
  if (n_added)
    *n_added = added;
  return TRUE;
}

gboolean
crb_project_detect_mentions (CrbProject *project, const char *entity_id, const char *document_id,
                             guint *n_added, GError **error)
{
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_auto (Names) names = { NULL, NULL };
  guint added = 0;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  if (n_added)
    *n_added = 0;
  if (entity_id != NULL && !(entity = crb_project_find_entity (project, entity_id, error)))
    return FALSE;
  if (document_id != NULL && !(document = crb_project_find_document (project, document_id, error)))
    return FALSE;

  if (!_crb_project_begin_action (project, "Detect mentions", error))
    return FALSE;
  if (!load_names (project, entity ? crb_record_get_uuid (CRB_RECORD (entity)) : NULL, &names,
                   error) ||
      !suggest_in_documents (project, &names,
                             document ? crb_record_get_uuid (CRB_RECORD (document)) : NULL, &added,
                             error))
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  if (added > 0)
    _crb_project_note_change (project, CRB_CHANGE_ENTITIES);
  if (!_crb_project_commit_action (project, error))
    return FALSE;
  if (n_added)
    *n_added = added;
  return TRUE;
}

typedef struct
{
  char *entity_id;
  char *document_id;
} DetectData;

static void
detect_data_free (DetectData *data)
{
  g_free (data->entity_id);
  g_free (data->document_id);
  g_free (data);
}

static void
detect_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  DetectData *data = task_data;
  GError     *error = NULL;
  guint       added = 0;

  if (crb_project_detect_mentions (source, data->entity_id, data->document_id, &added, &error))
    g_task_return_int (task, added);
  else
    g_task_return_error (task, error);
}

void
crb_project_detect_mentions_async (CrbProject *project, const char *entity_id,
                                   const char *document_id, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  DetectData *data = g_new0 (DetectData, 1);

  g_return_if_fail (CRB_IS_PROJECT (project));

  data->entity_id = g_strdup (entity_id);
  data->document_id = g_strdup (document_id);
  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_project_detect_mentions_async);
  g_task_set_task_data (task, data, (GDestroyNotify) detect_data_free);
  g_task_run_in_thread (task, detect_thread);
}

gboolean
crb_project_detect_mentions_finish (CrbProject *project, GAsyncResult *result, guint *n_added,
                                    GError **error)
{
  gssize added;

  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);

  added = g_task_propagate_int (G_TASK (result), error);
  if (added < 0)
    return FALSE;
  if (n_added)
    *n_added = added;
  return TRUE;
}
