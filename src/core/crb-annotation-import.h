/* crb-annotation-import.h: W3C Web Annotations onto this project's texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

typedef struct
{
  guint      imported;        /* new claims */
  guint      already_present; /* their id is a claim here already */
  GPtrArray *unmatched;       /* one line per annotation left out: its id and why */
} CrbAnnotationImport;

void crb_annotation_import_free (CrbAnnotationImport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbAnnotationImport, crb_annotation_import_free)

/* Reads Web Annotation JSON-LD (one Annotation, an array of them, an
 * AnnotationPage or an AnnotationCollection with its first page) and adds
 * each annotation as a claim, in one undoable action: on the document its
 * target's source names (urn:uuid: of a document, or a web address it was
 * imported from), else on the one document whose text holds its
 * TextQuoteSelector; placed by TextPositionSelector where the quote is
 * there, else by the quote and its context.  Annotations that match no
 * document, or several equally, are reported, not guessed.  Claims keep
 * the annotation's id, creator and times; motivations highlighting and
 * questioning give highlights and questions; tagging bodies become tags. */
CrbAnnotationImport *crb_project_import_annotations (CrbProject *project, const char *json,
                                                     gssize length, GError **error);

G_END_DECLS
