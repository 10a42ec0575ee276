/* crb-annotation-import.c: W3C Web Annotation JSON-LD in
 *
 * The file is untrusted: every member is type-checked, nothing in it
 * names a table or column, and it only ever adds claims (and tags) inside
 * one action.  Quotes are placed with the re-anchoring search (exact
 * quote scored by its context, then approximately), so that an
 * annotation made on a slightly different copy of a text still lands,
 * and one that fits two places equally is reported instead of guessed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-export"

#include <json-glib/json-glib.h>

#include "crb-annotation-import.h"
#include "crb-edit-private.h"
#include "crb-fts-private.h"
#include "crb-reanchor-private.h"

#define CONTEXT_CHARS 32

typedef struct
{
  const char *id;   /* as given, for the report */
  char       *uuid; /* from urn:uuid:…, if valid */
  const char *source;
  const char *exact;
  const char *prefix;
  const char *suffix;
  gint64      start; /* -1 when not given */
  gint64      end;
  const char *kind;
  GString    *note;
  GPtrArray  *tags; /* const char * */
  const char *creator;
  gint64      created; /* ms, 0 when not given */
  gint64      modified;
} Annotation;

typedef struct
{
  char *document;
  char *revision;
  char *text;
} Candidate;

void
crb_annotation_import_free (CrbAnnotationImport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->unmatched, g_ptr_array_unref);
  g_free (report);
}

static void
annotation_clear (Annotation *annotation)
{
  g_free (annotation->uuid);
  if (annotation->note)
    g_string_free (annotation->note, TRUE);
  g_clear_pointer (&annotation->tags, g_ptr_array_unref);
}

static void
candidate_clear (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->document);
  g_free (candidate->revision);
  g_free (candidate->text);
}

static const char *
string_member (JsonObject *object, const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

static gint64
int_member (JsonObject *object, const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64 &&
      json_node_get_int (node) >= 0 && json_node_get_int (node) <= G_MAXINT32)
    return json_node_get_int (node);
  return -1;
}

static gint64
time_member (JsonObject *object, const char *name)
{
  const char *value = string_member (object, name);
  g_autoptr (GDateTime) time = value ? g_date_time_new_from_iso8601 (value, NULL) : NULL;

  return time ? g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000 : 0;
}

/* Calls `each` for every object of a member that may be one or a list. */
static void
objects_of (JsonObject *object, const char *name, void (*each) (JsonObject *, gpointer),
            gpointer data)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_OBJECT (node))
    each (json_node_get_object (node), data);
  else if (node && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, i)))
          each (json_array_get_object_element (array, i), data);
    }
}

static void
read_body (JsonObject *body, gpointer data)
{
  Annotation *annotation = data;
  const char *value = string_member (body, "value");
  const char *purpose = string_member (body, "purpose");

  if (value == NULL || *value == '\0')
    return;
  if (g_strcmp0 (purpose, "tagging") == 0)
    g_ptr_array_add (annotation->tags, (gpointer) value);
  else
    g_string_append_printf (annotation->note, "%s%s", annotation->note->len ? "\n\n" : "", value);
}

static void
read_selector (JsonObject *selector, gpointer data)
{
  Annotation *annotation = data;
  const char *type = string_member (selector, "type");

  if (g_strcmp0 (type, "TextQuoteSelector") == 0 && string_member (selector, "exact"))
    {
      annotation->exact = string_member (selector, "exact");
      annotation->prefix = string_member (selector, "prefix");
      annotation->suffix = string_member (selector, "suffix");
    }
  else if (g_strcmp0 (type, "TextPositionSelector") == 0)
    {
      annotation->start = int_member (selector, "start");
      annotation->end = int_member (selector, "end");
    }
}

static void
read_target (JsonObject *target, gpointer data)
{
  Annotation *annotation = data;

  if (annotation->exact != NULL)
    return; /* the first target that says where is the one */
  annotation->source = string_member (target, "source");
  objects_of (target, "selector", read_selector, annotation);
}

