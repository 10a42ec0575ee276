/* test-html-metadata.c: title clean-up, JSON-LD, <meta> precedence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-html-private.h"
#include "html-test-util.h"

static void
assert_title (const char *title, const char *site, const char *headline, const char *host,
              const char *expected)
{
  g_autofree char *clean = crb_html_clean_title (title, site, headline, host);

  g_assert_cmpstr (clean, ==, expected);
}

static void
test_title_site_suffix (void)
{
  assert_title ("Dam fails upstream of town | The Daily Example", "The Daily Example", NULL, NULL,
                "Dam fails upstream of town");
  assert_title ("Dam fails upstream of town | UK news | The Daily Example", "The Daily Example",
                NULL, NULL, "Dam fails upstream of town | UK news");
  assert_title ("The Daily Example - Dam fails upstream of town", "The Daily Example", NULL, NULL,
                "Dam fails upstream of town");
  /* The host names the site when no site name is declared. */
  assert_title ("Storm closes ferry routes – BBC News", NULL, NULL, "bbc",
                "Storm closes ferry routes");
  /* Without any site name, a short last part goes when a headline remains. */
  assert_title ("Council approves new budget for schools - Evening Post", NULL, NULL, NULL,
                "Council approves new budget for schools");
}

static void
test_title_keeps_headline (void)
{
  /* A hyphen inside the headline is not a separator. */
  assert_title ("Covid-19 cases fall again", "Site", NULL, NULL, "Covid-19 cases fall again");
  /* Too little would remain: keep the whole title. */
  assert_title ("Review - Hamlet", NULL, NULL, NULL, "Review - Hamlet");
  /* The visible headline wins over decoration around it. */
  assert_title ("LIVE: Polls close as turnout soars — updates | Herald", NULL,
                "Polls close as turnout soars", NULL, "Polls close as turnout soars");
  assert_title (NULL, NULL, "Only a headline", NULL, "Only a headline");
  assert_title ("  Spaced \n  out   title  ", NULL, NULL, NULL, "Spaced out title");
  assert_title (NULL, NULL, NULL, NULL, NULL);
}

static void
test_host_from_url (void)
{
  g_autofree char *bbc = crb_html_host_from_url ("https://www.bbc.co.uk/news/uk-1");
  g_autofree char *amp = crb_html_host_from_url ("https://amp.example.org/x");
  g_autofree char *none = crb_html_host_from_url ("page.html");

  g_assert_cmpstr (bbc, ==, "bbc");
  g_assert_cmpstr (amp, ==, "example");
  g_assert_null (none);
}

static void
read_jsonld (const char *json, CrbHtmlMeta *meta)
{
  crb_html_jsonld_read (json, strlen (json), meta);
}

static void
test_jsonld_graph (void)
{
  CrbHtmlMeta meta = { 0 };

  read_jsonld ("{\"@context\":\"https://schema.org\",\"@graph\":["
               "{\"@type\":\"WebPage\",\"name\":\"Page name\"},"
               "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ann Example\"},"
               "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"Example News\"},"
               "{\"@type\":[\"Article\",\"NewsArticle\"],\"headline\":\"The headline\","
               "\"author\":[{\"@id\":\"#p1\"},\"Bo Second\"],\"publisher\":{\"@id\":\"#org\"},"
               "\"datePublished\":\"2024-01-02\",\"inLanguage\":{\"@type\":\"Language\","
               "\"name\":\"English\",\"alternateName\":\"en\"},\"articleBody\":\"Body.\"}]}",
               &meta);
  g_assert_cmpstr (meta.ld_headline, ==, "The headline");
  g_assert_cmpstr (meta.ld_author, ==, "Ann Example, Bo Second");
  g_assert_cmpstr (meta.ld_publisher, ==, "Example News");
  g_assert_cmpstr (meta.ld_published, ==, "2024-01-02");
  g_assert_cmpstr (meta.ld_language, ==, "en");
  g_assert_cmpstr (meta.ld_body, ==, "Body.");
  crb_html_meta_clear (&meta);
}

