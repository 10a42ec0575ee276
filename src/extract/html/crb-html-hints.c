/* crb-html-hints.c: what class names, ids, roles and tags say about a block
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Site templates name their parts: "c-share-bar", "ArticleComments_root__x1y2",
 * "sidebar-widget", id="cookie-consent".  Names are split into words (on
 * punctuation and camelCase) and looked up; glued names ("mostread",
 * "relatedposts") are matched as phrases.  A name is only a hint: a block that
 * holds the headline or the article body is never removed for its name.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-html-private.h"

typedef enum
{
  MATCH_EXACT,
  MATCH_PREFIX,
} MatchType;

typedef struct
{
  const char *word;
  guint8      kind;
  guint8      match;
} Hint;

/* Words looked up one by one.  Positive words are listed with kind NONE. */
static const Hint word_hints[] = {
  { "nav", CRB_HTML_KIND_NAVIGATION, MATCH_EXACT },
  { "navbar", CRB_HTML_KIND_NAVIGATION, MATCH_EXACT },
  { "navigation", CRB_HTML_KIND_NAVIGATION, MATCH_EXACT },
  { "menu", CRB_HTML_KIND_NAVIGATION, MATCH_PREFIX },
  { "megamenu", CRB_HTML_KIND_NAVIGATION, MATCH_EXACT },
  { "submenu", CRB_HTML_KIND_NAVIGATION, MATCH_EXACT },
  { "topbar", CRB_HTML_KIND_NAVIGATION, MATCH_EXACT },
  { "hamburger", CRB_HTML_KIND_NAVIGATION, MATCH_EXACT },
  { "skiplink", CRB_HTML_KIND_NAVIGATION, MATCH_PREFIX },
  { "breadcrumb", CRB_HTML_KIND_BREADCRUMBS, MATCH_PREFIX },
  { "crumbs", CRB_HTML_KIND_BREADCRUMBS, MATCH_EXACT },
  { "masthead", CRB_HTML_KIND_SITE_HEADER, MATCH_EXACT },
  { "header", CRB_HTML_KIND_SITE_HEADER, MATCH_EXACT },
  { "logo", CRB_HTML_KIND_SITE_HEADER, MATCH_EXACT },
  { "branding", CRB_HTML_KIND_SITE_HEADER, MATCH_EXACT },
  { "breaking", CRB_HTML_KIND_ALERT, MATCH_EXACT },
  { "ticker", CRB_HTML_KIND_ALERT, MATCH_EXACT },
  { "alert", CRB_HTML_KIND_ALERT, MATCH_PREFIX },
  { "cookie", CRB_HTML_KIND_COOKIE, MATCH_PREFIX },
  { "consent", CRB_HTML_KIND_COOKIE, MATCH_PREFIX },
  { "gdpr", CRB_HTML_KIND_COOKIE, MATCH_PREFIX },
  { "onetrust", CRB_HTML_KIND_COOKIE, MATCH_PREFIX },
  { "didomi", CRB_HTML_KIND_COOKIE, MATCH_PREFIX },
  { "cookiebot", CRB_HTML_KIND_COOKIE, MATCH_PREFIX },
  { "cmp", CRB_HTML_KIND_COOKIE, MATCH_EXACT },
  { "share", CRB_HTML_KIND_SHARE, MATCH_PREFIX },
  { "sharing", CRB_HTML_KIND_SHARE, MATCH_EXACT },
  { "social", CRB_HTML_KIND_SHARE, MATCH_PREFIX },
  { "addthis", CRB_HTML_KIND_SHARE, MATCH_PREFIX },
  { "addtoany", CRB_HTML_KIND_SHARE, MATCH_PREFIX },
  { "toolbar", CRB_HTML_KIND_SHARE, MATCH_EXACT },
  { "tools", CRB_HTML_KIND_SHARE, MATCH_EXACT },
  { "actions", CRB_HTML_KIND_SHARE, MATCH_EXACT },
  { "bookmark", CRB_HTML_KIND_SHARE, MATCH_EXACT },
  { "citation", CRB_HTML_KIND_SHARE, MATCH_EXACT },
  { "byline", CRB_HTML_KIND_BYLINE, MATCH_PREFIX },
  { "author", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "authors", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "autor", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "autoren", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "contributor", CRB_HTML_KIND_BYLINE, MATCH_PREFIX },
  { "meta", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "metadata", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "timestamp", CRB_HTML_KIND_BYLINE, MATCH_PREFIX },
  { "date", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "time", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "dateline", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "pubdate", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "published", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "updated", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "posted", CRB_HTML_KIND_BYLINE, MATCH_EXACT },
  { "related", CRB_HTML_KIND_RELATED, MATCH_PREFIX },
  { "recommend", CRB_HTML_KIND_RELATED, MATCH_PREFIX },
  { "popular", CRB_HTML_KIND_RELATED, MATCH_EXACT },
  { "trending", CRB_HTML_KIND_RELATED, MATCH_EXACT },
  { "outbrain", CRB_HTML_KIND_RELATED, MATCH_PREFIX },
  { "taboola", CRB_HTML_KIND_RELATED, MATCH_PREFIX },
  { "recirc", CRB_HTML_KIND_RELATED, MATCH_PREFIX },
  { "onward", CRB_HTML_KIND_RELATED, MATCH_PREFIX },
  { "newsletter", CRB_HTML_KIND_NEWSLETTER, MATCH_PREFIX },
  { "subscribe", CRB_HTML_KIND_NEWSLETTER, MATCH_EXACT },
  { "subscription", CRB_HTML_KIND_NEWSLETTER, MATCH_EXACT },
  { "signup", CRB_HTML_KIND_NEWSLETTER, MATCH_EXACT },
  { "mailchimp", CRB_HTML_KIND_NEWSLETTER, MATCH_PREFIX },
  { "optin", CRB_HTML_KIND_NEWSLETTER, MATCH_EXACT },
  { "paywall", CRB_HTML_KIND_PAYWALL, MATCH_PREFIX },
  { "regwall", CRB_HTML_KIND_PAYWALL, MATCH_PREFIX },
  { "ad", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "ads", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "adv", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "advert", CRB_HTML_KIND_AD, MATCH_PREFIX },
  { "adslot", CRB_HTML_KIND_AD, MATCH_PREFIX },
  { "adunit", CRB_HTML_KIND_AD, MATCH_PREFIX },
  { "adsense", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "adsbygoogle", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "dfp", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "gpt", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "sponsor", CRB_HTML_KIND_AD, MATCH_PREFIX },
  { "promo", CRB_HTML_KIND_AD, MATCH_PREFIX },
  { "mpu", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "leaderboard", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "billboard", CRB_HTML_KIND_AD, MATCH_EXACT },
  { "affiliate", CRB_HTML_KIND_AD, MATCH_PREFIX },
  { "comment", CRB_HTML_KIND_COMMENTS, MATCH_EXACT },
  { "comments", CRB_HTML_KIND_COMMENTS, MATCH_EXACT },
  { "commentlist", CRB_HTML_KIND_COMMENTS, MATCH_EXACT },
  { "disqus", CRB_HTML_KIND_COMMENTS, MATCH_PREFIX },
  { "respond", CRB_HTML_KIND_COMMENTS, MATCH_EXACT },
  { "replies", CRB_HTML_KIND_COMMENTS, MATCH_EXACT },
  { "discussion", CRB_HTML_KIND_COMMENTS, MATCH_EXACT },
  { "livefyre", CRB_HTML_KIND_COMMENTS, MATCH_PREFIX },
  { "viafoura", CRB_HTML_KIND_COMMENTS, MATCH_PREFIX },
  { "tags", CRB_HTML_KIND_TAGS, MATCH_EXACT },
  { "tag", CRB_HTML_KIND_TAGS, MATCH_EXACT },
  { "taglist", CRB_HTML_KIND_TAGS, MATCH_EXACT },
  { "keywords", CRB_HTML_KIND_TAGS, MATCH_EXACT },
  { "topics", CRB_HTML_KIND_TAGS, MATCH_EXACT },
  { "categories", CRB_HTML_KIND_TAGS, MATCH_EXACT },
  { "bio", CRB_HTML_KIND_AUTHOR_BIO, MATCH_EXACT },
  { "biography", CRB_HTML_KIND_AUTHOR_BIO, MATCH_EXACT },
  { "pagination", CRB_HTML_KIND_PAGINATION, MATCH_PREFIX },
  { "pager", CRB_HTML_KIND_PAGINATION, MATCH_EXACT },
  { "pagenav", CRB_HTML_KIND_PAGINATION, MATCH_EXACT },
  { "sidebar", CRB_HTML_KIND_SIDEBAR, MATCH_PREFIX },
  { "rail", CRB_HTML_KIND_SIDEBAR, MATCH_EXACT },
  { "widget", CRB_HTML_KIND_SIDEBAR, MATCH_PREFIX },
  { "aside", CRB_HTML_KIND_SIDEBAR, MATCH_EXACT },
  { "secondary", CRB_HTML_KIND_SIDEBAR, MATCH_EXACT },
  { "footer", CRB_HTML_KIND_FOOTER, MATCH_PREFIX },
  { "colophon", CRB_HTML_KIND_FOOTER, MATCH_EXACT },
  { "copyright", CRB_HTML_KIND_FOOTER, MATCH_EXACT },
  { "modal", CRB_HTML_KIND_DIALOG, MATCH_PREFIX },
  { "popup", CRB_HTML_KIND_DIALOG, MATCH_PREFIX },
  { "overlay", CRB_HTML_KIND_DIALOG, MATCH_EXACT },
  { "interstitial", CRB_HTML_KIND_DIALOG, MATCH_EXACT },
  { "login", CRB_HTML_KIND_DIALOG, MATCH_EXACT },
  { "signin", CRB_HTML_KIND_DIALOG, MATCH_EXACT },
  { "offcanvas", CRB_HTML_KIND_DIALOG, MATCH_EXACT },
  { "instagram", CRB_HTML_KIND_EMBED, MATCH_PREFIX },
  { "tiktok", CRB_HTML_KIND_EMBED, MATCH_PREFIX },
  { "credit", CRB_HTML_KIND_CREDIT, MATCH_PREFIX },
  /* positive words */
  { "article", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "articlebody", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "body", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "content", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "entry", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "hentry", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "post", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "story", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "text", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "main", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "blog", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "prose", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "richtext", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "markdown", CRB_HTML_KIND_NONE, MATCH_EXACT },
  { "liveblog", CRB_HTML_KIND_NONE, MATCH_PREFIX },
  /* neutral words: parts of an article, neither furniture nor a body */
  { "standfirst", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "dek", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "deck", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "lede", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "lead", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "intro", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "summary", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "subtitle", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "headline", CRB_HTML_N_KINDS, MATCH_PREFIX },
  { "title", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "heading", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "caption", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "figure", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "image", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "media", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "paragraph", CRB_HTML_N_KINDS, MATCH_EXACT },
  { "quote", CRB_HTML_N_KINDS, MATCH_EXACT },
};

