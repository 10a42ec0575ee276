/* test-extract-pdf.c: PDF extraction on PDFs written here with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <poppler.h>
#include <string.h>

#include "crb-extract-formats.h"
#include "crb-test-pdf.h"

#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0
#define LEADING 12.5

static CrbExtractResult *
extract (GBytes *pdf)
{
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_extract_pdf (pdf, NULL, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (result->text->str, result->text->len, NULL));
  g_assert_cmpstr (result->kind, ==, "pdf");
  return g_steal_pointer (&result);
}

static void
refuse (GBytes *pdf, int code, const char *message_part)
{
  g_autoptr (CrbExtractResult) result = crb_extract_result_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (crb_extract_pdf (pdf, NULL, result, &error));
  g_assert_error (error, CRB_EXTRACT_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
}

static gboolean
has_removed (CrbExtractResult *result, const char *line)
{
  for (guint i = 0; i < result->removed->len; i++)
    if (g_strcmp0 (g_ptr_array_index (result->removed, i), line) == 0)
      return TRUE;
  return FALSE;
}

/* The text from code point `offset` on. */
static const char *
text_at (CrbExtractResult *result, guint offset)
{
  return g_utf8_offset_to_pointer (result->text->str, offset);
}

static void
show_header_and_number (CrbTestPdf *pdf, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  crb_test_pdf_font (pdf, 8, FALSE);
  crb_test_pdf_show (pdf, 56, 40, "Review of Regional Security, vol. 3");
  crb_test_pdf_show (pdf, A4_WIDTH / 2 - 3, 812, number);
  crb_test_pdf_font (pdf, 10, FALSE);
}

/* Shows a paragraph from `y` on, its first line indented by 12 points
 * where asked; returns the baseline of its last line. */
static double
show_paragraph (CrbTestPdf *pdf, double x, double y, const char *const *lines, gboolean indent)
{
  crb_test_pdf_show (pdf, x + (indent ? 12 : 0), y, lines[0]);
  if (lines[1] == NULL)
    return y;
  return crb_test_pdf_show_lines (pdf, x, y + LEADING, LEADING, lines + 1);
}

/* Two pages of a two-column paper: running header, page numbers, a title
 * and an abstract across both columns, paragraphs marked by indents, a
 * paragraph that runs on into the next column and the next page, and
 * every kind of line-end hyphen. */
static GBytes *
make_paper (void)
{
  static const char *const column1[] = {
    "Early reports of the incident were", "short and contradictory. The first",
    "wire story described an act of ag-", "gression by unidentified troops and",
    "cited a well-known local official.", NULL
  };
  static const char *const column1b[] = { "Later reports added details that",
                                          "no witness had mentioned, such as",
                                          "the number of vehicles and the self-",
                                          "reported losses of the border guards.", NULL };
  static const char *const column1c[] = {
    "One newspaper relied on an Anglo-",  "Saxon agency and described the period",
    "as calm, citing figures from 2019-", "2021 that no longer matched the",
    "facts on the ground, while the",     NULL
  };
  static const char *const column2[] = {
    "second outlet, a regional news-",       "paper, copied the wire story but",
    "moved the check-point from the",        "river to the road. Its check-",
    "point, it claimed, was part of a pro-", "gramme of cross-border co-",
    "operation between the two services.",   NULL
  };
  static const char *const column2b[] = { "The operation ended at dawn, and",
                                          "the third outlet reported it a day",
                                          "later without naming any source.", NULL };
  static const char *const column2c[] = { "Across all three accounts the",
                                          "number of troops grew from a few",
                                          "dozen to several hundred, and the", NULL };
  static const char *const page2_column1[] = { "date of the first shot moved by a", "whole day.",
                                               NULL };
  static const char *const page2_column1b[] = { "We conclude that the accounts are",
                                                "not independent: they share one",
                                                "source and its errors.", NULL };
  static const char *const page2_column2[] = { "Readers who compare them side by",
                                               "side will see the same phrases in",
                                               "the same order.", NULL };
  g_autoptr (CrbTestPdf) pdf = crb_test_pdf_new (A4_WIDTH, A4_HEIGHT);
  double y;

  crb_test_pdf_set_info (pdf, "Microsoft Word - border_incidents_v3.docx", "Anna Petrova",
                         "Media analysis", "2022-03-04T10:00:00Z");
  show_header_and_number (pdf, 1);
  crb_test_pdf_font (pdf, 16, TRUE);
  crb_test_pdf_show (pdf, 56, 90, "Border Incidents and Their Reporting");
  crb_test_pdf_font (pdf, 10, FALSE);
  crb_test_pdf_show (pdf, 56, 112, "Anna Petrova and John Smith");
  crb_test_pdf_show (pdf, 56, 140,
                     "Abstract. We compare how three outlets reported the same border "
                     "incidents and find");
  crb_test_pdf_show (pdf, 56, 140 + LEADING,
                     "that most accounts copied one wire story with small but telling changes.");

  y = show_paragraph (pdf, 56, 200, column1, FALSE);
  y = show_paragraph (pdf, 56, y + LEADING, column1b, TRUE);
  show_paragraph (pdf, 56, y + LEADING, column1c, TRUE);
  y = show_paragraph (pdf, 308, 200, column2, FALSE);
  y = show_paragraph (pdf, 308, y + LEADING, column2b, TRUE);
  show_paragraph (pdf, 308, y + LEADING, column2c, TRUE);

  crb_test_pdf_next_page (pdf, FALSE);
  show_header_and_number (pdf, 2);
  y = show_paragraph (pdf, 56, 80, page2_column1, FALSE);
  show_paragraph (pdf, 56, y + LEADING, page2_column1b, TRUE);
  show_paragraph (pdf, 308, 80, page2_column2, TRUE);
  return crb_test_pdf_finish (pdf);
}

