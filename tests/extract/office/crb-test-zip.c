/* crb-test-zip.c: zip packages for the office and EPUB tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-test-zip.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

struct _CrbTestZip
{
  struct archive *archive;
  GByteArray     *bytes;
};

static la_ssize_t
write_to_array (struct archive *archive, void *data, const void *buffer, size_t length)
{
  g_byte_array_append (data, buffer, length);
  return length;
}

CrbTestZip *
crb_test_zip_new (void)
{
  CrbTestZip *zip = g_new0 (CrbTestZip, 1);

  zip->bytes = g_byte_array_new ();
  zip->archive = archive_write_new ();
  g_assert_cmpint (archive_write_set_format_zip (zip->archive), ==, ARCHIVE_OK);
  /* Whole blocks are not wanted: the zip must end where its data ends. */
  archive_write_set_bytes_in_last_block (zip->archive, 1);
  g_assert_cmpint (archive_write_open (zip->archive, zip->bytes, NULL, write_to_array, NULL), ==,
                   ARCHIVE_OK);
  return zip;
}

static void
begin_entry (CrbTestZip *zip, const char *name, gsize size, gboolean stored)
{
  struct archive_entry *entry = archive_entry_new ();

  if (stored)
    archive_write_zip_set_compression_store (zip->archive);
  else
    archive_write_zip_set_compression_deflate (zip->archive);
  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (zip->archive, entry), ==, ARCHIVE_OK);
  archive_entry_free (entry);
}

void
crb_test_zip_add (CrbTestZip *zip, const char *name, const char *content, gboolean stored)
{
  gsize length = strlen (content);

  begin_entry (zip, name, length, stored);
  g_assert_cmpint (archive_write_data (zip->archive, content, length), ==, (la_ssize_t) length);
}

void
crb_test_zip_add_fill (CrbTestZip *zip, const char *name, const char *prefix, char c, gsize size)
{
  g_autofree char *chunk = g_malloc (1 << 20);
  gsize            written = strlen (prefix);

  begin_entry (zip, name, size, FALSE);
  archive_write_data (zip->archive, prefix, written);
  memset (chunk, c, 1 << 20);
  while (written < size)
    {
      gsize n = MIN (size - written, (gsize) 1 << 20);

      g_assert_cmpint (archive_write_data (zip->archive, chunk, n), ==, (la_ssize_t) n);
      written += n;
    }
}

GBytes *
crb_test_zip_finish (CrbTestZip *zip)
{
  g_assert_cmpint (archive_write_close (zip->archive), ==, ARCHIVE_OK);
  g_clear_pointer (&zip->archive, archive_write_free);
  return g_byte_array_free_to_bytes (g_steal_pointer (&zip->bytes));
}

void
crb_test_zip_free (CrbTestZip *zip)
{
  if (zip == NULL)
    return;
  g_clear_pointer (&zip->archive, archive_write_free);
  if (zip->bytes != NULL)
    g_byte_array_unref (zip->bytes);
  g_free (zip);
}