/* Glued names, searched inside one class name with its punctuation removed. */
static const Hint phrase_hints[] = {
  { "mostread", CRB_HTML_KIND_RELATED },       { "mostpopular", CRB_HTML_KIND_RELATED },
  { "mostviewed", CRB_HTML_KIND_RELATED },     { "morestories", CRB_HTML_KIND_RELATED },
  { "morenews", CRB_HTML_KIND_RELATED },       { "youmay", CRB_HTML_KIND_RELATED },
  { "readnext", CRB_HTML_KIND_RELATED },       { "alsoread", CRB_HTML_KIND_RELATED },
  { "seealso", CRB_HTML_KIND_RELATED },        { "upnext", CRB_HTML_KIND_RELATED },
  { "morefrom", CRB_HTML_KIND_RELATED },       { "moreon", CRB_HTML_KIND_RELATED },
  { "toppicks", CRB_HTML_KIND_RELATED },       { "editorspicks", CRB_HTML_KIND_RELATED },
  { "nextarticle", CRB_HTML_KIND_RELATED },    { "readmore", CRB_HTML_KIND_READ_MORE },
  { "signup", CRB_HTML_KIND_NEWSLETTER },      { "emailcapture", CRB_HTML_KIND_NEWSLETTER },
  { "aboutauthor", CRB_HTML_KIND_AUTHOR_BIO }, { "abouttheauthor", CRB_HTML_KIND_AUTHOR_BIO },
  { "authorbio", CRB_HTML_KIND_AUTHOR_BIO },   { "authorbox", CRB_HTML_KIND_AUTHOR_BIO },
  { "authorinfo", CRB_HTML_KIND_AUTHOR_BIO },  { "pagelinks", CRB_HTML_KIND_PAGINATION },
  { "pagenumbers", CRB_HTML_KIND_PAGINATION }, { "skipto", CRB_HTML_KIND_NAVIGATION },
  { "skiplink", CRB_HTML_KIND_NAVIGATION },    { "siteheader", CRB_HTML_KIND_SITE_HEADER },
  { "siteinfo", CRB_HTML_KIND_FOOTER },        { "readingtime", CRB_HTML_KIND_BYLINE },
  { "readtime", CRB_HTML_KIND_BYLINE },
};

