/* crb-extract-protocol.c: frames and messages between core/ and the helper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract"

#include <string.h>

#include "crb-extract-protocol.h"
#include "crb-utf8.h"

/* A payload is read in steps no larger than this, so that a hostile length
 * in a header costs memory only as fast as the bytes actually arrive. */
#define READ_STEP ((gsize) 1024 * 1024)

GBytes *
crb_extract_frame_encode (GVariant *payload)
{
  g_autoptr (GVariant) normal = NULL;
  GByteArray *frame;
  gsize       size;
  guint32     length_le;

  g_return_val_if_fail (payload != NULL, NULL);
  g_return_val_if_fail (g_variant_is_of_type (payload, G_VARIANT_TYPE_VARDICT), NULL);

  normal = g_variant_get_normal_form (payload);
  size = g_variant_get_size (normal);
  g_return_val_if_fail (size <= G_MAXUINT32, NULL);

  frame = g_byte_array_sized_new ((guint) (CRB_EXTRACT_FRAME_HEADER_SIZE + size));
  length_le = GUINT32_TO_LE ((guint32) size);
  g_byte_array_append (frame, (const guint8 *) CRB_EXTRACT_FRAME_MAGIC, 4);
  g_byte_array_append (frame, (const guint8 *) &length_le, 4);
  g_byte_array_set_size (frame, (guint) (CRB_EXTRACT_FRAME_HEADER_SIZE + size));
  g_variant_store (normal, frame->data + CRB_EXTRACT_FRAME_HEADER_SIZE);
  return g_byte_array_free_to_bytes (frame);
}

gboolean
crb_extract_frame_parse_header (const guint8 *header, gsize max_length, gsize *length,
                                GError **error)
{
  guint32 length_le;

  g_return_val_if_fail (header != NULL, FALSE);
  g_return_val_if_fail (length != NULL, FALSE);

  if (memcmp (header, CRB_EXTRACT_FRAME_MAGIC, 4) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "The extraction helper's message does not start with its marker");
      return FALSE;
    }

  memcpy (&length_le, header + 4, 4);
  *length = GUINT32_FROM_LE (length_le);
  if (*length > max_length)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   "An extraction message of %" G_GSIZE_FORMAT
                   " bytes is over the limit of %" G_GSIZE_FORMAT,
                   *length, max_length);
      return FALSE;
    }
  return TRUE;
}

/* Whether `message` (serialised, untrusted) is in normal form.  GLib checks
 * a byte string one byte at a time, which costs more than all the rest of a
 * request; but any bytes are a byte string in normal form.  So byte strings
 * are taken as they are, every other entry is checked by GLib, and the
 * message is normal when it serialises back to exactly its own bytes (the
 * dictionary's framing and the byte-string entries' keys and padding are
 * compared that way). */
static gboolean
is_normal_message (GVariant *message)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr (GVariant) rebuilt = NULL;
  gsize n = g_variant_n_children (message);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr (GVariant) entry = g_variant_get_child_value (message, i);
      g_autoptr (GVariant) key = g_variant_get_child_value (entry, 0);
      g_autoptr (GVariant) boxed = g_variant_get_child_value (entry, 1);
      g_autoptr (GVariant) value = g_variant_get_variant (boxed);

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
        {
          if (!g_variant_is_normal_form (key))
            return FALSE;
          g_ptr_array_add (entries, g_variant_ref_sink (g_variant_new_dict_entry (
                                        key, g_variant_new_variant (value))));
        }
      else if (g_variant_is_normal_form (entry))
        g_ptr_array_add (entries, g_steal_pointer (&entry));
      else
        return FALSE;
    }
  rebuilt = g_variant_ref_sink (
      g_variant_new_array (G_VARIANT_TYPE ("{sv}"), (GVariant **) entries->pdata, n));
  return g_variant_get_size (rebuilt) == g_variant_get_size (message) &&
         memcmp (g_variant_get_data (rebuilt), g_variant_get_data (message),
                 g_variant_get_size (message)) == 0;
}