static const char paper_page1[] =
    "Border Incidents and Their Reporting\n\n"
    "Anna Petrova and John Smith\n\n"
    "Abstract. We compare how three outlets reported the same border incidents and find "
    "that most accounts copied one wire story with small but telling changes.\n\n"
    "Early reports of the incident were short and contradictory. The first wire story "
    "described an act of aggression by unidentified troops and cited a well-known local "
    "official.\n\n"
    "Later reports added details that no witness had mentioned, such as the number of "
    "vehicles and the self-reported losses of the border guards.\n\n"
    "One newspaper relied on an Anglo-Saxon agency and described the period as calm, citing "
    "figures from 2019-2021 that no longer matched the facts on the ground, while the second "
    "outlet, a regional newspaper, copied the wire story but moved the check-point from the "
    "river to the road. Its check-point, it claimed, was part of a programme of cross-border "
    "co-operation between the two services.\n\n"
    "The operation ended at dawn, and the third outlet reported it a day later without "
    "naming any source.\n\n"
    "Across all three accounts the number of troops grew from a few dozen to several "
    "hundred, and the ";
static const char paper_page2[] =
    "date of the first shot moved by a whole day.\n\n"
    "We conclude that the accounts are not independent: they share one source and its "
    "errors.\n\n"
    "Readers who compare them side by side will see the same phrases in the same order.";

