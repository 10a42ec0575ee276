/* test-protocol.c: frames and messages between core/ and the helper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-extract-protocol.h"

static GBytes *
frame_with_payload (const void *payload, gsize length, gsize declared_length)
{
  GByteArray *frame = g_byte_array_new ();
  guint32     length_le = GUINT32_TO_LE ((guint32) declared_length);

  g_byte_array_append (frame, (const guint8 *) CRB_EXTRACT_FRAME_MAGIC, 4);
  g_byte_array_append (frame, (const guint8 *) &length_le, 4);
  g_byte_array_append (frame, payload, (guint) length);
  return g_byte_array_free_to_bytes (frame);
}

static GVariant *
read_frame_from (GBytes *bytes, gsize max, GError **error)
{
  g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return crb_extract_frame_read (stream, max, NULL, error);
}

/* Through a real stream, as on the pipe. */
static GVariant *
round_trip (GVariant *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GBytes) written = NULL;
  GVariant *read;

  g_assert_true (crb_extract_frame_write (out, message, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  written = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  read = read_frame_from (written, CRB_EXTRACT_MAX_RESPONSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  return read;
}

static void
test_request_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  static const guint8 data[] = { 'P', 'K', 0, 3, 0xFF, 0xFE, 0 };
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, sizeof data);
  g_autoptr (GVariant) request = crb_extract_request_new (bytes, "отчёт.docx", NULL, "utf-8");
  g_autoptr (GVariant) read = round_trip (request);
  g_autoptr (GBytes) got = NULL;
  g_autofree char *name = NULL, *type = NULL, *charset = NULL;

  g_assert_true (crb_extract_request_parse (read, &got, &name, &type, &charset, &error));
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, bytes));
  g_assert_cmpstr (name, ==, "отчёт.docx");
  g_assert_null (type);
  g_assert_cmpstr (charset, ==, "utf-8");
}

static void
test_request_drops_invalid_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr (GVariant) request = crb_extract_request_new (bytes, "bad\xFF.txt", "text/plain", NULL);
  g_autoptr (GBytes) got = NULL;
  g_autofree char *name = NULL, *type = NULL;

  g_assert_true (crb_extract_request_parse (request, &got, &name, &type, NULL, &error));
  g_assert_null (name);
  g_assert_cmpstr (type, ==, "text/plain");
}

static CrbExtractResult *
sample_result (void)
{
  CrbExtractResult *result = crb_extract_result_new ();
  guint             offsets[] = { 0, 6, 13 };

  g_string_assign (result->text, "Первый\nВторой\nThird");
  result->kind = g_strdup ("pdf");
  result->title = g_strdup ("Заголовок");
  result->author = g_strdup ("A. Author");
  result->published = g_strdup ("2022-04-18");
  result->language = g_strdup ("ru");
  g_array_append_vals (result->pages, offsets, 2);
  g_array_append_vals (result->paragraphs, offsets, 3);
  g_ptr_array_add (result->warnings, g_strdup ("Page 3 has no text layer"));
  g_ptr_array_add (result->removed, g_strdup ("Running header: “Annual report”"));
  return result;
}

static void
test_result_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbExtractResult) result = sample_result ();
  g_autoptr (GVariant) response = crb_extract_response_new_result (result, FALSE);
  g_autoptr (GVariant) read = round_trip (response);
  g_autoptr (CrbExtractResult) got = NULL;
  gboolean retire = TRUE;

  got = crb_extract_response_parse (read, &retire, &error);
  g_assert_no_error (error);
  g_assert_false (retire);
  g_assert_cmpstr (got->text->str, ==, result->text->str);
  g_assert_cmpstr (got->kind, ==, "pdf");
  g_assert_cmpstr (got->title, ==, "Заголовок");
  g_assert_cmpstr (got->author, ==, "A. Author");
  g_assert_null (got->publisher);
  g_assert_cmpstr (got->published, ==, "2022-04-18");
  g_assert_cmpstr (got->language, ==, "ru");
  g_assert_null (got->encoding);
  g_assert_cmpuint (got->pages->len, ==, 2);
  g_assert_cmpuint (got->paragraphs->len, ==, 3);
  g_assert_cmpuint (g_array_index (got->paragraphs, guint, 2), ==, 13);
  g_assert_cmpstr (g_ptr_array_index (got->warnings, 0), ==, "Page 3 has no text layer");
  g_assert_cmpstr (g_ptr_array_index (got->removed, 0), ==, "Running header: “Annual report”");
}

