/* crb-html-readability.c: which part of the page is the article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the spirit of Readability, with our own weights: every paragraph of real
 * prose (long, with commas, few links) votes for the elements that hold it,
 * its container most, the container's ancestors less.  Class names, <article>,
 * <main> and itemprop=articleBody tilt the vote; link-heavy containers lose
 * it.  The winner's siblings that look like more of the same article join it
 * (bodies split by ads), and the headline and standfirst above the body are
 * added when they sit outside it.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-html-private.h"

#define MIN_PARAGRAPH 25
#define PROPAGATE_LEVELS 5

static gboolean
is_heading (GumboTag tag)
{
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

/* A small head start by tag, as Readability gives one. */
static float
tag_score (const CrbHtmlNode *node)
{
  switch (node->tag)
    {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_MAIN:
      return 2;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
    }
}

/* A block whose paragraph text is its own, not that of child blocks. */
static gboolean
is_paragraph_like (const CrbHtmlNode *node)
{
  switch (node->tag)
    {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TH:
      return TRUE;
    case GUMBO_TAG_TD:
      /* A cell of a data table, unless it holds a whole page's text
       * between <br>s, as in tables that lay out old sites. */
      return node->n_blocks <= 1 && node->flow_len < 300;
    default:
      return node->n_blocks <= 1;
    }
}

static void
vote (CrbHtmlDoc *doc, gint index, float amount)
{
  guint level;

  for (level = 0; index >= 0 && level < PROPAGATE_LEVELS; level++)
    {
      CrbHtmlNode *node = &doc->nodes[index];
      float        divider = level == 0 ? 1.f : level == 1 ? 2.f : (float) level * 3.f;

      if (node->tag == GUMBO_TAG_HTML)
        break;
      if ((node->flags & CRB_HTML_FLAG_CANDIDATE) == 0)
        {
          node->flags |= CRB_HTML_FLAG_CANDIDATE;
          node->score = tag_score (node);
        }
      node->score += amount / divider;
      index = node->parent;
    }
}

/* A grid of teasers (a linked headline and a summary, again and again) has
 * prose enough to outvote a short article beside it; its many linked
 * headlines give it away.  A listing page still wins when nothing else is
 * there. */
static void
penalize_teaser_lists (CrbHtmlDoc *doc)
{
  g_autofree guint *linked = g_new0 (guint, doc->n_nodes);
  guint             i;

  for (i = doc->n_nodes; i-- > 0;)
    {
      CrbHtmlNode *node = &doc->nodes[i];

      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        continue;
      if (crb_html_node_is_element (node) && (node->flags & CRB_HTML_FLAG_BLOCK) &&
          node->flow_len >= MIN_PARAGRAPH && node->n_blocks <= 1 &&
          node->link_len * 10 >= node->text_len * 8)
        linked[i]++;
      if (node->parent >= 0)
        linked[node->parent] += linked[i];
    }
  for (i = 0; i < doc->n_nodes; i++)
    if ((doc->nodes[i].flags & CRB_HTML_FLAG_CANDIDATE) && linked[i] >= 3 &&
        linked[i] * 2 >= doc->nodes[i].n_blocks)
      doc->nodes[i].score *= 0.5f;
}

static void
score_paragraphs (CrbHtmlDoc *doc)
{
  guint i;

  for (i = 0; i < doc->n_nodes; i++)
    {
      doc->nodes[i].flags &= ~CRB_HTML_FLAG_CANDIDATE;
      doc->nodes[i].score = 0;
    }
  for (i = doc->body; i < doc->nodes[doc->body].end; i++)
    {
      CrbHtmlNode *node = &doc->nodes[i];
      float        amount, density;

      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        {
          i = node->end - 1;
          continue;
        }
      if (!crb_html_node_is_element (node) || (node->flags & CRB_HTML_FLAG_BLOCK) == 0 ||
          node->flow_len < MIN_PARAGRAPH || is_heading (node->tag) || node->tag == GUMBO_TAG_BODY)
        continue;
      density = crb_html_link_density (node);
      amount = (1.f + (float) node->flow_commas + MIN ((float) (node->flow_len / 100), 3.f)) *
               (1.f - density);
      if (amount <= 0)
        continue;
      vote (doc, is_paragraph_like (node) ? node->parent : (gint) i, amount);
    }
  penalize_teaser_lists (doc);
  for (i = 0; i < doc->n_nodes; i++)
    if (doc->nodes[i].flags & CRB_HTML_FLAG_CANDIDATE)
      doc->nodes[i].score *= doc->nodes[i].weight * (1.f - crb_html_link_density (&doc->nodes[i]));
}

