/* crb-claim-inspector.h: everything about the selected claim, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-claim.h"

G_BEGIN_DECLS

#define CRB_TYPE_CLAIM_INSPECTOR (crb_claim_inspector_get_type ())
G_DECLARE_FINAL_TYPE (CrbClaimInspector, crb_claim_inspector, CRB, CLAIM_INSPECTOR, GtkWidget)

GtkWidget     *crb_claim_inspector_new            (void);
void           crb_claim_inspector_set_project    (CrbClaimInspector *self,
                                                   CrbProject        *project);
CrbClaim      *crb_claim_inspector_get_claim      (CrbClaimInspector *self);
void           crb_claim_inspector_set_claim      (CrbClaimInspector *self,
                                                   CrbClaim          *claim);
/* Saves a note being typed now instead of after the pause. */
void           crb_claim_inspector_flush          (CrbClaimInspector *self);
GtkTextBuffer *crb_claim_inspector_get_note_buffer (CrbClaimInspector *self);
/* TRUE while typed text waits for its pause to be saved. */
gboolean       crb_claim_inspector_has_pending_note (CrbClaimInspector *self);

G_END_DECLS
