/* test-tokenizer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "crb-fold.h"
#include "crb-tokenizer.h"

/* Joins the normal forms of all tokens with "|" for compact assertions. */
static char *
normals (const char *text)
{
  g_autoptr(GArray) tokens = crb_tokenize (text, -1, NULL, CRB_TOKENIZE_DEFAULT);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      g_autofree char *normal = crb_token_dup_normal (text, &g_array_index (tokens, CrbToken, i));

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, normal);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_words (void)
{
  const struct
  {
    const char *text;
    const char *expected;
  } cases[] = {
    { "Hello, World!", "hello|world" },
    { "“Quoted” words — and (brackets)", "quoted|words|and|brackets" },
    { "Kazakhstan’s border", "kazakhstan|s|border" },
    { "Russian ag-\ngression", "russian|aggression" },
    { "Russian ag-  \n  gression", "russian|aggression" },
    { "Nagorno- Karabakh", "nagorno|karabakh" },
    { "Nagorno-Karabakh", "nagorno|karabakh" },
    { "Kazakh-\nstan", "kazakhstan" },
    { "end of line-\nThe next", "end|of|line|the|next" },
    { "soft\xc2\xadhyphen", "softhyphen" },
    { "about 7,590 km and 46.2% in 2014.", "about|7,590|km|and|46.2|in|2014" },
    { "Chargé d’affaires", "charge|d|affaires" },
    { "Зеленський, Зеленский и ЁЛКА", "зеленський|зеленский|и|елка" },
    { "Қасым-Жомарт Тоқаев", "қасым|жомарт|тоқаев" },
    { "Qasym-Jomart Toqaev, ǵ ń ş ı", "qasym|jomart|toqaev|g|n|s|i" },
    { "Straße ÆON", "strasse|aeon" },
    { "ISSN2076 – 0949", "issn2076|0949" },
    { "", "" },
    { "  ...  ", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = normals (cases[i].text);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_offsets (void)
{
  const char *text = "Ёж «ag-\ngression» 7,590 км";
  g_autoptr(GArray) tokens = crb_tokenize (text, -1, NULL, CRB_TOKENIZE_DEFAULT);
  const CrbToken *t;

  g_assert_cmpuint (tokens->len, ==, 4);
  t = &g_array_index (tokens, CrbToken, 0);
  g_assert_cmpuint (t->start, ==, 0);
  g_assert_cmpuint (t->end, ==, 2);
  g_assert_true (t->flags & CRB_TOKEN_CAPITALISED);
  g_assert_true (t->flags & CRB_TOKEN_SENTENCE_START);
  t = &g_array_index (tokens, CrbToken, 1);
  g_assert_cmpuint (t->start, ==, 4);
  g_assert_cmpuint (t->end, ==, 16);
  g_assert_true (t->flags & CRB_TOKEN_JOINED);
  g_assert_false (t->flags & CRB_TOKEN_SENTENCE_START);
  t = &g_array_index (tokens, CrbToken, 2);
  g_assert_cmpuint (t->start, ==, 18);
  g_assert_cmpuint (t->end, ==, 23);
  g_assert_true (t->flags & CRB_TOKEN_NUMERIC);
  t = &g_array_index (tokens, CrbToken, 3);
  g_assert_cmpuint (t->start, ==, 24);
  g_assert_cmpuint (t->end, ==, 26);
  g_assert_cmpuint (t->byte_end, ==, strlen (text));
}

static void
test_flags (void)
{
  const char *text = "The WHAT are. Next one\n\nParagraph Kassym-Jomart";
  g_autoptr(GArray) tokens = crb_tokenize (text, -1, NULL, CRB_TOKENIZE_DEFAULT);
  const guint32 expected[] = {
    CRB_TOKEN_CAPITALISED | CRB_TOKEN_SENTENCE_START,
    CRB_TOKEN_CAPITALISED | CRB_TOKEN_ALL_CAPS,
    0,
    CRB_TOKEN_CAPITALISED | CRB_TOKEN_SENTENCE_START,
    0,
    CRB_TOKEN_CAPITALISED | CRB_TOKEN_SENTENCE_START,
    CRB_TOKEN_CAPITALISED | CRB_TOKEN_HYPHEN_AFTER,
    CRB_TOKEN_CAPITALISED,
  };

  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < tokens->len; i++)
    g_assert_cmphex (g_array_index (tokens, CrbToken, i).flags, ==, expected[i]);
}

static void
test_equal_hashes (void)
{
  g_autoptr(GArray) a = crb_tokenize ("ÉCOLE Zürich", -1, NULL, CRB_TOKENIZE_DEFAULT);
  g_autoptr(GArray) b = crb_tokenize ("ecole zurich", -1, NULL, CRB_TOKENIZE_DEFAULT);

  g_assert_cmpuint (a->len, ==, 2);
  g_assert_cmpuint (b->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpuint (g_array_index (a, CrbToken, i).hash, ==, g_array_index (b, CrbToken, i).hash);
  g_assert_cmpuint (g_array_index (a, CrbToken, 0).hash, !=, g_array_index (a, CrbToken, 1).hash);
}

static void
test_word_table (void)
{
  g_autoptr(CrbWordTable) table = crb_word_table_new ();
  g_autoptr(GArray) a = crb_tokenize ("Tokayev met TOKAYEV and Putin", -1, table,
                                      CRB_TOKENIZE_INTERN);
  g_autoptr(GArray) b = crb_tokenize ("tokayev unknown", -1, table, CRB_TOKENIZE_DEFAULT);

  g_assert_cmpuint (crb_word_table_size (table), ==, 4);
  g_assert_cmpuint (g_array_index (a, CrbToken, 0).word, ==, g_array_index (a, CrbToken, 2).word);
  g_assert_cmpuint (g_array_index (b, CrbToken, 0).word, ==, g_array_index (a, CrbToken, 0).word);
  g_assert_cmpuint (g_array_index (b, CrbToken, 1).word, ==, 0);
  g_assert_cmpstr (crb_word_table_get (table, g_array_index (a, CrbToken, 4).word), ==, "putin");
  g_assert_cmpuint (crb_word_table_lookup (table, "putin!", 5), ==, g_array_index (a, CrbToken, 4).word);
  g_assert_null (crb_word_table_get (table, 99));
}

static void
test_invalid_utf8 (void)
{
  const char text[] = "ab\xff\xfe" "cd \xd0";
  g_autoptr(GArray) tokens = crb_tokenize (text, sizeof text - 1, NULL, CRB_TOKENIZE_DEFAULT);

  g_assert_cmpuint (tokens->len, ==, 2);
  g_assert_cmpuint (g_array_index (tokens, CrbToken, 1).start, ==, 2);
}

static void
test_fold_string (void)
{
  g_autofree char *folded = crb_fold_string ("Tokaýev ŞÝMKENT ёж Йошкар", -1);

  g_assert_cmpstr (folded, ==, "tokayev symkent еж йошкар");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/compare/tokenizer/words", test_words);
  g_test_add_func ("/crb/compare/tokenizer/offsets", test_offsets);
  g_test_add_func ("/crb/compare/tokenizer/flags", test_flags);
  g_test_add_func ("/crb/compare/tokenizer/equal-hashes", test_equal_hashes);
  g_test_add_func ("/crb/compare/tokenizer/word-table", test_word_table);
  g_test_add_func ("/crb/compare/tokenizer/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/crb/compare/tokenizer/fold-string", test_fold_string);
  return g_test_run ();
}