static gint
best_candidate (CrbHtmlDoc *doc)
{
  gint  best = -1;
  guint i;

  for (i = 0; i < doc->n_nodes; i++)
    if ((doc->nodes[i].flags & CRB_HTML_FLAG_CANDIDATE) != 0 &&
        doc->nodes[i].tag != GUMBO_TAG_BODY &&
        (best < 0 || doc->nodes[i].score > doc->nodes[best].score))
      best = (gint) i;
  return best;
}

/* When other strong candidates sit beside the winner (a body split into
 * several containers), their common ancestor is the article.  Only a few
 * levels up: further away they are different parts of the page. */
static gint
widen (CrbHtmlDoc *doc, gint top)
{
  gint  ancestor = doc->nodes[top].parent;
  guint steps;

  for (steps = 0; steps < 8 && ancestor >= 0 && (guint) ancestor != doc->body &&
                  doc->nodes[ancestor].tag != GUMBO_TAG_HTML;
       steps++)
    {
      float threshold = doc->nodes[top].score * 0.75f;
      guint others = 0, i;

      if (doc->nodes[ancestor].weight < 1.f)
        break;
      for (i = (guint) ancestor + 1; i < doc->nodes[ancestor].end; i++)
        {
          if ((gint) i == top)
            {
              i = doc->nodes[i].end - 1;
              continue;
            }
          if ((doc->nodes[i].flags & CRB_HTML_FLAG_CANDIDATE) && doc->nodes[i].score >= threshold &&
              !crb_html_contains (doc, i, top))
            {
              others++;
              i = doc->nodes[i].end - 1;
            }
        }
      if (others >= 2)
        return ancestor;
      /* Readability's rule: a parent that scores higher holds more article. */
      if (doc->nodes[ancestor].score > doc->nodes[top].score)
        top = ancestor;
      ancestor = doc->nodes[ancestor].parent;
    }
  return top;
}

/* itemprop=articleBody is the site's own statement of where the body is:
 * prefer it when it encloses the winner without much more text, or when the
 * winner encloses it and it holds most of the winner's text. */
static gint
snap_to_marked_body (CrbHtmlDoc *doc, gint top)
{
  const CrbHtmlNode *node = &doc->nodes[top];
  gint               up;
  guint              i;

  for (up = node->parent; up >= 0; up = doc->nodes[up].parent)
    if (doc->nodes[up].flags & CRB_HTML_FLAG_BODY_PROP)
      return doc->nodes[up].text_len <= 3 * node->text_len + 200 ? up : top;
  for (i = (guint) top + 1; i < node->end; i++)
    {
      if (doc->nodes[i].flags & CRB_HTML_FLAG_EXCLUDED)
        {
          i = doc->nodes[i].end - 1;
          continue;
        }
      if ((doc->nodes[i].flags & CRB_HTML_FLAG_BODY_PROP) &&
          doc->nodes[i].text_len * 2 >= node->text_len)
        return (gint) i;
    }
  return top;
}

static gboolean
ends_sentence (const char *text)
{
  gsize length = strlen (text);

  while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\n'))
    length--;
  if (length == 0)
    return FALSE;
  return strchr (".!?\"'", text[length - 1]) != NULL ||
         (length >= 2 && g_str_has_suffix (text, "»")) ||
         (length >= 3 && (g_str_has_suffix (text, "”") || g_str_has_suffix (text, "…")));
}

static gboolean
same_class (const CrbHtmlNode *a, const CrbHtmlNode *b)
{
  const char *ca = crb_html_attr (a, "class");
  const char *cb = crb_html_attr (b, "class");

  return ca != NULL && cb != NULL && ca[0] != '\0' && strcmp (ca, cb) == 0;
}

/* The winner and those of its siblings that continue the article. */
static void
add_siblings (CrbHtmlDoc *doc, gint top, GArray *roots)
{
  const CrbHtmlNode *top_node = &doc->nodes[top];
  float              threshold = MAX (10.f, top_node->score * 0.2f);
  gint               parent = top_node->parent;
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  gint  first = -1, last = -1;
  guint i;

  if (parent < 0)
    {
      g_array_append_val (roots, top);
      return;
    }
  for (i = (guint) parent + 1; i < doc->nodes[parent].end; i = doc->nodes[i].end)
    {
      const CrbHtmlNode *sibling = &doc->nodes[i];
      gboolean           take = (gint) i == top;

      if ((sibling->flags & CRB_HTML_FLAG_EXCLUDED) || sibling->text_len == 0)
        continue;
      if (!take && (sibling->flags & CRB_HTML_FLAG_CANDIDATE))
        {
          float bonus = same_class (sibling, top_node) ? top_node->score * 0.2f : 0.f;

          take = sibling->score + bonus >= threshold;
        }
      /* A paragraph of its own (not a column or a box beside the article). */
      if (!take && sibling->tag == GUMBO_TAG_P && crb_html_node_is_element (sibling))
        {
          float density = crb_html_link_density (sibling);

          if (sibling->text_len > 80 && density < 0.25f)
            take = TRUE;
          else if (sibling->text_len > 0 && density == 0.f)
            {
              g_autofree char *text = crb_html_node_text (doc, i, TRUE);

              take = ends_sentence (text);
            }
        }
      if (take)
        {
          if (first < 0)
            first = (gint) i;
          last = (gint) i;
        }
    }
  /* Headings, lists, quotes and figures between the chosen parts belong to
   * the article too. */
  for (i = (guint) first; first >= 0 && i <= (guint) last; i = doc->nodes[i].end)
    {
      const CrbHtmlNode *sibling = &doc->nodes[i];

      if ((sibling->flags & CRB_HTML_FLAG_EXCLUDED) || sibling->text_len == 0)
        continue;
      if ((gint) i == first || (gint) i == last || crb_html_link_density (sibling) < 0.5f)
        g_array_append_val (roots, i);
    }
}

