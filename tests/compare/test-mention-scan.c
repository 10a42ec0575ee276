/* test-mention-scan.c: many names in a text at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "crb-mention-scan.h"

static char *
quote (const char       *text,
       const CrbMention *mention)
{
  return g_utf8_substring (text, mention->start, mention->end);
}

static void
test_find (void)
{
  g_autoptr(CrbMentionScanner) scanner = crb_mention_scanner_new ();
  const char *text = "«KASSYM JOMART Tokayev» met Tokayev’s envoy in Nur-Sultan (Нур-Султан), "
                     "not in Astanaville; Qasym-Jomart Toqaev\nlater flew to Almaty. Tokay is no match.";
  const struct
  {
    const char *quote;
    gint64      entity;
  } expected[] = {
    { "KASSYM JOMART Tokayev", 1 }, { "Tokayev", 1 }, { "Nur-Sultan", 2 }, { "Нур-Султан", 2 },
    { "Qasym-Jomart Toqaev", 1 }, { "Almaty", 3 },
  };
  g_autoptr(GArray) mentions = NULL;

  g_assert_cmpint (crb_mention_scanner_add (scanner, 1, "Kassym-Jomart Tokayev"), ==, 0);
  g_assert_cmpint (crb_mention_scanner_add (scanner, 1, "Tokayev"), ==, 1);
  g_assert_cmpint (crb_mention_scanner_add (scanner, 1, "Qasym-Jomart Toqaev"), ==, 2);
  g_assert_cmpint (crb_mention_scanner_add (scanner, 2, "Nur-Sultan"), ==, 3);
  g_assert_cmpint (crb_mention_scanner_add (scanner, 2, "Нур-Султан"), ==, 4);
  g_assert_cmpint (crb_mention_scanner_add (scanner, 2, "Astana"), ==, 5);
  g_assert_cmpint (crb_mention_scanner_add (scanner, 3, "Almaty"), ==, 6);
  g_assert_cmpint (crb_mention_scanner_add (scanner, 4, " — "), ==, -1);
  g_assert_cmpuint (crb_mention_scanner_get_n_aliases (scanner), ==, 7);

  mentions = crb_mention_scanner_scan (scanner, text, -1);
  g_assert_cmpuint (mentions->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < mentions->len; i++)
    {
      const CrbMention *mention = &g_array_index (mentions, CrbMention, i);
      g_autofree char *found = quote (text, mention);

      g_assert_cmpstr (found, ==, expected[i].quote);
      g_assert_cmpint (mention->entity, ==, expected[i].entity);
    }
  /* The longest alias wins where they overlap. */
  g_assert_cmpuint (g_array_index (mentions, CrbMention, 0).alias, ==, 0);
}

static void
test_shared_alias (void)
{
  g_autoptr(CrbMentionScanner) scanner = crb_mention_scanner_new ();
  g_autoptr(GArray) mentions = NULL;

  crb_mention_scanner_add (scanner, 10, "Nazarbayev");
  crb_mention_scanner_add (scanner, 11, "Nazarbayev");
  mentions = crb_mention_scanner_scan (scanner, "Dariga Nazarbayeva and NAZARBAYEV.", -1);
  /* "Nazarbayeva" is another word; the shared alias names both entities. */
  g_assert_cmpuint (mentions->len, ==, 2);
  g_assert_cmpint (g_array_index (mentions, CrbMention, 0).entity, ==, 10);
  g_assert_cmpint (g_array_index (mentions, CrbMention, 1).entity, ==, 11);
  g_assert_cmpuint (g_array_index (mentions, CrbMention, 0).start, ==, 23);
  g_assert_cmpuint (g_array_index (mentions, CrbMention, 1).start, ==, 23);
}

/* Against a naive search on many names: the trie finds the same words. */
static void
test_many_names (void)
{
  g_autoptr(CrbMentionScanner) scanner = crb_mention_scanner_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) mentions = NULL;
  guint expected = 0;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *alias = g_strdup_printf ("Name%u Family%u", i, i % 37);

      crb_mention_scanner_add (scanner, i, alias);
    }
  for (guint i = 0; i < 5000; i++)
    {
      guint n = (i * 7919) % 1500;

      /* Names 1000–1499 do not exist; "Family" alone is no name. */
      g_string_append_printf (text, "word%u Name%u Family%u, Family%u. ", i, n, n % 37, n % 37);
      expected += n < 1000;
    }
  mentions = crb_mention_scanner_scan (scanner, text->str, text->len);
  g_assert_cmpuint (mentions->len, ==, expected);
  for (guint i = 0; i < mentions->len; i++)
    {
      const CrbMention *mention = &g_array_index (mentions, CrbMention, i);
      g_autofree char *found = quote (text->str, mention);
      g_autofree char *alias = g_strdup_printf ("Name%u Family%u", (guint) mention->entity,
                                                (guint) mention->entity % 37);

      g_assert_cmpstr (found, ==, alias);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/compare/mention-scan/find", test_find);
  g_test_add_func ("/crb/compare/mention-scan/shared-alias", test_shared_alias);
  g_test_add_func ("/crb/compare/mention-scan/many-names", test_many_names);
  return g_test_run ();
}
