/* crb-extract-worker.h: the corroborate-extract request loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Environment variables the helper reads (tests set them; the defaults
 * suit production). */
#define CRB_EXTRACT_ENV_MEMORY_LIMIT  "CORROBORATE_EXTRACT_MEMORY_LIMIT_MB" /* 0: none */
#define CRB_EXTRACT_ENV_CPU_LIMIT     "CORROBORATE_EXTRACT_CPU_LIMIT"       /* s per file */
#define CRB_EXTRACT_ENV_CPU_TOTAL     "CORROBORATE_EXTRACT_CPU_TOTAL"       /* s per helper */
#define CRB_EXTRACT_ENV_TEST_TRIGGERS "CORROBORATE_EXTRACT_TEST_TRIGGERS"

#define CRB_EXTRACT_DEFAULT_MEMORY_LIMIT_MB 2048
#define CRB_EXTRACT_DEFAULT_CPU_LIMIT       30
#define CRB_EXTRACT_DEFAULT_CPU_TOTAL       3600

/* Sets the resource limits, then answers requests on stdin with responses
 * on stdout until stdin ends.  Returns the exit status. */
int crb_extract_worker_run (void);

G_END_DECLS
