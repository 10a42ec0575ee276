/* crb-record-list.h: a GListModel of records that follows the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "crb-project.h"

G_BEGIN_DECLS

/* Returns the records to show, in order (a new array of CrbRecords of the
 * list's item type), e.g. crb_project_list_documents. */
typedef GPtrArray *(*CrbRecordLoader) (CrbProject  *project,
                                       gpointer     user_data,
                                       GError     **error);

#define CRB_TYPE_RECORD_LIST (crb_record_list_get_type ())
G_DECLARE_FINAL_TYPE (CrbRecordList, crb_record_list, CRB, RECORD_LIST, GObject)

/* Loads at once, then again whenever CrbProject::changed reports one of
 * the `watch` flags.  A reload reports the smallest set of items-changed
 * it can: a record whose row and shown values are unchanged keeps its
 * object (so selections and widgets bound to it survive), a changed one
 * is replaced in place, others are removed or inserted. */
CrbRecordList *crb_record_list_new          (CrbProject       *project,
                                             GType             item_type,
                                             CrbChangeFlags    watch,
                                             CrbRecordLoader   loader,
                                             gpointer          user_data,
                                             GDestroyNotify    destroy);
/* Reloads now (also how a failed automatic reload can be retried). */
gboolean       crb_record_list_reload       (CrbRecordList    *self,
                                             GError          **error);
CrbProject    *crb_record_list_get_project  (CrbRecordList    *self);

/* Ready-made lists, in the order of the matching crb_project_list_…. */
CrbRecordList *crb_document_list_new        (CrbProject       *project);
/* Claims of one document, or of all when NULL. */
CrbRecordList *crb_claim_list_new           (CrbProject       *project,
                                             const char       *document_uuid);
CrbRecordList *crb_tag_list_new             (CrbProject       *project);
CrbRecordList *crb_entity_list_new          (CrbProject       *project);
CrbRecordList *crb_event_list_new           (CrbProject       *project);
CrbRecordList *crb_facet_list_new           (CrbProject       *project,
                                             const char       *event_uuid);
CrbRecordList *crb_event_claim_list_new     (CrbProject       *project,
                                             const char       *event_uuid);

G_END_DECLS
