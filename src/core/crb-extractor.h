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

/* Finds the helper: $CORROBORATE_EXTRACT_HELPER, else LIBEXECDIR, else the
 * build tree (for running uninstalled). */
CrbExtractor     *crb_extractor_new      (void);

/* Blocking and thread-safe: call it from worker threads.  Up to one helper
 * per core runs at a time; a crash, hang or limit hit fails only this call.
 * name_hint (a file name or URL path), content_type and charset may be NULL. */
CrbExtractResult *crb_extractor_extract  (CrbExtractor  *self,
                                          GBytes        *bytes,
                                          const char    *name_hint,
                                          const char    *content_type,
                                          const char    *charset,
                                          GCancellable  *cancellable,
                                          GError       **error);

G_END_DECLS
