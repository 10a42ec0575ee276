/* crb-encoding.c: bytes of unknown encoding to clean UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The order of evidence follows what browsers do: a byte-order mark wins,
 * then what the source declared (if the bytes agree with it), then UTF-8
 * (which random single-byte text almost never happens to be; but first the
 * shape of UTF-16 and UTF-32 without a mark, whose NULs UTF-8 allows), and last a statistical
 * choice among the single-byte encodings of our analysts' languages.
 */
#define G_LOG_DOMAIN "crb-extract"

#include <string.h>

#include "crb-encoding.h"
#include "crb-encoding-private.h"
#include "crb-extract-error.h"
#include "crb-utf8.h"

/* How much of the input the shape tests look at. */
#define SNIFF_LENGTH (64 * 1024)

/* A declared single-byte charset is overruled only when another decoding is
 * better by this much per non-ASCII byte: servers that send "ISO-8859-1"
 * for windows-1251 pages exist, but so do rare words. */
#define OVERRULE_MARGIN_PER_BYTE 3.0
#define OVERRULE_MIN_BYTES 16

static char *
decode_utf8_lossy (const guint8 *data, gsize length, gsize *n_multibyte, gsize *n_invalid)
{
  return crb_utf8_sanitize ((const char *) data, length, n_multibyte, n_invalid);
}

/* UTF-16 and UTF-32 are decoded by hand rather than with iconv, which
 * refuses a whole file over one lone surrogate. */
static char *
decode_wide (const guint8 *data, gsize length, guint width, gboolean big_endian, gsize *n_invalid)
{
  GString *out = g_string_sized_new (length + 1);
  gsize    i = 0;

  *n_invalid = 0;

  while (i + width <= length)
    {
      gunichar c = 0;

      for (guint k = 0; k < width; k++)
        c |= (gunichar) data[i + k] << (8 * (big_endian ? width - 1 - k : k));
      i += width;

      if (width == 2 && c >= 0xD800 && c < 0xDC00 && i + 2 <= length)
        {
          gunichar low = big_endian ? (gunichar) (data[i] << 8 | data[i + 1])
                                    : (gunichar) (data[i + 1] << 8 | data[i]);

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
        }

      if ((c >= 0xD800 && c < 0xE000) || c > 0x10FFFF)
        {
          c = 0xFFFD;
          (*n_invalid)++;
        }
      if (c != 0)
        g_string_append_unichar (out, c);
    }

  if (i < length)
    {
      g_string_append_unichar (out, 0xFFFD);
      (*n_invalid)++;
    }

  return g_string_free (out, FALSE);
}

