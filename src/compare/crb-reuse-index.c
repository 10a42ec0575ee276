/* crb-reuse-index.c: text-reuse detection over a whole corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Postings live in 4,096 buckets chosen by the top 12 bits of a 32-bit
 * fingerprint; each entry is one guint64 packing the other 20 hash bits, the
 * document slot and the word position, so that sorting the integers sorts
 * by hash, then document, then position.  That keeps 10,000 documents
 * (3.3 million fingerprints) in about 30 MB without a hash-table entry per
 * fingerprint, lets an incremental query binary-search one small bucket per
 * fingerprint, and splits the corpus-wide work into independent bucket
 * ranges for the worker threads.
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-reuse-index.h"

#include <stdlib.h>
#include <string.h>

#include "crb-winnow.h"

#define BUCKET_BITS   12
#define N_BUCKETS     (1u << BUCKET_BITS)
#define KEY_BITS      (32 - BUCKET_BITS)
#define SLOT_BITS     22
#define POSITION_BITS 22
#define MAX_SLOTS     (1u << SLOT_BITS)
#define MAX_POSITION  (1u << POSITION_BITS)
/* Documents tokenised per round of crb_reuse_index_add_many(). */
#define ADD_BATCH     256

#define ENTRY_KEY(e)      ((guint32) ((e) >> (SLOT_BITS + POSITION_BITS)))
#define ENTRY_SLOT(e)     ((guint32) (((e) >> POSITION_BITS) & (MAX_SLOTS - 1)))
#define ENTRY_POSITION(e) ((guint32) ((e) & (MAX_POSITION - 1)))

static inline guint64
pack_entry (guint32 hash,
            guint32 slot,
            guint32 position)
{
  return ((guint64) (hash & ((1u << KEY_BITS) - 1)) << (SLOT_BITS + POSITION_BITS))
         | ((guint64) slot << POSITION_BITS) | position;
}

typedef struct
{
  guint64 *items;
  guint32  n;
  guint32  n_sorted;   /* items[0..n_sorted) are sorted, the rest was appended since */
  guint32  capacity;
} Bucket;

typedef struct
{
  gint64   id;
  gboolean alive;
} Document;

struct _CrbReuseIndex
{
  CrbReuseOptions   options;
  CrbReuseTextFunc  text_func;
  gpointer          user_data;
  GDestroyNotify    destroy;

  GMutex            lock;
  GArray           *documents;  /* Document, indexed by slot */
  GHashTable       *slots;      /* gint64 * → slot + 1 */
  Bucket           *buckets;
};

CrbReuseIndex *
crb_reuse_index_new (const CrbReuseOptions *options,
                     CrbReuseTextFunc       text_func,
                     gpointer               user_data,
                     GDestroyNotify         destroy)
{
  CrbReuseIndex *self = g_new0 (CrbReuseIndex, 1);

  if (options != NULL)
    self->options = *options;
  else
    crb_reuse_options_init (&self->options);
  self->options.n_threads = CLAMP (self->options.n_threads, 1, 64);
  self->options.shingle = MAX (self->options.shingle, 1);
  self->options.window = MAX (self->options.window, 1);
  self->text_func = text_func;
  self->user_data = user_data;
  self->destroy = destroy;
  g_mutex_init (&self->lock);
  self->documents = g_array_new (FALSE, FALSE, sizeof (Document));
  self->slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->buckets = g_new0 (Bucket, N_BUCKETS);
  return self;
}

void
crb_reuse_index_free (CrbReuseIndex *self)
{
  if (self == NULL)
    return;
  for (guint b = 0; b < N_BUCKETS; b++)
    g_free (self->buckets[b].items);
  g_free (self->buckets);
  g_hash_table_unref (self->slots);
  g_array_unref (self->documents);
  g_mutex_clear (&self->lock);
  if (self->destroy != NULL)
    self->destroy (self->user_data);
  g_free (self);
}

const CrbReuseOptions *
crb_reuse_index_get_options (CrbReuseIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->options;
}

static GArray *
fingerprint_text (CrbReuseIndex *self,
                  const char    *text,
                  gsize          length)
{
  g_autoptr(GArray) tokens = crb_tokenize (text, length, NULL, CRB_TOKENIZE_DEFAULT);

  return crb_winnow ((const CrbToken *) tokens->data, tokens->len,
                     self->options.shingle, self->options.window);
}

