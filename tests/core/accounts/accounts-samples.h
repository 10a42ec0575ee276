/* accounts-samples.h: the sample project (data/samples) and the shared
 * corpus, loaded into real project files for the accounts tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/* The sample documents, in the order of data/SAMPLES.md. */
typedef enum
{
  SAMPLE_WIRE,      /* Meridian Press Agency */
  SAMPLE_COURIER,   /* The National Courier: a copy of the wire */
  SAMPLE_GAZETTE,   /* Ilmet Valley Gazette: independent */
  SAMPLE_VESTI_RU,  /* Вести Приильметья, the Russian original */
  SAMPLE_VESTI_MT,  /* its machine translation */
  SAMPLE_MONITOR,   /* Watershed Monitor: quotes the Gazette and the Courier */
  SAMPLE_KORVASH24, /* Korvash 24: evening update in site boilerplate */
  N_SAMPLES
} Sample;

typedef struct
{
  CrbProject *project;
  char       *path;
  char       *uuids[N_SAMPLES];
} Samples;

/* Imports every sample through the store path, with its publication time
 * from the answer key. */
void samples_load (Samples *samples);
void samples_clear (Samples *samples);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Samples, samples_clear)
/* The outlet's name of a sample (its document title). */
const char *samples_title (Sample sample);
/* The text of a sample file. */
char *samples_read (Sample sample);

/* The shared corpus's five texts in file-name order, or FALSE when
 * $CORROBORATE_SHARED_CORPUS is not there. */
gboolean corpus_read (char *texts[5]);

G_END_DECLS
