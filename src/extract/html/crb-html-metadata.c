/* crb-html-metadata.c: title, author, publisher, date and language of a page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same fact is often stated several times (OpenGraph, Dublin Core,
 * Parse.ly, schema.org microdata, JSON-LD); each source has a rank and the
 * best-ranked one that is present wins.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-html-private.h"

enum
{
  FIELD_TITLE,
  FIELD_SITE,
  FIELD_AUTHOR,
  FIELD_PUBLISHED,
  FIELD_LANGUAGE,
  FIELD_DESCRIPTION,
};

static const struct
{
  const char *key;
  guint8      field;
  guint8      rank;
} meta_keys[] = {
  { "og:title", FIELD_TITLE, 10 },
  { "twitter:title", FIELD_TITLE, 5 },
  { "og:site_name", FIELD_SITE, 10 },
  { "application-name", FIELD_SITE, 5 },
  { "publisher", FIELD_SITE, 7 },
  { "dc.publisher", FIELD_SITE, 6 },
  { "citation_publisher", FIELD_SITE, 6 },
  { "author", FIELD_AUTHOR, 6 },
  { "article:author", FIELD_AUTHOR, 8 },
  { "parsely-author", FIELD_AUTHOR, 9 },
  { "sailthru.author", FIELD_AUTHOR, 9 },
  { "dc.creator", FIELD_AUTHOR, 7 },
  { "dcterms.creator", FIELD_AUTHOR, 7 },
  { "citation_author", FIELD_AUTHOR, 9 },
  { "byl", FIELD_AUTHOR, 5 },
  { "article:published_time", FIELD_PUBLISHED, 10 },
  { "og:article:published_time", FIELD_PUBLISHED, 9 },
  { "og:published_time", FIELD_PUBLISHED, 8 },
  { "published_time", FIELD_PUBLISHED, 8 },
  { "datepublished", FIELD_PUBLISHED, 9 },
  { "parsely-pub-date", FIELD_PUBLISHED, 8 },
  { "citation_publication_date", FIELD_PUBLISHED, 7 },
  { "article.published", FIELD_PUBLISHED, 7 },
  { "pubdate", FIELD_PUBLISHED, 6 },
  { "publishdate", FIELD_PUBLISHED, 6 },
  { "publish-date", FIELD_PUBLISHED, 6 },
  { "publish_date", FIELD_PUBLISHED, 6 },
  { "sailthru.date", FIELD_PUBLISHED, 6 },
  { "dc.date.issued", FIELD_PUBLISHED, 6 },
  { "dcterms.issued", FIELD_PUBLISHED, 6 },
  { "citation_date", FIELD_PUBLISHED, 6 },
  { "date", FIELD_PUBLISHED, 5 },
  { "dc.date", FIELD_PUBLISHED, 5 },
  { "dcterms.date", FIELD_PUBLISHED, 5 },
  { "dcterms.created", FIELD_PUBLISHED, 5 },
  { "content-language", FIELD_LANGUAGE, 8 },
  { "dc.language", FIELD_LANGUAGE, 7 },
  { "og:locale", FIELD_LANGUAGE, 6 },
  { "language", FIELD_LANGUAGE, 5 },
  { "og:description", FIELD_DESCRIPTION, 10 },
  { "description", FIELD_DESCRIPTION, 8 },
  { "twitter:description", FIELD_DESCRIPTION, 5 },
};

static char **
field_slot (CrbHtmlMeta *meta, guint field)
{
  switch (field)
    {
    case FIELD_TITLE:
      return &meta->og_title;
    case FIELD_SITE:
      return &meta->site_name;
    case FIELD_AUTHOR:
      return &meta->author;
    case FIELD_PUBLISHED:
      return &meta->published;
    case FIELD_LANGUAGE:
      return &meta->language;
    case FIELD_DESCRIPTION:
    default:
      return &meta->description;
    }
}

static void
offer (CrbHtmlMeta *meta, guint field, int rank, const char *value)
{
  g_autofree char *clean = NULL;
  GString         *collapsed;
  gboolean         pending = FALSE;

  if (value == NULL || rank <= meta->ranks[field] || strlen (value) > 4096)
    return;
  collapsed = g_string_new (NULL);
  crb_html_collapse_append (collapsed, value, strlen (value), &pending);
  clean = g_string_free (collapsed, FALSE);
  if (clean[0] == '\0')
    return;
  /* article:author is often a profile URL, not a name. */
  if (field == FIELD_AUTHOR && (g_str_has_prefix (clean, "http") || strchr (clean, '/') != NULL))
    return;
  meta->ranks[field] = rank;
  g_free (*field_slot (meta, field));
  *field_slot (meta, field) = g_steal_pointer (&clean);
}

