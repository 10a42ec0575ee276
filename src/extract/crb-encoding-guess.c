/* crb-encoding-guess.c: which single-byte encoding makes the bytes read as text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every candidate decodes every byte, so "does it decode" says nothing; what
 * separates them is whether the result reads like a language.  Each decoding
 * is scored as a log-likelihood: its Cyrillic letters under letter-pair
 * models of Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Kazakh,
 * its Latin letters under letter frequencies of English, German, French,
 * Spanish, Polish and Czech (each text has a main language per script; a
 * word may switch to another at a price), plus penalties for what real text does not do: upper
 * case in the middle of lower-case words (this is what splits KOI8-R from
 * windows-1251, whose case ranges are swapped), Latin and Cyrillic letters
 * mixed inside one word or alternating from word to word, symbols or
 * box-drawing characters where letters should be.
 */
#define G_LOG_DOMAIN "crb-extract"

#include <math.h>
#include <string.h>

#include "crb-encoding-private.h"
#include "crb-encoding-cyrillic.h"

typedef struct
{
  const char *name;       /* what we report */
  const char *iconv_name; /* what glibc calls it */
  double      prior;      /* breaks ties: common encodings first */
} SingleByteInfo;

static const SingleByteInfo single_byte_info[CRB_SINGLE_BYTE_N] = {
  [CRB_SINGLE_BYTE_WINDOWS_1252] = { "windows-1252", "WINDOWS-1252", 0.0 },
  [CRB_SINGLE_BYTE_WINDOWS_1251] = { "windows-1251", "WINDOWS-1251", -0.1 },
  [CRB_SINGLE_BYTE_KOI8_R] = { "KOI8-R", "KOI8-R", -0.2 },
  [CRB_SINGLE_BYTE_IBM866] = { "IBM866", "IBM866", -0.3 },
  [CRB_SINGLE_BYTE_WINDOWS_1250] = { "windows-1250", "WINDOWS-1250", -0.4 },
  [CRB_SINGLE_BYTE_ISO_8859_2] = { "ISO-8859-2", "ISO-8859-2", -0.6 },
  [CRB_SINGLE_BYTE_KOI8_U] = { "KOI8-U", "KOI8-U", -0.5 },
  [CRB_SINGLE_BYTE_KZ_1048] = { "KZ-1048", "RK1048", -0.5 },
  [CRB_SINGLE_BYTE_ISO_8859_5] = { "ISO-8859-5", "ISO-8859-5", -1.0 },
};

static const struct
{
  const char   *label;
  CrbSingleByte encoding;
} labels[] = {
  { "windows-1252", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "cp1252", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "x-cp1252", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "iso-8859-1", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "iso8859-1", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "iso_8859-1", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "latin1", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "l1", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "us-ascii", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "ascii", CRB_SINGLE_BYTE_WINDOWS_1252 },
  { "windows-1251", CRB_SINGLE_BYTE_WINDOWS_1251 },
  { "cp1251", CRB_SINGLE_BYTE_WINDOWS_1251 },
  { "x-cp1251", CRB_SINGLE_BYTE_WINDOWS_1251 },
  { "koi8-r", CRB_SINGLE_BYTE_KOI8_R },
  { "koi8r", CRB_SINGLE_BYTE_KOI8_R },
  { "koi8", CRB_SINGLE_BYTE_KOI8_R },
  { "cskoi8r", CRB_SINGLE_BYTE_KOI8_R },
  { "ibm866", CRB_SINGLE_BYTE_IBM866 },
  { "cp866", CRB_SINGLE_BYTE_IBM866 },
  { "866", CRB_SINGLE_BYTE_IBM866 },
  { "csibm866", CRB_SINGLE_BYTE_IBM866 },
  { "windows-1250", CRB_SINGLE_BYTE_WINDOWS_1250 },
  { "cp1250", CRB_SINGLE_BYTE_WINDOWS_1250 },
  { "x-cp1250", CRB_SINGLE_BYTE_WINDOWS_1250 },
  { "iso-8859-2", CRB_SINGLE_BYTE_ISO_8859_2 },
  { "iso8859-2", CRB_SINGLE_BYTE_ISO_8859_2 },
  { "iso_8859-2", CRB_SINGLE_BYTE_ISO_8859_2 },
  { "latin2", CRB_SINGLE_BYTE_ISO_8859_2 },
  { "koi8-u", CRB_SINGLE_BYTE_KOI8_U },
  { "koi8-ru", CRB_SINGLE_BYTE_KOI8_U },
  { "kz-1048", CRB_SINGLE_BYTE_KZ_1048 },
  { "rk1048", CRB_SINGLE_BYTE_KZ_1048 },
  { "strk1048-2002", CRB_SINGLE_BYTE_KZ_1048 },
  { "iso-8859-5", CRB_SINGLE_BYTE_ISO_8859_5 },
  { "iso8859-5", CRB_SINGLE_BYTE_ISO_8859_5 },
  { "iso_8859-5", CRB_SINGLE_BYTE_ISO_8859_5 },
  { "cyrillic", CRB_SINGLE_BYTE_ISO_8859_5 },
};