static gboolean
read_annotation (JsonObject *object, Annotation *annotation)
{
  const char *motivation = string_member (object, "motivation");

  memset (annotation, 0, sizeof *annotation);
  annotation->start = annotation->end = -1;
  annotation->note = g_string_new (NULL);
  annotation->tags = g_ptr_array_new ();
  annotation->id = string_member (object, "id");
  if (annotation->id && g_str_has_prefix (annotation->id, "urn:uuid:") &&
      g_uuid_string_is_valid (annotation->id + 9))
    annotation->uuid = g_ascii_strdown (annotation->id + 9, -1);
  annotation->kind = g_strcmp0 (motivation, "highlighting") == 0  ? "highlight"
                     : g_strcmp0 (motivation, "questioning") == 0 ? "question"
                                                                  : "claim";
  annotation->created = time_member (object, "created");
  annotation->modified = time_member (object, "modified");
  {
    JsonNode *creator = json_object_get_member (object, "creator");

    if (creator && JSON_NODE_HOLDS_OBJECT (creator))
      annotation->creator = string_member (json_node_get_object (creator), "name");
  }
  objects_of (object, "body", read_body, annotation);
  objects_of (object, "target", read_target, annotation);
  return g_strcmp0 (string_member (object, "type"), "Annotation") == 0;
}

/* The annotations of the file, whichever container holds them. */
static GPtrArray *
annotations_of (JsonNode *root)
{
  GPtrArray *found = g_ptr_array_new ();
  JsonArray *items = NULL;

  if (JSON_NODE_HOLDS_ARRAY (root))
    items = json_node_get_array (root);
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode   *first = json_object_get_member (object, "first");
      JsonNode   *list = json_object_get_member (object, "items");

      if (first && JSON_NODE_HOLDS_OBJECT (first))
        list = json_object_get_member (json_node_get_object (first), "items");
      if (list && JSON_NODE_HOLDS_ARRAY (list))
        items = json_node_get_array (list);
      else
        g_ptr_array_add (found, object);
    }
  for (guint i = 0; items && i < json_array_get_length (items); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (items, i)))
      g_ptr_array_add (found, json_array_get_object_element (items, i));
  return found;
}

/* Current revisions of the documents the source names, or of all. */
static GArray *
candidates_for (CrbProject *project, const char *source, GError **error)
{
  g_autoptr (GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  const char   *document = source && g_str_has_prefix (source, "urn:uuid:") ? source + 9 : NULL;
  sqlite3_stmt *stmt;
  int           rc;

  g_array_set_clear_func (candidates, candidate_clear);
  for (int pass = 0; pass < 2 && candidates->len == 0; pass++)
    {
      stmt = _crb_project_prepare (project,
                                   "SELECT d.uuid, r.uuid, r.text FROM document d JOIN revision r "
                                   "ON r.document_uuid = d.uuid AND r.current = 1 "
                                   "AND r.deleted = 0 WHERE d.deleted = 0 AND (?1 OR d.uuid = ?2 "
                                   "OR d.origin = ?3 OR d.final_url = ?3) ORDER BY d.uuid",
                                   error);
      if (stmt == NULL)
        return NULL;
      /* First what the source names; failing that, every document. */
      sqlite3_bind_int (stmt, 1, pass == 1);
      crb_bind_text (stmt, 2, document);
      crb_bind_text (stmt, 3, source);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Candidate candidate = { crb_column_dup (stmt, 0), crb_column_dup (stmt, 1),
                                  crb_column_dup (stmt, 2) };

          g_array_append_val (candidates, candidate);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _crb_project_set_sqlite_error (project, error, rc, "the annotations");
          return NULL;
        }
    }
  return g_steal_pointer (&candidates);
}