static void
read_meta_element (CrbHtmlMeta *meta, const CrbHtmlNode *node)
{
  const char *key = crb_html_attr (node, "property");
  const char *content = crb_html_attr (node, "content");
  gsize       i;

  if (key == NULL)
    key = crb_html_attr (node, "name");
  if (key == NULL)
    key = crb_html_attr (node, "itemprop");
  if (key == NULL)
    key = crb_html_attr (node, "http-equiv");
  if (key == NULL || content == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    if (g_ascii_strcasecmp (key, meta_keys[i].key) == 0)
      {
        offer (meta, meta_keys[i].field, meta_keys[i].rank, content);
        return;
      }
}

/* JSON-LD is sometimes wrapped in comment or CDATA markers for old browsers. */
static void
read_json_ld (CrbHtmlMeta *meta, const CrbHtmlNode *script)
{
  GumboVector *children = &script->node->v.element.children;
  const char  *text;
  gsize        length;

  if (children->length == 0)
    return;
  if (((GumboNode *) children->data[0])->type != GUMBO_NODE_TEXT)
    return;
  text = ((GumboNode *) children->data[0])->v.text.text;
  length = strlen (text);
  while (length > 0 && g_ascii_isspace (*text))
    text++, length--;
  if (g_str_has_prefix (text, "<!--"))
    text += 4, length -= 4;
  else if (g_str_has_prefix (text, "//<![CDATA["))
    text += 11, length -= 11;
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;
  if (length >= 3 && strncmp (text + length - 3, "-->", 3) == 0)
    length -= 3;
  else if (length >= 5 && strncmp (text + length - 5, "//]]>", 5) == 0)
    length -= 5;
  crb_html_jsonld_read (text, length, meta);
}

static gboolean
rel_has (const char *rel, const char *word)
{
  g_auto (GStrv) words = NULL;
  guint i;

  if (rel == NULL)
    return FALSE;
  words = g_strsplit_set (rel, " \t\n", -1);
  for (i = 0; words[i] != NULL; i++)
    if (g_ascii_strcasecmp (words[i], word) == 0)
      return TRUE;
  return FALSE;
}

/**
 * crb_html_read_metadata:
 *
 * Reads <title>, <meta>, <link rel>, microdata and JSON-LD into doc->meta.
 * Runs before classification (which uses the titles to find the headline).
 */
void
crb_html_read_metadata (CrbHtmlDoc *doc)
{
  CrbHtmlMeta *meta = &doc->meta;
  const char  *lang;
  guint        i;

  lang = crb_html_attr (&doc->nodes[0], "lang");
  if (lang == NULL)
    lang = crb_html_attr (&doc->nodes[0], "xml:lang");
  offer (meta, FIELD_LANGUAGE, 10, lang);

  for (i = 0; i < doc->n_nodes; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];
      const char  *type, *itemprop;

      if (!crb_html_node_is_element (node))
        continue;
      switch (node->tag)
        {
        case GUMBO_TAG_META:
          read_meta_element (meta, node);
          break;
        case GUMBO_TAG_TITLE:
          if (meta->title == NULL && node->node->v.element.tag_namespace == GUMBO_NAMESPACE_HTML)
            meta->title = crb_html_node_text (doc, i, FALSE);
          break;
        case GUMBO_TAG_LINK:
        case GUMBO_TAG_A:
          if (rel_has (crb_html_attr (node, "rel"), "next"))
            meta->has_next = TRUE;
          if (rel_has (crb_html_attr (node, "rel"), "prev") ||
              rel_has (crb_html_attr (node, "rel"), "previous"))
            meta->has_prev = TRUE;
          if (node->tag == GUMBO_TAG_A && rel_has (crb_html_attr (node, "rel"), "author") &&
              node->end - i < 16)
            {
              g_autofree char *name = crb_html_node_text (doc, i, FALSE);

              if (g_utf8_strlen (name, -1) <= 80)
                offer (meta, FIELD_AUTHOR, 3, name);
            }
          break;
        case GUMBO_TAG_SCRIPT:
          type = crb_html_attr (node, "type");
          if (type != NULL && strstr (type, "ld+json") != NULL)
            read_json_ld (meta, node);
          break;
        case GUMBO_TAG_TIME:
          offer (meta, FIELD_PUBLISHED, 1, crb_html_attr (node, "datetime"));
          break;
        default:
          break;
        }
      itemprop = crb_html_attr (node, "itemprop");
      if (itemprop != NULL && node->tag != GUMBO_TAG_META)
        {
          if (g_ascii_strcasecmp (itemprop, "datePublished") == 0)
            {
              const char *value = crb_html_attr (node, "datetime");

              offer (meta, FIELD_PUBLISHED, 7, value ?: crb_html_attr (node, "content"));
            }
          else if ((g_ascii_strcasecmp (itemprop, "author") == 0 ||
                    g_ascii_strcasecmp (itemprop, "creator") == 0) &&
                   node->end - i < 32)
            {
              g_autofree char *name = crb_html_node_text (doc, i, FALSE);

              if (g_utf8_strlen (name, -1) <= 80)
                offer (meta, FIELD_AUTHOR, 4, name);
            }
        }
    }
}