/* Class names that mean "not shown" (screen-reader text, toggled blocks). */
static const char *const hidden_classes[] = {
  "hidden",
  "hide",
  "is-hidden",
  "d-none",
  "sr-only",
  "visually-hidden",
  "visuallyhidden",
  "screen-reader-text",
  "screen-reader-only",
  "screenreader-only",
  "u-hidden",
  "offscreen",
  "element-invisible",
  "invisible",
  "u-visually-hidden",
  "a11y-hidden",
  "sr-text",
};

static const struct
{
  const char *role;
  guint8      kind;
} role_hints[] = {
  { "navigation", CRB_HTML_KIND_NAVIGATION }, { "menu", CRB_HTML_KIND_NAVIGATION },
  { "menubar", CRB_HTML_KIND_NAVIGATION },    { "tablist", CRB_HTML_KIND_NAVIGATION },
  { "toolbar", CRB_HTML_KIND_SHARE },         { "banner", CRB_HTML_KIND_SITE_HEADER },
  { "contentinfo", CRB_HTML_KIND_FOOTER },    { "complementary", CRB_HTML_KIND_SIDEBAR },
  { "search", CRB_HTML_KIND_FORM },           { "dialog", CRB_HTML_KIND_DIALOG },
  { "alertdialog", CRB_HTML_KIND_DIALOG },    { "alert", CRB_HTML_KIND_ALERT },
};

static const char *const kind_labels[CRB_HTML_N_KINDS] = {
  [CRB_HTML_KIND_NAVIGATION] = "navigation",
  [CRB_HTML_KIND_BREADCRUMBS] = "breadcrumbs",
  [CRB_HTML_KIND_SITE_HEADER] = "site header",
  [CRB_HTML_KIND_ALERT] = "alert and breaking-news bars",
  [CRB_HTML_KIND_COOKIE] = "cookie notice",
  [CRB_HTML_KIND_SHARE] = "share and tool buttons",
  [CRB_HTML_KIND_BYLINE] = "byline and dates",
  [CRB_HTML_KIND_RELATED] = "related and recommended links",
  [CRB_HTML_KIND_READ_MORE] = "read-more links",
  [CRB_HTML_KIND_NEWSLETTER] = "newsletter and subscription boxes",
  [CRB_HTML_KIND_PAYWALL] = "subscription wall",
  [CRB_HTML_KIND_AD] = "advertisements",
  [CRB_HTML_KIND_COMMENTS] = "comments",
  [CRB_HTML_KIND_TAGS] = "tag lists",
  [CRB_HTML_KIND_AUTHOR_BIO] = "author bio",
  [CRB_HTML_KIND_PAGINATION] = "pagination",
  [CRB_HTML_KIND_SIDEBAR] = "sidebar",
  [CRB_HTML_KIND_FOOTER] = "footer",
  [CRB_HTML_KIND_DIALOG] = "dialogs and pop-ups",
  [CRB_HTML_KIND_FORM] = "forms",
  [CRB_HTML_KIND_EMBED] = "embedded social posts",
  [CRB_HTML_KIND_CREDIT] = "image credits",
  [CRB_HTML_KIND_LINKS] = "link lists",
  [CRB_HTML_KIND_HIDDEN] = "hidden elements",
  [CRB_HTML_KIND_OUTSIDE] = "other page content outside the article",
};