/* Latin letter frequencies in percent, lower case, from published counts
 * over large corpora (rounded; the scoring only needs the shape).  Cyrillic
 * languages get letter-pair models instead (crb-encoding-cyrillic.h): the
 * single-byte Cyrillic encodings are permutations of one another, and only
 * the order of letters tells them apart in short texts. */
typedef struct
{
  const char  *letters; /* UTF-8, one entry per letter */
  const double percent[40];
} LatinProfile;

static const LatinProfile latin_profiles[] = {
  /* English */
  { "etaoinshrdlcumwfgypbvkjxqz",
    { 12.7, 9.1, 8.2, 7.5, 7.0, 6.7, 6.3, 6.1, 6.0, 4.3,  4.0,  2.8, 2.8,
      2.4,  2.4, 2.2, 2.0, 2.0, 1.9, 1.5, 1.0, 0.8, 0.15, 0.15, 0.1, 0.07 } },
  /* German */
  { "enisratdhulgcomwbfkzvpüäßöjyxq",
    { 16.4, 9.8, 7.6, 7.3, 7.0, 6.5,  6.2, 5.1,  4.6,  4.2, 3.4, 3.0,  2.7,  2.5,  2.6,
      1.9,  1.9, 1.7, 1.4, 1.1, 0.85, 0.7, 0.65, 0.55, 0.3, 0.3, 0.27, 0.04, 0.03, 0.02 } },
  /* French */
  { "esaitnrulodcpméèvqfbghjàxyêzçôâîûùëïœkw",
    { 14.7, 7.9,  7.6,  7.5,  7.2,  7.1,  6.7,  6.3,  5.5,  5.8,  3.7,  3.3,  3.0,
      3.0,  1.9,  0.3,  1.6,  1.4,  1.1,  0.9,  0.9,  0.7,  0.5,  0.5,  0.4,  0.3,
      0.2,  0.15, 0.09, 0.05, 0.05, 0.05, 0.05, 0.05, 0.01, 0.01, 0.02, 0.05, 0.04 } },
  /* Spanish */
  { "eaosrnidlctumpbgvyqóíhfzjáéñxúküw",
    { 13.7, 12.5, 8.7, 8.0, 6.9, 6.7, 6.2, 5.9, 5.0, 4.7, 4.6, 3.9, 3.2, 2.5,  1.4,  1.0, 0.9,
      0.9,  0.9,  0.8, 0.7, 0.7, 0.7, 0.5, 0.4, 0.5, 0.4, 0.3, 0.2, 0.2, 0.01, 0.02, 0.01 } },
  /* Polish */
  { "aioeznrwstcykdpmujlłbgęhąóżśćfńź",
    { 8.9, 8.2, 7.8, 7.7, 5.6, 5.5, 4.7, 4.7, 4.3, 4.0,  4.0, 3.8, 3.5, 3.3, 3.1, 2.8,
      2.5, 2.3, 2.1, 1.8, 1.5, 1.4, 1.1, 1.1, 1.0, 0.85, 0.8, 0.7, 0.4, 0.3, 0.2, 0.06 } },
  /* Czech */
  { "oenatvislrkdpímuázjyěcébhřžčšýůfúgňťď",
    { 8.7, 7.6, 6.5, 6.2, 5.7, 4.7, 4.6, 4.5, 4.3, 3.8,  3.7, 3.6, 3.4,
      3.2, 3.2, 3.1, 2.2, 2.1, 2.1, 1.9, 1.6, 1.6, 1.3,  1.8, 1.3, 1.2,
      1.0, 1.0, 0.8, 1.0, 0.7, 0.3, 0.1, 0.1, 0.1, 0.05, 0.05 } },
};

