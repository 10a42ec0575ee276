/* crb-html-private.h: what the parts of the HTML extractor share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gumbo.h>

#include "crb-extract-result.h"

G_BEGIN_DECLS

/* Hostile pages must not make us (or gumbo, whose tree construction scans the
 * stack of open elements) spend time quadratic in their nesting depth. */
#define CRB_HTML_MAX_INPUT (32u * 1024u * 1024u)
#define CRB_HTML_MAX_DEPTH 256
#define CRB_HTML_MAX_TREE_DEPTH (CRB_HTML_MAX_DEPTH * 8)

/* Why a subtree is left out of the article.  The order is the order of the
 * lines in result->removed. */
typedef enum
{
  CRB_HTML_KIND_NONE = 0,
  CRB_HTML_KIND_NAVIGATION,
  CRB_HTML_KIND_BREADCRUMBS,
  CRB_HTML_KIND_SITE_HEADER,
  CRB_HTML_KIND_ALERT,
  CRB_HTML_KIND_COOKIE,
  CRB_HTML_KIND_SHARE,
  CRB_HTML_KIND_BYLINE,
  CRB_HTML_KIND_RELATED,
  CRB_HTML_KIND_READ_MORE,
  CRB_HTML_KIND_NEWSLETTER,
  CRB_HTML_KIND_PAYWALL,
  CRB_HTML_KIND_AD,
  CRB_HTML_KIND_COMMENTS,
  CRB_HTML_KIND_TAGS,
  CRB_HTML_KIND_AUTHOR_BIO,
  CRB_HTML_KIND_PAGINATION,
  CRB_HTML_KIND_SIDEBAR,
  CRB_HTML_KIND_FOOTER,
  CRB_HTML_KIND_DIALOG,
  CRB_HTML_KIND_FORM,
  CRB_HTML_KIND_EMBED,
  CRB_HTML_KIND_CREDIT,
  CRB_HTML_KIND_LINKS,
  CRB_HTML_KIND_HIDDEN,
  CRB_HTML_KIND_OUTSIDE, /* page content that scoring left outside the article */
  CRB_HTML_KIND_NONTEXT, /* script, style, svg…: never text, never reported */
  CRB_HTML_N_KINDS
} CrbHtmlKind;

typedef enum
{
  CRB_HTML_FLAG_TEXT = 1 << 0,        /* a text node */
  CRB_HTML_FLAG_BLOCK = 1 << 1,       /* breaks the flow of text */
  CRB_HTML_FLAG_IN_LINK = 1 << 2,     /* inside <a href> */
  CRB_HTML_FLAG_EXCLUDED = 1 << 3,    /* it or an ancestor has a kind */
  CRB_HTML_FLAG_CANDIDATE = 1 << 4,   /* received a score */
  CRB_HTML_FLAG_PRE = 1 << 5,         /* inside <pre>: whitespace kept */
  CRB_HTML_FLAG_POSITIVE = 1 << 6,    /* class/id says article body */
  CRB_HTML_FLAG_MAIN = 1 << 7,        /* <main>, role=main */
  CRB_HTML_FLAG_BODY_PROP = 1 << 8,   /* itemprop=articleBody */
  CRB_HTML_FLAG_DATA_TABLE = 1 << 9,  /* a table of data, not of layout */
  CRB_HTML_FLAG_STRUCTURAL = 1 << 10, /* kind came from layout words (nav, footer…) */
  CRB_HTML_FLAG_KEEP = 1 << 11,       /* protected from the clean-up */
} CrbHtmlFlags;

typedef struct
{
  GumboNode *node;
  gint       parent; /* index of the parent, -1 for the document's root */
  guint      end;    /* one past the last node of the subtree (pre-order) */
  GumboTag   tag;    /* GUMBO_TAG_UNKNOWN for text and custom elements */
  guint16    depth;
  guint8     kind; /* CrbHtmlKind given to this node itself */
  guint8     hint; /* CrbHtmlKind its class/id words suggest, before guards */
  guint32    flags;
  /* Measured by crb_html_doc_measure () over the nodes that are not excluded. */
  guint text_len; /* visible characters, whitespace runs counted once */
  guint link_len; /* of which inside links */
  guint flow_len; /* of which not inside a block-level descendant */
  guint commas;
  guint flow_commas;
  guint n_blocks; /* paragraphs (blocks of >= 25 flow characters) inside */
  guint own_len;  /* text nodes: their visible length, measured once */
  guint own_commas;
  float weight; /* class/id/tag preference, set once */
  float score;
} CrbHtmlNode;