/* An extractor's bug (invalid UTF-8, a NUL) must not break the frame. */
static void
test_result_sanitised (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GVariant) response = NULL;
  g_autoptr (CrbExtractResult) got = NULL;

  g_string_append_len (result->text, "ok\xFF\0tail", 8);
  result->title = g_strdup ("bad \xC3");
  response = crb_extract_response_new_result (result, TRUE);
  got = crb_extract_response_parse (response, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->text->str, ==, "ok\xEF\xBF\xBDtail");
  g_assert_cmpstr (got->title, ==, "bad \xEF\xBF\xBD");
}

static void
test_error_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) sent = g_error_new_literal (CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED,
                                                 "This PDF is protected by a password");
  g_autoptr (GError) foreign = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "gone");
  g_autoptr (GVariant) response = crb_extract_response_new_error (sent, TRUE);
  g_autoptr (GVariant) read = round_trip (response);
  g_autoptr (GVariant) foreign_response = crb_extract_response_new_error (foreign, FALSE);
  CrbExtractResult *got;
  gboolean          retire = FALSE;

  got = crb_extract_response_parse (read, &retire, &error);
  g_assert_null (got);
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED);
  g_assert_cmpstr (error->message, ==, "This PDF is protected by a password");
  g_assert_true (retire);
  g_clear_error (&error);

  /* Errors from other domains travel as FAILED. */
  got = crb_extract_response_parse (foreign_response, NULL, &error);
  g_assert_null (got);
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_FAILED);
}

static void
test_hostile_frames (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static ("hello", 5);
  g_autoptr (GVariant) request = crb_extract_request_new (bytes, "a.txt", NULL, NULL);
  g_autoptr (GBytes) good = crb_extract_frame_encode (request);
  gsize         good_length = g_bytes_get_size (good);
  const guint8 *good_data = g_bytes_get_data (good, NULL);

  /* Cut anywhere: a clean error, never a crash or a hang. */
  for (gsize cut = 0; cut < good_length; cut++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) truncated = g_bytes_new (good_data, cut);
      g_autoptr (GVariant) read = read_frame_from (truncated, CRB_EXTRACT_MAX_REQUEST, &error);

      g_assert_null (read);
      if (cut == 0)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED);
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
    }

  /* A wrong marker. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GByteArray) copy = g_byte_array_new ();
    g_autoptr (GBytes) wrong = NULL;
    g_autoptr (GVariant) read = NULL;

    g_byte_array_append (copy, good_data, (guint) good_length);
    copy->data[0] = 'X';
    wrong = g_bytes_new (copy->data, copy->len);
    read = read_frame_from (wrong, CRB_EXTRACT_MAX_REQUEST, &error);
    g_assert_null (read);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  /* A huge length is refused from the header, before any allocation. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) huge = frame_with_payload ("", 0, 0xFFFFFFF0u);
    g_autoptr (GVariant) read = read_frame_from (huge, CRB_EXTRACT_MAX_REQUEST, &error);

    g_assert_null (read);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  }

  /* A length under the cap but with no bytes behind it. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) liar = frame_with_payload ("abc", 3, 200 * 1024 * 1024);
    g_autoptr (GVariant) read = read_frame_from (liar, CRB_EXTRACT_MAX_REQUEST, &error);

    g_assert_null (read);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
  }
}

static void
assert_rejected (GVariant *message, gboolean as_request)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) frame = NULL;
  g_autoptr (GVariant) read = NULL;

  /* Serialise the raw dictionary, bypassing the typed constructors. */
  frame = frame_with_payload (g_variant_get_data (message), g_variant_get_size (message),
                              g_variant_get_size (message));
  read = read_frame_from (frame, CRB_EXTRACT_MAX_RESPONSE, &error);
  g_assert_no_error (error);

  if (as_request)
    {
      g_autoptr (GBytes) data = NULL;

      g_assert_false (crb_extract_request_parse (read, &data, NULL, NULL, NULL, &error));
      g_assert_null (data);
    }
  else
    {
      g_autoptr (CrbExtractResult) result = crb_extract_response_parse (read, NULL, &error);

      g_assert_null (result);
    }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static GVariant *
