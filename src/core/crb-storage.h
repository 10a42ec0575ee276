/* crb-storage.h: where a project file lives (local disk, network, cloud
 * folder, document portal), to warn before such a place damages it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CRB_STORAGE_LOCAL,      /* a disk of this computer */
  CRB_STORAGE_NETWORK,    /* NFS, SMB/CIFS, AFS, Ceph, sshfs, WebDAV… */
  CRB_STORAGE_SYNCED,     /* a folder that a cloud or sync client copies */
  CRB_STORAGE_PORTAL,     /* the Flatpak document portal's file system */
  CRB_STORAGE_USER_SPACE, /* another FUSE file system, of unknown kind */
} CrbStorageKind;

/* Classifies the folder that holds `path` (which need not exist yet).
 * `service`, if not NULL, receives the name of the product or protocol
 * ("Dropbox", "NFS", "sshfs"), or NULL when unknown. */
CrbStorageKind crb_storage_classify           (const char   *path,
                                               char        **service);

/* The kind of file system a statfs() f_type names. */
CrbStorageKind crb_storage_kind_for_magic     (gint64        magic,
                                               const char  **service);
/* The kind of file system a mount table type names ("nfs4", "cifs",
 * "fuse.sshfs", "fuseblk"…); `fs_type` may be NULL. */
CrbStorageKind crb_storage_kind_for_fs_type   (const char   *fs_type,
                                               const char  **service);
/* The sync client whose folder holds `path`, judged from the folder names
 * the clients create in the home folder and the markers they leave in the
 * folders they synchronise; NULL if none. */
const char    *crb_storage_find_sync_service  (const char   *path);

/* A sentence for the analyst (translated), or NULL for CRB_STORAGE_LOCAL. */
char          *crb_storage_describe           (CrbStorageKind kind,
                                               const char    *service);

G_END_DECLS