const char *
crb_html_kind_label (CrbHtmlKind kind)
{
  return kind < CRB_HTML_N_KINDS ? kind_labels[kind] : NULL;
}

static gboolean
is_structural (CrbHtmlKind kind)
{
  return kind == CRB_HTML_KIND_NAVIGATION || kind == CRB_HTML_KIND_SITE_HEADER ||
         kind == CRB_HTML_KIND_SIDEBAR || kind == CRB_HTML_KIND_FOOTER;
}

typedef struct
{
  CrbHtmlKind kind; /* first negative word found */
  gboolean    positive;
  gboolean    known; /* some word was found, even a neutral one */
} Verdict;

static void
look_up_word (const char *word, gsize length, Verdict *verdict)
{
  gsize i;

  if (length == 0)
    return;
  for (i = 0; i < G_N_ELEMENTS (word_hints); i++)
    {
      gsize    hint_length = strlen (word_hints[i].word);
      gboolean hit;

      if (word_hints[i].match == MATCH_EXACT)
        hit = hint_length == length && memcmp (word, word_hints[i].word, length) == 0;
      else
        hit = hint_length <= length && memcmp (word, word_hints[i].word, hint_length) == 0;
      if (!hit)
        continue;
      verdict->known = TRUE;
      if (word_hints[i].kind == CRB_HTML_N_KINDS)
        return;
      if (word_hints[i].kind == CRB_HTML_KIND_NONE)
        verdict->positive = TRUE;
      else if (verdict->kind == CRB_HTML_KIND_NONE)
        verdict->kind = word_hints[i].kind;
      return;
    }
}

/* One class name (or id, or custom tag name): its glued form first (the
 * phrase "authorbio" says more than its word "author"), then its words. */
static void
look_up_name (const char *name, gsize length, Verdict *verdict)
{
  char  compact[64];
  char  word[64];
  gsize n_compact = 0, n_word = 0, i;

  for (i = 0; i < length && n_compact < sizeof compact - 1; i++)
    if (g_ascii_isalnum (name[i]))
      compact[n_compact++] = g_ascii_tolower (name[i]);
  compact[n_compact] = '\0';
  for (i = 0; i < G_N_ELEMENTS (phrase_hints); i++)
    if (strstr (compact, phrase_hints[i].word) != NULL)
      {
        if (verdict->kind == CRB_HTML_KIND_NONE)
          verdict->kind = phrase_hints[i].kind;
        verdict->known = TRUE;
        return;
      }
  for (i = 0; i <= length; i++)
    {
      char     c = i < length ? name[i] : '\0';
      gboolean camel_break =
          i > 0 && i < length && g_ascii_isupper (c) && g_ascii_islower (name[i - 1]);

      if (!g_ascii_isalnum (c) || camel_break)
        {
          look_up_word (word, n_word, verdict);
          n_word = 0;
        }
      if (g_ascii_isalnum (c) && n_word < sizeof word)
        word[n_word++] = g_ascii_tolower (c);
    }
}

/* CSS-module hashes ("__2xk9B"): short, with a digit or mixed case. */
static gboolean
looks_like_hash (const char *segment, gsize length)
{
  gboolean digit = FALSE, upper = FALSE, lower = FALSE;
  gsize    i;

  if (length == 0 || length > 8)
    return FALSE;
  for (i = 0; i < length; i++)
    {
      digit |= g_ascii_isdigit (segment[i]);
      upper |= g_ascii_isupper (segment[i]);
      lower |= g_ascii_islower (segment[i]);
    }
  return digit || (upper && lower);
}

/* BEM and CSS-module names ("liveblog-header__standfirst",
 * "ArticleBody_root__3Xyz") name a part of a block: the part's own name says
 * what it is, the block's only says where it sits.  The block's name counts
 * when the part's name is a generic one ("container", "root"). */
static void
look_up_class (const char *name, gsize length, Verdict *verdict)
{
  const char *separator = g_strstr_len (name, (gssize) length, "__");
  const char *element, *end = name + length, *last_underscore = NULL, *p;
  Verdict     part = { CRB_HTML_KIND_NONE, FALSE, FALSE };

  if (separator == NULL && memchr (name, '_', length) == NULL)
    {
      look_up_name (name, length, verdict);
      return;
    }
  /* Drop a trailing hash, then take what follows the last separator. */
  for (p = name; p < end; p++)
    if (*p == '_')
      last_underscore = p;
  if (last_underscore != NULL && looks_like_hash (last_underscore + 1, end - last_underscore - 1))
    {
      end = last_underscore;
      while (end > name && end[-1] == '_')
        end--;
    }
  element = end;
  while (element > name && element[-1] != '_')
    element--;
  if (element == name)
    {
      look_up_name (name, (gsize) (end - name), verdict);
      return;
    }
  look_up_name (element, (gsize) (end - element), &part);
  if (!part.known)
    {
      const char *block_end = name;

      while (block_end < end && *block_end != '_')
        block_end++;
      look_up_name (name, (gsize) (block_end - name), &part);
    }
  if (verdict->kind == CRB_HTML_KIND_NONE)
    verdict->kind = part.kind;
  verdict->positive |= part.positive;
  verdict->known |= part.known;
}