#define N_LATIN G_N_ELEMENTS (latin_profiles)
#define N_CYRILLIC G_N_ELEMENTS (cyrillic_languages)

/* Latin letters up to the end of Latin Extended-B get a table entry. */
#define N_LATIN_CODE_POINTS 0x250
/* A letter that a Latin profile's language does not use. */
#define LATIN_FLOOR_PROBABILITY 4e-5
/* A Cyrillic letter outside a language's alphabet, for its pair model. */
#define CYRILLIC_FOREIGN_COST 11.0
/* A word that reads better in another language of the same script than in
 * the text's main one: loanwords, names, quotations. */
#define LANGUAGE_SWITCH_COST 4.0

#define FOREIGN_LETTER 0xFF

/* Penalties in nats.  A non-ASCII byte read as a symbol rather than a letter
 * must cost more than a typical letter (-2 … -8), or readings that turn
 * letters into punctuation would win by having fewer letters to pay for. */
#define PENALTY_UNDEFINED -15.0     /* a byte the encoding does not define */
#define PENALTY_CONTROL -13.0       /* a C1 control character */
#define PENALTY_DRAWING -11.0       /* box drawing, blocks, arrows, maths */
#define PENALTY_ODD_SYMBOL -9.0     /* ¤ ¦ ¬ ± ¹ and friends */
#define PENALTY_COMMON_SYMBOL -6.0  /* « » “ ” – — … ¿ nbsp, and § © ° № € */
#define PENALTY_SYMBOL_IN_WORD -6.0 /* punctuation between two letters */
#define PENALTY_SIGN_BY_LETTER -6.0 /* a sign such as № or © touching a letter */
#define PENALTY_OTHER_SCRIPT -18.0  /* Greek, Armenian… where we expect neither */
#define PENALTY_MIXED_SCRIPT -6.0   /* Latin next to Cyrillic inside a word */
#define PENALTY_CASE_FLIP -4.0      /* an upper-case letter after a lower-case one */
#define PENALTY_INNER_UPPER -0.3    /* upper case after the first letter */
#define PENALTY_SCRIPT_SWITCH -2.5  /* a Cyrillic word after a Latin one, or back */

typedef struct
{
  gunichar decode[CRB_SINGLE_BYTE_N][128]; /* bytes 0x80–0xFF; 0 = undefined */
  gboolean available[CRB_SINGLE_BYTE_N];
  float    latin_log_probability[N_LATIN][N_LATIN_CODE_POINTS];
  guint8   cyrillic_index[N_CYRILLIC][256]; /* U+0400…U+04FF to alphabet position */
  guint    cyrillic_size[N_CYRILLIC];       /* letters in the alphabet */
} Model;

static Model model;