static void
bucket_append (Bucket  *bucket,
               guint64  entry)
{
  if (bucket->n == bucket->capacity)
    {
      bucket->capacity = MAX (16, bucket->capacity + bucket->capacity / 2);
      bucket->items = g_renew (guint64, bucket->items, bucket->capacity);
    }
  bucket->items[bucket->n++] = entry;
}

/* Called with the lock held. */
static gboolean
insert_locked (CrbReuseIndex *self,
               gint64         id,
               GArray        *fingerprints)
{
  gpointer old_slot;
  guint32 slot = self->documents->len;
  Document document = { id, TRUE };

  if (slot >= MAX_SLOTS)
    return FALSE;
  if (g_hash_table_lookup_extended (self->slots, &id, NULL, &old_slot))
    g_array_index (self->documents, Document, GPOINTER_TO_UINT (old_slot) - 1).alive = FALSE;
  g_hash_table_replace (self->slots, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (slot + 1));
  g_array_append_val (self->documents, document);

  for (guint i = 0; i < fingerprints->len; i++)
    {
      const CrbFingerprint *fingerprint = &g_array_index (fingerprints, CrbFingerprint, i);

      /* Words past the four-millionth of one document are not indexed. */
      if (fingerprint->position >= MAX_POSITION)
        break;
      bucket_append (&self->buckets[fingerprint->hash >> KEY_BITS],
                     pack_entry (fingerprint->hash, slot, fingerprint->position));
    }
  return TRUE;
}

gboolean
crb_reuse_index_add (CrbReuseIndex *self,
                     gint64         document,
                     const char    *text,
                     gssize         length)
{
  g_autoptr(GArray) fingerprints = NULL;
  gboolean added;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (length < 0)
    length = strlen (text);
  /* The expensive part runs outside the lock so that callers may add from
   * several threads. */
  fingerprints = fingerprint_text (self, text, length);
  g_mutex_lock (&self->lock);
  added = insert_locked (self, document, fingerprints);
  g_mutex_unlock (&self->lock);
  return added;
}

typedef struct
{
  CrbReuseIndex *self;
  const gint64  *documents;
  GArray       **results;
  guint          n;
  gint           next;
} AddBatch;

static gpointer
add_batch_worker (gpointer data)
{
  AddBatch *batch = data;
  gint i;

  while ((i = g_atomic_int_add (&batch->next, 1)) < (gint) batch->n)
    {
      g_autoptr(GBytes) text = batch->self->text_func (batch->documents[i], batch->self->user_data);
      gsize length = 0;
      const char *bytes;

      if (text == NULL)
        continue;
      bytes = g_bytes_get_data (text, &length);
      batch->results[i] = fingerprint_text (batch->self, bytes, length);
    }
  return NULL;
}

void
crb_reuse_index_add_many (CrbReuseIndex *self,
                          const gint64  *documents,
                          guint          n_documents)
{
  g_autofree GArray **results = g_new0 (GArray *, ADD_BATCH);
  g_autofree GThread **threads = g_new0 (GThread *, self->options.n_threads);

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->text_func != NULL);
  g_return_if_fail (documents != NULL || n_documents == 0);

  /* Batches keep the fingerprints of only a few hundred documents in
   * memory and add them in the order given, whatever thread made them. */
  for (guint first = 0; first < n_documents; first += ADD_BATCH)
    {
      AddBatch batch = { self, documents + first, results, MIN (ADD_BATCH, n_documents - first), 0 };

      for (guint t = 1; t < self->options.n_threads; t++)
        threads[t] = g_thread_new ("crb-reuse-add", add_batch_worker, &batch);
      add_batch_worker (&batch);
      for (guint t = 1; t < self->options.n_threads; t++)
        g_thread_join (threads[t]);

      g_mutex_lock (&self->lock);
      for (guint i = 0; i < batch.n; i++)
        if (results[i] != NULL)
          {
            insert_locked (self, batch.documents[i], results[i]);
            g_clear_pointer (&results[i], g_array_unref);
          }
      g_mutex_unlock (&self->lock);
    }
}