dictionary (const char *format, ...)
{
  g_autoptr (GVariant) value = NULL;
  va_list args;

  va_start (args, format);
  value = g_variant_ref_sink (g_variant_new_va (format, NULL, &args));
  va_end (args);
  return g_steal_pointer (&value);
}

static void
test_wrong_types (void)
{
  g_autoptr (GVariant) no_data = dictionary ("a{sv}", NULL);
  g_autoptr (GVariant) data_as_string = dictionary ("{sv}", "data", g_variant_new_string ("x"));
  g_autoptr (GVariant) name_as_int = NULL;
  g_autoptr (GVariant) text_as_int = NULL;
  g_autoptr (GVariant) ok_missing = NULL;
  g_autoptr (GVariant) no_text = NULL;
  g_autoptr (GVariant) bad_offsets = NULL;
  g_autoptr (GVariant) unordered = NULL;
  g_autoptr (GVariant) code_as_string = NULL;
  GVariantBuilder      builder;
  static const guint32 past_end[] = { 0, 99 };
  static const guint32 backwards[] = { 3, 1 };

  assert_rejected (no_data, TRUE);

  /* Not a dictionary at all: the frame itself is refused. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) frame = frame_with_payload (g_variant_get_data (data_as_string),
                                                   g_variant_get_size (data_as_string),
                                                   g_variant_get_size (data_as_string));
    g_autoptr (GVariant) read = read_frame_from (frame, CRB_EXTRACT_MAX_REQUEST, &error);

    g_assert_null (read);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "data", g_variant_new_bytestring ("x"));
  g_variant_builder_add (&builder, "{sv}", "name", g_variant_new_int32 (7));
  name_as_int = g_variant_ref_sink (g_variant_builder_end (&builder));
  assert_rejected (name_as_int, TRUE);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&builder, "{sv}", "text", g_variant_new_int32 (7));
  text_as_int = g_variant_ref_sink (g_variant_builder_end (&builder));
  assert_rejected (text_as_int, FALSE);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "text", g_variant_new_string ("t"));
  ok_missing = g_variant_ref_sink (g_variant_builder_end (&builder));
  assert_rejected (ok_missing, FALSE);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (TRUE));
  no_text = g_variant_ref_sink (g_variant_builder_end (&builder));
  assert_rejected (no_text, FALSE);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&builder, "{sv}", "text", g_variant_new_string ("four"));
  g_variant_builder_add (&builder, "{sv}", "paragraphs",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, past_end, 2, 4));
  bad_offsets = g_variant_ref_sink (g_variant_builder_end (&builder));
  assert_rejected (bad_offsets, FALSE);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&builder, "{sv}", "text", g_variant_new_string ("four"));
  g_variant_builder_add (&builder, "{sv}", "pages",
                         g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, backwards, 2, 4));
  unordered = g_variant_ref_sink (g_variant_builder_end (&builder));
  assert_rejected (unordered, FALSE);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (FALSE));
  g_variant_builder_add (&builder, "{sv}", "error-code", g_variant_new_string ("7"));
  code_as_string = g_variant_ref_sink (g_variant_builder_end (&builder));
  assert_rejected (code_as_string, FALSE);
}

/* An unknown error code from the helper is not trusted as one of ours. */
/* A byte string is not checked byte by byte (any bytes are a byte string),
 * but a message around it that is not in normal form is still refused. */
static void
test_not_normal (void)
{
  static const char *const requests[] = { "data", "name" };
  g_autoptr (GBytes) data = g_bytes_new_static ("some document bytes", 19);

  for (guint which = 0; which < G_N_ELEMENTS (requests); which++)
    {
      g_autoptr (GVariant) built = crb_extract_request_new (data, "a.txt", NULL, NULL);
      g_autoptr (GBytes) serialised = g_variant_get_data_as_bytes (built);
      g_autoptr (GVariant) request =
          g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, serialised, TRUE));
      g_autoptr (GByteArray) copy = g_byte_array_new ();
      g_autoptr (GVariant) tampered = NULL;
      g_autoptr (GBytes) frame = NULL;
      g_autoptr (GVariant) read = NULL;
      g_autoptr (GError) error = NULL;
      gsize n = g_variant_n_children (request);
      gsize start = 0;

      /* The entry's key is followed by zero padding up to its value. */
      for (gsize i = 0; i < n; i++)
        {
          g_autoptr (GVariant) entry = g_variant_get_child_value (request, i);
          const char *key = NULL;

          g_variant_get_child (entry, 0, "&s", &key);
          if (g_strcmp0 (key, requests[which]) == 0)
            start = (gsize) ((const guint8 *) g_variant_get_data (entry) -
                             (const guint8 *) g_variant_get_data (request));
        }
      g_byte_array_append (copy, g_variant_get_data (request),
                           (guint) g_variant_get_size (request));
      copy->data[start + strlen (requests[which]) + 1] = 0x7f;
      tampered = g_variant_ref_sink (g_variant_new_from_data (G_VARIANT_TYPE_VARDICT, copy->data,
                                                              copy->len, FALSE, NULL, NULL));
      g_assert_false (g_variant_is_normal_form (tampered));

      frame = frame_with_payload (copy->data, copy->len, copy->len);
      read = read_frame_from (frame, CRB_EXTRACT_MAX_REQUEST, &error);
      g_assert_null (read);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

static void
test_unknown_error_code (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) response = NULL;
  GVariantBuilder   builder;
  CrbExtractResult *result;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "ok", g_variant_new_boolean (FALSE));
  g_variant_builder_add (&builder, "{sv}", "error-code", g_variant_new_uint32 (0xDEAD));
  response = g_variant_ref_sink (g_variant_builder_end (&builder));
  result = crb_extract_response_parse (response, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_FAILED);
}