static char *
decode_bom (const guint8 *data, gsize length, const char **name)
{
  static const struct
  {
    const char  *name;
    const guint8 mark[4];
    guint        mark_length;
    guint        width;
    gboolean     big_endian;
  } boms[] = {
    /* UTF-32LE first: its mark begins with UTF-16LE's. */
    { "UTF-32LE", { 0xFF, 0xFE, 0x00, 0x00 }, 4, 4, FALSE },
    { "UTF-32BE", { 0x00, 0x00, 0xFE, 0xFF }, 4, 4, TRUE },
    { "UTF-8", { 0xEF, 0xBB, 0xBF }, 3, 1, FALSE },
    { "UTF-16LE", { 0xFF, 0xFE }, 2, 2, FALSE },
    { "UTF-16BE", { 0xFE, 0xFF }, 2, 2, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
    {
      gsize ignored, ignored2;

      if (length < boms[i].mark_length || memcmp (data, boms[i].mark, boms[i].mark_length) != 0)
        continue;

      *name = boms[i].name;
      data += boms[i].mark_length;
      length -= boms[i].mark_length;
      if (boms[i].width == 1)
        return decode_utf8_lossy (data, length, &ignored, &ignored2);
      return decode_wide (data, length, boms[i].width, boms[i].big_endian, &ignored);
    }

  return NULL;
}

/* Charset labels come from web servers and documents: accept only what a
 * real label looks like before handing one to iconv. */
static gboolean
label_is_plausible (const char *label)
{
  gsize length = strlen (label);

  if (length == 0 || length > 40)
    return FALSE;
  for (const char *p = label; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.' && *p != ':')
      return FALSE;
  return TRUE;
}

static gsize
count_high_bytes (const guint8 *data, gsize length)
{
  gsize n = 0;

  for (gsize i = 0; i < length; i++)
    n += data[i] >= 0x80;
  return n;
}

static gboolean
looks_binary (const guint8 *data, gsize length)
{
  gsize sample = MIN (length, SNIFF_LENGTH);
  gsize controls = 0;

  for (gsize i = 0; i < sample; i++)
    {
      guint8 b = data[i];

      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B)
        controls++;
    }
  return controls * 20 > sample;
}

static char *
decode_declared_single_byte (const guint8 *data, gsize length, CrbSingleByte declared,
                             const char **name)
{
  double           scores[CRB_SINGLE_BYTE_N];
  CrbSingleByte    best = declared;
  gsize            n_high, n_replaced;
  g_autofree char *text = NULL;

  if (!crb_single_byte_available (declared))
    return NULL;

  /* Servers label UTF-8 pages ISO-8859-1 all the time, while single-byte
   * text that happens to form valid UTF-8 sequences is vanishingly rare. */
  {
    gsize n_multibyte, n_invalid;

    g_free (decode_utf8_lossy (data, length, &n_multibyte, &n_invalid));
    if (n_invalid == 0 && n_multibyte > 0)
      return NULL;
  }

  text = crb_single_byte_decode (declared, data, length, &n_replaced);
  if (n_replaced > 0)
    return NULL;

  n_high = count_high_bytes (data, MIN (length, SNIFF_LENGTH));
  if (n_high >= OVERRULE_MIN_BYTES)
    {
      crb_single_byte_score (data, MIN (length, SNIFF_LENGTH), scores);
      for (CrbSingleByte e = 0; e < CRB_SINGLE_BYTE_N; e++)
        if (scores[e] > scores[best])
          best = e;
      if (best != declared && scores[best] - scores[declared] > OVERRULE_MARGIN_PER_BYTE * n_high)
        {
          g_debug ("Declared charset %s overruled: the text reads as %s",
                   crb_single_byte_name (declared), crb_single_byte_name (best));
          return NULL;
        }
    }

  *name = crb_single_byte_name (declared);
  return g_steal_pointer (&text);
}

static char *
decode_declared (const guint8 *data, gsize length, const char *declared, char **name)
{
  g_autofree char *label = g_ascii_strdown (declared, -1);
  g_autoptr (GError) error = NULL;
  g_autofree char *converted = NULL;
  CrbSingleByte    single_byte;
  const char      *static_name = NULL;
  gsize            bytes_read = 0, written = 0;

  g_strstrip (label);
  if (!label_is_plausible (label))
    return NULL;

  if (g_str_has_prefix (label, "utf-16"))
    {
      gboolean         big_endian = g_str_equal (label, "utf-16be");
      gsize            n_invalid;
      g_autofree char *text = NULL;

      if (!big_endian && !g_str_equal (label, "utf-16") && !g_str_equal (label, "utf-16le"))
        return NULL;
      text = decode_wide (data, length, 2, big_endian, &n_invalid);
      if (n_invalid > 0)
        return NULL;
      *name = g_strdup (big_endian ? "UTF-16BE" : "UTF-16LE");
      return g_steal_pointer (&text);
    }

  /* Every other encoding keeps ASCII control bytes as they are. */
  if (looks_binary (data, length))
    return NULL;

  if (g_str_equal (label, "utf-8") || g_str_equal (label, "utf8"))
    {
      gsize            n_multibyte, n_invalid;
      g_autofree char *text = decode_utf8_lossy (data, length, &n_multibyte, &n_invalid);

      if (n_invalid > 0)
        return NULL;
      *name = g_strdup ("UTF-8");
      return g_steal_pointer (&text);
    }

  single_byte = crb_single_byte_from_label (label);
  if (single_byte != CRB_SINGLE_BYTE_NONE)
    {
      char *text = decode_declared_single_byte (data, length, single_byte, &static_name);

      if (text != NULL)
        *name = g_strdup (static_name);
      return text;
    }

  /* Anything else the C library knows (Shift_JIS, GB18030, ISO-8859-7…). */
  converted = g_convert ((const char *) data, (gssize) length, "UTF-8", label, &bytes_read,
                         &written, &error);
  if (converted == NULL || bytes_read != length || !g_utf8_validate_len (converted, written, NULL))
    {
      if (error != NULL)
        g_debug ("Declared charset %s does not fit the data: %s", label, error->message);
      return NULL;
    }

  *name = g_ascii_strup (label, -1);
  return crb_utf8_sanitize (converted, written, NULL, NULL);
}

/* The share of a column of bytes taken by its two most common values. */
static double
top_two_share (const gsize histogram[256], gsize total)
{
  gsize first = 0, second = 0;

  for (guint v = 0; v < 256; v++)
    {
      if (histogram[v] > first)
        {
          second = first;
          first = histogram[v];
        }
      else if (histogram[v] > second)
        second = histogram[v];
    }
  return total > 0 ? (double) (first + second) / (double) total : 0;
}

/* UTF-16 or UTF-32 without a byte-order mark shows in columns: in text of one
 * script the high bytes take only a value or two (0x00 for Latin, 0x04 for
 * Cyrillic, with 0x00 for its spaces), while the low bytes vary. */
static char *
decode_wide_without_bom (const guint8 *data, gsize length, const char **name)
{
  gsize             sample = MIN (length, SNIFF_LENGTH) & ~(gsize) 3;
  gsize             zeros[4] = { 0 };
  gsize             quarter = sample / 4;
  gsize             n_invalid, n_controls = 0, n_chars = 0;
  guint             width;
  gboolean          big_endian;
  g_autofree gsize *columns = NULL; /* [2][256]: even and odd bytes */
  double            even_share, odd_share;
  g_autofree char  *text = NULL;

  if (sample < 4 || memchr (data, 0, sample) == NULL)
    return NULL;

  columns = g_new0 (gsize, 2 * 256);
  for (gsize i = 0; i < sample; i++)
    {
      if (data[i] == 0)
        zeros[i % 4]++;
      columns[(i % 2) * 256 + data[i]]++;
    }
  even_share = top_two_share (columns, sample / 2);
  odd_share = top_two_share (columns + 256, sample / 2);

  if (zeros[3] == quarter && zeros[2] * 10 >= quarter * 9 && zeros[0] * 2 < quarter)
    width = 4, big_endian = FALSE;
  else if (zeros[0] == quarter && zeros[1] * 10 >= quarter * 9 && zeros[3] * 2 < quarter)
    width = 4, big_endian = TRUE;
  else if (zeros[1] + zeros[3] > 0 && (zeros[0] + zeros[2]) * 10 <= zeros[1] + zeros[3] &&
           odd_share >= 0.9 && even_share < 0.6)
    width = 2, big_endian = FALSE;
  else if (zeros[0] + zeros[2] > 0 && (zeros[1] + zeros[3]) * 10 <= zeros[0] + zeros[2] &&
           even_share >= 0.9 && odd_share < 0.6)
    width = 2, big_endian = TRUE;
  else
    return NULL;

  text = decode_wide (data, length, width, big_endian, &n_invalid);
  if (n_invalid > 0)
    return NULL;

  /* Binary data can have the same columns of zeros; text has few controls. */
  for (const char *p = text; *p && n_chars < SNIFF_LENGTH; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7F && c < 0xA0))
        n_controls++;
    }
  if (n_controls * 50 > n_chars)
    return NULL;

  if (width == 4)
    *name = big_endian ? "UTF-32BE" : "UTF-32LE";
  else
    *name = big_endian ? "UTF-16BE" : "UTF-16LE";
  return g_steal_pointer (&text);
}