static gboolean
inside_roots (CrbHtmlDoc *doc, GArray *roots, gint index)
{
  guint i;

  for (i = 0; i < roots->len; i++)
    {
      guint root = g_array_index (roots, guint, i);

      if ((guint) index == root || crb_html_contains (doc, root, index))
        return TRUE;
    }
  return FALSE;
}

/* The headline, and what stands between it and the body (standfirst, the
 * lead picture's caption), when they are not inside the body. */
static void
add_preamble (CrbHtmlDoc *doc, GArray *roots)
{
  g_autoptr (GArray) preamble = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first_root, headline, i, preamble_len = 0, body_len = 0;
  gint  common;

  if (doc->headline < 0 || roots->len == 0 || inside_roots (doc, roots, doc->headline))
    return;
  headline = (guint) doc->headline;
  first_root = g_array_index (roots, guint, 0);
  if (headline > first_root)
    return;
  for (common = doc->nodes[headline].parent; common >= 0; common = doc->nodes[common].parent)
    if (crb_html_contains (doc, (guint) common, (gint) first_root))
      break;
  if (common < 0)
    return;

  g_array_append_val (preamble, headline);
  for (i = doc->nodes[headline].end; i < first_root; i++)
    {
      const CrbHtmlNode *node = &doc->nodes[i];

      if (node->flags & CRB_HTML_FLAG_EXCLUDED)
        {
          i = node->end - 1;
          continue;
        }
      if (!crb_html_node_is_element (node) || (node->flags & CRB_HTML_FLAG_BLOCK) == 0 ||
          crb_html_contains (doc, i, (gint) first_root))
        continue;
      if (node->n_blocks > 1 || node->flow_len < 30 || crb_html_link_density (node) > 0.3f)
        continue;
      if (node->text_len <= 200)
        {
          g_autofree char *text = crb_html_node_text (doc, i, TRUE);

          if (crb_html_text_kind (text) != CRB_HTML_KIND_NONE || crb_html_names_author (doc, i))
            continue;
        }
      g_array_append_val (preamble, i);
      preamble_len += node->text_len;
      i = node->end - 1;
    }
  for (i = 0; i < roots->len; i++)
    body_len += doc->nodes[g_array_index (roots, guint, i)].text_len;
  /* More text before the body than in it: that is not a standfirst. */
  if (preamble_len > body_len / 2 + 200)
    g_array_set_size (preamble, 1);
  g_array_prepend_vals (roots, preamble->data, preamble->len);
}

static void
log_candidates (CrbHtmlDoc *doc, gint top)
{
  guint i;

  /* Only when someone is looking: G_MESSAGES_DEBUG=crb-extract-html */
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL)
    return;
  for (i = 0; i < doc->n_nodes; i++)
    if ((doc->nodes[i].flags & CRB_HTML_FLAG_CANDIDATE) &&
        doc->nodes[i].score >= doc->nodes[top].score * 0.3f)
      {
        g_autofree char *name = crb_html_tag_name (&doc->nodes[i]);

        g_debug ("candidate %u <%s class=\"%s\" id=\"%s\"> score %.1f text %u links %u", i, name,
                 crb_html_attr (&doc->nodes[i], "class") ?: "",
                 crb_html_attr (&doc->nodes[i], "id") ?: "", doc->nodes[i].score,
                 doc->nodes[i].text_len, doc->nodes[i].link_len);
      }
}

/**
 * crb_html_find_article:
 *
 * Returns the indices of the nodes whose text is the article, in document
 * order (headline first where it lies outside the body).  Falls back to
 * <body> when no paragraph scored.
 */
