/* crb-storage.c: where a project file lives
 *
 * SQLite's locking and durability rest on the file system; network file
 * systems and sync clients break both (reliability.md §1.5: Zotero and
 * QualCoder users lost databases kept in cloud folders).  Corroborate cannot
 * prevent that, but it can say so before the analyst starts working.
 *
 * Three sources, cheapest and most specific first: the sync clients' own
 * folders and markers, the Flatpak document portal's mount point, then
 * statfs()'s f_type refined by the mount table's type name (statfs says
 * only "FUSE" for sshfs, rclone, the portal and ntfs-3g alike).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-storage"

#include "config.h"

#include <gio/gunixmounts.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "crb-storage.h"

static const struct
{
  gint64         magic;
  CrbStorageKind kind;
  const char    *service;
} magics[] = {
  { 0x65735546, CRB_STORAGE_USER_SPACE, NULL }, /* FUSE: the mount table says which */
  { 0x6969, CRB_STORAGE_NETWORK, "NFS" },
  { 0x517B, CRB_STORAGE_NETWORK, "SMB" },
  { 0xFF534D42, CRB_STORAGE_NETWORK, "SMB" }, /* CIFS */
  { 0xFE534D42, CRB_STORAGE_NETWORK, "SMB" }, /* SMB2 */
  { 0x5346414F, CRB_STORAGE_NETWORK, "AFS" },
  { 0x6B414653, CRB_STORAGE_NETWORK, "AFS" }, /* kAFS */
  { 0x00C36400, CRB_STORAGE_NETWORK, "Ceph" },
  { 0x73757245, CRB_STORAGE_NETWORK, "Coda" },
  { 0x564C, CRB_STORAGE_NETWORK, "NetWare" },
  { 0x01021997, CRB_STORAGE_NETWORK, "9P" },
  { 0x0BD00BD0, CRB_STORAGE_NETWORK, "Lustre" },
  { 0x01161970, CRB_STORAGE_NETWORK, "GFS2" },
  { 0x7461636F, CRB_STORAGE_NETWORK, "OCFS2" },
};

/* Mount table types.  FUSE types are "fuse.<program>"; "fuseblk" is a
 * FUSE driver for a local disk (ntfs-3g, exfat). */
static const struct
{
  const char    *fs_type;
  CrbStorageKind kind;
  const char    *service;
} fs_types[] = {
  { "nfs", CRB_STORAGE_NETWORK, "NFS" },
  { "nfs4", CRB_STORAGE_NETWORK, "NFS" },
  { "cifs", CRB_STORAGE_NETWORK, "SMB" },
  { "smb3", CRB_STORAGE_NETWORK, "SMB" },
  { "smbfs", CRB_STORAGE_NETWORK, "SMB" },
  { "afs", CRB_STORAGE_NETWORK, "AFS" },
  { "ceph", CRB_STORAGE_NETWORK, "Ceph" },
  { "fuse.ceph-fuse", CRB_STORAGE_NETWORK, "Ceph" },
  { "coda", CRB_STORAGE_NETWORK, "Coda" },
  { "ncpfs", CRB_STORAGE_NETWORK, "NetWare" },
  { "9p", CRB_STORAGE_NETWORK, "9P" },
  { "lustre", CRB_STORAGE_NETWORK, "Lustre" },
  { "gfs2", CRB_STORAGE_NETWORK, "GFS2" },
  { "ocfs2", CRB_STORAGE_NETWORK, "OCFS2" },
  { "glusterfs", CRB_STORAGE_NETWORK, "GlusterFS" },
  { "fuse.glusterfs", CRB_STORAGE_NETWORK, "GlusterFS" },
  { "davfs", CRB_STORAGE_NETWORK, "WebDAV" },
  { "fuse.davfs2", CRB_STORAGE_NETWORK, "WebDAV" },
  { "fuse.sshfs", CRB_STORAGE_NETWORK, "sshfs" },
  { "fuse.gvfsd-fuse", CRB_STORAGE_NETWORK, "GVfs" },
  { "fuse.rclone", CRB_STORAGE_NETWORK, "rclone" },
  { "fuse.s3fs", CRB_STORAGE_NETWORK, "S3" },
  { "fuse.google-drive-ocamlfuse", CRB_STORAGE_SYNCED, "Google Drive" },
  { "fuse.onedriver", CRB_STORAGE_SYNCED, "OneDrive" },
  { "fuse.pcloud", CRB_STORAGE_SYNCED, "pCloud" },
  { "fuse.portal", CRB_STORAGE_PORTAL, NULL },
  { "fuseblk", CRB_STORAGE_LOCAL, NULL },
  { "fuse.ntfs-3g", CRB_STORAGE_LOCAL, NULL },
  { "fuse.exfat", CRB_STORAGE_LOCAL, NULL },
  { "fuse.bindfs", CRB_STORAGE_LOCAL, NULL },
  { "fuse.gocryptfs", CRB_STORAGE_LOCAL, NULL },
  { "fuse.encfs", CRB_STORAGE_LOCAL, NULL },
  { "fuse.cryfs", CRB_STORAGE_LOCAL, NULL },
  { "fuse.mergerfs", CRB_STORAGE_LOCAL, NULL },
};

