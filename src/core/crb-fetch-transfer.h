/* crb-fetch-transfer.h: one fetch with a given set of settings (used by CrbFetcher)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crb-fetch-result.h"

G_BEGIN_DECLS

/* What CrbFetcher's properties say, copied when a fetch starts. */
typedef struct
{
  guint         deadline;      /* seconds */
  guint64       max_bytes;
  guint         max_redirects;
  gboolean      allow_private;
  char         *user_agent;
  GTlsDatabase *tls_database;  /* NULL: the system's */
} CrbFetchSettings;

void            crb_fetch_settings_clear (CrbFetchSettings        *settings);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbFetchSettings, crb_fetch_settings_clear)

/* Fetches `uri` (already through crb_fetch_parse_url) as crb-fetcher.h
 * describes. The deadline is a timeout source attached to
 * `watchdog_context`, which some other thread must be running: this one is
 * blocked in I/O. Blocking; usable from any thread. */
CrbFetchResult *crb_fetch_transfer       (const CrbFetchSettings  *settings,
                                          GMainContext            *watchdog_context,
                                          GUri                    *uri,
                                          GCancellable            *cancellable,
                                          GError                 **error);

G_END_DECLS
