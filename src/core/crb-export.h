/* crb-export.h: the project's annotations and briefings for the world
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

typedef enum
{
  CRB_EXPORT_JSONLD,   /* W3C Web Annotation collection (JSON-LD) of every claim */
  CRB_EXPORT_CSV,      /* one row per claim with its source, grades, tags, entities, events */
  CRB_EXPORT_MARKDOWN, /* briefing of one event: its accounts by facet and source */
  CRB_EXPORT_HTML,     /* the same briefing as one self-contained HTML page */
} CrbExportFormat;

/* "jsonld", "csv", "markdown" (or "md") and "html". */
gboolean crb_export_format_from_string (const char *name, CrbExportFormat *format);

/* The export as text (UTF-8).  Briefings need `event_id` (a UUID, prefix or
 * title); the other formats take every live claim and ignore it.  Notes
 * marked private are left out. */
char *crb_project_export (CrbProject *project, CrbExportFormat format, const char *event_id,
                          GError **error);

G_END_DECLS