/* Folders the clients create directly in the home folder by default.  A
 * trailing space-led suffix is allowed where clients add the account's
 * name ("Dropbox (Acme)", "OneDrive - Acme"). */
static const struct
{
  const char *name;
  const char *service;
  gboolean    suffixed;
} sync_roots[] = {
  { "Dropbox", "Dropbox", TRUE },
  { "OneDrive", "OneDrive", TRUE },
  { "Nextcloud", "Nextcloud", FALSE },
  { "ownCloud", "ownCloud", FALSE },
  { "Google Drive", "Google Drive", FALSE },
  { "GoogleDrive", "Google Drive", FALSE },
  { "google-drive", "Google Drive", FALSE },
  { "pCloudDrive", "pCloud", FALSE },
  { "pCloud Drive", "pCloud", FALSE },
  { "MEGA", "MEGA", FALSE },
  { "MEGAsync", "MEGA", FALSE },
  { "Sync", "Syncthing", FALSE },
  { "Yandex.Disk", "Yandex Disk", FALSE },
  { "Box", "Box", FALSE },
  { "Box Sync", "Box", FALSE },
  { "Seafile", "Seafile", FALSE },
  { "Koofr", "Koofr", FALSE },
  { "SpiderOak Hive", "SpiderOak", FALSE },
};

/* What the clients leave at the top of every folder they synchronise, so
 * that a synchronised folder is found wherever the analyst put it. */
static const struct
{
  const char *name;
  const char *service;
} sync_markers[] = {
  { ".stfolder", "Syncthing" },
  { ".dropbox", "Dropbox" },
  { ".dropbox.cache", "Dropbox" },
  { ".debris", "MEGA" },
};

CrbStorageKind
crb_storage_kind_for_magic (gint64 magic, const char **service)
{
  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (magics[i].magic == (magic & 0xFFFFFFFF))
      {
        if (service)
          *service = magics[i].service;
        return magics[i].kind;
      }
  if (service)
    *service = NULL;
  return CRB_STORAGE_LOCAL;
}

CrbStorageKind
crb_storage_kind_for_fs_type (const char *fs_type, const char **service)
{
  if (service)
    *service = NULL;
  if (fs_type == NULL)
    return CRB_STORAGE_LOCAL;
  for (guint i = 0; i < G_N_ELEMENTS (fs_types); i++)
    if (g_ascii_strcasecmp (fs_types[i].fs_type, fs_type) == 0)
      {
        if (service)
          *service = fs_types[i].service;
        return fs_types[i].kind;
      }
  /* Some other FUSE program: it may or may not keep the file on this
   * computer, and it may not pass locks on. */
  if (g_str_has_prefix (fs_type, "fuse"))
    return CRB_STORAGE_USER_SPACE;
  return CRB_STORAGE_LOCAL;
}

