/* crb-util.h: identifiers, clocks and digests used across core/
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *crb_uuid_new          (void);
/* Wall-clock time in milliseconds since the Unix epoch, strictly increasing
 * within this process so that "modified" times order edits. */
gint64  crb_now_ms            (void);
char   *crb_sha256_hex        (const void *data, gsize length);
/* ISO 8601 in UTC, e.g. 2026-11-22T10:04:05Z. */
char   *crb_format_time_ms    (gint64 ms);
/* Counts Unicode code points of valid UTF-8 (length -1: up to the NUL). */
gsize   crb_utf8_chars        (const char *text, gssize length);
/* Appends `text` (valid UTF-8; NULL as "") as a quoted JSON string. */
void    crb_json_append_string (GString *out, const char *text);

/* For g_ptr_array_sort() of strings (it passes pointers to the elements). */
int     crb_compare_string_pointers (gconstpointer a,
                                     gconstpointer b);

G_END_DECLS
