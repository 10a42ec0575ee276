/* crb-claim.c
 *
 * Anchors follow the W3C Web Annotation model: a TextPositionSelector
 * (code-point offsets) plus a TextQuoteSelector (exact, prefix, suffix), so
 * that a claim can be found again when the text changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-claim"

#include "crb-claim.h"
#include "crb-document.h"
#include "crb-edit-private.h"
#include "crb-fts-private.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"

#define CONTEXT_CHARS 32

enum
{
  F_DOCUMENT,
  F_REVISION,
  F_EXACT,
  F_PREFIX,
  F_SUFFIX,
  F_ANCHOR_STATUS,
  F_KIND,
  F_NOTE,
  F_MODIFIED_BY,
  N_FIELDS
};

#define CLAIM_QUERY                                                                        \
  "SELECT id, uuid, author, created_at, modified_at, document_uuid, revision_uuid, exact, " \
  "prefix, suffix, anchor_status, kind, note, modified_by, start_offset, end_offset, "       \
  "credibility, private FROM claim WHERE deleted = 0 "

struct _CrbClaim
{
  CrbRecord parent_instance;

  char     *fields[N_FIELDS];
  guint     start;
  guint     end;
  guint     credibility;
  gboolean  private_note;
};

G_DEFINE_FINAL_TYPE (CrbClaim, crb_claim, CRB_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_NOTE,
  PROP_KIND,
  PROP_EXACT,
  PROP_CREDIBILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_claim_finalize (GObject *object)
{
  CrbClaim *self = CRB_CLAIM (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_claim_parent_class)->finalize (object);
}

static void
crb_claim_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbClaim *self = CRB_CLAIM (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_string (value, self->fields[F_NOTE]);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->fields[F_KIND]);
      break;
    case PROP_EXACT:
      g_value_set_string (value, self->fields[F_EXACT]);
      break;
    case PROP_CREDIBILITY:
      g_value_set_uint (value, self->credibility);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_claim_class_init (CrbClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_claim_finalize;
  object_class->get_property = crb_claim_get_property;

  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_EXACT] = g_param_spec_string ("exact", NULL, NULL, NULL, flags);
  properties[PROP_CREDIBILITY] = g_param_spec_uint ("credibility", NULL, NULL, 0, 6, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_claim_init (CrbClaim *self)
{
}

static CrbClaim *
claim_from_row (sqlite3_stmt *stmt)
{
  CrbClaim *self = g_object_new (CRB_TYPE_CLAIM, NULL);
  int column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  self->start = sqlite3_column_int (stmt, column++);
  self->end = sqlite3_column_int (stmt, column++);
  self->credibility = sqlite3_column_int (stmt, column++);
  self->private_note = sqlite3_column_int (stmt, column++) != 0;
  return self;
}

static gboolean
valid_kind (const char *kind, GError **error)
{
  if (g_strcmp0 (kind, "claim") == 0 || g_strcmp0 (kind, "highlight") == 0
      || g_strcmp0 (kind, "question") == 0)
    return TRUE;
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
               "“%s” is not a kind of annotation; use claim, highlight or question.",
               kind ? kind : "");
  return FALSE;
}

/* The quote and its context for [start, end) of `text`. */
static gboolean
anchor_parts (const char *text, guint start, guint end, char **exact, char **prefix,
              char **suffix, GError **error)
{
  glong length = g_utf8_strlen (text, -1);
  const char *s, *e, *p, *q;

  if (start >= end || end > (guint) length)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "The range %u–%u is not a stretch of this document's text (%ld characters).",
                   start, end, length);
      return FALSE;
    }
  s = g_utf8_offset_to_pointer (text, start);
  e = g_utf8_offset_to_pointer (s, end - start);
  p = g_utf8_offset_to_pointer (text, start > CONTEXT_CHARS ? start - CONTEXT_CHARS : 0);
  q = g_utf8_offset_to_pointer (e, MIN ((glong) CONTEXT_CHARS, length - (glong) end));
  *exact = g_strndup (s, e - s);
  *prefix = g_strndup (p, s - p);
  *suffix = g_strndup (e, q - e);
  return TRUE;
}

static CrbClaim *
load_claim (CrbProject *project, gint64 rowid, GError **error)
{
  return _crb_record_query_by_rowid (project, CLAIM_QUERY "AND id = ?1", rowid,
                                     (CrbRowReader) claim_from_row, error);
}