gboolean
crb_reuse_index_remove (CrbReuseIndex *self,
                        gint64         document)
{
  gpointer slot;
  gboolean found;

  g_return_val_if_fail (self != NULL, FALSE);

  /* The postings stay until the bucket is rebuilt; dead slots are skipped. */
  g_mutex_lock (&self->lock);
  found = g_hash_table_lookup_extended (self->slots, &document, NULL, &slot);
  if (found)
    {
      g_array_index (self->documents, Document, GPOINTER_TO_UINT (slot) - 1).alive = FALSE;
      g_hash_table_remove (self->slots, &document);
    }
  g_mutex_unlock (&self->lock);
  return found;
}

guint
crb_reuse_index_get_n_documents (CrbReuseIndex *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  n = g_hash_table_size (self->slots);
  g_mutex_unlock (&self->lock);
  return n;
}

gsize
crb_reuse_index_get_memory_size (CrbReuseIndex *self)
{
  gsize size;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  size = N_BUCKETS * sizeof (Bucket) + self->documents->len * sizeof (Document)
         + g_hash_table_size (self->slots) * (sizeof (gint64) + 3 * sizeof (gpointer));
  for (guint b = 0; b < N_BUCKETS; b++)
    size += self->buckets[b].capacity * sizeof (guint64);
  g_mutex_unlock (&self->lock);
  return size;
}

/* Sorting the buckets ----------------------------------------------------- */

/* Stable LSD radix sort on the 20 key bits, in two passes of 10 bits.  The
 * tail of a bucket was appended in slot order, so ordering by key alone
 * leaves it sorted by the whole integer. */
static void
radix_sort_keys (guint64 *items,
                 guint    n,
                 guint64 *scratch)
{
  guint counts[1024];
  guint64 *from = items, *to = scratch;

  for (guint shift = SLOT_BITS + POSITION_BITS; shift < 64; shift += 10)
    {
      guint sum = 0;

      memset (counts, 0, sizeof counts);
      for (guint i = 0; i < n; i++)
        counts[(from[i] >> shift) & 1023]++;
      for (guint k = 0; k < 1024; k++)
        {
          guint count = counts[k];

          counts[k] = sum;
          sum += count;
        }
      for (guint i = 0; i < n; i++)
        to[counts[(from[i] >> shift) & 1023]++] = from[i];
      from = to;
      to = from == items ? scratch : items;
    }
  if (from != items)
    memcpy (items, from, n * sizeof (guint64));
}

/* Insertion sort: finishes nearly sorted input in linear time. */
static void
insertion_sort (guint64 *items,
                guint    n)
{
  for (guint i = 1; i < n; i++)
    {
      guint64 value = items[i];
      guint j = i;

      while (j > 0 && items[j - 1] > value)
        {
          items[j] = items[j - 1];
          j--;
        }
      items[j] = value;
    }
}

static void
bucket_sort (Bucket *bucket,
             GArray *scratch)
{
  guint64 *tail = bucket->items + bucket->n_sorted;
  guint n_tail = bucket->n - bucket->n_sorted;
  guint64 *buffer;

  if (n_tail == 0)
    return;
  g_array_set_size (scratch, bucket->n);
  buffer = (guint64 *) scratch->data;
  if (n_tail > 32)
    radix_sort_keys (tail, n_tail, buffer);
  insertion_sort (tail, n_tail);

  if (bucket->n_sorted > 0)
    {
      guint i = 0, j = 0, k = 0;

      while (i < bucket->n_sorted && j < n_tail)
        buffer[k++] = bucket->items[i] <= tail[j] ? bucket->items[i++] : tail[j++];
      while (i < bucket->n_sorted)
        buffer[k++] = bucket->items[i++];
      while (j < n_tail)
        buffer[k++] = tail[j++];
      memcpy (bucket->items, buffer, bucket->n * sizeof (guint64));
    }
  bucket->n_sorted = bucket->n;
}

/* Whole-corpus analysis ---------------------------------------------------- */

typedef struct
{
  guint32 slot_a;
  guint32 slot_b;
  guint32 position_a;
  guint32 position_b;
} PairSeed;

typedef struct
{
  guint32 slot_a;
  guint32 slot_b;
  guint32 first_seed;
  guint32 n_seeds;
} Pair;

typedef struct
{
  CrbReuseIndex  *self;
  guint           first_bucket;
  guint           end_bucket;
  const guint8   *alive;
  GArray         *seeds;       /* PairSeed */
} SeedJob;