GArray *
crb_html_find_article (CrbHtmlDoc *doc)
{
  GArray *roots = g_array_new (FALSE, FALSE, sizeof (guint));
  gint    top;

  score_paragraphs (doc);
  top = best_candidate (doc);
  if (top < 0 || doc->nodes[top].score < 1.f)
    {
      g_array_append_val (roots, doc->body);
      return roots;
    }
  log_candidates (doc, top);
  top = widen (doc, top);
  top = snap_to_marked_body (doc, top);
  add_siblings (doc, top, roots);
  add_preamble (doc, roots);
  return roots;
}

/* Words of two letters or more, case-folded, as a set. */
static GHashTable *
word_set (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString    *word = g_string_new (NULL);
  const char *p;

  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p == '\0' ? 0 : g_utf8_get_char_validated (p, -1);

      if (c != 0 && c != (gunichar) -1 && c != (gunichar) -2 && g_unichar_isalnum (c))
        g_string_append_unichar (word, g_unichar_tolower (c));
      else
        {
          if (g_utf8_strlen (word->str, -1) >= 2)
            g_hash_table_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0 || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }
  g_string_free (word, TRUE);
  return words;
}

/* F-measure of the word sets of `text` against the reference words. */
static double
agreement (GHashTable *reference, const char *text, double *recall)
{
  g_autoptr (GHashTable) words = word_set (text);
  GHashTableIter iter;
  gpointer       key;
  guint          shared = 0;
  double         precision;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (reference, key))
      shared++;
  *recall =
      g_hash_table_size (reference) == 0 ? 0 : (double) shared / g_hash_table_size (reference);
  precision = g_hash_table_size (words) == 0 ? 0 : (double) shared / g_hash_table_size (words);
  return *recall + precision == 0 ? 0 : 2 * *recall * precision / (*recall + precision);
}

static char *
roots_text (CrbHtmlDoc *doc, GArray *roots)
{
  GString *text = g_string_new (NULL);
  guint    i;

  for (i = 0; i < roots->len; i++)
    {
      g_autofree char *part = crb_html_node_text (doc, g_array_index (roots, guint, i), TRUE);

      g_string_append (text, part);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static gint
compare_scores (gconstpointer a, gconstpointer b, gpointer user_data)
{
  CrbHtmlDoc *doc = user_data;
  float       sa = doc->nodes[*(const guint *) a].score;
  float       sb = doc->nodes[*(const guint *) b].score;

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

/**
 * crb_html_check_article:
 *
 * Compares the chosen text with JSON-LD's articleBody where the page gives
 * one.  The articleBody is often cut short or stripped of headings, so it
 * never replaces the page's text while the page holds the article; it is
 * only evidence for choosing among the strongest candidates, and the text of
 * last resort when the visible page does not contain the article at all
 * (pages that draw their text with scripts).  Returns FALSE in that case.
 */
gboolean
crb_html_check_article (CrbHtmlDoc *doc, GArray *roots)
{
  g_autoptr (GHashTable) reference = NULL;
  g_autoptr (GArray) candidates = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *whole = NULL;
  double           recall, best_f, body_recall;
  gint             best = -1;
  guint            i;

  if (doc->meta.ld_body == NULL || g_utf8_strlen (doc->meta.ld_body, -1) < 400)
    return TRUE;
  reference = word_set (doc->meta.ld_body);
  ours = roots_text (doc, roots);
  best_f = agreement (reference, ours, &recall);
  if (recall >= 0.6)
    return TRUE;

  candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  for (i = doc->body; i < doc->nodes[doc->body].end; i++)
    if ((doc->nodes[i].flags & CRB_HTML_FLAG_CANDIDATE) ||
        (doc->nodes[i].flags & (CRB_HTML_FLAG_BODY_PROP | CRB_HTML_FLAG_MAIN)))
      {
        if ((doc->nodes[i].flags & CRB_HTML_FLAG_EXCLUDED) == 0)
          g_array_append_val (candidates, i);
      }
  g_array_sort_with_data (candidates, compare_scores, doc);
  for (i = 0; i < candidates->len && i < 24; i++)
    {
      guint            index = g_array_index (candidates, guint, i);
      g_autofree char *text = crb_html_node_text (doc, index, TRUE);
      double           candidate_recall;
      double           f = agreement (reference, text, &candidate_recall);

      if (f > best_f + 0.1 && candidate_recall >= 0.6)
        {
          best_f = f;
          best = (gint) index;
        }
    }
  if (best >= 0)
    {
      g_array_set_size (roots, 0);
      add_siblings (doc, best, roots);
      add_preamble (doc, roots);
      return TRUE;
    }
  whole = crb_html_node_text (doc, doc->body, TRUE);
  agreement (reference, whole, &body_recall);
  return body_recall >= 0.3;
}
