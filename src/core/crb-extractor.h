/* crb-extractor.h: runs untrusted parsing in corroborate-extract helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crb-extract-error.h"
#include "crb-extract-result.h"

G_BEGIN_DECLS


#define CRB_TYPE_EXTRACTOR (crb_extractor_get_type ())
G_DECLARE_FINAL_TYPE (CrbExtractor, crb_extractor, CRB, EXTRACTOR, GObject)

/* The wall-clock time one file may take, unless changed. */
#define CRB_EXTRACTOR_DEFAULT_DEADLINE 60

/* Finds the helper: $CORROBORATE_EXTRACT_HELPER, else LIBEXECDIR, else the
 * build tree (for running uninstalled). */
CrbExtractor     *crb_extractor_new          (void);

/* Blocking and thread-safe: call it from worker threads.  Up to one helper
 * per core runs at a time; a crash, hang or limit hit fails only this call.
 * name_hint (a file name or URL path), content_type and charset may be NULL. */
CrbExtractResult *crb_extractor_extract      (CrbExtractor  *self,
                                              GBytes        *bytes,
                                              const char    *name_hint,
                                              const char    *content_type,
                                              const char    *charset,
                                              GCancellable  *cancellable,
                                              GError       **error);

/* The same for a file (its name is the hint); content_type may be NULL. */
CrbExtractResult *crb_extractor_extract_file (CrbExtractor  *self,
                                              GFile         *file,
                                              const char    *content_type,
                                              GCancellable  *cancellable,
                                              GError       **error);

/* Seconds one file may take before its helper is killed (TIMEOUT). */
guint             crb_extractor_get_deadline (CrbExtractor  *self);
void              crb_extractor_set_deadline (CrbExtractor  *self,
                                              guint          seconds);

/* Whether helpers run under bubblewrap here (decided on first use). */
gboolean          crb_extractor_get_sandboxed (CrbExtractor *self);

/* How many helpers may run at once (one per core). */
guint             crb_extractor_get_max_helpers (CrbExtractor *self);

/* Helpers started so far: one per core for a healthy batch, plus one for
 * each that crashed, hit a limit or retired. */
guint             crb_extractor_get_n_started (CrbExtractor *self);

const char       *crb_extractor_get_helper_path (CrbExtractor *self);

G_END_DECLS
