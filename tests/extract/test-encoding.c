/* test-encoding.c: encoding detection and text normalisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-encoding.h"
#include "crb-utf8.h"
#include "crb-extract-error.h"

typedef struct
{
  const char *language;
  const char *text;
} Sample;

/* Written for these tests: news-like sentences, long and short, some with
 * Latin names inside Cyrillic text. */
static const Sample russian[] = {
  { "ru-long",
    "Вчера вечером в центре города прошёл митинг. По данным полиции, на площади собралось "
    "около двух тысяч человек, организаторы называют цифру в пять тысяч. Участники требовали "
    "отставки главы администрации и независимого расследования." },
  { "ru-sentence", "Где находится ближайшая больница?" },
  { "ru-greeting", "Привет, мир!" },
  { "ru-latin",
    "Компания Google объявила о запуске сервиса в Казахстане, сообщает агентство Reuters." },
  { "ru-caps", "СРОЧНО: ВЗРЫВ НА ЗАВОДЕ В ПОДМОСКОВЬЕ" },
  { "ru-quotes", "«Мы не планируем вводить войска», — заявил министр обороны." },
  { "ru-figures",
    "Граница между странами — около 7590 км, это одна из самых длинных границ в мире." },
  { "ru-mixed-lines",
    "Источник: Reuters, 18 April 2022\nМинистр иностранных дел заявил, что переговоры "
    "продолжатся в Женеве на следующей неделе.\nSee also: www.example.org" },
};

static const Sample kazakh[] = {
  { "kk-long",
    "Қазақстан Республикасы Орталық Азиядағы мемлекет. Елдің астанасы Астана қаласы, ең ірі "
    "қаласы Алматы. Ресеймен шекарасы әлемдегі ең ұзын құрлық шекараларының бірі." },
  { "kk-sentence", "Бүгін көп адам алаңға жиналды." },
};

static const Sample western[] = {
  { "de-long",
    "Die Bundesregierung hat am Montag neue Maßnahmen beschlossen. Über die Größe des Pakets "
    "wird noch gestritten; Kritiker fürchten höhere Kosten für die Länder." },
  { "de-sentence", "Der Bürgermeister äußerte sich nicht." },
  { "fr-long",
    "Le ministère a publié un communiqué très détaillé : selon les autorités, près de deux cents "
    "personnes ont été évacuées à cause de l'incendie, qui s'est déclaré vers vingt-deux heures." },
  { "fr-sentence", "Le préfet a démenti ces chiffres." },
  { "en-accents", "The café on the corner served crème brûlée to the délégation from Zürich." },
};

/* Only windows-1252 has curly quotes and dashes among the Latin encodings. */
static const Sample western_typography[] = {
  { "en-quotes",
    "The minister said the report was “deeply flawed” — and that’s the government’s final word." },
  { "fr-quotes", "« C’est inacceptable », a déclaré le porte-parole… selon l’AFP." },
};

static const Sample central[] = {
  { "pl-long",
    "Wczoraj w Łodzi odbyło się spotkanie mieszkańców; wójt gminy zapowiedział, że źródła "
    "finansowania będą jawne, a decyzja zapadnie w przyszłym tygodniu." },
  { "pl-sentence", "Świadkowie widzieli, jak żołnierze odjeżdżali." },
  { "cs-long",
    "Včera večer se v Brně sešli zástupci měst, aby projednali řešení dopravy. Podle mluvčího "
    "radnice přišlo přes dvě stě lidí a debata trvala až do půlnoci." },
  { "cs-sentence", "Příští týden začne oprava mostu přes řeku." },
};