static const char *
sync_root_service (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sync_roots); i++)
    {
      gsize length = strlen (sync_roots[i].name);

      if (g_ascii_strcasecmp (name, sync_roots[i].name) == 0 ||
          (sync_roots[i].suffixed && g_ascii_strncasecmp (name, sync_roots[i].name, length) == 0 &&
           name[length] == ' '))
        return sync_roots[i].service;
    }
  return NULL;
}

/* The first folder below `home` on the way to `dir`, or NULL. */
static char *
first_component_below (const char *dir, const char *home)
{
  gsize       length = strlen (home);
  const char *rest, *slash;

  while (length > 1 && home[length - 1] == '/')
    length--;
  if (strncmp (dir, home, length) != 0 || dir[length] != '/')
    return NULL;
  rest = dir + length + 1;
  slash = strchr (rest, '/');
  return slash ? g_strndup (rest, slash - rest) : g_strdup (rest);
}

static const char *
marker_service (const char *dir)
{
  g_autoptr (GDir) listing = NULL;
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (sync_markers); i++)
    {
      g_autofree char *marker = g_build_filename (dir, sync_markers[i].name, NULL);

      if (g_file_test (marker, G_FILE_TEST_EXISTS))
        return sync_markers[i].service;
    }

  /* Nextcloud's and ownCloud's clients keep their journal in a
   * ".sync_<hash>.db" (older: "._sync_<hash>.db") file at the top. */
  listing = g_dir_open (dir, 0, NULL);
  while (listing && (name = g_dir_read_name (listing)))
    if ((g_str_has_prefix (name, ".sync_") || g_str_has_prefix (name, "._sync_")) &&
        g_str_has_suffix (name, ".db"))
      return "Nextcloud";
  return NULL;
}

/* The nearest folder that exists, at or above `path`'s folder. */
static char *
existing_folder (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  char            *dir = g_file_test (absolute, G_FILE_TEST_IS_DIR) ? g_strdup (absolute)
                                                                    : g_path_get_dirname (absolute);

  while (!g_file_test (dir, G_FILE_TEST_IS_DIR) && strcmp (dir, "/") != 0)
    {
      char *parent = g_path_get_dirname (dir);

      g_free (dir);
      dir = parent;
    }
  return dir;
}

const char *
crb_storage_find_sync_service (const char *path)
{
  g_autofree char *dir = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *real_home = NULL;
  g_autofree char *ancestor = NULL;
  const char      *home = g_get_home_dir ();
  const char      *candidates[2];

  g_return_val_if_fail (path != NULL, NULL);

  dir = existing_folder (path);
  real_dir = realpath (dir, NULL);
  real_home = realpath (home, NULL);

  /* Both as written and with symbolic links resolved: ~/Dropbox may be a
   * link to another disk, and a home folder may be reached through one. */
  candidates[0] = dir;
  candidates[1] = real_dir;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const char *homes[] = { home, real_home };

      for (guint j = 0; candidates[i] && j < G_N_ELEMENTS (homes); j++)
        {
          g_autofree char *first =
              homes[j] ? first_component_below (candidates[i], homes[j]) : NULL;
          const char *service = first ? sync_root_service (first) : NULL;

          if (service)
            return service;
        }
    }

  ancestor = g_strdup (real_dir ? real_dir : dir);
  while (strcmp (ancestor, "/") != 0 && strcmp (ancestor, ".") != 0)
    {
      const char *service = marker_service (ancestor);
      char       *parent;

      if (service)
        return service;
      parent = g_path_get_dirname (ancestor);
      g_free (ancestor);
      ancestor = parent;
    }
  return NULL;
}