/* Calls look_up_class on each space-separated name of an attribute value. */
static void
look_up_names (const char *value, Verdict *verdict)
{
  const char *p = value;

  if (value == NULL || strlen (value) > 512)
    return;
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      if (p > start && p - start < 128)
        look_up_class (start, (gsize) (p - start), verdict);
    }
}

static gboolean
has_hidden_class (const char *classes)
{
  g_auto (GStrv) names = NULL;
  gboolean hidden = FALSE, shown_somewhere = FALSE;
  guint    i, j;

  if (classes == NULL || strlen (classes) > 512)
    return FALSE;
  names = g_strsplit_set (classes, " \t\n\r\f", -1);
  for (i = 0; names[i] != NULL; i++)
    {
      for (j = 0; j < G_N_ELEMENTS (hidden_classes); j++)
        if (g_ascii_strcasecmp (names[i], hidden_classes[j]) == 0)
          hidden = TRUE;
      /* Bootstrap's "d-none d-md-block": hidden on phones only. */
      if (g_str_has_prefix (names[i], "d-") && strlen (names[i]) > 5 &&
          (g_str_has_suffix (names[i], "-block") || g_str_has_suffix (names[i], "-flex") ||
           g_str_has_suffix (names[i], "-inline")))
        shown_somewhere = TRUE;
    }
  return hidden && !shown_somewhere;
}

static gboolean
style_hides (const char *style)
{
  char  compact[256];
  gsize n = 0;

  if (style == NULL)
    return FALSE;
  for (; *style != '\0' && n < sizeof compact - 1; style++)
    if (!g_ascii_isspace (*style))
      compact[n++] = g_ascii_tolower (*style);
  compact[n] = '\0';
  return strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL;
}

static gboolean
is_hidden (const CrbHtmlNode *node)
{
  const char *aria = crb_html_attr (node, "aria-hidden");
  const char *type = crb_html_attr (node, "type");

  if (crb_html_attr (node, "hidden") != NULL)
    return TRUE;
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  if (type != NULL && g_ascii_strcasecmp (type, "hidden") == 0)
    return TRUE;
  return style_hides (crb_html_attr (node, "style")) ||
         has_hidden_class (crb_html_attr (node, "class"));
}

static CrbHtmlKind
kind_of_tag (const CrbHtmlNode *node)
{
  if (node->node->type == GUMBO_NODE_TEMPLATE)
    return CRB_HTML_KIND_NONTEXT;
  switch (node->tag)
    {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_IMG:
      return CRB_HTML_KIND_NONTEXT;
    default:
      return CRB_HTML_KIND_NONE;
    }
}

static CrbHtmlKind
hint_of_tag (const CrbHtmlNode *node)
{
  switch (node->tag)
    {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_MENU:
      return CRB_HTML_KIND_NAVIGATION;
    case GUMBO_TAG_ASIDE:
      return CRB_HTML_KIND_SIDEBAR;
    case GUMBO_TAG_FOOTER:
      return CRB_HTML_KIND_FOOTER;
    case GUMBO_TAG_HEADER:
      return CRB_HTML_KIND_SITE_HEADER;
    case GUMBO_TAG_UNKNOWN:
      {
        /* gumbo 0.10 does not know <dialog> yet. */
        g_autofree char *name = crb_html_tag_name (node);

        return g_strcmp0 (name, "dialog") == 0 ? CRB_HTML_KIND_DIALOG : CRB_HTML_KIND_NONE;
      }
    default:
      return CRB_HTML_KIND_NONE;
    }
}

/* What the attributes of one element suggest; sets the positive flags.  Names
 * are the most specific ("cookie-banner" with role=dialog), then the role,
 * then the tag. */
static CrbHtmlKind
hint_of_element (CrbHtmlNode *node, gboolean *from_words)
{
  static const char *const data_names[] = { "data-component", "data-testid", "data-module",
                                            "data-role" };
  Verdict                  verdict = { CRB_HTML_KIND_NONE, FALSE, FALSE };
  const char              *role = crb_html_attr (node, "role");
  const char              *itemprop = crb_html_attr (node, "itemprop");
  gsize                    i;

  *from_words = FALSE;
  if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "articleBody") == 0)
    node->flags |= CRB_HTML_FLAG_BODY_PROP | CRB_HTML_FLAG_POSITIVE;
  if (node->tag == GUMBO_TAG_MAIN || (role != NULL && g_ascii_strcasecmp (role, "main") == 0))
    node->flags |= CRB_HTML_FLAG_MAIN;

  look_up_names (crb_html_attr (node, "class"), &verdict);
  look_up_names (crb_html_attr (node, "id"), &verdict);
  for (i = 0; i < G_N_ELEMENTS (data_names); i++)
    look_up_names (crb_html_attr (node, data_names[i]), &verdict);
  if (node->tag == GUMBO_TAG_UNKNOWN)
    {
      g_autofree char *name = crb_html_tag_name (node);

      look_up_name (name, strlen (name), &verdict);
    }
  if (verdict.positive && verdict.kind == CRB_HTML_KIND_NONE)
    node->flags |= CRB_HTML_FLAG_POSITIVE;
  /* A factor, not a bonus: a wrapper named "main" that holds the article's
   * paragraphs only at a distance must not outscore their container. */
  node->weight = verdict.positive ? 1.5f : 1.f;
  if (verdict.kind != CRB_HTML_KIND_NONE)
    node->weight *= 0.5f;
  if (node->flags & CRB_HTML_FLAG_BODY_PROP)
    node->weight = 2.5f;
  if (node->flags & CRB_HTML_FLAG_MAIN)
    node->weight *= 1.2f;
  if (node->tag == GUMBO_TAG_ARTICLE)
    node->weight *= 1.2f;

  if (verdict.kind != CRB_HTML_KIND_NONE)
    {
      *from_words = TRUE;
      return verdict.kind;
    }
  if (role != NULL)
    for (i = 0; i < G_N_ELEMENTS (role_hints); i++)
      if (g_ascii_strcasecmp (role, role_hints[i].role) == 0)
        return role_hints[i].kind;
  return hint_of_tag (node);
}

