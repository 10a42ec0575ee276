/* crb-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-document"

#include "crb-document.h"
#include "crb-project-private.h"
#include "crb-record-private.h"
#include "crb-record-query-private.h"

/* Text columns after the common ones, in query order. */
enum
{
  F_TITLE,
  F_KIND,
  F_ORIGIN,
  F_FINAL_URL,
  F_PUBLISHED_AT,
  F_BYLINE,
  F_PUBLISHER,
  F_LANGUAGE,
  F_RELIABILITY,
  F_REVISION_UUID,
  F_TEXT_SHA256,
  F_ORIGINAL_SHA256,
  F_CONTENT_TYPE,
  F_ENCODING,
  F_NOTES,
  F_PAGES,
  N_FIELDS
};

#define DOCUMENT_QUERY                                                                             \
  "SELECT d.id, d.uuid, d.author, d.created_at, d.modified_at, d.title, d.kind, d.origin, "        \
  "d.final_url, d.published_at, d.doc_author, d.publisher, d.language, d.reliability, r.uuid, "    \
  "r.text_sha256, r.original_sha256, r.content_type, r.encoding, r.notes, r.pages, r.number, "     \
  "r.chars, r.retrieved_at, "                                                                      \
  "(SELECT count(*) FROM claim c WHERE c.document_uuid = d.uuid AND c.deleted = 0) "               \
  "FROM document d LEFT JOIN revision r "                                                          \
  "ON r.document_uuid = d.uuid AND r.current = 1 AND r.deleted = 0 WHERE d.deleted = 0 "

struct _CrbDocument
{
  CrbRecord parent_instance;

  char  *fields[N_FIELDS];
  guint  revision;
  guint  chars;
  gint64 retrieved_at;
  guint  claim_count;
};

G_DEFINE_FINAL_TYPE (CrbDocument, crb_document, CRB_TYPE_RECORD)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_PUBLISHER,
  PROP_PUBLISHED_AT,
  PROP_RELIABILITY,
  PROP_CLAIM_COUNT,
  PROP_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_document_finalize (GObject *object)
{
  CrbDocument *self = CRB_DOCUMENT (object);

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (crb_document_parent_class)->finalize (object);
}

static void
crb_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbDocument *self = CRB_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->fields[F_TITLE]);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->fields[F_KIND]);
      break;
    case PROP_PUBLISHER:
      g_value_set_string (value, self->fields[F_PUBLISHER]);
      break;
    case PROP_PUBLISHED_AT:
      g_value_set_string (value, self->fields[F_PUBLISHED_AT]);
      break;
    case PROP_RELIABILITY:
      g_value_set_string (value, self->fields[F_RELIABILITY]);
      break;
    case PROP_CLAIM_COUNT:
      g_value_set_uint (value, self->claim_count);
      break;
    case PROP_CHARS:
      g_value_set_uint (value, self->chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_document_class_init (CrbDocumentClass *klass)
{
  GObjectClass     *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_document_finalize;
  object_class->get_property = crb_document_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHED_AT] = g_param_spec_string ("published-at", NULL, NULL, NULL, flags);
  properties[PROP_RELIABILITY] = g_param_spec_string ("reliability", NULL, NULL, NULL, flags);
  properties[PROP_CLAIM_COUNT] =
      g_param_spec_uint ("claim-count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CHARS] = g_param_spec_uint ("chars", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_document_init (CrbDocument *self)
{
}

static CrbDocument *
document_from_row (sqlite3_stmt *stmt)
{
  CrbDocument *self = g_object_new (CRB_TYPE_DOCUMENT, NULL);
  int          column = CRB_RECORD_N_COLUMNS;

  _crb_record_load (CRB_RECORD (self), stmt);
  for (guint i = 0; i < N_FIELDS; i++)
    self->fields[i] = crb_column_dup (stmt, column++);
  self->revision = sqlite3_column_int (stmt, column++);
  self->chars = sqlite3_column_int (stmt, column++);
  self->retrieved_at = sqlite3_column_int64 (stmt, column++);
  self->claim_count = sqlite3_column_int (stmt, column++);
  return self;
}

CrbDocument *
crb_project_find_document (CrbProject *project, const char *id, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_find (project,
                                 DOCUMENT_QUERY "AND substr(d.uuid, 1, length(?1)) = ?1 LIMIT 2",
                                 DOCUMENT_QUERY "AND d.title = ?1 LIMIT 2", id,
                                 (CrbRowReader) document_from_row, "document", error);
}

GPtrArray *
crb_project_list_documents (CrbProject *project, GError **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return _crb_record_query_list (project, DOCUMENT_QUERY "ORDER BY d.title COLLATE NOCASE, d.id",
                                 NULL, 0, (CrbRowReader) document_from_row, error);
}

char *
crb_project_dup_document_text (CrbProject *project, const char *document_uuid, GError **error)
{
  sqlite3_stmt *stmt;
  char         *text = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  _crb_project_lock (project);
  stmt = _crb_project_prepare (project,
                               "SELECT text FROM revision WHERE document_uuid = ?1 "
                               "AND current = 1 AND deleted = 0",
                               error);
  if (stmt != NULL)
    {
      crb_bind_text (stmt, 1, document_uuid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        text = crb_column_dup (stmt, 0);
      else
        g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_NOT_FOUND,
                     "There is no document “%s” in this project.", document_uuid);
      sqlite3_reset (stmt);
    }
  _crb_project_unlock (project);
  return text;
}

GBytes *
crb_project_dup_document_original (CrbProject *project, const char *document_uuid, GError **error)
{
  sqlite3_stmt *stmt;
  GBytes       *bytes = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  _crb_project_lock (project);
  /* An original that was the text byte for byte is not stored apart
   * (crb-import-store.c): the same SHA-256 says so. */
  stmt = _crb_project_prepare (project,
                               "SELECT o.compression, o.bytes, r.text FROM revision r "
                               "LEFT JOIN original o ON o.revision_uuid = r.uuid "
                               "WHERE r.document_uuid = ?1 AND r.current = 1 AND r.deleted = 0 "
                               "AND (o.id IS NOT NULL OR r.original_sha256 = r.text_sha256)",
                               error);
  if (stmt != NULL)
    {
      gboolean found;

      crb_bind_text (stmt, 1, document_uuid);
      found = sqlite3_step (stmt) == SQLITE_ROW;
      if (found && sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        bytes = g_bytes_new (sqlite3_column_text (stmt, 2), sqlite3_column_bytes (stmt, 2));
      else if (found)
        {
          g_autoptr (GBytes) stored =
              g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
          const char *compression = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (compression, "gzip") == 0)
            {
              g_autoptr (GZlibDecompressor) decompressor =
                  g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
              g_autoptr (GInputStream) raw = g_memory_input_stream_new_from_bytes (stored);
              g_autoptr (GInputStream) in =
                  g_converter_input_stream_new (raw, G_CONVERTER (decompressor));
              g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();

              if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL,
                                          error) >= 0)
                bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
            }
          else
            bytes = g_bytes_ref (stored);
        }
      sqlite3_reset (stmt);
    }
  _crb_project_unlock (project);
  return bytes;
}