static void
build_decode_table (CrbSingleByte encoding)
{
  GIConv converter = g_iconv_open ("UTF-8", single_byte_info[encoding].iconv_name);

  if (converter == (GIConv) -1)
    {
      g_debug ("The C library cannot convert from %s; not guessing it",
               single_byte_info[encoding].name);
      return;
    }

  for (guint byte = 0x80; byte <= 0xFF; byte++)
    {
      char  in[1] = { (char) byte };
      char  out[8] = { 0 };
      char *in_p = in;
      char *out_p = out;
      gsize in_left = 1;
      gsize out_left = sizeof out - 1;

      g_iconv (converter, NULL, NULL, NULL, NULL);
      if (g_iconv (converter, &in_p, &in_left, &out_p, &out_left) != (gsize) -1 && in_left == 0 &&
          out_p > out)
        model.decode[encoding][byte - 0x80] = g_utf8_get_char (out);
    }

  g_iconv_close (converter);
  model.available[encoding] = TRUE;
}

static void
build_latin_profile (float *row, const LatinProfile *profile)
{
  double total = 0;
  guint  n = 0;

  for (const char *p = profile->letters; *p; p = g_utf8_next_char (p))
    {
      g_assert (profile->percent[n] > 0);
      total += profile->percent[n++];
    }
  g_assert (n == G_N_ELEMENTS (profile->percent) || profile->percent[n] == 0);

  for (guint c = 0; c < N_LATIN_CODE_POINTS; c++)
    row[c] = logf ((float) LATIN_FLOOR_PROBABILITY);
  n = 0;
  for (const char *p = profile->letters; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert (c < N_LATIN_CODE_POINTS);
      row[c] = logf ((float) (profile->percent[n++] / total + LATIN_FLOOR_PROBABILITY));
    }
}

static void
build_cyrillic_index (guint language)
{
  guint n = 0;

  memset (model.cyrillic_index[language], FOREIGN_LETTER, 256);
  for (const char *p = cyrillic_languages[language].alphabet; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_assert (c >= 0x400 && c < 0x500);
      model.cyrillic_index[language][c - 0x400] = (guint8) n++;
    }
  model.cyrillic_size[language] = n;
}

static gpointer
build_model (gpointer data)
{
  for (CrbSingleByte e = 0; e < CRB_SINGLE_BYTE_N; e++)
    build_decode_table (e);
  for (guint p = 0; p < N_LATIN; p++)
    build_latin_profile (model.latin_log_probability[p], &latin_profiles[p]);
  for (guint l = 0; l < N_CYRILLIC; l++)
    build_cyrillic_index (l);
  return NULL;
}

static const Model *
get_model (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_model, NULL);
  return &model;
}

CrbSingleByte
crb_single_byte_from_label (const char *label)
{
  g_return_val_if_fail (label != NULL, CRB_SINGLE_BYTE_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_ascii_strcasecmp (labels[i].label, label) == 0)
      return labels[i].encoding;
  return CRB_SINGLE_BYTE_NONE;
}

const char *
crb_single_byte_name (CrbSingleByte encoding)
{
  g_return_val_if_fail (encoding < CRB_SINGLE_BYTE_N, NULL);

  return single_byte_info[encoding].name;
}

gboolean
crb_single_byte_available (CrbSingleByte encoding)
{
  g_return_val_if_fail (encoding < CRB_SINGLE_BYTE_N, FALSE);

  return get_model ()->available[encoding];
}

