/* crb-mention-scan.h: finding many names in a text at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A trie over the normalised words of every alias, so that a text is
 * tokenised once and each of its words costs one hash probe, however many
 * names there are.  Matching is whole-word and ignores case, accents,
 * punctuation and line breaks ("Kassym-Jomart" matches "KASSYM JOMART"). */
typedef struct _CrbMentionScanner CrbMentionScanner;

/* One occurrence: code points of the text, and which alias of which entity. */
typedef struct
{
  guint32 start;
  guint32 end;
  gint64  entity;
  guint   alias;   /* the order in which the alias was added, from 0 */
} CrbMention;

/* Creates an empty scanner. */
CrbMentionScanner *crb_mention_scanner_new           (void);

/* Frees the scanner (NULL is fine). */
void               crb_mention_scanner_free          (CrbMentionScanner *self);

/* Adds @alias as a name of @entity and returns its alias number, or -1
 * when @alias has no words. */
gint               crb_mention_scanner_add           (CrbMentionScanner *self,
                                                      gint64             entity,
                                                      const char        *alias);

/* Number of aliases added. */
guint              crb_mention_scanner_get_n_aliases (CrbMentionScanner *self);

/* Finds the aliases in @text (@length bytes, or NUL-terminated when -1),
 * longest first and without overlaps ("Kassym-Jomart Tokayev" wins over
 * "Tokayev" at the same place).  An alias shared by several entities gives
 * one mention per entity at the same place.  Returns a GArray of
 * CrbMention in text order.  Safe to call from several threads at once. */
GArray            *crb_mention_scanner_scan          (CrbMentionScanner *self,
                                                      const char        *text,
                                                      gssize             length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbMentionScanner, crb_mention_scanner_free)

G_END_DECLS