GVariant *
crb_extract_frame_decode (GBytes *payload, GError **error)
{
  g_autoptr (GVariant) message = NULL;

  g_return_val_if_fail (payload != NULL, NULL);

  message = g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, payload, FALSE);
  /* Serialised data out of normal form is where GVariant's parsing has had
   * its bugs; a well-behaved peer never sends it. */
  if (!is_normal_message (message))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "An extraction message is malformed");
      return NULL;
    }
  return g_steal_pointer (&message);
}

gboolean
crb_extract_frame_write (GOutputStream *stream, GVariant *payload, GCancellable *cancellable,
                         GError **error)
{
  g_autoptr (GBytes) frame = NULL;
  gsize       size;
  const void *data;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  frame = crb_extract_frame_encode (payload);
  data = g_bytes_get_data (frame, &size);
  return g_output_stream_write_all (stream, data, size, NULL, cancellable, error) &&
         g_output_stream_flush (stream, cancellable, error);
}

GVariant *
crb_extract_frame_read (GInputStream *stream, gsize max_length, GCancellable *cancellable,
                        GError **error)
{
  guint8      header[CRB_EXTRACT_FRAME_HEADER_SIZE];
  gsize       got = 0, length = 0;
  GByteArray *payload;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  if (!g_input_stream_read_all (stream, header, sizeof header, &got, cancellable, error))
    return NULL;
  if (got == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED,
                           "The other end closed the extraction channel");
      return NULL;
    }
  if (got < sizeof header)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                           "An extraction message was cut off");
      return NULL;
    }
  if (!crb_extract_frame_parse_header (header, max_length, &length, error))
    return NULL;

  payload = g_byte_array_sized_new ((guint) MIN (length, READ_STEP));
  while (payload->len < length)
    {
      gsize offset = payload->len;
      gsize step = MIN (length - offset, READ_STEP);

      g_byte_array_set_size (payload, (guint) (offset + step));
      if (!g_input_stream_read_all (stream, payload->data + offset, step, &got, cancellable, error))
        {
          g_byte_array_unref (payload);
          return NULL;
        }
      if (got < step)
        {
          g_byte_array_unref (payload);
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                               "An extraction message was cut off");
          return NULL;
        }
    }

  {
    g_autoptr (GBytes) bytes = g_byte_array_free_to_bytes (payload);

    return crb_extract_frame_decode (bytes, error);
  }
}

static void
add_string (GVariantBuilder *builder, const char *key, const char *value)
{
  if (value != NULL)
    g_variant_builder_add (builder, "{sv}", key, g_variant_new_string (value));
}

GVariant *
crb_extract_request_new (GBytes *data, const char *name_hint, const char *content_type,
                         const char *charset)
{
  GVariantBuilder builder;

  g_return_val_if_fail (data != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "data",
                         g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, data, TRUE));
  /* Names from file systems and servers need not be UTF-8. */
  if (name_hint != NULL && g_utf8_validate (name_hint, -1, NULL))
    add_string (&builder, "name", name_hint);
  if (content_type != NULL && g_utf8_validate (content_type, -1, NULL))
    add_string (&builder, "content-type", content_type);
  if (charset != NULL && g_utf8_validate (charset, -1, NULL))
    add_string (&builder, "charset", charset);
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/* The value under `key`: NULL and no error when absent, an error when of
 * another type. */
static GVariant *
lookup (GVariant *dict, const char *key, const GVariantType *type, GError **error)
{
  g_autoptr (GVariant) value = g_variant_lookup_value (dict, key, NULL);

  if (value != NULL && !g_variant_is_of_type (value, type))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "In an extraction message, “%s” has type %s instead of %s", key,
                   g_variant_get_type_string (value), g_variant_type_peek_string (type));
      return NULL;
    }
  return g_steal_pointer (&value);
}

static gboolean
lookup_string (GVariant *dict, const char *key, char **out, GError **error)
{
  GError *local = NULL;
  g_autoptr (GVariant) value = lookup (dict, key, G_VARIANT_TYPE_STRING, &local);

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  g_free (*out);
  *out = value != NULL ? g_variant_dup_string (value, NULL) : NULL;
  return TRUE;
}