static gboolean
is_portal_path (const char *dir)
{
  g_autofree char *user_doc = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  g_autofree char *uid_doc = g_strdup_printf ("/run/user/%u/doc", (guint) getuid ());
  const char      *docs[] = { user_doc, uid_doc, "/run/flatpak/doc" };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      gsize length = strlen (docs[i]);

      if (strncmp (dir, docs[i], length) == 0 && (dir[length] == '/' || dir[length] == '\0'))
        return TRUE;
    }
  return FALSE;
}

CrbStorageKind
crb_storage_classify (const char *path, char **service)
{
  g_autofree char *dir = NULL;
  const char      *name = NULL;
  CrbStorageKind   kind;
  struct statfs    fs;

  g_return_val_if_fail (path != NULL, CRB_STORAGE_LOCAL);

  if (service)
    *service = NULL;

  if ((name = crb_storage_find_sync_service (path)))
    {
      if (service)
        *service = g_strdup (name);
      return CRB_STORAGE_SYNCED;
    }

  dir = existing_folder (path);
  if (is_portal_path (dir))
    return CRB_STORAGE_PORTAL;

  if (statfs (dir, &fs) != 0)
    return CRB_STORAGE_LOCAL;
  kind = crb_storage_kind_for_magic (fs.f_type, &name);
  if (kind != CRB_STORAGE_LOCAL)
    {
      /* The mount table names the FUSE program, and tells a local disk
       * driven through FUSE from a remote one. */
      g_autoptr (GUnixMountEntry) mount = g_unix_mount_for (dir, NULL);
      const char    *fs_type = mount ? g_unix_mount_get_fs_type (mount) : NULL;
      const char    *refined_name = NULL;
      CrbStorageKind refined = crb_storage_kind_for_fs_type (fs_type, &refined_name);

      if (fs_type && (refined != CRB_STORAGE_USER_SPACE || kind == CRB_STORAGE_USER_SPACE))
        {
          kind = refined;
          name = refined_name ? refined_name : name;
        }
    }
  if (service && name)
    *service = g_strdup (name);
  return kind;
}

char *
crb_storage_describe (CrbStorageKind kind, const char *service)
{
  switch (kind)
    {
    case CRB_STORAGE_LOCAL:
      return NULL;
    case CRB_STORAGE_SYNCED:
      if (service)
        /* TRANSLATORS: %s is a sync service such as Dropbox or Nextcloud. */
        return g_strdup_printf (_ ("This project is in a folder that %s synchronises. Copies made "
                                   "while Corroborate writes can be damaged: work on a local copy "
                                   "and share with Save a Copy."),
                                service);
      return g_strdup (_ ("This project is in a folder that a cloud service synchronises. Copies "
                          "made while Corroborate writes can be damaged: work on a local copy and "
                          "share with Save a Copy."));
    case CRB_STORAGE_NETWORK:
      if (service)
        /* TRANSLATORS: %s is a network file system such as NFS, SMB or sshfs. */
        return g_strdup_printf (_ ("This project is on a network drive (%s), which can lose "
                                   "changes or damage a file while Corroborate writes: work on a "
                                   "local copy and share with Save a Copy."),
                                service);
      return g_strdup (_ ("This project is on a network drive, which can lose changes or damage a "
                          "file while Corroborate writes: work on a local copy and share with Save "
                          "a Copy."));
    case CRB_STORAGE_PORTAL:
      return g_strdup (_ ("This project was handed over through the document portal, which cannot "
                          "protect it from other programs while Corroborate writes: work on a "
                          "local copy and share with Save a Copy."));
    case CRB_STORAGE_USER_SPACE:
    default:
      if (service)
        /* TRANSLATORS: %s names the program that provides the file system. */
        return g_strdup_printf (_ ("This project is on a file system provided by %s, which may not "
                                   "protect it while Corroborate writes: work on a local copy and "
                                   "share with Save a Copy."),
                                service);
      return g_strdup (_ ("This project is on a file system provided by a program (FUSE), which "
                          "may not protect it while Corroborate writes: work on a local copy and "
                          "share with Save a Copy."));
    }
}