void
crb_html_meta_clear (CrbHtmlMeta *meta)
{
  g_free (meta->title);
  g_free (meta->og_title);
  g_free (meta->h1);
  g_free (meta->site_name);
  g_free (meta->author);
  g_free (meta->published);
  g_free (meta->language);
  g_free (meta->description);
  g_free (meta->ld_headline);
  g_free (meta->ld_author);
  g_free (meta->ld_published);
  g_free (meta->ld_publisher);
  g_free (meta->ld_language);
  g_free (meta->ld_body);
  memset (meta, 0, sizeof *meta);
}

/* "2024-03-05", "2024-03-05T10:00:00+01:00" as found; "2024/03/05" and
 * "20240305" rewritten with dashes; anything else (prose dates) refused. */
static char *
normalize_date (const char *value)
{
  g_autofree char *date = NULL;
  gsize            i;

  if (value == NULL)
    return NULL;
  date = g_strstrip (g_strdup (value));
  for (i = 0; i < 8 && g_ascii_isdigit (date[i]); i++)
    ;
  if (i == 8 && !g_ascii_isdigit (date[8]))
    return g_strdup_printf ("%.4s-%.2s-%.2s%s", date, date + 4, date + 6, date + 8);
  for (i = 0; i < 10; i++)
    {
      gboolean digit_wanted = i != 4 && i != 7;

      if (date[i] == '\0' ||
          (digit_wanted ? !g_ascii_isdigit (date[i]) : strchr ("-/.", date[i]) == NULL))
        return NULL;
    }
  date[4] = date[7] = '-';
  if (date[10] == ' ' && g_ascii_isdigit (date[11]))
    date[10] = 'T';
  if (date[10] != '\0' && date[10] != 'T')
    date[10] = '\0';
  return g_steal_pointer (&date);
}

/* "en_US" → "en-US"; NULL for anything that is not a language tag. */
static char *
normalize_language (const char *value)
{
  g_autofree char *tag = NULL;
  gsize            i;

  if (value == NULL)
    return NULL;
  tag = g_strstrip (g_strdup (value));
  if (tag[0] == '\0' || strlen (tag) > 35)
    return NULL;
  /* Content-Language may list several; the first is the main one. */
  for (i = 0; tag[i] != '\0'; i++)
    {
      if (tag[i] == ',' || tag[i] == ' ')
        {
          tag[i] = '\0';
          break;
        }
      if (tag[i] == '_')
        tag[i] = '-';
      if (!g_ascii_isalnum (tag[i]) && tag[i] != '-')
        return NULL;
    }
  for (i = 0; tag[i] != '\0' && tag[i] != '-'; i++)
    tag[i] = g_ascii_tolower (tag[i]);
  if (i < 2 || i > 8)
    return NULL;
  return g_steal_pointer (&tag);
}

static char *
clean_author (const char *value)
{
  static const char *const prefixes[] = {
    "by ", "By ", "BY ", "Автор: ", "Автор ", "Von ", "von "
  };
  g_autofree char *author = NULL;
  gsize            i;

  if (value == NULL)
    return NULL;
  author = g_strstrip (g_strdup (value));
  for (i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (author, prefixes[i]))
      {
        char *rest = g_strstrip (g_strdup (author + strlen (prefixes[i])));

        g_free (author);
        author = rest;
        break;
      }
  return author[0] == '\0' ? NULL : g_steal_pointer (&author);
}

/**
 * crb_html_fill_metadata:
 *
 * Chooses among the sources read by crb_html_read_metadata() and writes the
 * result's metadata fields.
 */
void
crb_html_fill_metadata (CrbHtmlDoc *doc, const char *name_hint, CrbExtractResult *result)
{
  CrbHtmlMeta     *meta = &doc->meta;
  g_autofree char *host = crb_html_host_from_url (name_hint);
  const char      *site = meta->site_name != NULL ? meta->site_name : meta->ld_publisher;
  const char      *title = meta->og_title;
  const char      *author;
  const char      *published;

  if (title == NULL)
    title = meta->ld_headline;
  if (title == NULL)
    title = meta->title;
  g_free (result->title);
  result->title = crb_html_clean_title (title, site, meta->h1, host);

  /* JSON-LD names the article's authors; <meta name=author> is sometimes the
   * site itself. */
  author = meta->ld_author != NULL && meta->ld_rank >= 6 ? meta->ld_author : meta->author;
  if (author == NULL)
    author = meta->ld_author;
  g_free (result->author);
  result->author = clean_author (author);

  g_free (result->publisher);
  result->publisher = site != NULL ? g_strdup (site) : NULL;

  published = meta->ranks[FIELD_PUBLISHED] >= 8 ? meta->published : NULL;
  if (published == NULL)
    published = meta->ld_published;
  g_free (result->published);
  result->published = normalize_date (published);
  if (result->published == NULL && published != meta->published)
    result->published = normalize_date (meta->published);

  g_free (result->language);
  result->language = normalize_language (meta->language);
  if (result->language == NULL)
    result->language = normalize_language (meta->ld_language);
}