/* The proportion of words of `a` that occur in `b`. */
static double
word_overlap (const char *a, const char *b)
{
  g_autofree char *fa = NULL, *fb = NULL;
  g_auto (GStrv) wa = NULL;
  guint n = 0, hits = 0, i;

  if (a == NULL || b == NULL)
    return 0;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  wa = g_strsplit_set (fa, " \t\n,.:;!?\"'«»“”‘’()[]|—–-", -1);
  for (i = 0; wa[i] != NULL; i++)
    {
      if (wa[i][0] == '\0')
        continue;
      n++;
      if (strstr (fb, wa[i]) != NULL)
        hits++;
    }
  return n == 0 ? 0 : (double) hits / n;
}

/* The article's headline: the <h1> (or, lacking one, a heading marked as the
 * headline) that best matches the page's title, not the site logo. */
static void
find_headline (CrbHtmlDoc *doc)
{
  const char *title = doc->meta.og_title != NULL      ? doc->meta.og_title
                      : doc->meta.ld_headline != NULL ? doc->meta.ld_headline
                                                      : doc->meta.title;
  double      best = -1;
  guint       i;

  for (i = doc->body; i < doc->nodes[doc->body].end; i++)
    {
      CrbHtmlNode     *node = &doc->nodes[i];
      g_autofree char *text = NULL;
      const char      *itemprop;
      double           score;
      glong            length;

      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        {
          i = node->end - 1;
          continue;
        }
      itemprop = crb_html_attr (node, "itemprop");
      if (node->tag != GUMBO_TAG_H1 &&
          !(itemprop != NULL && g_ascii_strcasecmp (itemprop, "headline") == 0 &&
            node->tag >= GUMBO_TAG_H1 && node->tag <= GUMBO_TAG_H6) &&
          !(node->tag == GUMBO_TAG_H2 && title != NULL))
        continue;
      text = crb_html_node_text (doc, i, TRUE);
      length = g_utf8_strlen (text, -1);
      if (length < 3 || length > 400)
        continue;
      score = title != NULL ? word_overlap (text, title) : MIN (length, 120) / 120.0;
      if (node->tag != GUMBO_TAG_H1)
        score -= title != NULL && score > 0.8 ? 0.3 : 1.0;
      if (node->flags & CRB_HTML_FLAG_IN_LINK)
        score -= 0.3;
      if (node->hint != CRB_HTML_KIND_NONE)
        score -= 0.3;
      if (score > best + 0.01)
        {
          best = score;
          doc->headline = (gint) i;
          g_free (doc->meta.h1);
          doc->meta.h1 = g_steal_pointer (&text);
        }
    }
  if (best < 0.3 && title != NULL && doc->headline >= 0 &&
      doc->nodes[doc->headline].tag != GUMBO_TAG_H1)
    {
      doc->headline = -1;
      g_clear_pointer (&doc->meta.h1, g_free);
    }
}

/* "15.04.2024 12:30", "Updated 2 May 2024 · 4 min read": a line that only
 * dates the article.  Mostly digits, or a reading time, or an "updated"
 * label with a number. */
static gboolean
is_dateline (const char *folded)
{
  static const char *const reading[] = { "min read",     "minute read",  "mins read",
                                         "мин чтения",   "минут чтения", "lesezeit",
                                         "min. lesezeit" };
  static const char *const labels[] = { "updated",       "published",      "posted",
                                        "last modified", "обновлено",      "опубликовано",
                                        "aktualisiert",  "veröffentlicht", "жарияланды" };
  static const char *const relative[] = { "yesterday", "today", "just now", "вчера", "сегодня",
                                          "gestern",   "heute", "кеше",     "бүгін" };
  guint                    digits = 0, letters = 0;
  const char              *p;
  gsize                    i;

  if (g_utf8_strlen (folded, -1) > 80)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (relative); i++)
    if (strcmp (folded, relative[i]) == 0)
      return TRUE;
  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        digits++;
      else if (g_unichar_isalpha (c))
        letters++;
    }
  if (digits == 0)
    return FALSE;
  if (digits * 10 >= (digits + letters) * 4)
    return TRUE;
  if (g_str_has_suffix (folded, " ago") || g_str_has_suffix (folded, " назад") ||
      g_str_has_prefix (folded, "vor "))
    return letters < 24;
  for (i = 0; i < G_N_ELEMENTS (reading); i++)
    if (strstr (folded, reading[i]) != NULL)
      return TRUE;
  for (i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_has_prefix (folded, labels[i]))
      return TRUE;
  return FALSE;
}