static GBytes *
encode (const char *text, const char *encoding, const char *prefix, gsize prefix_length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *converted = NULL;
  gsize            written = 0;
  GByteArray      *bytes = g_byte_array_new ();

  converted = g_convert (text, -1, encoding, "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  if (prefix_length > 0)
    g_byte_array_append (bytes, (const guint8 *) prefix, (guint) prefix_length);
  g_byte_array_append (bytes, (const guint8 *) converted, (guint) written);
  return g_byte_array_free_to_bytes (bytes);
}

static void
assert_detected (const Sample *sample, GBytes *bytes, const char *declared, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *text = NULL;
  gsize            length;
  const guint8    *data = g_bytes_get_data (bytes, &length);

  text = crb_encoding_decode (data, length, declared, &detected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  if (g_strcmp0 (detected, expected) != 0 || g_strcmp0 (text, sample->text) != 0)
    g_test_message ("%s in %s: detected %s, read as: %s", sample->language, expected, detected,
                    text);
  g_assert_cmpstr (detected, ==, expected);
  g_assert_cmpstr (text, ==, sample->text);
}

/* KOI8-R and IBM866 have no guillemets or dashes: such samples are left out
 * there, but most samples must be checked in every encoding. */
static void
check_samples (const Sample *samples, guint n, const char *encoding, const char *expected)
{
  guint n_checked = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *probe = g_convert (samples[i].text, -1, encoding, "UTF-8", NULL, NULL, NULL);

      if (probe == NULL)
        continue;
      bytes = encode (samples[i].text, encoding, NULL, 0);
      assert_detected (&samples[i], bytes, NULL, expected);
      n_checked++;
    }
  g_assert_cmpuint (n_checked * 3, >=, n * 2);
}

static void
test_russian_windows_1251 (void)
{
  check_samples (russian, G_N_ELEMENTS (russian), "WINDOWS-1251", "windows-1251");
}

static void
test_russian_koi8_r (void)
{
  check_samples (russian, G_N_ELEMENTS (russian), "KOI8-R", "KOI8-R");
}

static void
test_russian_ibm866 (void)
{
  check_samples (russian, G_N_ELEMENTS (russian), "IBM866", "IBM866");
}

static void
test_russian_iso_8859_5 (void)
{
  check_samples (russian, G_N_ELEMENTS (russian), "ISO-8859-5", "ISO-8859-5");
}

static void
test_kazakh_kz_1048 (void)
{
  check_samples (kazakh, G_N_ELEMENTS (kazakh), "RK1048", "KZ-1048");
}

static void
test_western_iso_8859_1 (void)
{
  check_samples (western, G_N_ELEMENTS (western), "ISO-8859-1", "ISO-8859-1");
}

static void
test_western_windows_1252 (void)
{
  check_samples (western_typography, G_N_ELEMENTS (western_typography), "WINDOWS-1252",
                 "windows-1252");
}

static void
test_central_windows_1250 (void)
{
  check_samples (central, G_N_ELEMENTS (central), "WINDOWS-1250", "windows-1250");
}

static void
test_central_iso_8859_2 (void)
{
  check_samples (central, G_N_ELEMENTS (central), "ISO-8859-2", "ISO-8859-2");
}

static const Sample *
all_samples (guint *n)
{
  static GArray *all = NULL;

  if (all == NULL)
    {
      all = g_array_new (FALSE, FALSE, sizeof (Sample));
      g_array_append_vals (all, russian, G_N_ELEMENTS (russian));
      g_array_append_vals (all, kazakh, G_N_ELEMENTS (kazakh));
      g_array_append_vals (all, western, G_N_ELEMENTS (western));
      g_array_append_vals (all, western_typography, G_N_ELEMENTS (western_typography));
      g_array_append_vals (all, central, G_N_ELEMENTS (central));
    }
  *n = all->len;
  return (const Sample *) all->data;
}

static void
test_unicode_forms (void)
{
  static const struct
  {
    const char *encoding;
    const char *bom;
    gsize       bom_length;
    const char *expected;
  } forms[] = {
    { "UTF-8", NULL, 0, "UTF-8" },
    { "UTF-8", "\xEF\xBB\xBF", 3, "UTF-8" },
    { "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE" },
    { "UTF-16BE", "\xFE\xFF", 2, "UTF-16BE" },
    { "UTF-32LE", "\xFF\xFE\0\0", 4, "UTF-32LE" },
    { "UTF-32BE", "\0\0\xFE\xFF", 4, "UTF-32BE" },
    /* Without a mark, from the shape of the bytes. */
    { "UTF-16LE", NULL, 0, "UTF-16LE" },
    { "UTF-16BE", NULL, 0, "UTF-16BE" },
    { "UTF-32LE", NULL, 0, "UTF-32LE" },
  };
  guint         n;
  const Sample *samples = all_samples (&n);

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (GBytes) bytes =
            encode (samples[i].text, forms[f].encoding, forms[f].bom, forms[f].bom_length);

        assert_detected (&samples[i], bytes, NULL, forms[f].expected);
      }
}

