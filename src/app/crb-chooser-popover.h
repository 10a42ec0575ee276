/* crb-chooser-popover.h: find or create an entity, event or tag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "crb-project.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_CHOOSER_ENTITY,
  CRB_CHOOSER_EVENT,
  CRB_CHOOSER_TAG,
} CrbChooserKind;

#define CRB_TYPE_CHOOSER_POPOVER (crb_chooser_popover_get_type ())
G_DECLARE_FINAL_TYPE (CrbChooserPopover, crb_chooser_popover, CRB, CHOOSER_POPOVER, GtkPopover)

GtkWidget *crb_chooser_popover_new     (void);
void       crb_chooser_popover_setup   (CrbChooserPopover *self,
                                        CrbProject        *project,
                                        CrbChooserKind     kind,
                                        const char        *text);
const char *crb_chooser_popover_get_purpose (CrbChooserPopover *self);
/* Any string the caller wants back with ::chosen (what the choice is for). */
void       crb_chooser_popover_set_purpose (CrbChooserPopover *self,
                                            const char        *purpose);

G_END_DECLS
