/* crb-winnow.c: word-shingle fingerprints by winnowing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-compare"

#include "crb-winnow.h"

#include "crb-fold.h"

guint64
crb_winnow_shingle_hash (const CrbToken *tokens,
                         guint           shingle)
{
  guint64 hash = 0;

  /* Order matters: "a b" and "b a" are different shingles. */
  for (guint j = 0; j < shingle; j++)
    hash = (hash ^ tokens[j].hash) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) + j;
  return crb_fold_mix64 (hash);
}

GArray *
crb_winnow (const CrbToken *tokens,
            guint           n_tokens,
            guint           shingle,
            guint           window)
{
  g_autofree guint64 *hashes = NULL;
  GArray *fingerprints;
  guint n_shingles;
  gint64 last_selected = -1;

  g_return_val_if_fail (tokens != NULL || n_tokens == 0, NULL);
  g_return_val_if_fail (shingle > 0 && window > 0, NULL);

  /* Winnowing selects about 2 / (window + 1) of the shingles. */
  fingerprints = g_array_sized_new (FALSE, FALSE, sizeof (CrbFingerprint),
                                    n_tokens * 2 / (window + 1) + 2);
  if (n_tokens < shingle)
    return fingerprints;

  n_shingles = n_tokens - shingle + 1;
  hashes = g_new (guint64, n_shingles);
  for (guint i = 0; i < n_shingles; i++)
    hashes[i] = crb_winnow_shingle_hash (tokens + i, shingle);

  /* A document shorter than one window still gets its minimum. */
  for (guint start = 0; start + window <= MAX (n_shingles, window); start++)
    {
      guint end = MIN (start + window, n_shingles);
      guint best = start;

      for (guint i = start + 1; i < end; i++)
        if (hashes[i] <= hashes[best])
          best = i;
      if ((gint64) best != last_selected)
        {
          CrbFingerprint fingerprint = { (guint32) (hashes[best] >> 32), best };

          g_array_append_val (fingerprints, fingerprint);
          last_selected = best;
        }
      if (end == n_shingles)
        break;
    }
  return fingerprints;
}
