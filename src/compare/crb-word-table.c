/* crb-word-table.c: a corpus-wide word interner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Strings live in a GStringChunk (one allocation per few thousand words) and
 * the hash table maps them to IDs; a reader-writer lock lets the two worker
 * threads of a corpus analysis look words up concurrently.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-word-table.h"

#include <string.h>

struct _CrbWordTable
{
  gatomicrefcount ref_count;
  GRWLock         lock;
  GHashTable     *ids;     /* char * (in chunk) → GUINT_TO_POINTER (id) */
  GPtrArray      *words;   /* id → char * (in chunk); index 0 unused */
  GStringChunk   *chunk;
};

CrbWordTable *
crb_word_table_new (void)
{
  CrbWordTable *self = g_new0 (CrbWordTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_rw_lock_init (&self->lock);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->words = g_ptr_array_new ();
  g_ptr_array_add (self->words, NULL);
  self->chunk = g_string_chunk_new (16 * 1024);
  return self;
}

CrbWordTable *
crb_word_table_ref (CrbWordTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
crb_word_table_unref (CrbWordTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->ids);
  g_ptr_array_unref (self->words);
  g_string_chunk_free (self->chunk);
  g_rw_lock_clear (&self->lock);
  g_free (self);
}

/* GHashTable wants NUL-terminated keys: a word given with a length is copied,
 * to the stack when it is short. */
typedef struct
{
  char        small[128];
  char       *large;
  const char *key;
} Key;

static void
key_init (Key        *key,
          const char *word,
          gssize      length)
{
  char *copy;

  key->large = NULL;
  if (length < 0)
    {
      key->key = word;
      return;
    }
  copy = (gsize) length < sizeof key->small ? key->small : (key->large = g_malloc (length + 1));
  memcpy (copy, word, length);
  copy[length] = '\0';
  key->key = copy;
}

static inline guint32
lookup_locked (CrbWordTable *self,
               const Key    *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->ids, key->key));
}

guint32
crb_word_table_lookup (CrbWordTable *self,
                       const char   *word,
                       gssize        length)
{
  Key key;
  guint32 id;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (word != NULL, 0);

  key_init (&key, word, length);
  g_rw_lock_reader_lock (&self->lock);
  id = lookup_locked (self, &key);
  g_rw_lock_reader_unlock (&self->lock);
  g_free (key.large);
  return id;
}

guint32
crb_word_table_intern (CrbWordTable *self,
                       const char   *word,
                       gssize        length)
{
  Key key;
  guint32 id;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (word != NULL, 0);

  key_init (&key, word, length);
  g_rw_lock_reader_lock (&self->lock);
  id = lookup_locked (self, &key);
  g_rw_lock_reader_unlock (&self->lock);
  if (id == 0)
    {
      g_rw_lock_writer_lock (&self->lock);
      /* Another thread may have added it between the two locks. */
      id = lookup_locked (self, &key);
      if (id == 0)
        {
          char *stored = g_string_chunk_insert (self->chunk, key.key);

          id = self->words->len;
          g_ptr_array_add (self->words, stored);
          g_hash_table_insert (self->ids, stored, GUINT_TO_POINTER (id));
        }
      g_rw_lock_writer_unlock (&self->lock);
    }
  g_free (key.large);
  return id;
}

const char *
crb_word_table_get (CrbWordTable *self,
                    guint32       id)
{
  const char *word = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  g_rw_lock_reader_lock (&self->lock);
  if (id > 0 && id < self->words->len)
    word = g_ptr_array_index (self->words, id);
  g_rw_lock_reader_unlock (&self->lock);
  return word;
}

guint
crb_word_table_size (CrbWordTable *self)
{
  guint size;

  g_return_val_if_fail (self != NULL, 0);

  g_rw_lock_reader_lock (&self->lock);
  size = self->words->len - 1;
  g_rw_lock_reader_unlock (&self->lock);
  return size;
}
