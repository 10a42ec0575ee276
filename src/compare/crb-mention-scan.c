/* crb-mention-scan.c: finding many names in a text at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trie edges live in one open-addressing table keyed by (node, word hash),
 * so a word that starts no alias is rejected with a single probe.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-mention-scan.h"

#include "crb-fold.h"
#include "crb-tokenizer.h"

#define ROOT 0

typedef struct
{
  guint64 key;     /* mix of parent node and word hash; 0 = empty */
  guint64 hash;    /* the word hash, to tell colliding keys apart */
  guint32 parent;
  guint32 child;
} Edge;

typedef struct
{
  gint32 first_alias;  /* aliases ending at this node, chained, or -1 */
} Node;

typedef struct
{
  gint64 entity;
  gint32 next_same;    /* next alias with the same words, or -1 */
} Alias;

struct _CrbMentionScanner
{
  GArray *nodes;    /* Node */
  GArray *aliases;  /* Alias */
  Edge   *edges;
  guint   n_edges;
  guint   capacity; /* power of two */
};

static inline guint64
edge_key (guint32 parent,
          guint64 hash)
{
  return crb_fold_mix64 (hash ^ ((guint64) parent * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15))) | 1;
}

CrbMentionScanner *
crb_mention_scanner_new (void)
{
  CrbMentionScanner *self = g_new0 (CrbMentionScanner, 1);
  Node root = { -1 };

  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->aliases = g_array_new (FALSE, FALSE, sizeof (Alias));
  g_array_append_val (self->nodes, root);
  self->capacity = 1024;
  self->edges = g_new0 (Edge, self->capacity);
  return self;
}

void
crb_mention_scanner_free (CrbMentionScanner *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->nodes);
  g_array_unref (self->aliases);
  g_free (self->edges);
  g_free (self);
}

static inline const Edge *
find_edge (const CrbMentionScanner *self,
           guint32                  parent,
           guint64                  hash)
{
  guint64 key = edge_key (parent, hash);
  guint mask = self->capacity - 1;

  for (guint k = key & mask;; k = (k + 1) & mask)
    {
      const Edge *edge = &self->edges[k];

      if (edge->key == 0)
        return NULL;
      if (edge->key == key && edge->parent == parent && edge->hash == hash)
        return edge;
    }
}

static void
insert_edge (CrbMentionScanner *self,
             guint32            parent,
             guint64            hash,
             guint32            child)
{
  guint64 key = edge_key (parent, hash);
  guint mask = self->capacity - 1;
  guint k = key & mask;

  while (self->edges[k].key != 0)
    k = (k + 1) & mask;
  self->edges[k] = (Edge) { key, hash, parent, child };
  self->n_edges++;
}

static void
grow (CrbMentionScanner *self)
{
  Edge *old = self->edges;
  guint old_capacity = self->capacity;

  self->capacity *= 2;
  self->edges = g_new0 (Edge, self->capacity);
  self->n_edges = 0;
  for (guint i = 0; i < old_capacity; i++)
    if (old[i].key != 0)
      insert_edge (self, old[i].parent, old[i].hash, old[i].child);
  g_free (old);
}

gint
crb_mention_scanner_add (CrbMentionScanner *self,
                         gint64             entity,
                         const char        *alias)
{
  g_autoptr(GArray) tokens = NULL;
  guint32 node = ROOT;
  Alias entry = { entity, -1 };
  gint index;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (alias != NULL, -1);

  tokens = crb_tokenize (alias, -1, NULL, CRB_TOKENIZE_DEFAULT);
  if (tokens->len == 0)
    return -1;
  for (guint i = 0; i < tokens->len; i++)
    {
      guint64 hash = g_array_index (tokens, CrbToken, i).hash;
      const Edge *edge = find_edge (self, node, hash);

      if (edge != NULL)
        node = edge->child;
      else
        {
          Node child = { -1 };
          guint32 child_index = self->nodes->len;

          g_array_append_val (self->nodes, child);
          if (2 * (self->n_edges + 1) > self->capacity)
            grow (self);
          insert_edge (self, node, hash, child_index);
          node = child_index;
        }
    }
  index = self->aliases->len;
  entry.next_same = g_array_index (self->nodes, Node, node).first_alias;
  g_array_append_val (self->aliases, entry);
  g_array_index (self->nodes, Node, node).first_alias = index;
  return index;
}

guint
crb_mention_scanner_get_n_aliases (CrbMentionScanner *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->aliases->len;
}

GArray *
crb_mention_scanner_scan (CrbMentionScanner *self,
                          const char        *text,
                          gssize             length)
{
  g_autoptr(GArray) tokens = NULL;
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (CrbMention));
  const CrbToken *words;

  g_return_val_if_fail (self != NULL, mentions);
  g_return_val_if_fail (text != NULL || length == 0, mentions);

  tokens = crb_tokenize (text, length, NULL, CRB_TOKENIZE_DEFAULT);
  words = (const CrbToken *) tokens->data;
  for (guint i = 0; i < tokens->len;)
    {
      guint32 node = ROOT;
      gint longest_end = -1;
      guint32 longest_node = ROOT;

      for (guint j = i; j < tokens->len; j++)
        {
          const Edge *edge = find_edge (self, node, words[j].hash);

          if (edge == NULL)
            break;
          node = edge->child;
          if (g_array_index (self->nodes, Node, node).first_alias >= 0)
            {
              longest_end = j;
              longest_node = node;
            }
        }
      if (longest_end < 0)
        {
          i++;
          continue;
        }
      /* Aliases were chained newest first; report them in the order added. */
      {
        guint first = mentions->len;

        for (gint a = g_array_index (self->nodes, Node, longest_node).first_alias; a >= 0;
             a = g_array_index (self->aliases, Alias, a).next_same)
          {
            CrbMention mention = { words[i].start, words[longest_end].end,
                                   g_array_index (self->aliases, Alias, a).entity, a };

            g_array_insert_val (mentions, first, mention);
          }
      }
      i = longest_end + 1;
    }
  return mentions;
}
