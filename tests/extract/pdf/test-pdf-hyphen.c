/* test-pdf-hyphen.c: which line-end hyphens are kept
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-pdf-private.h"

/* A one-page document whose body is `lines`: the vocabulary's witness. */
static GPtrArray *
make_pages (const char *const *lines)
{
  GPtrArray  *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_pdf_page_free);
  CrbPdfPage *page = crb_pdf_page_read (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      CrbPdfLine *line = crb_pdf_line_new (lines[i]);

      g_ptr_array_add (page->pool, line);
      g_ptr_array_add (page->body, line);
    }
  g_ptr_array_add (pages, page);
  return pages;
}

static void
test_rules (void)
{
  static const char *const lines[] = {
    "The newspaper ran a check-point story on the operation.",
    "Its e-mail was reported by the", /* "the" ends the line: no hyphen */
    "border guards who crossed at night.",
    NULL,
  };
  static const struct
  {
    const char *left, *right;
    gboolean    keep;
  } cases[] = {
    { "ag", "gression", FALSE }, /* a syllable break */
    { "news", "paper", FALSE },  /* the document writes "newspaper" */
    { "check", "point", TRUE },  /* the document writes "check-point" */
    { "e", "mail", TRUE },       /* likewise "e-mail" */
    { "Anglo", "Saxon", TRUE },  /* capitalised second part */
    { "AG", "GRESSION", FALSE }, /* all capitals: a heading, broken */
    { "well", "known", TRUE },   /* strong prefix */
    { "self", "ish", FALSE },    /* … but only a suffix follows */
    { "co", "operation", TRUE }, /* prefix and a word of the document */
    { "pro", "gramme", FALSE },  /* prefix, but no such word */
    { "пере", "говоры", FALSE }, /* Russian syllable break */
    { "по", "русски", TRUE },    /* по-русски */
    { "кто", "то", TRUE },       /* particle */
    { "", "2021", TRUE },        /* not letters: left alone */
  };
  g_autoptr (GPtrArray) pages = make_pages (lines);
  g_autoptr (CrbPdfVocabulary) vocabulary = crb_pdf_vocabulary_new (pages);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean keep = crb_pdf_hyphen_keep (vocabulary, cases[i].left, cases[i].right);

      if (keep != cases[i].keep)
        g_error ("%s-%s: expected the hyphen %s", cases[i].left, cases[i].right,
                 cases[i].keep ? "kept" : "dropped");
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/pdf/hyphen/rules", test_rules);
  return g_test_run ();
}