/* Where the quote sits in `text`, by position if the quote is there. */
static CrbAnchorStatus
place (const Annotation *annotation, const char *text, guint *start, guint *end)
{
  glong length = g_utf8_strlen (text, -1);
  g_autoptr (CrbReanchorTexts) texts = NULL;

  if (annotation->start >= 0 && annotation->end > annotation->start && annotation->end <= length)
    {
      const char *s = g_utf8_offset_to_pointer (text, annotation->start);
      const char *e = g_utf8_offset_to_pointer (s, annotation->end - annotation->start);

      if ((gsize) (e - s) == strlen (annotation->exact) &&
          memcmp (s, annotation->exact, e - s) == 0)
        {
          *start = (guint) annotation->start;
          *end = (guint) annotation->end;
          return CRB_ANCHOR_ANCHORED;
        }
    }
  /* No old text: the search goes straight to the quote and its context. */
  texts = _crb_reanchor_texts_new ("", text);
  return _crb_reanchor_locate (texts, 0, 0, annotation->exact, annotation->prefix,
                               annotation->suffix, start, end);
}

static char *
slice (const char *text, glong from, glong to)
{
  const char *s = g_utf8_offset_to_pointer (text, MAX (from, 0));
  const char *e = g_utf8_offset_to_pointer (s, to - MAX (from, 0));

  return g_strndup (s, e - s);
}

static gboolean
tag_claim (CrbProject *project, const char *claim_uuid, const char *name, GError **error)
{
  static const char *tag_columns[] = { "name" };
  static const char *link_columns[] = { "claim_uuid", "tag_uuid" };
  g_autofree char   *tag = NULL;
  sqlite3_stmt      *stmt = _crb_project_prepare (project,
                                                  "SELECT uuid FROM tag WHERE deleted = 0 AND name = ?1 "
                                                       "ORDER BY parent_uuid IS NOT NULL, uuid LIMIT 1",
                                                  error);
  GValue             values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gboolean           ok;

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tag = crb_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[0], name);
  ok = tag != NULL ||
       _crb_edit_insert (project, "tag", NULL, tag_columns, values, 1, &tag, NULL, error);
  if (ok)
    {
      g_value_set_string (&values[0], claim_uuid);
      g_value_set_string (&values[1], tag);
      ok =
          _crb_edit_insert (project, "claim_tag", NULL, link_columns, values, 2, NULL, NULL, error);
    }
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
  return ok;
}