static gpointer
seed_worker (gpointer data)
{
  SeedJob *job = data;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint max_df = job->self->options.max_df;

  for (guint b = job->first_bucket; b < job->end_bucket; b++)
    {
      Bucket *bucket = &job->self->buckets[b];

      bucket_sort (bucket, scratch);
      for (guint i = 0; i < bucket->n;)
        {
          guint32 key = ENTRY_KEY (bucket->items[i]);
          guint j = i + 1;

          while (j < bucket->n && ENTRY_KEY (bucket->items[j]) == key)
            j++;
          /* Shingles found too often are boilerplate, not evidence. */
          if (j - i >= 2 && j - i < max_df)
            for (guint x = i; x < j; x++)
              for (guint y = x + 1; y < j; y++)
                {
                  guint32 slot_x = ENTRY_SLOT (bucket->items[x]);
                  guint32 slot_y = ENTRY_SLOT (bucket->items[y]);
                  PairSeed seed;

                  if (slot_x == slot_y || !job->alive[slot_x] || !job->alive[slot_y])
                    continue;
                  seed = (PairSeed) { slot_x, slot_y, ENTRY_POSITION (bucket->items[x]),
                                      ENTRY_POSITION (bucket->items[y]) };
                  g_array_append_val (job->seeds, seed);
                }
          i = j;
        }
    }
  return NULL;
}

static int
compare_pair_seeds (gconstpointer a,
                    gconstpointer b)
{
  const PairSeed *x = a, *y = b;

  if (x->slot_a != y->slot_a)
    return x->slot_a < y->slot_a ? -1 : 1;
  if (x->slot_b != y->slot_b)
    return x->slot_b < y->slot_b ? -1 : 1;
  if (x->position_a != y->position_a)
    return x->position_a < y->position_a ? -1 : 1;
  return x->position_b < y->position_b ? -1 : x->position_b > y->position_b;
}

/* A document's text and tokens, fetched once for several pairs. */
typedef struct
{
  gint64   id;
  GBytes  *text;
  GArray  *tokens;
} LoadedDocument;

static void
loaded_document_clear (LoadedDocument *loaded)
{
  g_clear_pointer (&loaded->text, g_bytes_unref);
  g_clear_pointer (&loaded->tokens, g_array_unref);
}

static gboolean
load_document (CrbReuseIndex  *self,
               gint64          id,
               LoadedDocument *loaded)
{
  gsize length = 0;
  const char *bytes;

  if (loaded->tokens != NULL && loaded->id == id)
    return TRUE;
  loaded_document_clear (loaded);
  loaded->id = id;
  loaded->text = self->text_func (id, self->user_data);
  if (loaded->text == NULL)
    return FALSE;
  bytes = g_bytes_get_data (loaded->text, &length);
  loaded->tokens = crb_tokenize (bytes, length, NULL, CRB_TOKENIZE_DEFAULT);
  return TRUE;
}

static CrbReuseRelation *
relate (CrbReuseIndex  *self,
        LoadedDocument *a,
        LoadedDocument *b,
        CrbSeed        *seeds,
        guint           n_seeds)
{
  return crb_reuse_relation_from_seeds (&self->options,
                                        a->id, g_bytes_get_data (a->text, NULL), a->tokens,
                                        b->id, g_bytes_get_data (b->text, NULL), b->tokens,
                                        seeds, n_seeds);
}

static inline gboolean
is_cancelled (const gint *cancel)
{
  return cancel != NULL && g_atomic_int_get (cancel) != 0;
}

typedef struct
{
  CrbReuseIndex     *self;
  const Pair        *pairs;
  guint              first_pair;
  guint              end_pair;
  const PairSeed    *seeds;
  const gint64      *ids;      /* by slot */
  CrbReuseRelation **results;  /* by pair */
  const gint        *cancel;
} AlignJob;