gboolean
crb_extract_request_parse (GVariant *request, GBytes **data, char **name_hint, char **content_type,
                           char **charset, GError **error)
{
  g_autoptr (GVariant) bytes = NULL;
  g_autofree char *name = NULL, *type = NULL, *set = NULL;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!g_variant_is_of_type (request, G_VARIANT_TYPE_VARDICT))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "An extraction request is not a dictionary");
      return FALSE;
    }

  bytes = lookup (request, "data", G_VARIANT_TYPE_BYTESTRING, error);
  if (bytes == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             "An extraction request carries no data");
      return FALSE;
    }
  if (!lookup_string (request, "name", &name, error) ||
      !lookup_string (request, "content-type", &type, error) ||
      !lookup_string (request, "charset", &set, error))
    return FALSE;

  *data = g_variant_get_data_as_bytes (bytes);
  if (name_hint != NULL)
    *name_hint = g_steal_pointer (&name);
  if (content_type != NULL)
    *content_type = g_steal_pointer (&type);
  if (charset != NULL)
    *charset = g_steal_pointer (&set);
  return TRUE;
}

/* Whatever an extractor produced, the frame must carry valid UTF-8 without
 * NUL: GVariant strings cannot hold anything else. */
static GVariant *
safe_string (const char *text, gsize length)
{
  if (!g_utf8_validate_len (text, length, NULL) || memchr (text, '\0', length) != NULL)
    return g_variant_new_take_string (crb_utf8_sanitize (text, length, NULL, NULL));
  return g_variant_new_string (text);
}

static void
add_text (GVariantBuilder *builder, const char *key, const char *value)
{
  if (value != NULL)
    g_variant_builder_add (builder, "{sv}", key, safe_string (value, strlen (value)));
}

static GVariant *
offsets_variant (GArray *offsets)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, offsets->data, offsets->len,
                                    sizeof (guint32));
}

static GVariant *
strings_variant (GPtrArray *strings)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *s = g_ptr_array_index (strings, i);

      g_variant_builder_add_value (&builder, safe_string (s, strlen (s)));
    }
  return g_variant_builder_end (&builder);
}

GVariant *
crb_extract_response_new_result (const CrbExtractResult *result, gboolean retire)
{
  GVariantBuilder builder;

  g_return_val_if_fail (result != NULL, NULL);
  G_STATIC_ASSERT (sizeof (guint) == sizeof (guint32));

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&builder, "{sv}", "text",
                         safe_string (result->text->str, result->text->len));
  add_text (&builder, "kind", result->kind != NULL ? result->kind : "text");
  add_text (&builder, "title", result->title);
  add_text (&builder, "author", result->author);
  add_text (&builder, "publisher", result->publisher);
  add_text (&builder, "published", result->published);
  add_text (&builder, "language", result->language);
  add_text (&builder, "encoding", result->encoding);
  g_variant_builder_add (&builder, "{sv}", "pages", offsets_variant (result->pages));
  g_variant_builder_add (&builder, "{sv}", "paragraphs", offsets_variant (result->paragraphs));
  g_variant_builder_add (&builder, "{sv}", "warnings", strings_variant (result->warnings));
  g_variant_builder_add (&builder, "{sv}", "removed", strings_variant (result->removed));
  if (retire)
    g_variant_builder_add (&builder, "{sv}", "retire", g_variant_new_boolean (TRUE));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

GVariant *
crb_extract_response_new_error (const GError *error, gboolean retire)
{
  GVariantBuilder builder;
  guint32         code = CRB_EXTRACT_ERROR_FAILED;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == CRB_EXTRACT_ERROR)
    code = (guint32) error->code;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (FALSE));
  g_variant_builder_add (&builder, "{sv}", "error-code", g_variant_new_uint32 (code));
  add_text (&builder, "error", error->message);
  if (retire)
    g_variant_builder_add (&builder, "{sv}", "retire", g_variant_new_boolean (TRUE));
  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static gboolean
parse_offsets (GVariant *response, const char *key, guint n_chars, GArray *into, GError **error)
{
  GError *local = NULL;
  g_autoptr (GVariant) value = lookup (response, key, G_VARIANT_TYPE ("au"), &local);
  const guint32 *offsets;
  gsize          n = 0;

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (value == NULL)
    return TRUE;

  offsets = g_variant_get_fixed_array (value, &n, sizeof (guint32));
  for (gsize i = 0; i < n; i++)
    if (offsets[i] > n_chars || (i > 0 && offsets[i] < offsets[i - 1]))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     "The extraction helper sent %s offsets out of order or past the text's end",
                     key);
        return FALSE;
      }
  g_array_append_vals (into, offsets, (guint) n);
  return TRUE;
}