static void
test_columns_and_hyphens (void)
{
  g_autoptr (GBytes) pdf = make_paper ();
  g_autoptr (CrbExtractResult) result = extract (pdf);
  g_autofree char *expected = g_strconcat (paper_page1, paper_page2, NULL);

  g_assert_cmpstr (result->text->str, ==, expected);
  g_assert_cmpuint (result->pages->len, ==, 2);
  g_assert_cmpuint (g_array_index (result->pages, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (result->pages, guint, 1), ==, g_utf8_strlen (paper_page1, -1));
  g_assert_true (g_str_has_prefix (text_at (result, g_array_index (result->pages, guint, 1)),
                                   "date of the first shot"));
  /* Ten paragraphs: the one that runs across the page break counts once. */
  g_assert_cmpuint (result->paragraphs->len, ==, 10);
  g_assert_true (g_str_has_prefix (text_at (result, g_array_index (result->paragraphs, guint, 3)),
                                   "Early reports"));
}

static void
test_furniture_reported (void)
{
  g_autoptr (GBytes) pdf = make_paper ();
  g_autoptr (CrbExtractResult) result = extract (pdf);

  g_assert_true (has_removed (result, "page numbers on 2 pages"));
  g_assert_true (has_removed (result, "running header 'Review of Regional Security, vol. 3' "
                                      "on 2 pages"));
  g_assert_null (strstr (result->text->str, "Review of Regional"));
}

static void
test_metadata (void)
{
  g_autoptr (GBytes) pdf = make_paper ();
  g_autoptr (CrbExtractResult) result = extract (pdf);

  /* The information dictionary's "Microsoft Word - border_incidents_v3.docx"
   * is a converter's placeholder: the title comes from the first page. */
  g_assert_cmpstr (result->title, ==, "Border Incidents and Their Reporting");
  g_assert_cmpstr (result->author, ==, "Anna Petrova");
  g_assert_cmpstr (result->published, ==, "2022-03-04T10:00:00Z");
}

/* Running headers and "Page N of M" footers on a single-column report. */
static void
test_page_of_footers (void)
{
  g_autoptr (CrbTestPdf) writer = crb_test_pdf_new (A4_WIDTH, A4_HEIGHT);
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (CrbExtractResult) result = NULL;
  g_autoptr (GString) expected = g_string_new (NULL);
  static const char *const items[] = {
    "Troops were seen near the river crossing at dawn.",
    "The mayor denied that the bridge had been closed.",
    "Two convoys left the city before the curfew began.",
  };

  for (guint page = 1; page <= 3; page++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of 3", page);
      const char      *body = items[page - 1];

      if (page > 1)
        crb_test_pdf_next_page (writer, FALSE);
      crb_test_pdf_font (writer, 9, FALSE);
      crb_test_pdf_show (writer, 72, 36, "Ministry of Defence - Daily Briefing");
      crb_test_pdf_show (writer, 72, 806, footer);
      crb_test_pdf_show (writer, 400, 806, "Not for distribution");
      crb_test_pdf_font (writer, 11, FALSE);
      crb_test_pdf_show (writer, 72, 120, body);
      g_string_append_printf (expected, "%s%s", page > 1 ? "\n\n" : "", body);
    }
  pdf = crb_test_pdf_finish (writer);
  result = extract (pdf);

  g_assert_cmpstr (result->text->str, ==, expected->str);
  g_assert_true (has_removed (result, "page numbers on 3 pages"));
  g_assert_true (has_removed (result, "running header 'Ministry of Defence - Daily Briefing' "
                                      "on 3 pages"));
  g_assert_true (has_removed (result, "running footer 'Not for distribution' on 3 pages"));
}

/* Russian text with a footnote and a note marker, then a page stored
 * with /Rotate 90. */
static GBytes *
make_notes_and_rotation (void)
{
  static const char *const body2[] = { "пленными и гуманитарные коридоры, а также говорили по-",
                                       "русски без переводчиков.", NULL };
  g_autoptr (CrbTestPdf) pdf = crb_test_pdf_new (A4_WIDTH, A4_HEIGHT);
  double x;

  crb_test_pdf_font (pdf, 14, TRUE);
  crb_test_pdf_show (pdf, 72, 90, "Переговоры о прекращении огня");
  crb_test_pdf_font (pdf, 11, FALSE);
  crb_test_pdf_show (pdf, 72, 130, "Делегации встретились в Стамбуле, где начались пере-");
  x = crb_test_pdf_show (pdf, 72, 144, "говоры о прекращении огня.");
  /* The note marker: smaller and raised, right after the full stop. */
  crb_test_pdf_font (pdf, 7, FALSE);
  x = crb_test_pdf_show (pdf, x, 144 - 4, "1");
  crb_test_pdf_font (pdf, 11, FALSE);
  crb_test_pdf_show (pdf, x, 144, " Стороны обсуждали обмен");
  crb_test_pdf_show_lines (pdf, 72, 158, 14, body2);
  crb_test_pdf_font (pdf, 8, FALSE);
  crb_test_pdf_show (pdf, 72, 780, "1 Заявление министерства от 3 марта 2022 года.");
  crb_test_pdf_show (pdf, A4_WIDTH / 2, 812, "1");

  crb_test_pdf_next_page (pdf, TRUE);
  crb_test_pdf_font (pdf, 11, FALSE);
  crb_test_pdf_show (pdf, 72, 100, "The rotated page keeps its own reading order.");
  crb_test_pdf_show (pdf, 72, 114, "Its second line follows the first one.");
  crb_test_pdf_show (pdf, 600, 100, "A note in the right margin.");
  return crb_test_pdf_finish (pdf);
}

static void
test_notes_cyrillic_rotation (void)
{
  g_autoptr (GBytes) pdf = make_notes_and_rotation ();
  g_autoptr (CrbExtractResult) result = extract (pdf);
  const char *page1 =
      "Переговоры о прекращении огня\n\n"
      "Делегации встретились в Стамбуле, где начались переговоры о прекращении огня.[1] "
      "Стороны обсуждали обмен пленными и гуманитарные коридоры, а также говорили по-русски "
      "без переводчиков.\n\n"
      "1 Заявление министерства от 3 марта 2022 года.\n\n";
  g_autofree char *expected =
      g_strconcat (page1,
                   "The rotated page keeps its own reading order. Its second line follows "
                   "the first one.\n\nA note in the right margin.",
                   NULL);

  g_assert_cmpstr (result->text->str, ==, expected);
  g_assert_cmpuint (result->pages->len, ==, 2);
  g_assert_cmpuint (g_array_index (result->pages, guint, 1), ==, g_utf8_strlen (page1, -1));
  /* No title in the document information: the largest type is. */
  g_assert_cmpstr (result->title, ==, "Переговоры о прекращении огня");
}

/* Three narrow newspaper columns whose baselines line up: prose, not a
 * table, read column after column (each ends a sentence, so each is a
 * paragraph). */
static void
test_three_columns (void)
{
  static const char *const columns[3][5] = {
    { "The convoy left the city at", "dawn, according to two local", "officials who spoke on the",
      "condition of anonymity about", "the movement of the trucks." },
    { "A spokesman for the ministry", "said later that the trucks", "carried food and medicine",
      "for the villages that had been", "cut off since the weekend." },
    { "Residents interviewed by", "phone described long queues", "at the only open bakery and",
      "shortages of fuel that made", "travel nearly impossible." },
  };
  g_autoptr (CrbTestPdf) writer = crb_test_pdf_new (A4_WIDTH, A4_HEIGHT);
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (CrbExtractResult) result = NULL;
  g_autoptr (GString) expected = g_string_new (NULL);

  crb_test_pdf_font (writer, 9, FALSE);
  for (guint c = 0; c < 3; c++)
    {
      for (guint l = 0; l < 5; l++)
        {
          crb_test_pdf_show (writer, 40 + 180 * c, 100 + 11 * l, columns[c][l]);
          g_string_append_printf (expected, "%s%s",
                                  expected->len == 0 ? ""
                                  : l == 0           ? "\n\n"
                                                     : " ",
                                  columns[c][l]);
        }
    }
  pdf = crb_test_pdf_finish (writer);
  result = extract (pdf);

  g_assert_cmpstr (result->text->str, ==, expected->str);
}

/* A table inside single-column text is read row by row, cells apart. */
static void
test_table_rows (void)
{
  static const char *const rows[][3] = {
    { "Source", "Killed", "Reported" },
    { "Ministry", "12", "4 March" },
    { "Local council", "at least 19", "5 March" },
    { "Wire story", "12", "4 March" },
  };
  g_autoptr (CrbTestPdf) writer = crb_test_pdf_new (A4_WIDTH, A4_HEIGHT);
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (CrbExtractResult) result = NULL;
  double y = 150;

  crb_test_pdf_font (writer, 10, FALSE);
  crb_test_pdf_show (writer, 72, 100, "The three sources disagree on the number of dead, as the");
  crb_test_pdf_show (writer, 72, 112.5, "table below shows for the first week of March.");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++, y += 14)
    for (guint j = 0; j < 3; j++)
      crb_test_pdf_show (writer, 72 + 150 * j, y, rows[i][j]);
  crb_test_pdf_show (writer, 72, y + 20, "Only the council counted the wounded separately.");
  pdf = crb_test_pdf_finish (writer);
  result = extract (pdf);

  g_assert_cmpstr (result->text->str, ==,
                   "The three sources disagree on the number of dead, as the table below shows "
                   "for the first week of March.\n\n"
                   "Source\tKilled\tReported\n"
                   "Ministry\t12\t4 March\n"
                   "Local council\tat least 19\t5 March\n"
                   "Wire story\t12\t4 March\n\n"
                   "Only the council counted the wounded separately.");
}