CrbClaim *
crb_project_add_claim (CrbProject *project, const char *document_id, guint start, guint end,
                       const char *kind, const char *note, GError **error)
{
  static const char *columns[] = { "document_uuid", "revision_uuid", "start_offset", "end_offset",
                                   "exact", "prefix", "suffix", "kind", "note" };
  g_autoptr (CrbDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL, *prefix = NULL, *suffix = NULL;
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  const char *label;
  CrbClaim *claim = NULL;
  gint64 rowid;
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  if (kind == NULL)
    kind = "claim";
  if (!valid_kind (kind, error))
    return NULL;
  if (!(document = crb_project_find_document (project, document_id, error)))
    return NULL;
  if (!(text = crb_project_dup_document_text (project, crb_record_get_uuid (CRB_RECORD (document)),
                                              error)))
    return NULL;
  if (!anchor_parts (text, start, end, &exact, &prefix, &suffix, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_init (&values[i], i == 2 || i == 3 ? G_TYPE_INT64 : G_TYPE_STRING);
  g_value_set_string (&values[0], crb_record_get_uuid (CRB_RECORD (document)));
  g_value_set_string (&values[1], crb_document_get_revision_uuid (document));
  g_value_set_int64 (&values[2], start);
  g_value_set_int64 (&values[3], end);
  g_value_set_string (&values[4], exact);
  g_value_set_string (&values[5], prefix);
  g_value_set_string (&values[6], suffix);
  g_value_set_string (&values[7], kind);
  g_value_set_string (&values[8], note ? note : "");

  label = g_str_equal (kind, "highlight") ? "Highlight"
          : g_str_equal (kind, "question") ? "Add question"
                                           : "Add claim";
  if (_crb_project_begin_action (project, label, error))
    {
      ok = _crb_edit_insert (project, "claim", NULL, columns, values, G_N_ELEMENTS (columns), NULL,
                             &rowid, error)
           && _crb_fts_index (_crb_project_get_db (project), CRB_FTS_CLAIM, rowid, error)
           && (claim = load_claim (project, rowid, error)) != NULL;
      if (ok)
        _crb_project_note_change (project, CRB_CHANGE_CLAIMS | CRB_CHANGE_DOCUMENTS);
      if (!ok)
        _crb_project_rollback_action (project);
      else if (!_crb_project_commit_action (project, error))
        g_clear_object (&claim);
    }
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_value_unset (&values[i]);
  return claim;
}

CrbClaim *
crb_project_add_claim_by_quote (CrbProject *project, const char *document_id, const char *quote,
                                guint occurrence, const char *kind, const char *note,
                                GError **error)
{
  g_autoptr (CrbDocument) document = NULL;
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autoptr (GString) pattern = g_string_new (NULL);
  g_auto (GStrv) words = NULL;
  g_autofree char *text = NULL;
  guint seen = 0;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);
  g_return_val_if_fail (quote != NULL, NULL);

  if (occurrence == 0)
    occurrence = 1;
  if (!(document = crb_project_find_document (project, document_id, error)))
    return NULL;
  if (!(text = crb_project_dup_document_text (project, crb_record_get_uuid (CRB_RECORD (document)),
                                              error)))
    return NULL;

  words = g_strsplit_set (quote, " \t\n\r", -1);
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *escaped = NULL;

      if (*words[i] == '\0')
        continue;
      escaped = g_regex_escape_string (words[i], -1);
      if (pattern->len > 0)
        g_string_append (pattern, "\\s+");
      g_string_append (pattern, escaped);
    }
  if (pattern->len == 0)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "The quote is empty.");
      return NULL;
    }

  regex = g_regex_new (pattern->str, G_REGEX_OPTIMIZE, 0, NULL);
  if (regex && g_regex_match (regex, text, 0, &match))
    {
      do
        {
          int start_byte, end_byte;

          if (++seen < occurrence)
            continue;
          g_match_info_fetch_pos (match, 0, &start_byte, &end_byte);
          return crb_project_add_claim (project, crb_record_get_uuid (CRB_RECORD (document)),
                                        g_utf8_pointer_to_offset (text, text + start_byte),
                                        g_utf8_pointer_to_offset (text, text + end_byte), kind,
                                        note, error);
        }
      while (g_match_info_next (match, NULL));
    }

  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
               seen == 0 ? "The quote “%s” does not occur in “%s”."
                         : "The quote “%s” occurs fewer times in “%s” than asked for.",
               quote, crb_document_get_title (document));
  return NULL;
}