char *
crb_encoding_decode (const guint8 *data, gsize length, const char *declared, char **detected,
                     GError **error)
{
  g_autofree char *text = NULL;
  g_autofree char *owned_name = NULL;
  const char      *name = NULL;
  gsize            n_multibyte, n_invalid;
  CrbSingleByte    guess;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = decode_bom (data, length, &name);

  if (text == NULL && declared != NULL)
    {
      text = decode_declared (data, length, declared, &owned_name);
      name = owned_name;
    }

  /* Before UTF-8: UTF-16 text of Cyrillic letters is all ASCII bytes and NULs. */
  if (text == NULL)
    text = decode_wide_without_bom (data, length, &name);

  if (text == NULL && looks_binary (data, length))
    {
      g_set_error_literal (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED,
                           "This file does not contain text in any encoding we know; it "
                           "looks like binary data");
      return NULL;
    }

  if (text == NULL)
    {
      text = decode_utf8_lossy (data, length, &n_multibyte, &n_invalid);
      name = "UTF-8";
      /* A few bad bytes among many good sequences is damaged UTF-8, which
       * reads far better repaired than as single-byte mojibake. */
      if (n_invalid > 0 && (n_multibyte < 8 || n_invalid * 20 > n_multibyte))
        g_clear_pointer (&text, g_free);
    }

  if (text == NULL)
    {
      guess = crb_single_byte_guess (data, length);
      text = crb_single_byte_decode (guess, data, length, NULL);
      name = crb_single_byte_name (guess);

      /* windows-1252 without its C1-range additions is plain ISO-8859-1. */
      if (guess == CRB_SINGLE_BYTE_WINDOWS_1252)
        {
          gboolean c1 = FALSE;

          for (gsize i = 0; i < length && !c1; i++)
            c1 = data[i] >= 0x80 && data[i] < 0xA0;
          if (!c1)
            name = "ISO-8859-1";
        }
    }

  if (detected != NULL)
    *detected = g_strdup (name);
  return g_steal_pointer (&text);
}

