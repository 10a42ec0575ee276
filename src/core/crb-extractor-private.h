/* crb-extractor-private.h: the pieces of CrbExtractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* crb-extractor-sandbox.c */

/* The command line that starts the helper: under bubblewrap where that
 * works here (probed once per helper path and remembered), else the helper
 * alone.  *sandboxed (may be NULL) tells which. */
GStrv crb_extractor_sandbox_argv (const char *helper_path,
                                  gboolean   *sandboxed);

/* The environment a helper gets: only what it reads. */
GStrv crb_extractor_sandbox_environment (void);

/* crb-extractor-helper.c */

/* One running corroborate-extract, talking over a socket pair. */
typedef struct _CrbHelperProcess CrbHelperProcess;

CrbHelperProcess *crb_helper_process_spawn    (const char *const *argv,
                                               const char *const *environment,
                                               gboolean           sandboxed,
                                               GError           **error);
void              crb_helper_process_free     (CrbHelperProcess  *helper);

/* Sends one request frame and reads one response, by `deadline` (on the
 * monotonic clock).  Fails with G_IO_ERROR_TIMED_OUT, G_IO_ERROR_CANCELLED,
 * or another G_IO_ERROR when the helper closed the channel or broke the
 * protocol.  *got_reply_bytes tells whether any of the reply arrived. */
GVariant         *crb_helper_process_exchange (CrbHelperProcess  *helper,
                                               GBytes            *request_frame,
                                               gint64             deadline,
                                               GCancellable      *cancellable,
                                               gboolean          *got_reply_bytes,
                                               GError           **error);

/* Requests served so far. */
guint             crb_helper_process_get_n_requests (CrbHelperProcess *helper);

/* Whether the process has already ended (without waiting). */
gboolean          crb_helper_process_has_exited (CrbHelperProcess *helper);

/* Stops the helper now (SIGKILL) and reaps it. */
void              crb_helper_process_kill     (CrbHelperProcess  *helper);

/* After a failed exchange: gives the helper `grace_ms` to end on its own
 * (then kills it), and turns how it ended into a CRB_EXTRACT_ERROR.
 * Returns FALSE without setting `error` when it ended cleanly (exit 0: it
 * had retired), which means the request never reached a working helper. */
gboolean          crb_helper_process_explain_end (CrbHelperProcess *helper,
                                                  guint             grace_ms,
                                                  GError          **error);

G_END_DECLS
