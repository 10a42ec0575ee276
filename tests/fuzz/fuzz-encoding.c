/* fuzz-encoding.c: libFuzzer target for encoding detection and normalisation
 *
 * The first byte picks the charset a server or document might declare
 * (none, a right one, a wrong one, a bogus one); the rest are the bytes.
 * Whatever they are, the output must be valid UTF-8, and normalising it (or
 * the raw bytes taken as a string) must be too.  Seeds are in
 * seeds/encoding/.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stddef.h>
#include <stdint.h>

#include "crb-encoding.h"
#include "crb-extract-error.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const declared_charsets[] = {
  NULL,        "utf-8",  "windows-1251", "koi8-r",       "iso-8859-1", "utf-16",        "utf-16be",
  "shift_jis", "ibm866", "kz-1048",      "no-such-name", "",           "utf-8//IGNORE",
};

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *detected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *normalized_raw = NULL;
  const char      *declared = NULL;

  if (size > 0)
    {
      declared = declared_charsets[data[0] % G_N_ELEMENTS (declared_charsets)];
      data++;
      size--;
    }

  text = crb_encoding_decode (data, size, declared, &detected, &error);
  if (text != NULL)
    {
      g_assert (detected != NULL);
      g_assert (g_utf8_validate (text, -1, NULL));
      normalized = crb_text_normalize (text);
      g_assert (g_utf8_validate (normalized, -1, NULL));
    }
  else
    g_assert (error != NULL && error->domain == CRB_EXTRACT_ERROR);

  /* Normalisation on its own repairs what is not UTF-8. */
  raw = size > 0 ? g_strndup ((const char *) data, size) : g_strdup ("");
  normalized_raw = crb_text_normalize (raw);
  g_assert (g_utf8_validate (normalized_raw, -1, NULL));
  return 0;
}