/* A long generated article: every word in order, no furniture. */
static void
test_long_article (void)
{
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GBytes) pdf = crb_test_pdf_article (6, 7, words);
  g_autoptr (CrbExtractResult) result = extract (pdf);
  g_auto (GStrv) tokens = g_strsplit_set (result->text->str, " \n", -1);
  guint n = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] == '\0')
        continue;
      g_assert_cmpuint (n, <, words->len);
      if (g_strcmp0 (tokens[i], g_ptr_array_index (words, n)) != 0)
        g_error ("word %u: got “%s”, expected “%s”", n, tokens[i],
                 (char *) g_ptr_array_index (words, n));
      n++;
    }
  g_assert_cmpuint (n, ==, words->len);
  g_assert_cmpuint (result->pages->len, ==, 6);
  g_assert_true (has_removed (result, "page numbers on 6 pages"));
  g_assert_true (has_removed (result, "running header 'Journal of Synthetic Studies, vol. 7' "
                                      "on 6 pages"));
}

static void
test_encrypted (void)
{
  g_autoptr (GBytes) pdf = crb_test_pdf_encrypted ("secret", "owner", "Secret text");
  PopplerDocument *document;
  PopplerPage     *page;
  g_autofree char *text = NULL;

  refuse (pdf, CRB_EXTRACT_ERROR_ENCRYPTED, "password-protected");

  /* It is a real encrypted PDF: with the password, the text is there. */
  document = poppler_document_new_from_bytes (pdf, "secret", NULL);
  g_assert_nonnull (document);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_cmpstr (text, ==, "Secret text");
  g_object_unref (page);
  g_object_unref (document);
}

