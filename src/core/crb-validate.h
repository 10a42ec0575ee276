/* crb-validate.h: checks of the values people type into fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether `value` may go into `field` of record table `table` (NULL means
 * "empty").  Covers the fields with a format or a fixed set of values:
 * colours (#rrggbb), external identifiers (Wikidata QID or http(s) URI),
 * dates (ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, optionally with a time),
 * the Admiralty grades (reliability A–F, credibility 1–6), relation
 * evidence (a JSON array) and every enumeration (entity kind, role,
 * stance, status…).  Other fields are accepted as they are.  Refusals are
 * CRB_PROJECT_ERROR_INVALID with a message that says what would do. */
gboolean            crb_validate_field    (const char  *table,
                                           const char  *field,
                                           const char  *value,
                                           GError     **error);
/* The allowed values of an enumerated field, or NULL (for menus). */
const char * const *crb_validate_choices  (const char  *table,
                                           const char  *field);
/* A date range: each end a valid date (or NULL), and the end not before
 * the start (compared at the precision both give). */
gboolean            crb_validate_date_range (const char  *start,
                                             const char  *end,
                                             GError     **error);

G_END_DECLS