static gpointer
align_worker (gpointer data)
{
  AlignJob *job = data;
  LoadedDocument a = { 0 }, b = { 0 };
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (CrbSeed));

  for (guint p = job->first_pair; p < job->end_pair; p++)
    {
      const Pair *pair = &job->pairs[p];

      if (is_cancelled (job->cancel))
        break;
      if (!load_document (job->self, job->ids[pair->slot_a], &a)
          || !load_document (job->self, job->ids[pair->slot_b], &b))
        continue;
      g_array_set_size (seeds, pair->n_seeds);
      for (guint s = 0; s < pair->n_seeds; s++)
        {
          const PairSeed *seed = &job->seeds[pair->first_seed + s];

          g_array_index (seeds, CrbSeed, s) = (CrbSeed) { seed->position_a, seed->position_b };
        }
      job->results[p] = relate (job->self, &a, &b, (CrbSeed *) seeds->data, seeds->len);
    }
  loaded_document_clear (&a);
  loaded_document_clear (&b);
  return NULL;
}

/* Runs @n_jobs jobs of @size bytes from @jobs on as many threads. */
static void
run_jobs (GThreadFunc  func,
          gpointer     jobs,
          gsize        size,
          guint        n_jobs)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_jobs);

  for (guint t = 1; t < n_jobs; t++)
    threads[t] = g_thread_new ("crb-reuse", func, (char *) jobs + t * size);
  func (jobs);
  for (guint t = 1; t < n_jobs; t++)
    g_thread_join (threads[t]);
}

GPtrArray *
crb_reuse_index_analyse (CrbReuseIndex *self,
                         const gint    *cancel)
{
  guint n_threads;
  g_autofree SeedJob *seed_jobs = NULL;
  g_autofree AlignJob *align_jobs = NULL;
  g_autofree guint8 *alive = NULL;
  g_autofree gint64 *ids = NULL;
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (PairSeed));
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autofree CrbReuseRelation **results = NULL;
  GPtrArray *relations;
  guint n_slots;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->text_func != NULL, NULL);

  n_threads = self->options.n_threads;
  seed_jobs = g_new0 (SeedJob, n_threads);
  align_jobs = g_new0 (AlignJob, n_threads);

  /* Phase 1, under the lock: sort the buckets and collect seeds, each
   * thread over its own range of buckets. */
  g_mutex_lock (&self->lock);
  n_slots = self->documents->len;
  alive = g_new (guint8, n_slots + 1);
  ids = g_new (gint64, n_slots + 1);
  for (guint s = 0; s < n_slots; s++)
    {
      alive[s] = g_array_index (self->documents, Document, s).alive;
      ids[s] = g_array_index (self->documents, Document, s).id;
    }
  for (guint t = 0; t < n_threads; t++)
    {
      seed_jobs[t].self = self;
      seed_jobs[t].first_bucket = N_BUCKETS * t / n_threads;
      seed_jobs[t].end_bucket = N_BUCKETS * (t + 1) / n_threads;
      seed_jobs[t].alive = alive;
      seed_jobs[t].seeds = g_array_new (FALSE, FALSE, sizeof (PairSeed));
    }
  run_jobs (seed_worker, seed_jobs, sizeof (SeedJob), n_threads);
  g_mutex_unlock (&self->lock);

  for (guint t = 0; t < n_threads; t++)
    {
      g_array_append_vals (seeds, seed_jobs[t].seeds->data, seed_jobs[t].seeds->len);
      g_array_unref (seed_jobs[t].seeds);
    }
  g_array_sort (seeds, compare_pair_seeds);

  /* Phase 2: document pairs with enough seeds. */
  for (guint i = 0; i < seeds->len;)
    {
      const PairSeed *first = &g_array_index (seeds, PairSeed, i);
      guint j = i + 1;

      while (j < seeds->len && g_array_index (seeds, PairSeed, j).slot_a == first->slot_a
             && g_array_index (seeds, PairSeed, j).slot_b == first->slot_b)
        j++;
      if (j - i >= self->options.min_seeds)
        {
          Pair pair = { first->slot_a, first->slot_b, i, j - i };

          g_array_append_val (pairs, pair);
        }
      i = j;
    }

  /* Phase 3, without the lock: align the pairs, each thread a contiguous
   * share so that document A is usually fetched once for all its pairs. */
  results = g_new0 (CrbReuseRelation *, pairs->len + 1);
  for (guint t = 0; t < n_threads; t++)
    {
      align_jobs[t] = (AlignJob) {
        self, (const Pair *) pairs->data, pairs->len * t / n_threads, pairs->len * (t + 1) / n_threads,
        (const PairSeed *) seeds->data, ids, results, cancel,
      };
    }
  run_jobs (align_worker, align_jobs, sizeof (AlignJob), n_threads);

  relations = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_reuse_relation_free);
  for (guint p = 0; p < pairs->len; p++)
    if (results[p] != NULL)
      g_ptr_array_add (relations, results[p]);
  if (is_cancelled (cancel))
    g_clear_pointer (&relations, g_ptr_array_unref);
  return relations;
}