#define GETTER(name, field)                                                                        \
  const char *crb_document_get_##name (CrbDocument *self)                                          \
  {                                                                                                \
    g_return_val_if_fail (CRB_IS_DOCUMENT (self), NULL);                                           \
    return self->fields[field];                                                                    \
  }

GETTER (title, F_TITLE)
GETTER (kind, F_KIND)
GETTER (origin, F_ORIGIN)
GETTER (final_url, F_FINAL_URL)
GETTER (published_at, F_PUBLISHED_AT)
GETTER (byline, F_BYLINE)
GETTER (publisher, F_PUBLISHER)
GETTER (language, F_LANGUAGE)
GETTER (reliability, F_RELIABILITY)
GETTER (revision_uuid, F_REVISION_UUID)
GETTER (text_sha256, F_TEXT_SHA256)
GETTER (original_sha256, F_ORIGINAL_SHA256)
GETTER (content_type, F_CONTENT_TYPE)
GETTER (encoding, F_ENCODING)
GETTER (notes, F_NOTES)
GETTER (pages, F_PAGES)

guint
crb_document_get_revision (CrbDocument *self)
{
  g_return_val_if_fail (CRB_IS_DOCUMENT (self), 0);
  return self->revision;
}

guint
crb_document_get_chars (CrbDocument *self)
{
  g_return_val_if_fail (CRB_IS_DOCUMENT (self), 0);
  return self->chars;
}

const char *
crb_document_get_web_address (CrbDocument *self)
{
  const char *candidates[2];

  g_return_val_if_fail (CRB_IS_DOCUMENT (self), NULL);
  candidates[0] = self->fields[F_FINAL_URL];
  candidates[1] = self->fields[F_ORIGIN];
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] && (g_str_has_prefix (candidates[i], "https://") ||
                          g_str_has_prefix (candidates[i], "http://")))
      return candidates[i];
  return NULL;
}

gint64
crb_document_get_retrieved_at (CrbDocument *self)
{
  g_return_val_if_fail (CRB_IS_DOCUMENT (self), 0);
  return self->retrieved_at;
}

guint
crb_document_get_claim_count (CrbDocument *self)
{
  g_return_val_if_fail (CRB_IS_DOCUMENT (self), 0);
  return self->claim_count;
}