char *
crb_single_byte_decode (CrbSingleByte encoding, const guint8 *data, gsize length, gsize *n_replaced)
{
  const gunichar *table;
  GString        *out;
  gsize           replaced = 0;

  g_return_val_if_fail (encoding < CRB_SINGLE_BYTE_N, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  table = get_model ()->decode[encoding];
  out = g_string_sized_new (length + length / 2 + 1);
  for (gsize i = 0; i < length; i++)
    {
      guint8 byte = data[i];

      if (byte == 0)
        continue;
      if (byte < 0x80)
        g_string_append_c (out, (char) byte);
      else if (table[byte - 0x80] != 0)
        g_string_append_unichar (out, table[byte - 0x80]);
      else
        {
          g_string_append_unichar (out, 0xFFFD);
          replaced++;
        }
    }

  if (n_replaced != NULL)
    *n_replaced = replaced;
  return g_string_free (out, FALSE);
}

enum
{
  SCRIPT_NONE,
  SCRIPT_LATIN,
  SCRIPT_CYRILLIC,
  SCRIPT_OTHER,
};

static int
script_of (gunichar c)
{
  if (c < 0x250)
    return SCRIPT_LATIN;
  if (c >= 0x400 && c < 0x530)
    return SCRIPT_CYRILLIC;
  return SCRIPT_OTHER;
}

typedef enum
{
  SYMBOL_PUNCTUATION, /* may touch letters: «word», word… */
  SYMBOL_SIGN,        /* stands apart from letters: № 5, © 2024 */
} SymbolKind;

static double
symbol_penalty (gunichar c, SymbolKind *kind)
{
  *kind = SYMBOL_SIGN;
  switch (c)
    {
    case 0x00A0: /* no-break space */
    case 0x00A1: /* ¡ */
    case 0x00AB: /* « */
    case 0x00AD: /* soft hyphen */
    case 0x00BB: /* » */
    case 0x00BF: /* ¿ */
    case 0x2013: /* – */
    case 0x2014: /* — */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x2026: /* … */
      *kind = SYMBOL_PUNCTUATION;
      return PENALTY_COMMON_SYMBOL;
    case 0x00A7: /* § */
    case 0x00A9: /* © */
    case 0x00B0: /* ° */
    case 0x00B7: /* · */
    case 0x2022: /* • */
    case 0x20AC: /* € */
    case 0x2116: /* № */
      return PENALTY_COMMON_SYMBOL;
    default:
      break;
    }

  if (c < 0xA0)
    return PENALTY_CONTROL;
  if (c >= 0x2190 && c < 0x2600)
    return PENALTY_DRAWING;
  return PENALTY_ODD_SYMBOL;
}

typedef struct
{
  double cyrillic[N_CYRILLIC]; /* the text so far, with each language as the main one */
  double latin[N_LATIN];
  double shared;
  guint  words[SCRIPT_OTHER + 1];
  int    last_word_script;
} Tally;

typedef struct
{
  guint    length;
  guint    n_script[SCRIPT_OTHER + 1];
  double   cyrillic[N_CYRILLIC]; /* this word alone */
  double   latin[N_LATIN];
  guint8   previous[N_CYRILLIC]; /* alphabet position; the alphabet size at the start */
  int      script;               /* of the previous letter */
  gboolean upper;                /* the previous letter was upper case */
  gboolean punctuation_pending;  /* punctuation came right after a letter */
  gboolean sign_pending;         /* a sign came right before whatever is next */
} Word;

static void
start_word (const Model *m, Word *word)
{
  memset (word, 0, sizeof *word);
  for (guint l = 0; l < N_CYRILLIC; l++)
    word->previous[l] = (guint8) m->cyrillic_size[l];
}

/* Each main language takes the word at its own cost, or at the cost of the
 * best language plus the price of switching. */
static void
fold_word (const double *word, double *text, guint n)
{
  double best = -G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    best = MAX (best, word[i]);
  for (guint i = 0; i < n; i++)
    text[i] += MAX (word[i], best - LANGUAGE_SWITCH_COST);
}

static void
end_word (const Model *m, Word *word, Tally *tally)
{
  if (word->length > 0)
    {
      int script = word->n_script[SCRIPT_CYRILLIC] > word->n_script[SCRIPT_LATIN] ? SCRIPT_CYRILLIC
                                                                                  : SCRIPT_LATIN;

      if (word->n_script[SCRIPT_OTHER] * 2 > word->length)
        script = SCRIPT_OTHER;
      tally->words[script]++;
      if (tally->last_word_script != SCRIPT_NONE && tally->last_word_script != script)
        tally->shared += PENALTY_SCRIPT_SWITCH;
      tally->last_word_script = script;

      if (word->n_script[SCRIPT_CYRILLIC] > 0)
        {
          for (guint l = 0; l < N_CYRILLIC; l++)
            {
              guint size = m->cyrillic_size[l] + 1;

              word->cyrillic[l] -=
                  cyrillic_languages[l].pairs[word->previous[l] * size + size - 1] / 8.0;
            }
          fold_word (word->cyrillic, tally->cyrillic, N_CYRILLIC);
        }
      if (word->n_script[SCRIPT_LATIN] > 0)
        fold_word (word->latin, tally->latin, N_LATIN);
    }
  start_word (m, word);
}

static void
score_cyrillic (const Model *m, gunichar lower, Word *word)
{
  for (guint l = 0; l < N_CYRILLIC; l++)
    {
      guint  size = m->cyrillic_size[l] + 1;
      guint8 index = lower < 0x500 ? m->cyrillic_index[l][lower - 0x400] : FOREIGN_LETTER;

      if (index == FOREIGN_LETTER)
        {
          word->cyrillic[l] -= CYRILLIC_FOREIGN_COST;
          word->previous[l] = (guint8) (size - 1);
        }
      else
        {
          word->cyrillic[l] -= cyrillic_languages[l].pairs[word->previous[l] * size + index] / 8.0;
          word->previous[l] = index;
        }
    }
}

static void
score_letter (const Model *m, gunichar c, Word *word, Tally *tally)
{
  gunichar lower = g_unichar_tolower (c);
  gboolean upper = lower != c;
  int      script = script_of (lower);

  if (script == SCRIPT_CYRILLIC)
    score_cyrillic (m, lower, word);
  else if (script == SCRIPT_LATIN)
    for (guint p = 0; p < N_LATIN; p++)
      word->latin[p] += m->latin_log_probability[p][lower];
  else
    tally->shared += PENALTY_OTHER_SCRIPT;

  if (word->punctuation_pending)
    tally->shared += PENALTY_SYMBOL_IN_WORD;
  if (word->sign_pending)
    tally->shared += PENALTY_SIGN_BY_LETTER;

  if (word->length > 0)
    {
      if (script != word->script && script != SCRIPT_OTHER && word->script != SCRIPT_OTHER)
        tally->shared += PENALTY_MIXED_SCRIPT;
      if (upper)
        tally->shared += word->upper ? PENALTY_INNER_UPPER : PENALTY_CASE_FLIP;
    }

  word->length++;
  word->n_script[script]++;
  word->script = script;
  word->upper = upper;
  word->punctuation_pending = FALSE;
  word->sign_pending = FALSE;
}

static void
score_symbol (const Model *m, gunichar c, Word *word, Tally *tally)
{
  gboolean   after_letter = word->length > 0 && !word->punctuation_pending && !word->sign_pending;
  SymbolKind kind;

  tally->shared += symbol_penalty (c, &kind);

  /* An apostrophe or a soft hyphen may sit inside a word. */
  if (c == 0x2019 || c == 0x00AD)
    return;

  end_word (m, word, tally);
  if (kind == SYMBOL_SIGN)
    {
      if (after_letter)
        tally->shared += PENALTY_SIGN_BY_LETTER;
      word->sign_pending = TRUE;
    }
  else
    word->punctuation_pending = after_letter;
}

static void
score_decoding (const Model *m, CrbSingleByte encoding, const guint8 *data, gsize length,
                Tally *tally)
{
  const gunichar *table = m->decode[encoding];
  Word            word;

  memset (tally, 0, sizeof *tally);
  start_word (m, &word);

  for (gsize i = 0; i < length; i++)
    {
      guint8   byte = data[i];
      gunichar c = byte < 0x80 ? byte : table[byte - 0x80];

      if (byte >= 0x80 && c == 0)
        {
          tally->shared += PENALTY_UNDEFINED;
          end_word (m, &word, tally);
        }
      else if (g_unichar_isalpha (c))
        score_letter (m, c, &word, tally);
      else if (byte >= 0x80)
        score_symbol (m, c, &word, tally);
      else
        end_word (m, &word, tally);
    }
  end_word (m, &word, tally);
}

/* Naming each word's script costs the entropy of the mix: nothing for text
 * in one script, most for words that alternate at random, as they do when
 * accented Latin letters are read as Cyrillic ones. */
static double
script_mix_cost (const Tally *tally)
{
  double total = 0, cost = 0;

  for (guint s = 0; s <= SCRIPT_OTHER; s++)
    total += tally->words[s];
  for (guint s = 0; s <= SCRIPT_OTHER; s++)
    if (tally->words[s] > 0)
      cost += tally->words[s] * log (total / tally->words[s]);
  return cost;
}

void
crb_single_byte_score (const guint8 *data, gsize length, double scores[CRB_SINGLE_BYTE_N])
{
  const Model *m = get_model ();

  g_return_if_fail (data != NULL || length == 0);

  for (CrbSingleByte e = 0; e < CRB_SINGLE_BYTE_N; e++)
    {
      Tally  tally;
      double cyrillic = -G_MAXDOUBLE, latin = -G_MAXDOUBLE;

      if (!m->available[e])
        {
          scores[e] = -G_MAXDOUBLE;
          continue;
        }

      score_decoding (m, e, data, length, &tally);
      for (guint l = 0; l < N_CYRILLIC; l++)
        cyrillic = MAX (cyrillic, tally.cyrillic[l]);
      for (guint p = 0; p < N_LATIN; p++)
        latin = MAX (latin, tally.latin[p]);
      scores[e] =
          cyrillic + latin + tally.shared - script_mix_cost (&tally) + single_byte_info[e].prior;
    }
}

/* Long inputs are judged on the neighbourhoods of their non-ASCII bytes:
 * those are the only places where the decodings differ, and an English file
 * with one accented name on its last page must not be judged on its ASCII. */
#define SAMPLE_LIMIT (64 * 1024)
#define SAMPLE_CONTEXT 48

static GByteArray *
collect_sample (const guint8 *data, gsize length)
{
  GByteArray *sample = g_byte_array_sized_new (SAMPLE_LIMIT + 2 * SAMPLE_CONTEXT);
  gsize       covered = 0; /* everything before this is in the sample or skipped */

  for (gsize i = 0; i < length && sample->len < SAMPLE_LIMIT; i++)
    {
      gsize start, end;

      if (data[i] < 0x80 || i < covered)
        continue;

      start = i > SAMPLE_CONTEXT ? i - SAMPLE_CONTEXT : 0;
      start = MAX (start, covered);
      /* Begin and end at spaces so that no word is cut in half. */
      while (start > covered && start < i && data[start - 1] != ' ' && data[start - 1] != '\n')
        start--;
      end = MIN (length, i + SAMPLE_CONTEXT);
      while (end < length && end - i < 4 * SAMPLE_CONTEXT && data[end] != ' ' && data[end] != '\n')
        end++;

      if (start > covered && sample->len > 0)
        g_byte_array_append (sample, (const guint8 *) "\n", 1);
      g_byte_array_append (sample, data + start, (guint) (end - start));
      covered = end;
    }

  return sample;
}

CrbSingleByte
crb_single_byte_guess (const guint8 *data, gsize length)
{
  double        scores[CRB_SINGLE_BYTE_N];
  CrbSingleByte best = CRB_SINGLE_BYTE_WINDOWS_1252;

  g_return_val_if_fail (data != NULL || length == 0, CRB_SINGLE_BYTE_WINDOWS_1252);

  if (length <= SAMPLE_LIMIT)
    crb_single_byte_score (data, length, scores);
  else
    {
      g_autoptr (GByteArray) sample = collect_sample (data, length);

      crb_single_byte_score (sample->data, sample->len, scores);
    }

  for (CrbSingleByte e = 1; e < CRB_SINGLE_BYTE_N; e++)
    if (scores[e] > scores[best])
      best = e;
  return best;
}