static gboolean
parse_strings (GVariant *response, const char *key, GPtrArray *into, GError **error)
{
  GError *local = NULL;
  g_autoptr (GVariant) value = lookup (response, key, G_VARIANT_TYPE_STRING_ARRAY, &local);
  g_autofree const char **strings = NULL;
  gsize                   n = 0;

  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (value == NULL)
    return TRUE;

  strings = g_variant_get_strv (value, &n);
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (into, g_strdup (strings[i]));
  return TRUE;
}

static gboolean
parse_failure (GVariant *response, GError **error)
{
  g_autoptr (GVariant) code = NULL;
  g_autofree char *message = NULL;
  guint32          value;

  code = lookup (response, "error-code", G_VARIANT_TYPE_UINT32, error);
  if ((error != NULL && *error != NULL) || !lookup_string (response, "error", &message, error))
    return FALSE;

  value = code != NULL ? g_variant_get_uint32 (code) : CRB_EXTRACT_ERROR_FAILED;
  if (value > CRB_EXTRACT_ERROR_LIMIT)
    value = CRB_EXTRACT_ERROR_FAILED;
  g_set_error_literal (error, CRB_EXTRACT_ERROR, (int) value,
                       message != NULL ? message : "The file could not be read");
  return FALSE;
}

CrbExtractResult *
crb_extract_response_parse (GVariant *response, gboolean *retire, GError **error)
{
  g_autoptr (CrbExtractResult) result = NULL;
  g_autoptr (GVariant) ok = NULL;
  g_autoptr (GVariant) retiring = NULL;
  g_autoptr (GVariant) text = NULL;
  GError *local = NULL;
  guint   n_chars;

  g_return_val_if_fail (response != NULL, NULL);

  if (retire != NULL)
    *retire = FALSE;
  if (!g_variant_is_of_type (response, G_VARIANT_TYPE_VARDICT))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "An extraction response is not a dictionary");
      return NULL;
    }

  retiring = lookup (response, "retire", G_VARIANT_TYPE_BOOLEAN, &local);
  if (local == NULL)
    ok = lookup (response, "ok", G_VARIANT_TYPE_BOOLEAN, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (retire != NULL && retiring != NULL)
    *retire = g_variant_get_boolean (retiring);
  if (ok == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "An extraction response says neither success nor failure");
      return NULL;
    }
  if (!g_variant_get_boolean (ok))
    {
      parse_failure (response, error);
      return NULL;
    }

  text = lookup (response, "text", G_VARIANT_TYPE_STRING, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (text == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "An extraction response carries no text");
      return NULL;
    }

  result = crb_extract_result_new ();
  {
    gsize       length;
    const char *str = g_variant_get_string (text, &length);

    /* A GString grows by powers of two; a document held until it is
     * stored takes its own size, not up to twice that. */
    g_free (result->text->str);
    result->text->str = g_malloc (length + 1);
    memcpy (result->text->str, str, length);
    result->text->str[length] = '\0';
    result->text->len = length;
    result->text->allocated_len = length + 1;
    n_chars = (guint) crb_utf8_count_chars (str, length);
  }

  if (!lookup_string (response, "kind", &result->kind, error) ||
      !lookup_string (response, "title", &result->title, error) ||
      !lookup_string (response, "author", &result->author, error) ||
      !lookup_string (response, "publisher", &result->publisher, error) ||
      !lookup_string (response, "published", &result->published, error) ||
      !lookup_string (response, "language", &result->language, error) ||
      !lookup_string (response, "encoding", &result->encoding, error) ||
      !parse_offsets (response, "pages", n_chars, result->pages, error) ||
      !parse_offsets (response, "paragraphs", n_chars, result->paragraphs, error) ||
      !parse_strings (response, "warnings", result->warnings, error) ||
      !parse_strings (response, "removed", result->removed, error))
    return NULL;
  if (result->kind == NULL)
    result->kind = g_strdup ("text");

  return g_steal_pointer (&result);
}