gboolean
crb_project_move_claim (CrbProject *project, const char *claim_id, guint start, guint end,
                        GError **error)
{
  g_autoptr (CrbClaim) claim = NULL;
  g_autofree char *text = NULL;
  g_autofree char *exact = NULL, *prefix = NULL, *suffix = NULL;
  sqlite3_stmt *stmt;
  sqlite3 *db = _crb_project_get_db (project);
  gint64 rowid;
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  if (!(claim = crb_project_find_claim (project, claim_id, error)))
    return FALSE;
  _crb_project_lock (project);
  stmt = _crb_project_prepare (project, "SELECT text FROM revision WHERE uuid = ?1", error);
  if (stmt != NULL)
    {
      crb_bind_text (stmt, 1, claim->fields[F_REVISION]);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        text = crb_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  _crb_project_unlock (project);
  if (text == NULL)
    {
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
                           "The claim's document revision has gone.");
      return FALSE;
    }
  if (!anchor_parts (text, start, end, &exact, &prefix, &suffix, error))
    return FALSE;

  if (!_crb_project_begin_action (project, "Adjust claim", error))
    return FALSE;
  rowid = crb_record_get_row_id (CRB_RECORD (claim));
  ok = _crb_fts_unindex (db, CRB_FTS_CLAIM, rowid, error)
       && (stmt = _crb_project_prepare (project,
                                        "UPDATE claim SET start_offset = ?2, end_offset = ?3, "
                                        "exact = ?4, prefix = ?5, suffix = ?6, "
                                        "anchor_status = 'anchored', modified_at = ?7, "
                                        "modified_by = ?8 WHERE id = ?1",
                                        error));
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      sqlite3_bind_int (stmt, 2, start);
      sqlite3_bind_int (stmt, 3, end);
      crb_bind_text (stmt, 4, exact);
      crb_bind_text (stmt, 5, prefix);
      crb_bind_text (stmt, 6, suffix);
      sqlite3_bind_int64 (stmt, 7, _crb_project_now (project));
      crb_bind_text (stmt, 8, crb_project_get_author (project));
      ok = _crb_project_step_done (project, stmt, "the claim", error)
           && _crb_fts_index (db, CRB_FTS_CLAIM, rowid, error);
    }
  if (!ok)
    {
      _crb_project_rollback_action (project);
      return FALSE;
    }
  _crb_project_note_change (project, CRB_CHANGE_CLAIMS);
  return _crb_project_commit_action (project, error);
}

CrbClaim *
crb_project_find_claim (CrbProject *project, const char *id, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_find (project,
                                 CLAIM_QUERY "AND substr(uuid, 1, length(?1)) = ?1 LIMIT 2", NULL,
                                 id, (CrbRowReader) claim_from_row, "claim", error);
}

GPtrArray *
crb_project_list_claims (CrbProject *project, const char *document_uuid, GError **error)
{
  const char *params[] = { document_uuid };

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_list (project,
                                 CLAIM_QUERY "AND (?1 IS NULL OR document_uuid = ?1) "
                                             "ORDER BY document_uuid, start_offset, id",
                                 params, 1, (CrbRowReader) claim_from_row, error);
}

#define GETTER(name, field)                                  \
  const char *crb_claim_get_##name (CrbClaim *self)          \
  {                                                          \
    g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);        \
    return self->fields[field];                              \
  }

GETTER (document_uuid, F_DOCUMENT)
GETTER (revision_uuid, F_REVISION)
GETTER (exact, F_EXACT)
GETTER (prefix, F_PREFIX)
GETTER (suffix, F_SUFFIX)
GETTER (anchor_status, F_ANCHOR_STATUS)
GETTER (kind, F_KIND)
GETTER (note, F_NOTE)
GETTER (modified_by, F_MODIFIED_BY)

guint
crb_claim_get_start (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), 0);
  return self->start;
}

guint
crb_claim_get_end (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), 0);
  return self->end;
}

guint
crb_claim_get_credibility (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), 0);
  return self->credibility;
}

gboolean
crb_claim_get_private (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), FALSE);
  return self->private_note;
}