typedef struct
{
  char    *title;     /* <title> */
  char    *og_title;  /* og:title, twitter:title */
  char    *h1;        /* text of the headline element */
  char    *site_name; /* og:site_name, application-name */
  char    *author;    /* <meta name=author>, article:author… */
  char    *published; /* article:published_time, <meta name=date>… */
  char    *language;  /* <html lang>, Content-Language, og:locale */
  char    *description;
  char    *ld_headline; /* the same from JSON-LD */
  char    *ld_author;
  char    *ld_published;
  char    *ld_publisher;
  char    *ld_language;
  char    *ld_body;  /* articleBody, for the cross-check */
  int      ld_rank;  /* how article-like the JSON-LD object was */
  int      ranks[8]; /* how good the source of each <meta> field was */
  gboolean has_next; /* <link rel=next> / rel=prev: one page of several */
  gboolean has_prev;
} CrbHtmlMeta;

typedef struct
{
  GumboOutput *output;
  CrbHtmlNode *nodes;
  guint        n_nodes;
  guint        body;       /* index of <body> (or of the root) */
  gint         headline;   /* index of the article's <h1>, or -1 */
  guint        total_flow; /* flow characters in paragraphs of the whole page */
  gboolean     truncated;  /* the tree was deeper than CRB_HTML_MAX_TREE_DEPTH */
  CrbHtmlMeta  meta;
} CrbHtmlDoc;

/* crb-html-charset.c */
char *crb_html_prescan_charset (const guint8 *data, gsize length);
char *crb_html_decode (const guint8 *data, gsize length, const char *http_charset, char **encoding,
                       GError **error);

/* crb-html-depth.c */
char *crb_html_limit_depth (const char *html, gsize length, guint max_depth, gsize *out_length,
                            guint *n_dropped);

/* crb-html-dom.c */
CrbHtmlDoc *crb_html_doc_new (const char *html, gsize length);
void        crb_html_doc_free (CrbHtmlDoc *doc);
const char *crb_html_attr (const CrbHtmlNode *node, const char *name);
gboolean    crb_html_is_tag (const CrbHtmlNode *node, GumboTag tag);
char       *crb_html_tag_name (const CrbHtmlNode *node);
char       *crb_html_node_text (const CrbHtmlDoc *doc, guint index, gboolean skip_excluded);
void        crb_html_doc_propagate (CrbHtmlDoc *doc);
void        crb_html_doc_measure (CrbHtmlDoc *doc);
void        crb_html_collapse_append (GString *out, const char *text, gsize length,
                                      gboolean *pending_space);
guint       crb_html_visible_length (const char *text, gsize length, guint *commas);

static inline gboolean
crb_html_node_is_element (const CrbHtmlNode *node)
{
  return (node->flags & CRB_HTML_FLAG_TEXT) == 0;
}

static inline gboolean
crb_html_contains (const CrbHtmlDoc *doc, guint ancestor, gint index)
{
  return index >= 0 && (guint) index > ancestor && (guint) index < doc->nodes[ancestor].end;
}

static inline float
crb_html_link_density (const CrbHtmlNode *node)
{
  return node->text_len == 0 ? 0.f : (float) node->link_len / (float) node->text_len;
}

/* crb-html-hints.c */
void        crb_html_classify (CrbHtmlDoc *doc);
const char *crb_html_kind_label (CrbHtmlKind kind);
CrbHtmlKind crb_html_text_kind (const char *text);
gboolean    crb_html_names_author (const CrbHtmlDoc *doc, guint index);

/* crb-html-metadata.c */
void crb_html_read_metadata (CrbHtmlDoc *doc);
void crb_html_meta_clear (CrbHtmlMeta *meta);
void crb_html_fill_metadata (CrbHtmlDoc *doc, const char *name_hint, CrbExtractResult *result);

/* crb-html-jsonld.c */
void crb_html_jsonld_read (const char *json, gsize length, CrbHtmlMeta *meta);

/* crb-html-title.c */
char *crb_html_clean_title (const char *title, const char *site_name, const char *headline,
                            const char *host);
char *crb_html_host_from_url (const char *url);

/* crb-html-readability.c */
GArray  *crb_html_find_article (CrbHtmlDoc *doc);
gboolean crb_html_check_article (CrbHtmlDoc *doc, GArray *roots);

/* crb-html-clean.c */
void crb_html_clean_article (CrbHtmlDoc *doc, GArray *roots);
void crb_html_count_removed (CrbHtmlDoc *doc, GArray *roots, CrbExtractResult *result);

/* crb-html-text.c */
void crb_html_render (CrbHtmlDoc *doc, GArray *roots, CrbExtractResult *result);
void crb_html_render_plain (const char *text, CrbExtractResult *result);

G_END_DECLS
