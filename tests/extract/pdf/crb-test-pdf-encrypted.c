/* crb-test-pdf-encrypted.c: a real password-protected PDF, written by hand
 *
 * The standard security handler, revision 2 (PDF 1.7, 7.6.3): a 40-bit
 * RC4 key from MD5 of the padded password, the /O and /U entries, and
 * every stream encrypted with a per-object key.  Small enough to write
 * here, so the tests need no qpdf.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-test-pdf.h"

#include <string.h>

static const guint8 password_padding[32] = {
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
  0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

static void
rc4 (const guint8 *key, gsize key_length, guint8 *data, gsize length)
{
  guint8 state[256];
  guint  i, j = 0;

  for (i = 0; i < 256; i++)
    state[i] = i;
  for (i = 0; i < 256; i++)
    {
      guint8 swap = state[i];

      j = (j + state[i] + key[i % key_length]) & 0xff;
      state[i] = state[j];
      state[j] = swap;
    }
  i = j = 0;
  for (gsize n = 0; n < length; n++)
    {
      guint8 swap;

      i = (i + 1) & 0xff;
      j = (j + state[i]) & 0xff;
      swap = state[i];
      state[i] = state[j];
      state[j] = swap;
      data[n] ^= state[(state[i] + state[j]) & 0xff];
    }
}

static void
pad_password (const char *password, guint8 padded[32])
{
  gsize length = MIN (strlen (password), 32);

  memcpy (padded, password, length);
  memcpy (padded + length, password_padding, 32 - length);
}

static void
md5 (GChecksum *checksum, guint8 digest[16])
{
  gsize length = 16;

  g_checksum_get_digest (checksum, digest, &length);
  g_checksum_free (checksum);
}

static void
append_hex (GString *out, const guint8 *data, gsize length)
{
  g_string_append_c (out, '<');
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (out, "%02x", data[i]);
  g_string_append_c (out, '>');
}

GBytes *
crb_test_pdf_encrypted (const char *user_password, const char *owner_password, const char *text)
{
  static const guint8 file_id[16] = "crb-test-file-id";
  const gint32        permissions = -44; /* everything but printing and changes */
  guint8              padded[32], owner[32], user[32], digest[16], key[5];
  GString            *out = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autofree char    *content = g_strdup_printf ("BT /F1 24 Tf 72 700 Td (%s) Tj ET", text);
  gsize               offsets[7];
  GChecksum          *checksum;
  gsize               xref;

  /* /O: the padded user password under a key from the owner password. */
  pad_password (owner_password, padded);
  checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (checksum, padded, 32);
  md5 (checksum, digest);
  pad_password (user_password, owner);
  rc4 (digest, 5, owner, 32);

  /* The file key, then /U: the padding under the file key. */
  pad_password (user_password, padded);
  checksum = g_checksum_new (G_CHECKSUM_MD5);
  g_checksum_update (checksum, padded, 32);
  g_checksum_update (checksum, owner, 32);
  {
    guint8 p[4] = { permissions & 0xff, (permissions >> 8) & 0xff, (permissions >> 16) & 0xff,
                    (permissions >> 24) & 0xff };
    g_checksum_update (checksum, p, 4);
  }
  g_checksum_update (checksum, file_id, 16);
  md5 (checksum, digest);
  memcpy (key, digest, 5);
  memcpy (user, password_padding, 32);
  rc4 (key, 5, user, 32);

  offsets[1] = out->len;
  g_string_append (out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[2] = out->len;
  g_string_append (out, "2 0 obj\n<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>\nendobj\n");
  offsets[3] = out->len;
  g_string_append (out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [ 0 0 612 792 ] "
                        "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
  offsets[4] = out->len;
  {
    /* Object key: MD5 of the file key, object number and generation. */
    guint8 object_salt[5] = { 4, 0, 0, 0, 0 };
    guint8 object_key[16];
    gsize  length = strlen (content);

    checksum = g_checksum_new (G_CHECKSUM_MD5);
    g_checksum_update (checksum, key, 5);
    g_checksum_update (checksum, object_salt, 5);
    md5 (checksum, object_key);
    rc4 (object_key, 10, (guint8 *) content, length);
    g_string_append_printf (out, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n", length);
    g_string_append_len (out, content, length);
    g_string_append (out, "\nendstream\nendobj\n");
  }
  offsets[5] = out->len;
  g_string_append (out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\n"
                        "endobj\n");
  offsets[6] = out->len;
  g_string_append (out, "6 0 obj\n<< /Filter /Standard /V 1 /R 2 /O ");
  append_hex (out, owner, 32);
  g_string_append (out, " /U ");
  append_hex (out, user, 32);
  g_string_append_printf (out, " /P %d >>\nendobj\n", permissions);

  xref = out->len;
  g_string_append (out, "xref\n0 7\n0000000000 65535 f \n");
  for (guint i = 1; i < 7; i++)
    g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append (out, "trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [ ");
  append_hex (out, file_id, 16);
  g_string_append_c (out, ' ');
  append_hex (out, file_id, 16);
  g_string_append_printf (out, " ] >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  return g_string_free_to_bytes (out);
}
