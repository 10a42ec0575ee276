/* crb-project.h: one open .corroborate project file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRB_PROJECT_ERROR (crb_project_error_quark ())

typedef enum
{
  CRB_PROJECT_ERROR_FAILED,
  CRB_PROJECT_ERROR_NOT_FOUND,       /* no such file, document, claim… */
  CRB_PROJECT_ERROR_EXISTS,          /* the target file already exists */
  CRB_PROJECT_ERROR_EMPTY,           /* a 0-byte file */
  CRB_PROJECT_ERROR_FOREIGN,         /* not a Corroborate project */
  CRB_PROJECT_ERROR_NEWER,           /* made by a newer Corroborate */
  CRB_PROJECT_ERROR_DAMAGED,         /* truncated or corrupt */
  CRB_PROJECT_ERROR_TAMPERED,        /* extra trigger, view or table */
  CRB_PROJECT_ERROR_ALREADY_OPEN,    /* held by another window or program */
  CRB_PROJECT_ERROR_READ_ONLY,
  CRB_PROJECT_ERROR_DISK_FULL,
  CRB_PROJECT_ERROR_CONFLICT,        /* an undo step no longer applies */
  CRB_PROJECT_ERROR_NOTHING_TO_UNDO,
  CRB_PROJECT_ERROR_INVALID,         /* an argument that makes no sense */
  CRB_PROJECT_ERROR_DUPLICATE,       /* already in the project */
} CrbProjectError;

/* What an action touched, for views to refresh only what they show. */
typedef enum
{
  CRB_CHANGE_DOCUMENTS = 1 << 0,
  CRB_CHANGE_CLAIMS    = 1 << 1,
  CRB_CHANGE_TAGS      = 1 << 2,
  CRB_CHANGE_ENTITIES  = 1 << 3,
  CRB_CHANGE_EVENTS    = 1 << 4,
  CRB_CHANGE_RELATIONS = 1 << 5,
  CRB_CHANGE_ALL       = 0x3f,
} CrbChangeFlags;

typedef enum
{
  CRB_COPY_DEFAULT         = 0,
  CRB_COPY_DROP_ORIGINALS  = 1 << 0, /* leave out the original file bytes */
  CRB_COPY_DROP_PRIVATE    = 1 << 1, /* leave out notes marked private */
} CrbCopyFlags;

GQuark crb_project_error_quark (void);

#define CRB_TYPE_PROJECT (crb_project_get_type ())
G_DECLARE_FINAL_TYPE (CrbProject, crb_project, CRB, PROJECT, GObject)

CrbProject *crb_project_create          (const char    *path,
                                         GError       **error);
CrbProject *crb_project_open            (const char    *path,
                                         GError       **error);
void        crb_project_open_async      (const char          *path,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
CrbProject *crb_project_open_finish     (GAsyncResult  *result,
                                         GError       **error);
/* Releases the file; every later call fails.  Also done on finalize. */
void        crb_project_close           (CrbProject    *self);
gboolean    crb_project_is_closed       (CrbProject    *self);

const char *crb_project_get_path        (CrbProject    *self);
const char *crb_project_get_uuid        (CrbProject    *self);
/* The analyst's name, recorded on every row they create or change. */
const char *crb_project_get_author      (CrbProject    *self);
void        crb_project_set_author      (CrbProject    *self,
                                         const char    *author);

/* Integrity of the file and of the full-text indexes. */
gboolean    crb_project_check           (CrbProject    *self,
                                         GError       **error);
/* Rebuilds the full-text indexes from the project's rows (a repair). */
gboolean    crb_project_rebuild_index   (CrbProject    *self,
                                         GError       **error);
/* Save a Copy: a compact, checked file at `target` (which must not exist). */
gboolean    crb_project_save_copy       (CrbProject    *self,
                                         const char    *target,
                                         CrbCopyFlags   flags,
                                         GError       **error);
/* Verified rotating backups in the user's data folder; returns the path. */
char       *crb_project_backup          (CrbProject    *self,
                                         GError       **error);

const char * const *crb_project_get_changed_claims (CrbProject *self);
gboolean    crb_project_can_undo        (CrbProject    *self);
gboolean    crb_project_can_redo        (CrbProject    *self);
char       *crb_project_dup_undo_label  (CrbProject    *self);
char       *crb_project_dup_redo_label  (CrbProject    *self);
gboolean    crb_project_undo            (CrbProject    *self,
                                         char         **label,
                                         GError       **error);
gboolean    crb_project_redo            (CrbProject    *self,
                                         char         **label,
                                         GError       **error);

G_END_DECLS