/* Code points that no text in NFC changes or combines with: ASCII, Latin-1,
 * Latin Extended, Cyrillic (without its combining marks) and the common
 * dashes, quotes and currency signs. */
static gboolean
is_nfc_inert (gunichar c)
{
  return c < 0x300 || (c >= 0x400 && c < 0x483) || (c >= 0x48A && c < 0x530) ||
         (c >= 0x2010 && c < 0x20D0);
}

/* GLib's normaliser slows down more than linearly on long strings (seconds
 * for a few megabytes), so it gets the text in short pieces, and only the
 * pieces that hold something it could change.  Pieces end before an ASCII
 * character, which never composes with what precedes it. */
#define NORMALIZE_PIECE 8192

static void
append_nfc (GString *out, const char *text, gsize length)
{
  const char *end = text + length;

  while (text < end)
    {
      const char *cut = text + MIN ((gsize) (end - text), NORMALIZE_PIECE);
      gboolean    inert = TRUE;

      while (cut < end && (guchar) *cut >= 0x80)
        cut++;

      for (const char *p = text; p < cut && inert; p = g_utf8_next_char (p))
        inert = (guchar) *p < 0x80 || is_nfc_inert (g_utf8_get_char (p));

      if (inert)
        g_string_append_len (out, text, cut - text);
      else
        {
          g_autofree char *piece = g_utf8_normalize (text, cut - text, G_NORMALIZE_NFC);

          g_string_append (out, piece);
        }
      text = cut;
    }
}

char *
crb_text_normalize (const char *utf8)
{
  g_autofree char *repaired = NULL;
  GString         *out;
  GString         *normalized;

  g_return_val_if_fail (utf8 != NULL, NULL);

  if (!g_utf8_validate (utf8, -1, NULL))
    utf8 = repaired = g_utf8_make_valid (utf8, -1);

  out = g_string_sized_new (strlen (utf8) + 1);
  for (const char *p = utf8; *p;)
    {
      guchar      b = (guchar) *p;
      const char *next;
      gunichar    c;

      if (b < 0x80)
        {
          if (b == '\r')
            {
              g_string_append_c (out, '\n');
              p += p[1] == '\n' ? 2 : 1;
              continue;
            }
          if (b == '\f' || b == '\v')
            g_string_append_c (out, '\n');
          else if ((b >= 0x20 && b != 0x7F) || b == '\t' || b == '\n')
            g_string_append_c (out, (char) b);
          p++;
          continue;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (c == 0x85 || c == 0x2028)
        g_string_append_c (out, '\n');
      else if (c == 0x2029)
        g_string_append (out, "\n\n");
      else if (c < 0xA0 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF ||
               (c >= 0xFDD0 && c <= 0xFDEF))
        ; /* C1 controls, byte-order marks and noncharacters carry no text */
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }

  normalized = g_string_sized_new (out->len + 1);
  append_nfc (normalized, out->str, out->len);
  g_string_free (out, TRUE);
  return g_string_free (normalized, FALSE);
}