static gboolean
add_claim (CrbProject *project, const Annotation *annotation, const Candidate *where, guint start,
           guint end, GError **error)
{
  static const char *columns[] = { "document_uuid", "revision_uuid", "start_offset",
                                   "end_offset",    "exact",         "prefix",
                                   "suffix",        "kind",          "note" };
  GValue             values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  glong              length = g_utf8_strlen (where->text, -1);
  g_autofree char   *exact = slice (where->text, start, end);
  g_autofree char   *prefix = slice (where->text, (glong) start - CONTEXT_CHARS, start);
  g_autofree char   *suffix = slice (where->text, end, MIN ((glong) end + CONTEXT_CHARS, length));
  g_autofree char   *uuid = NULL;
  sqlite3_stmt      *stmt;
  gint64             rowid;
  gboolean           ok;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], i == 2 || i == 3 ? G_TYPE_INT64 : G_TYPE_STRING);
  g_value_set_string (&values[0], where->document);
  g_value_set_string (&values[1], where->revision);
  g_value_set_int64 (&values[2], start);
  g_value_set_int64 (&values[3], end);
  g_value_set_string (&values[4], exact);
  g_value_set_string (&values[5], prefix);
  g_value_set_string (&values[6], suffix);
  g_value_set_string (&values[7], annotation->kind);
  g_value_set_string (&values[8], annotation->note->str);
  ok = _crb_edit_insert (project, "claim", annotation->uuid, columns, values,
                         G_N_ELEMENTS (columns), &uuid, &rowid, error);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  if (!ok)
    return FALSE;

  /* Who made it and when travel with it, as with merged claims. */
  if (annotation->creator || annotation->created)
    {
      if (!(stmt = _crb_project_prepare (project,
                                         "UPDATE claim SET author = coalesce(?2, author), "
                                         "modified_by = coalesce(?2, modified_by), "
                                         "created_at = coalesce(?3, created_at), "
                                         "modified_at = coalesce(?4, ?3, modified_at) "
                                         "WHERE id = ?1",
                                         error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      crb_bind_text (stmt, 2,
                     annotation->creator && *annotation->creator ? annotation->creator : NULL);
      if (annotation->created)
        sqlite3_bind_int64 (stmt, 3, annotation->created);
      if (annotation->modified)
        sqlite3_bind_int64 (stmt, 4, annotation->modified);
      if (!_crb_project_step_done (project, stmt, "the annotation", error))
        return FALSE;
    }
  if (!_crb_fts_index (_crb_project_get_db (project), CRB_FTS_CLAIM, rowid, error))
    return FALSE;
  for (guint i = 0; i < annotation->tags->len; i++)
    if (!tag_claim (project, uuid, g_ptr_array_index (annotation->tags, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
known_claim (CrbProject *project, const char *uuid, gboolean *deleted)
{
  sqlite3_stmt *stmt =
      _crb_project_prepare (project, "SELECT deleted FROM claim WHERE uuid = ?1", NULL);
  gboolean found = FALSE;

  if (stmt == NULL || uuid == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *deleted = sqlite3_column_int (stmt, 0) != 0;
    }
  sqlite3_reset (stmt);
  return found;
}

/* One annotation; FALSE only when writing failed. */
static gboolean
import_one (CrbProject *project, JsonObject *object, guint index, CrbAnnotationImport *report,
            GError **error)
{
  Annotation annotation;
  g_autoptr (GArray) candidates = NULL;
  g_autofree char *label = NULL;
  const Candidate *chosen = NULL;
  guint            start = 0, end = 0, found = 0;
  gboolean         deleted = FALSE, ok = TRUE;
  const char      *why = NULL;

  if (!read_annotation (object, &annotation))
    why = "it is not an Annotation";
  else if (annotation.exact == NULL || *annotation.exact == '\0')
    why = "it has no TextQuoteSelector to find its text by";
  else if (known_claim (project, annotation.uuid, &deleted))
    {
      if (deleted)
        why = "it was deleted in this project";
      else
        report->already_present++;
    }
  else if (!(candidates = candidates_for (project, annotation.source, error)))
    ok = FALSE;
  else
    {
      for (guint i = 0; i < candidates->len; i++)
        {
          const Candidate *candidate = &g_array_index (candidates, Candidate, i);
          guint            s = 0, e = 0;
          CrbAnchorStatus  status = place (&annotation, candidate->text, &s, &e);

          if (status == CRB_ANCHOR_AMBIGUOUS)
            found += 2;
          else if (status != CRB_ANCHOR_ORPHANED && found++ == 0)
            {
              chosen = candidate;
              start = s;
              end = e;
            }
        }
      if (found == 0)
        why = "its quote is in no document of this project";
      else if (found > 1)
        why = "its quote fits several places equally well";
      else if (!add_claim (project, &annotation, chosen, start, end, error))
        ok = FALSE;
      else
        report->imported++;
    }
  label = annotation.id ? g_strdup (annotation.id) : g_strdup_printf ("annotation %u", index + 1);
  if (why)
    g_ptr_array_add (report->unmatched, g_strdup_printf ("%s: %s", label, why));
  annotation_clear (&annotation);
  return ok;
}

CrbAnnotationImport *
crb_project_import_annotations (CrbProject *project, const char *json, gssize length,
                                GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) annotations = NULL;
  g_autoptr (CrbAnnotationImport) report = NULL;
  g_autoptr (GError) parse_error = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &parse_error))
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "This is not a Web Annotation file (JSON-LD): %s", parse_error->message);
      return NULL;
    }
  annotations = annotations_of (json_parser_get_root (parser));
  report = g_new0 (CrbAnnotationImport, 1);
  report->unmatched = g_ptr_array_new_with_free_func (g_free);

  if (!_crb_project_begin_action (project, "Import annotations", error))
    return NULL;
  for (guint i = 0; i < annotations->len; i++)
    if (!import_one (project, g_ptr_array_index (annotations, i), i, report, error))
      {
        _crb_project_rollback_action (project);
        return NULL;
      }
  _crb_project_note_change (project, CRB_CHANGE_CLAIMS | CRB_CHANGE_TAGS);
  if (!_crb_project_commit_action (project, error))
    return NULL;
  return g_steal_pointer (&report);
}