/* "By Jane Doe", "Von Katrin Vogel · 12.03.2024": a short line naming the
 * author.  "By the end of the year" is not one: a name follows in capitals. */
static gboolean
is_byline (const char *text)
{
  static const char *const prefixes[] = { "By ",  "BY ",     "Von ",     "Par ",   "Door ",
                                          "Por ", "Автор: ", "Авторы: ", "Автор ", "Текст: " };
  guint                    words = 0;
  gsize                    i;
  const char              *p;

  if (g_utf8_strlen (text, -1) > 80)
    return FALSE;
  for (p = text; *p != '\0'; p++)
    if (*p == ' ')
      words++;
  if (words > 12)
    return FALSE;
  for (i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (text, prefixes[i]))
      return g_unichar_isupper (g_utf8_get_char (text + strlen (prefixes[i])));
  return FALSE;
}

/**
 * crb_html_names_author:
 *
 * Whether a small block holds a link with rel=author or an element with
 * itemprop=author: a byline, whatever its class.
 */
gboolean
crb_html_names_author (const CrbHtmlDoc *doc, guint index)
{
  guint i;

  if (doc->nodes[index].end - index > 64 || doc->nodes[index].text_len > 200)
    return FALSE;
  for (i = index; i < doc->nodes[index].end; i++)
    {
      const char *rel = crb_html_attr (&doc->nodes[i], "rel");
      const char *itemprop = crb_html_attr (&doc->nodes[i], "itemprop");

      if ((rel != NULL && strstr (rel, "author") != NULL) ||
          (itemprop != NULL && g_ascii_strcasecmp (itemprop, "author") == 0))
        return TRUE;
    }
  return FALSE;
}

/* Short, text-only blocks whose whole text names them as furniture. */
CrbHtmlKind
crb_html_text_kind (const char *text)
{
  static const struct
  {
    const char *text;
    guint8      kind;
    gboolean    prefix;
  } texts[] = {
    { "advertisement", CRB_HTML_KIND_AD, TRUE },
    { "advertising", CRB_HTML_KIND_AD, FALSE },
    { "sponsored", CRB_HTML_KIND_AD, FALSE },
    { "реклама", CRB_HTML_KIND_AD, FALSE },
    { "anzeige", CRB_HTML_KIND_AD, FALSE },
    { "жарнама", CRB_HTML_KIND_AD, FALSE },
    { "story continues below", CRB_HTML_KIND_AD, TRUE },
    { "skip advertisement", CRB_HTML_KIND_AD, FALSE },
    { "continue reading the main story", CRB_HTML_KIND_AD, FALSE },
    { "read more", CRB_HTML_KIND_READ_MORE, TRUE },
    { "read also", CRB_HTML_KIND_READ_MORE, TRUE },
    { "also read", CRB_HTML_KIND_READ_MORE, TRUE },
    { "see also", CRB_HTML_KIND_READ_MORE, TRUE },
    { "related:", CRB_HTML_KIND_READ_MORE, TRUE },
    { "read next", CRB_HTML_KIND_READ_MORE, TRUE },
    { "continue reading", CRB_HTML_KIND_READ_MORE, TRUE },
    { "click here", CRB_HTML_KIND_READ_MORE, TRUE },
    { "читайте также", CRB_HTML_KIND_READ_MORE, TRUE },
    { "читать также", CRB_HTML_KIND_READ_MORE, TRUE },
    { "читать далее", CRB_HTML_KIND_READ_MORE, TRUE },
    { "подробнее", CRB_HTML_KIND_READ_MORE, TRUE },
    { "по теме:", CRB_HTML_KIND_READ_MORE, TRUE },
    { "смотрите также", CRB_HTML_KIND_READ_MORE, TRUE },
    { "lesen sie auch", CRB_HTML_KIND_READ_MORE, TRUE },
    { "mehr zum thema", CRB_HTML_KIND_READ_MORE, TRUE },
    { "weiterlesen", CRB_HTML_KIND_READ_MORE, TRUE },
    { "сондай-ақ оқыңыз", CRB_HTML_KIND_READ_MORE, TRUE },
    { "толығырақ", CRB_HTML_KIND_READ_MORE, TRUE },
    { "share this", CRB_HTML_KIND_SHARE, TRUE },
    { "share", CRB_HTML_KIND_SHARE, FALSE },
    { "поделиться", CRB_HTML_KIND_SHARE, TRUE },
    { "teilen", CRB_HTML_KIND_SHARE, FALSE },
  };
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = NULL;
  gsize            i;

  if (text == NULL || strlen (text) > 200)
    return CRB_HTML_KIND_NONE;
  trimmed = g_strstrip (g_strdup (text));
  folded = g_utf8_casefold (trimmed, -1);
  if (is_dateline (folded) || is_byline (trimmed))
    return CRB_HTML_KIND_BYLINE;
  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (texts[i].prefix ? g_str_has_prefix (folded, texts[i].text)
                          : strcmp (folded, texts[i].text) == 0)
        return texts[i].kind;
    }
  return CRB_HTML_KIND_NONE;
}

/* Whether a boilerplate name on `index` must be ignored: the block holds the
 * headline or the marked article body, or (for layout words such as
 * "sidebar") it is a wrapper around most of the page's text. */