static void
test_declared (void)
{
  g_autoptr (GBytes) koi8 = encode (russian[0].text, "KOI8-R", NULL, 0);
  g_autoptr (GBytes) cp1251 = encode (russian[0].text, "WINDOWS-1251", NULL, 0);
  g_autoptr (GBytes) utf8 = encode (western[0].text, "UTF-8", NULL, 0);
  g_autoptr (GBytes) latin1 = encode (western[2].text, "ISO-8859-1", NULL, 0);
  g_autoptr (GBytes) utf16 = encode (russian[1].text, "UTF-16BE", "\xFE\xFF", 2);
  static const Sample japanese = { "ja", "東京で大きな地震があった。" };
  g_autoptr (GBytes) shift_jis = encode (japanese.text, "SHIFT_JIS", NULL, 0);

  assert_detected (&russian[0], koi8, "koi8-r", "KOI8-R");
  assert_detected (&russian[0], cp1251, "Windows-1251", "windows-1251");
  /* Servers that label Cyrillic pages ISO-8859-1 are overruled… */
  assert_detected (&russian[0], cp1251, "iso-8859-1", "windows-1251");
  /* …and so are those that label UTF-8 pages that way. */
  assert_detected (&western[0], utf8, "ISO-8859-1", "UTF-8");
  assert_detected (&western[2], latin1, "latin1", "windows-1252");
  /* A byte-order mark beats any label. */
  assert_detected (&russian[1], utf16, "windows-1251", "UTF-16BE");
  /* A label we have no table for goes to iconv. */
  assert_detected (&japanese, shift_jis, "Shift_JIS", "SHIFT_JIS");
  /* A label that does not fit the bytes is ignored; one that is not a
   * label at all never reaches iconv. */
  assert_detected (&russian[0], koi8, "utf-8", "KOI8-R");
  assert_detected (&russian[0], koi8, "../../etc/passwd", "KOI8-R");
  assert_detected (&russian[0], koi8, "no-such-charset", "KOI8-R");
}

static void
test_damaged_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) data = g_string_new (russian[0].text);
  g_autofree char *detected = NULL;
  g_autofree char *text = NULL;

  /* One stray byte in a long UTF-8 text, and a NUL, both after spaces. */
  g_string_insert_c (data, strchr (data->str, ' ') - data->str + 1, '\xE9');
  g_string_insert_c (data, strrchr (data->str, ' ') - data->str + 1, '\0');
  text = crb_encoding_decode ((const guint8 *) data->str, data->len, NULL, &detected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (detected, ==, "UTF-8");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "\xEF\xBF\xBD"));
  g_assert_cmpuint (g_utf8_strlen (text, -1), ==, g_utf8_strlen (russian[0].text, -1) + 1);
}

static void
test_binary (void)
{
  g_autoptr (GError) error = NULL;
  guint8           data[4096];
  g_autofree char *text = NULL;

  for (guint i = 0; i < sizeof data; i++)
    data[i] = (guint8) (i * 7 % 31);
  text = crb_encoding_decode (data, sizeof data, NULL, NULL, &error);
  g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED);
  g_assert_null (text);
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *text = crb_encoding_decode (NULL, 0, NULL, &detected, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpstr (detected, ==, "UTF-8");
}

/* Whatever the bytes, what comes out is valid UTF-8. */
static void
test_random_bytes (void)
{
  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr (GError) error = NULL;
      guint8           data[512];
      gsize            length = (gsize) g_test_rand_int_range (0, sizeof data);
      g_autofree char *text = NULL;
      g_autofree char *normalized = NULL;

      for (gsize i = 0; i < length; i++)
        data[i] = (guint8) g_test_rand_int_range (round % 3 == 0 ? 0x80 : 0, 256);
      text = crb_encoding_decode (data, length, round % 5 == 0 ? "utf-16" : NULL, NULL, &error);
      if (text == NULL)
        {
          g_assert_error (error, CRB_EXTRACT_ERROR, CRB_EXTRACT_ERROR_UNSUPPORTED);
          continue;
        }
      g_assert_true (g_utf8_validate (text, -1, NULL));
      normalized = crb_text_normalize (text);
      g_assert_true (g_utf8_validate (normalized, -1, NULL));
    }
}

/* A long English file whose only non-ASCII bytes sit near its end. */
static void
test_sparse_accents (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GBytes) bytes = NULL;
  Sample sample;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, "The committee met again and nothing was decided. ");
  g_string_append (text, "Signed: Zoë Müller, Genève.");
  sample.language = "en-sparse";
  sample.text = text->str;
  bytes = encode (text->str, "ISO-8859-1", NULL, 0);
  assert_detected (&sample, bytes, NULL, "ISO-8859-1");
}