static void
test_jsonld_best_object_wins (void)
{
  CrbHtmlMeta meta = { 0 };

  /* A WebPage first, the NewsArticle in a later script: the article wins;
   * a later WebPage does not overwrite it. */
  read_jsonld ("{\"@type\":\"WebPage\",\"name\":\"Generic page\"}", &meta);
  g_assert_cmpstr (meta.ld_headline, ==, "Generic page");
  read_jsonld (
      "[{\"@type\":\"BreadcrumbList\"},{\"@type\":\"NewsArticle\",\"headline\":\"Real\","
      "\"author\":{\"@type\":\"Person\",\"givenName\":\"Ada\",\"familyName\":\"Lovelace\"}}]",
      &meta);
  read_jsonld ("{\"@type\":\"WebPage\",\"name\":\"Another page\"}", &meta);
  g_assert_cmpstr (meta.ld_headline, ==, "Real");
  g_assert_cmpstr (meta.ld_author, ==, "Ada Lovelace");
  crb_html_meta_clear (&meta);
}

static void
test_jsonld_hostile (void)
{
  CrbHtmlMeta meta = { 0 };
  GString    *deep = g_string_new ("{\"@type\":\"NewsArticle\",\"headline\":\"Deep\",\"x\":");
  guint       i;

  for (i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append_c (deep, '}');
  /* Too deep for a recursive parser: skipped, not crashed on. */
  crb_html_jsonld_read (deep->str, deep->len, &meta);
  g_assert_null (meta.ld_headline);
  g_string_free (deep, TRUE);

  read_jsonld ("{\"@type\":\"NewsArticle\",\"headline\":", &meta);
  read_jsonld ("not json at all", &meta);
  read_jsonld ("{\"@type\":\"NewsArticle\",\"headline\":42,\"author\":{\"@id\":\"#nowhere\"}}",
               &meta);
  crb_html_jsonld_read ("{\"@type\":\"NewsArticle\",\"headline\":\"\xff\xfe\"}", 39, &meta);
  g_assert_null (meta.ld_headline);
  g_assert_null (meta.ld_author);
  crb_html_meta_clear (&meta);
}

static void
test_meta_precedence (void)
{
  g_autoptr (CrbExtractResult) result = html_test_extract (
      "<html lang=en_GB><head><title>Wrong title | Site</title>"
      "<meta property=og:title content=\"Right title\">"
      "<meta name=author content=\"Site Staff\">"
      "<meta property=og:site_name content=\"Example Site\">"
      "<meta name=date content=\"2020-01-01\">"
      "<meta property=article:published_time content=\"2024-03-05T10:00:00+01:00\">"
      "<script type=application/ld+json><!--\n{\"@type\":\"NewsArticle\",\"author\":"
      "{\"name\":\"Real Author\"}}\n--></script>"
      "</head><body><p>Some text that is long enough to be an article paragraph, with commas, "
      "and words.</p></body></html>",
      -1, NULL, NULL);

  g_assert_cmpstr (result->title, ==, "Right title");
  g_assert_cmpstr (result->author, ==, "Real Author");
  g_assert_cmpstr (result->publisher, ==, "Example Site");
  g_assert_cmpstr (result->published, ==, "2024-03-05T10:00:00+01:00");
  g_assert_cmpstr (result->language, ==, "en-GB");
}

static void
test_dates_and_authors (void)
{
  g_autoptr (CrbExtractResult) slashed = html_test_extract (
      "<meta name=citation_publication_date content=\"2021/07/09\">"
      "<meta name=author content=\"By Jane Roe\"><p>Text of the page, long enough.</p>",
      -1, NULL, NULL);
  g_autoptr (CrbExtractResult) prose = html_test_extract (
      "<meta name=date content=\"March 5, 2024\"><meta property=article:author "
      "content=\"https://example.org/jane\"><p>Text of the page, long enough.</p>",
      -1, NULL, NULL);

  g_assert_cmpstr (slashed->published, ==, "2021-07-09");
  g_assert_cmpstr (slashed->author, ==, "Jane Roe");
  /* A prose date is not ISO 8601, a profile URL is not a name. */
  g_assert_null (prose->published);
  g_assert_null (prose->author);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crb/extract/html/metadata/title-site-suffix", test_title_site_suffix);
  g_test_add_func ("/crb/extract/html/metadata/title-keeps-headline", test_title_keeps_headline);
  g_test_add_func ("/crb/extract/html/metadata/host-from-url", test_host_from_url);
  g_test_add_func ("/crb/extract/html/metadata/jsonld-graph", test_jsonld_graph);
  g_test_add_func ("/crb/extract/html/metadata/jsonld-best-object", test_jsonld_best_object_wins);
  g_test_add_func ("/crb/extract/html/metadata/jsonld-hostile", test_jsonld_hostile);
  g_test_add_func ("/crb/extract/html/metadata/meta-precedence", test_meta_precedence);
  g_test_add_func ("/crb/extract/html/metadata/dates-and-authors", test_dates_and_authors);
  return g_test_run ();
}