/* Only an owner password (printing or copying "restricted"): anyone can
 * open it, and so can we. */
static void
test_owner_password_only (void)
{
  g_autoptr (GBytes) pdf = crb_test_pdf_encrypted ("", "owner", "Open text");
  g_autoptr (CrbExtractResult) result = extract (pdf);

  g_assert_cmpstr (result->text->str, ==, "Open text");
}

static void
test_damaged (void)
{
  g_autoptr (GBytes) pdf = make_paper ();
  g_autoptr (GBytes) truncated = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 3);
  static const char broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n"
                               "trailer << /Root 1 0 R >>\n%%EOF\n";
  static const char words[] = "Just some words, not a PDF at all.";
  g_autoptr (GBytes) garbage = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr (GBytes) text = g_bytes_new_static (words, sizeof words - 1);

  refuse (truncated, CRB_EXTRACT_ERROR_DAMAGED, "damaged");
  refuse (garbage, CRB_EXTRACT_ERROR_DAMAGED, "damaged");
  refuse (text, CRB_EXTRACT_ERROR_UNSUPPORTED, "not a PDF");
}

static void
test_image_only (void)
{
  g_autoptr (CrbTestPdf) writer = crb_test_pdf_new (A4_WIDTH, A4_HEIGHT);
  g_autoptr (GBytes) pdf = NULL;

  crb_test_pdf_image (writer, 50, 50, 200, 120);
  pdf = crb_test_pdf_finish (writer);
  refuse (pdf, CRB_EXTRACT_ERROR_EMPTY, "text recognition");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crb/extract/pdf/columns-and-hyphens", test_columns_and_hyphens);
  g_test_add_func ("/crb/extract/pdf/furniture-reported", test_furniture_reported);
  g_test_add_func ("/crb/extract/pdf/metadata", test_metadata);
  g_test_add_func ("/crb/extract/pdf/page-of-footers", test_page_of_footers);
  g_test_add_func ("/crb/extract/pdf/notes-cyrillic-rotation", test_notes_cyrillic_rotation);
  g_test_add_func ("/crb/extract/pdf/three-columns", test_three_columns);
  g_test_add_func ("/crb/extract/pdf/table-rows", test_table_rows);
  g_test_add_func ("/crb/extract/pdf/long-article", test_long_article);
  g_test_add_func ("/crb/extract/pdf/encrypted", test_encrypted);
  g_test_add_func ("/crb/extract/pdf/owner-password-only", test_owner_password_only);
  g_test_add_func ("/crb/extract/pdf/damaged", test_damaged);
  g_test_add_func ("/crb/extract/pdf/image-only", test_image_only);
  return g_test_run ();
}