/* Random payloads behind a valid header: refused or parsed, never a crash. */
static void
test_random_payloads (void)
{
  g_autoptr (CrbExtractResult) result = sample_result ();
  g_autoptr (GVariant) response = crb_extract_response_new_result (result, FALSE);
  gsize         size = g_variant_get_size (response);
  const guint8 *data = g_variant_get_data (response);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree guint8 *payload = g_memdup2 (data, size);
      g_autoptr (GBytes) frame = NULL;
      g_autoptr (GVariant) read = NULL;
      guint flips = (guint) g_test_rand_int_range (1, 8);

      for (guint f = 0; f < flips; f++)
        payload[g_test_rand_int_range (0, (gint32) size)] = (guint8) g_test_rand_int_range (0, 256);
      frame = frame_with_payload (payload, size, size);
      read = read_frame_from (frame, CRB_EXTRACT_MAX_RESPONSE, &error);
      if (read != NULL)
        {
          g_autoptr (CrbExtractResult) parsed = crb_extract_response_parse (read, NULL, &error);

          if (parsed != NULL)
            g_assert_true (g_utf8_validate (parsed->text->str, (gssize) parsed->text->len, NULL));
          else
            g_assert_nonnull (error);
        }
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/protocol/request/round-trip", test_request_round_trip);
  g_test_add_func ("/crb/extract/protocol/request/invalid-names", test_request_drops_invalid_names);
  g_test_add_func ("/crb/extract/protocol/result/round-trip", test_result_round_trip);
  g_test_add_func ("/crb/extract/protocol/result/sanitised", test_result_sanitised);
  g_test_add_func ("/crb/extract/protocol/error/round-trip", test_error_round_trip);
  g_test_add_func ("/crb/extract/protocol/error/unknown-code", test_unknown_error_code);
  g_test_add_func ("/crb/extract/protocol/hostile/frames", test_hostile_frames);
  g_test_add_func ("/crb/extract/protocol/hostile/wrong-types", test_wrong_types);
  g_test_add_func ("/crb/extract/protocol/hostile/random-payloads", test_random_payloads);
  g_test_add_func ("/crb/extract/protocol/hostile/not-normal", test_not_normal);

  return g_test_run ();
}
