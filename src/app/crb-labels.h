/* crb-labels.h: words and icons for the model's codes, in the reader's
 * language (grades, kinds, statuses, undo steps, dates)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Admiralty credibility of information, 1–6 ("Confirmed" …); NULL for 0. */
const char *crb_labels_credibility       (guint        grade);
/* Admiralty reliability of a source, "A"–"F" ("Completely reliable" …). */
const char *crb_labels_reliability       (const char  *grade);
const char *crb_labels_document_kind     (const char  *kind);
const char *crb_labels_document_icon     (const char  *kind);
const char *crb_labels_claim_kind        (const char  *kind);
const char *crb_labels_anchor_status     (const char  *status);
const char *crb_labels_entity_kind       (const char  *kind);
const char *crb_labels_entity_icon       (const char  *kind);
const char *crb_labels_role              (const char  *role);
const char *crb_labels_stance            (const char  *stance);
/* The core's undo step names ("Edit note", "Import 3 documents") in the
 * user's language; unknown ones are returned as they are. */
char       *crb_labels_undo_step         (const char  *label);
/* "18 April 2026", "18 April 2026, 11:52", "April 2026" from ISO 8601, or
 * the text as it is when it does not parse; NULL for NULL. */
char       *crb_labels_format_date       (const char  *iso);
char       *crb_labels_format_time_ms    (gint64       ms);

/* A record's field ("note", "anchor"…) and a record table ("claim"…). */
const char *crb_labels_field             (const char  *field);
const char *crb_labels_record_table      (const char  *table);

/* A menu of the reliability grades A–F and "Not graded", each activating
 * `action` with the grade ("" for none) as its string parameter. */
GMenuModel *crb_labels_reliability_menu  (const char  *action);

G_END_DECLS
