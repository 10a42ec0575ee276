/* crb-word-table.h: a corpus-wide word interner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Maps normalised words to small dense IDs (1, 2, 3…; 0 means "none") and
 * back.  One table is shared by everything that looks at one corpus, so that
 * equal IDs mean equal words.  Safe to use from several threads at once. */
typedef struct _CrbWordTable CrbWordTable;

/* Creates an empty table. */
CrbWordTable *crb_word_table_new    (void);

/* Reference counting: the table is shared by the units of one corpus. */
CrbWordTable *crb_word_table_ref    (CrbWordTable *self);
void          crb_word_table_unref  (CrbWordTable *self);

/* Returns the ID of @word (@length bytes, or NUL-terminated when -1),
 * adding it when it is new. */
guint32       crb_word_table_intern (CrbWordTable *self,
                                     const char   *word,
                                     gssize        length);

/* Returns the ID of @word, or 0 when the table does not know it. */
guint32       crb_word_table_lookup (CrbWordTable *self,
                                     const char   *word,
                                     gssize        length);

/* Returns the word with ID @id (borrowed, valid while the table lives), or
 * NULL for an unknown ID. */
const char   *crb_word_table_get    (CrbWordTable *self,
                                     guint32       id);

/* Number of distinct words. */
guint         crb_word_table_size   (CrbWordTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbWordTable, crb_word_table_unref)

G_END_DECLS
