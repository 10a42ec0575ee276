/* crb-office-zip.c: reading DOCX, ODT and EPUB packages safely
 *
 * One pass over the archive with libarchive: the text parts (XML, XHTML,
 * the mimetype) are unpacked into memory, everything else (images, fonts)
 * is only listed.  Sizes declared in a zip are not believed: bytes are
 * counted as they come out, and an entry or an archive that unpacks past
 * its cap stops the extraction, as zip bombs must.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-office"

#include "crb-office-private.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

struct _CrbOfficeZip
{
  GHashTable *parts; /* name → GBytes, the text parts */
  GPtrArray  *names; /* every entry */
};

typedef struct archive CrbArchive;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbArchive, archive_read_free)

static gboolean
is_text_part (const char *name)
{
  static const char *const suffixes[] = { ".xml",  ".rels", ".opf", ".xhtml",
                                          ".html", ".htm",  ".ncx", ".xht" };
  g_autofree char         *lower = g_ascii_strdown (name, -1);

  if (strcmp (name, "mimetype") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;
  return FALSE;
}

static GBytes *
unpack_entry (struct archive *archive, const char *name, const char *format, gsize *total,
              GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[65536];

  while (TRUE)
    {
      la_ssize_t n = archive_read_data (archive, buffer, sizeof buffer);

      if (n == 0)
        break;
      if (n < 0)
        {
          g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                       "This %s file is damaged: its part “%s” cannot be unpacked (%s).", format,
                       name, archive_error_string (archive));
          return NULL;
        }
      *total += n;
      if (bytes->len + (gsize) n > CRB_OFFICE_MAX_ENTRY_SIZE || *total > CRB_OFFICE_MAX_TOTAL_SIZE)
        {
          g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                       "This %s file was refused: its part “%s” unpacks to more than %d MB. "
                       "Real documents stay far below that; this looks like a zip bomb.",
                       format, name,
                       (*total > CRB_OFFICE_MAX_TOTAL_SIZE ? CRB_OFFICE_MAX_TOTAL_SIZE
                                                           : CRB_OFFICE_MAX_ENTRY_SIZE) /
                           (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

CrbOfficeZip *
crb_office_zip_open (GBytes *data, const char *format, GError **error)
{
  g_autoptr (CrbArchive) archive = archive_read_new ();
  g_autoptr (CrbOfficeZip) zip = g_new0 (CrbOfficeZip, 1);
  struct archive_entry *entry;
  gsize                 length, total = 0;
  const guint8         *bytes = g_bytes_get_data (data, &length);
  int                   status;

  zip->parts =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  zip->names = g_ptr_array_new_with_free_func (g_free);

  if (length < 4 || memcmp (bytes, "PK\x03\x04", 4) != 0)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                   "This is not a %s file (it is not a zip package).", format);
      return NULL;
    }
  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, bytes, length) != ARCHIVE_OK)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                   "This %s file is damaged: %s.", format, archive_error_string (archive));
      return NULL;
    }

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK ||
         status == ARCHIVE_WARN)
    {
      const char *name = archive_entry_pathname_utf8 (entry);

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (name == NULL || !g_utf8_validate (name, -1, NULL))
        continue;
      if (zip->names->len >= CRB_OFFICE_MAX_ENTRIES)
        {
          g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_TOO_LARGE,
                       "This %s file was refused: it holds more than %d parts.", format,
                       CRB_OFFICE_MAX_ENTRIES);
          return NULL;
        }
      g_ptr_array_add (zip->names, g_strdup (name));
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_ENCRYPTED,
                       "This %s file is password-protected. Open it with its password, save an "
                       "unprotected copy and import that.",
                       format);
          return NULL;
        }
      if (archive_entry_filetype (entry) == AE_IFREG && is_text_part (name) &&
          !g_hash_table_contains (zip->parts, name))
        {
          GBytes *part = unpack_entry (archive, name, format, &total, error);

          if (part == NULL)
            return NULL;
          g_hash_table_insert (zip->parts, g_strdup (name), part);
        }
    }
  if (status != ARCHIVE_EOF)
    {
      g_set_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_DAMAGED,
                   "This %s file is damaged: %s.", format, archive_error_string (archive));
      return NULL;
    }
  g_ptr_array_sort (zip->names, (GCompareFunc) g_strcmp0);
  return g_steal_pointer (&zip);
}

gboolean
crb_office_zip_has (CrbOfficeZip *zip, const char *name)
{
  for (guint i = 0; i < zip->names->len; i++)
    if (strcmp (g_ptr_array_index (zip->names, i), name) == 0)
      return TRUE;
  return FALSE;
}

GBytes *
crb_office_zip_get (CrbOfficeZip *zip, const char *name)
{
  GBytes *part = g_hash_table_lookup (zip->parts, name);

  return part != NULL ? g_bytes_ref (part) : NULL;
}

char *
crb_office_zip_get_string (CrbOfficeZip *zip, const char *name)
{
  GBytes     *part = g_hash_table_lookup (zip->parts, name);
  gsize       length;
  const char *data;

  if (part == NULL)
    return NULL;
  data = g_bytes_get_data (part, &length);
  return g_strstrip (g_strndup (data, length));
}

GPtrArray *
crb_office_zip_list (CrbOfficeZip *zip, const char *prefix)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < zip->names->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (zip->names, i), prefix))
      g_ptr_array_add (names, g_ptr_array_index (zip->names, i));
  return names;
}

void
crb_office_zip_free (CrbOfficeZip *zip)
{
  if (zip == NULL)
    return;
  g_clear_pointer (&zip->parts, g_hash_table_unref);
  g_clear_pointer (&zip->names, g_ptr_array_unref);
  g_free (zip);
}