static void
test_corpus_is_utf8 (void)
{
  const char *corpus = g_getenv ("CORROBORATE_SHARED_CORPUS");
  g_autoptr (GDir) dir = NULL;
  const char *name;
  guint       n = 0;

  if (corpus == NULL || (dir = g_dir_open (corpus, 0, NULL)) == NULL)
    {
      g_test_skip ("The shared corpus is not here (CORROBORATE_SHARED_CORPUS)");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *detected = NULL;
      g_autofree char *text = NULL;
      gsize            length;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      text = crb_encoding_decode ((const guint8 *) contents, length, NULL, &detected, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (detected, ==, "UTF-8");
      g_assert_cmpstr (text, ==, contents);
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

static void
test_normalize (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "one\r\ntwo\rthree\n", "one\ntwo\nthree\n" },
    { "\r\r\n", "\n\n" },
    { "cafe\xCC\x81", "caf\xC3\xA9" },          /* NFD é to NFC */
    { "\xD0\x98\xCC\x86", "\xD0\x99" },         /* И + breve = Й */
    { "\xEF\xBB\xBFtext\xEF\xBB\xBF", "text" }, /* byte-order marks */
    { "a\x01\x02\x7F"
      "b\tc",
      "ab\tc" }, /* controls */
    { "page one\fpage two", "page one\npage two" },
    { "a\xC2\x85"
      "b\xE2\x80\xA8"
      "c",
      "a\nb\nc" },          /* NEL, line separator */
    { "x\xC2\x9By", "xy" }, /* a C1 control */
    { "bad\xFF\xFEutf8", "bad\xEF\xBF\xBD\xEF\xBF\xBDutf8" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = crb_text_normalize (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Long texts are normalised piece by piece; the pieces must not show. */
static void
test_normalize_long (void)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;

  for (guint i = 0; i < 5000; i++)
    {
      g_string_append (text, "Cafe\xCC\x81 \xD0\x98\xCC\x86");
      g_string_append (text, i % 7 == 0 ? "\n" : "e\xCC\x81");
      if (i % 1000 == 0)
        for (guint k = 0; k < 3000; k++)
          g_string_append (text, "\xD0\xB6");
    }
  expected = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
  out = crb_text_normalize (text->str);
  g_assert_cmpuint (strlen (out), ==, strlen (expected));
  g_assert_true (strcmp (out, expected) == 0);
}

static void
test_count_chars (void)
{
  static const char *const texts[] = { "",
                                       "plain ASCII",
                                       "Гидроэлектростанция «Ильмет»",
                                       "naïve café – 5 €",
                                       "😀 and 𝄞 outside the BMP",
                                       "e\xcc\x81 combining" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpuint (crb_utf8_count_chars (texts[i], strlen (texts[i])), ==,
                      (gsize) g_utf8_strlen (texts[i], -1));
  /* A count of part of a text stops at the given length. */
  g_assert_cmpuint (crb_utf8_count_chars ("Ильмет", 4), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/encoding/russian/windows-1251", test_russian_windows_1251);
  g_test_add_func ("/crb/extract/encoding/russian/koi8-r", test_russian_koi8_r);
  g_test_add_func ("/crb/extract/encoding/russian/ibm866", test_russian_ibm866);
  g_test_add_func ("/crb/extract/encoding/russian/iso-8859-5", test_russian_iso_8859_5);
  g_test_add_func ("/crb/extract/encoding/kazakh/kz-1048", test_kazakh_kz_1048);
  g_test_add_func ("/crb/extract/encoding/western/iso-8859-1", test_western_iso_8859_1);
  g_test_add_func ("/crb/extract/encoding/western/windows-1252", test_western_windows_1252);
  g_test_add_func ("/crb/extract/encoding/central/windows-1250", test_central_windows_1250);
  g_test_add_func ("/crb/extract/encoding/central/iso-8859-2", test_central_iso_8859_2);
  g_test_add_func ("/crb/extract/encoding/unicode-forms", test_unicode_forms);
  g_test_add_func ("/crb/extract/encoding/declared", test_declared);
  g_test_add_func ("/crb/extract/encoding/damaged-utf8", test_damaged_utf8);
  g_test_add_func ("/crb/extract/encoding/binary", test_binary);
  g_test_add_func ("/crb/extract/encoding/empty", test_empty);
  g_test_add_func ("/crb/extract/encoding/random-bytes", test_random_bytes);
  g_test_add_func ("/crb/extract/encoding/sparse-accents", test_sparse_accents);
  g_test_add_func ("/crb/extract/encoding/corpus-is-utf8", test_corpus_is_utf8);
  g_test_add_func ("/crb/extract/encoding/normalize", test_normalize);
  g_test_add_func ("/crb/extract/encoding/normalize-long", test_normalize_long);
  g_test_add_func ("/crb/extract/encoding/count-chars", test_count_chars);

  return g_test_run ();
}