/* Incremental query --------------------------------------------------------- */

static int
compare_pair_seed_slots (gconstpointer a,
                         gconstpointer b)
{
  const PairSeed *x = a, *y = b;

  if (x->slot_b != y->slot_b)
    return x->slot_b < y->slot_b ? -1 : 1;
  return compare_pair_seeds (a, b);
}

GPtrArray *
crb_reuse_index_query (CrbReuseIndex *self,
                       gint64         document,
                       const char    *text,
                       gssize         length)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) fingerprints = NULL;
  g_autoptr(GArray) seeds = g_array_new (FALSE, FALSE, sizeof (PairSeed));
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) pair_seeds = g_array_new (FALSE, FALSE, sizeof (CrbSeed));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  LoadedDocument query = { document, NULL, NULL }, other = { 0 };
  GPtrArray *relations = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_reuse_relation_free);

  g_return_val_if_fail (self != NULL, relations);
  g_return_val_if_fail (text != NULL || length == 0, relations);

  if (length < 0)
    length = strlen (text);
  tokens = crb_tokenize (text, length, NULL, CRB_TOKENIZE_DEFAULT);
  fingerprints = crb_winnow ((const CrbToken *) tokens->data, tokens->len,
                             self->options.shingle, self->options.window);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < fingerprints->len; i++)
    {
      const CrbFingerprint *fingerprint = &g_array_index (fingerprints, CrbFingerprint, i);
      Bucket *bucket = &self->buckets[fingerprint->hash >> KEY_BITS];
      guint64 low = pack_entry (fingerprint->hash, 0, 0);
      guint first = 0, end = bucket->n, last;

      bucket_sort (bucket, scratch);
      while (first < end)
        {
          guint middle = (first + end) / 2;

          if (bucket->items[middle] < low)
            first = middle + 1;
          else
            end = middle;
        }
      last = first;
      while (last < bucket->n && ENTRY_KEY (bucket->items[last]) == ENTRY_KEY (low))
        last++;
      /* The query document itself counts towards the frequency. */
      if (last == first || last - first + 1 >= self->options.max_df)
        continue;
      for (guint k = first; k < last; k++)
        {
          guint32 slot = ENTRY_SLOT (bucket->items[k]);
          const Document *indexed = &g_array_index (self->documents, Document, slot);
          PairSeed seed = { 0, slot, fingerprint->position, ENTRY_POSITION (bucket->items[k]) };

          if (indexed->alive && indexed->id != document)
            g_array_append_val (seeds, seed);
        }
    }
  for (guint s = 0; s < self->documents->len; s++)
    g_array_append_val (ids, g_array_index (self->documents, Document, s).id);
  g_mutex_unlock (&self->lock);

  g_array_sort (seeds, compare_pair_seed_slots);
  query.text = g_bytes_new_static (text, length);
  query.tokens = g_steal_pointer (&tokens);
  for (guint i = 0; i < seeds->len;)
    {
      guint32 slot = g_array_index (seeds, PairSeed, i).slot_b;
      guint j = i;
      CrbReuseRelation *relation;

      g_array_set_size (pair_seeds, 0);
      for (; j < seeds->len && g_array_index (seeds, PairSeed, j).slot_b == slot; j++)
        {
          const PairSeed *seed = &g_array_index (seeds, PairSeed, j);

          g_array_append_vals (pair_seeds, &(CrbSeed) { seed->position_a, seed->position_b }, 1);
        }
      i = j;
      if (pair_seeds->len < self->options.min_seeds || self->text_func == NULL
          || !load_document (self, g_array_index (ids, gint64, slot), &other))
        continue;
      relation = relate (self, &query, &other, (CrbSeed *) pair_seeds->data, pair_seeds->len);
      if (relation != NULL)
        g_ptr_array_add (relations, relation);
    }
  loaded_document_clear (&query);
  loaded_document_clear (&other);
  return relations;
}
