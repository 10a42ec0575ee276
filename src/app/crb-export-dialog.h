/* crb-export-dialog.h: the project's annotations and briefings as files
 * (W3C Web Annotation JSON-LD, CSV of claims, Markdown or HTML briefing)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_EXPORT_DIALOG (crb_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (CrbExportDialog, crb_export_dialog, CRB, EXPORT_DIALOG, AdwWindow)

CrbExportDialog *crb_export_dialog_new          (CrbProject      *project);
/* "jsonld", "csv", "markdown" or "html" (also the "export.format" action). */
const char      *crb_export_dialog_get_format   (CrbExportDialog *self);
void             crb_export_dialog_set_format   (CrbExportDialog *self,
                                                 const char      *format);
/* The event a briefing is about (a UUID), or NULL when there is none. */
const char      *crb_export_dialog_get_event    (CrbExportDialog *self);
void             crb_export_dialog_set_event    (CrbExportDialog *self,
                                                 const char      *event_uuid);
/* Writes the export to `file` in a worker thread; "exported" follows and
 * the dialog closes, or the core's error is shown. */
void             crb_export_dialog_export_to    (CrbExportDialog *self,
                                                 GFile           *file);

G_END_DECLS