static gboolean
guarded (CrbHtmlDoc *doc, guint index, const guint8 *protect, gboolean from_words)
{
  CrbHtmlNode *node = &doc->nodes[index];
  CrbHtmlNode *body = &doc->nodes[doc->body];

  if (node->tag == GUMBO_TAG_BODY || node->tag == GUMBO_TAG_HTML)
    return TRUE;
  if (protect[index] & 1)
    return TRUE;
  if (!is_structural (node->hint))
    return FALSE;
  if (protect[index] & 2)
    return TRUE;
  /* Without a headline to protect the article's wrapper, a layout word on a
   * block holding most of the page's prose is taken for a misnomer
   * ("page-with-sidebar"); with one, even a footer longer than the article
   * is a footer. */
  return doc->headline < 0 && from_words && node->n_blocks >= 3 &&
         node->text_len * 2 >= body->text_len && (node->flags & CRB_HTML_FLAG_POSITIVE) == 0 &&
         crb_html_link_density (node) < 0.5f;
}

/* Comment threads that no class name announces: a block with several
 * "Reply" links or buttons, the outermost one that does not hold the
 * article. */
static void
find_unnamed_comments (CrbHtmlDoc *doc, const guint8 *protect)
{
  static const char *const reply_words[] = { "reply",        "reply to this", "report",
                                             "report abuse", "ответить",      "пожаловаться",
                                             "antworten",    "melden",        "répondre",
                                             "жауап беру" };
  g_autofree guint        *replies = g_new0 (guint, doc->n_nodes);
  guint                    i;
  gsize                    w;

  for (i = doc->n_nodes; i-- > 0;)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if ((node->tag == GUMBO_TAG_A || node->tag == GUMBO_TAG_BUTTON) && node->end - i <= 4)
        {
          g_autofree char *text = crb_html_node_text (doc, i, FALSE);
          g_autofree char *folded = g_utf8_casefold (g_strstrip (text), -1);

          for (w = 0; w < G_N_ELEMENTS (reply_words); w++)
            if (g_str_has_prefix (folded, reply_words[w]) && strlen (folded) < 24)
              {
                replies[i] = 1;
                break;
              }
        }
      if (node->parent >= 0)
        replies[node->parent] += replies[i];
    }
  for (i = doc->body; i < doc->n_nodes; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if (replies[i] < 3 || (node->flags & CRB_HTML_FLAG_EXCLUDED))
        {
          if (replies[i] == 0)
            i = node->end - 1;
          continue;
        }
      if (protect[i] != 0 || !crb_html_node_is_element (node))
        continue;
      if (node->kind == CRB_HTML_KIND_NONE)
        node->kind = CRB_HTML_KIND_COMMENTS;
      i = node->end - 1;
    }
}

/**
 * crb_html_classify:
 *
 * Gives every element that is not article text its kind: non-text elements,
 * hidden ones, and blocks whose tag, role or names mark them as page
 * furniture.  Also picks the headline.  Needs doc->meta.
 */
void
crb_html_classify (CrbHtmlDoc *doc)
{
  g_autofree guint8   *protect = g_new0 (guint8, doc->n_nodes);
  g_autofree gboolean *from_words = g_new0 (gboolean, doc->n_nodes);
  guint                i;

  for (i = 0; i < doc->n_nodes; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if (!crb_html_node_is_element (node))
        continue;
      node->kind = kind_of_tag (node);
      if (node->kind == CRB_HTML_KIND_NONE && is_hidden (node))
        node->kind = CRB_HTML_KIND_HIDDEN;
      node->hint = hint_of_element (node, &from_words[i]);
      /* "header-anchor", "section-header": a heading is the header of its
       * own section, not the site's. */
      if (node->tag >= GUMBO_TAG_H1 && node->tag <= GUMBO_TAG_H6 &&
          (is_structural (node->hint) || node->hint == CRB_HTML_KIND_BYLINE))
        node->hint = CRB_HTML_KIND_NONE;
    }
  crb_html_doc_propagate (doc);
  crb_html_doc_measure (doc);
  find_headline (doc);

  /* 1: holds the headline or the article body; 2: holds <main>. */
  for (i = 0; i < doc->n_nodes; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];
      guint8       mark = 0;
      gint         up;

      if ((gint) i == doc->headline || (node->flags & CRB_HTML_FLAG_BODY_PROP))
        mark = 1;
      else if (node->flags & CRB_HTML_FLAG_MAIN)
        mark = 2;
      if (mark == 0 || (node->flags & CRB_HTML_FLAG_EXCLUDED))
        continue;
      for (up = (gint) i; up >= 0 && (protect[up] & mark) == 0; up = doc->nodes[up].parent)
        protect[up] |= mark;
    }

  for (i = 0; i < doc->n_nodes; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if (node->kind != CRB_HTML_KIND_NONE || node->hint == CRB_HTML_KIND_NONE)
        continue;
      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        continue;
      if (guarded (doc, i, protect, from_words[i]))
        continue;
      /* A byline that grew into a long block is probably mislabelled text. */
      if (node->hint == CRB_HTML_KIND_BYLINE && node->text_len > 300)
        continue;
      node->kind = node->hint;
      if (is_structural (node->hint))
        node->flags |= CRB_HTML_FLAG_STRUCTURAL;
    }
  find_unnamed_comments (doc, protect);
  crb_html_doc_propagate (doc);
  crb_html_doc_measure (doc);
}
