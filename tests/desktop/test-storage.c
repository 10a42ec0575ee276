/* test-storage.c: where a project lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "crb-storage.h"

static char *make_dirs (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* Creates the folder under the test's isolated home; returns a file path in it. */
static char *
make_dirs (const char *first, ...)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  const char      *part;
  va_list          args;

  g_ptr_array_add (parts, (gpointer) g_get_home_dir ());
  va_start (args, first);
  for (part = first; part; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  dir = g_build_filenamev ((char **) parts->pdata);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, "case.corroborate", NULL);
}

static void
touch (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
}

static void
test_magic_network (void)
{
  static const struct
  {
    gint64      magic;
    const char *service;
  } cases[] = {
    { 0x6969, "NFS" },     { 0xFF534D42, "SMB" },  { 0xFE534D42, "SMB" }, { 0x517B, "SMB" },
    { 0x5346414F, "AFS" }, { 0x00C36400, "Ceph" }, { 0x01021997, "9P" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *service = NULL;

      g_assert_cmpint (crb_storage_kind_for_magic (cases[i].magic, &service), ==,
                       CRB_STORAGE_NETWORK);
      g_assert_cmpstr (service, ==, cases[i].service);
    }
}

static void
test_magic_fuse_and_local (void)
{
  const char *service = "unset";

  /* statfs says FUSE for sshfs, the portal and ntfs-3g alike. */
  g_assert_cmpint (crb_storage_kind_for_magic (0x65735546, &service), ==, CRB_STORAGE_USER_SPACE);
  g_assert_null (service);
  /* ext4, tmpfs, btrfs, xfs, proc */
  g_assert_cmpint (crb_storage_kind_for_magic (0xEF53, NULL), ==, CRB_STORAGE_LOCAL);
  g_assert_cmpint (crb_storage_kind_for_magic (0x01021994, NULL), ==, CRB_STORAGE_LOCAL);
  g_assert_cmpint (crb_storage_kind_for_magic (0x9123683E, NULL), ==, CRB_STORAGE_LOCAL);
  g_assert_cmpint (crb_storage_kind_for_magic (0x58465342, NULL), ==, CRB_STORAGE_LOCAL);
  g_assert_cmpint (crb_storage_kind_for_magic (0x9FA0, NULL), ==, CRB_STORAGE_LOCAL);
  /* f_type is signed on some ABIs: CIFS arrives sign-extended. */
  g_assert_cmpint (crb_storage_kind_for_magic ((gint64) (gint32) 0xFF534D42, NULL), ==,
                   CRB_STORAGE_NETWORK);
}

static void
test_fs_type (void)
{
  const char *service = NULL;

  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuse.sshfs", &service), ==, CRB_STORAGE_NETWORK);
  g_assert_cmpstr (service, ==, "sshfs");
  g_assert_cmpint (crb_storage_kind_for_fs_type ("nfs4", &service), ==, CRB_STORAGE_NETWORK);
  g_assert_cmpstr (service, ==, "NFS");
  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuse.rclone", &service), ==, CRB_STORAGE_NETWORK);
  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuse.gvfsd-fuse", &service), ==,
                   CRB_STORAGE_NETWORK);
  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuse.onedriver", &service), ==,
                   CRB_STORAGE_SYNCED);
  g_assert_cmpstr (service, ==, "OneDrive");
  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuse.portal", &service), ==, CRB_STORAGE_PORTAL);
  /* FUSE drivers of local disks are local. */
  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuseblk", &service), ==, CRB_STORAGE_LOCAL);
  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuse.ntfs-3g", &service), ==, CRB_STORAGE_LOCAL);
  g_assert_cmpint (crb_storage_kind_for_fs_type ("fuse.somethingnew", &service), ==,
                   CRB_STORAGE_USER_SPACE);
  g_assert_null (service);
  g_assert_cmpint (crb_storage_kind_for_fs_type ("ext4", &service), ==, CRB_STORAGE_LOCAL);
  g_assert_cmpint (crb_storage_kind_for_fs_type (NULL, &service), ==, CRB_STORAGE_LOCAL);
}

static void
test_sync_roots_in_home (void)
{
  static const struct
  {
    const char *folder;
    const char *service;
  } cases[] = {
    { "Dropbox", "Dropbox" },
    { "Dropbox (Acme Ltd)", "Dropbox" },
    { "OneDrive", "OneDrive" },
    { "OneDrive - Acme", "OneDrive" },
    { "Nextcloud", "Nextcloud" },
    { "ownCloud", "ownCloud" },
    { "Google Drive", "Google Drive" },
    { "pCloudDrive", "pCloud" },
    { "MEGA", "MEGA" },
    { "Sync", "Syncthing" },
    { "Yandex.Disk", "Yandex Disk" },
    /* Names that only look alike are someone's own folders. */
    { "Dropboxes", NULL },
    { "Documents", NULL },
    { "Synced notes", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *deep = make_dirs (cases[i].folder, "cases", "2024", NULL);
      g_autofree char *service = NULL;
      CrbStorageKind   kind = crb_storage_classify (deep, &service);

      g_test_message ("%s", deep);
      g_assert_cmpstr (crb_storage_find_sync_service (deep), ==, cases[i].service);
      if (cases[i].service)
        {
          g_assert_cmpint (kind, ==, CRB_STORAGE_SYNCED);
          g_assert_cmpstr (service, ==, cases[i].service);
        }
      else
        g_assert_cmpint (kind, !=, CRB_STORAGE_SYNCED);
    }
}

static void
test_sync_root_not_yet_created (void)
{
  g_autofree char *dropbox = make_dirs ("Dropbox", NULL);
  g_autofree char *dir = g_path_get_dirname (dropbox);
  g_autofree char *future = g_build_filename (dir, "new", "folder", "x.corroborate", NULL);

  /* Save a Copy asks before the target's folder exists. */
  g_assert_cmpstr (crb_storage_find_sync_service (future), ==, "Dropbox");
}

static void
test_sync_root_through_link (void)
{
  g_autofree char *elsewhere = g_dir_make_tmp ("crb-storage-XXXXXX", NULL);
  g_autofree char *link = g_build_filename (g_get_home_dir (), "Dropbox", NULL);
  g_autofree char *through_link = g_build_filename (link, "case.corroborate", NULL);
  g_autofree char *real = g_build_filename (elsewhere, "case.corroborate", NULL);

  g_assert_nonnull (elsewhere);
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  g_assert_cmpint (symlink (elsewhere, link), ==, 0);
  g_assert_cmpstr (crb_storage_find_sync_service (through_link), ==, "Dropbox");
  /* Reached by its real path the folder is not recognised by name, but
   * by the client's marker. */
  g_assert_null (crb_storage_find_sync_service (real));
  touch (elsewhere, ".dropbox");
  g_assert_cmpstr (crb_storage_find_sync_service (real), ==, "Dropbox");
}

static void
test_sync_markers (void)
{
  static const struct
  {
    const char *marker;
    const char *service;
  } cases[] = {
    { ".stfolder", "Syncthing" },
    { ".sync_4a8c1f2e.db", "Nextcloud" },
    { "._sync_77a1.db", "Nextcloud" },
    { ".dropbox", "Dropbox" },
    { ".debris", "MEGA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *top = g_strdup_printf ("shared-%u", i);
      g_autofree char *deep = make_dirs ("Projects", top, "inquiry", "drafts", NULL);
      g_autofree char *root = g_build_filename (g_get_home_dir (), "Projects", top, NULL);
      g_autofree char *service = NULL;

      g_assert_null (crb_storage_find_sync_service (deep));
      touch (root, cases[i].marker);
      g_assert_cmpstr (crb_storage_find_sync_service (deep), ==, cases[i].service);
      g_assert_cmpint (crb_storage_classify (deep, &service), ==, CRB_STORAGE_SYNCED);
      g_assert_cmpstr (service, ==, cases[i].service);
    }
}

static void
test_portal (void)
{
  g_autofree char *doc = g_build_filename (g_get_user_runtime_dir (), "doc", "6b1f2a3c", NULL);
  g_autofree char *path = g_build_filename (doc, "case.corroborate", NULL);
  g_autofree char *service = NULL;

  g_assert_cmpint (g_mkdir_with_parents (doc, 0700), ==, 0);
  g_assert_cmpint (crb_storage_classify (path, &service), ==, CRB_STORAGE_PORTAL);
  g_assert_null (service);
}

/* Local disks here, whatever this machine mounts them as. */
static void
test_local (void)
{
  const char      *paths[] = { "/proc/self/status", "/dev/shm", "/tmp", NULL };
  g_autofree char *home_file = make_dirs ("Documents", NULL);
  struct statfs    fs;

  paths[3] = home_file;
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *service = NULL;
      g_autofree char *dir = g_file_test (paths[i], G_FILE_TEST_IS_DIR)
                                 ? g_strdup (paths[i])
                                 : g_path_get_dirname (paths[i]);

      if (statfs (dir, &fs) != 0 ||
          crb_storage_kind_for_magic (fs.f_type, NULL) != CRB_STORAGE_LOCAL)
        {
          g_test_message ("%s is not on a local file system here", paths[i]);
          continue;
        }
      g_assert_cmpint (crb_storage_classify (paths[i], &service), ==, CRB_STORAGE_LOCAL);
      g_assert_null (service);
      g_assert_null (crb_storage_describe (CRB_STORAGE_LOCAL, service));
    }
}

/* A tmpfs mounted for the test is local too: the answer comes from the
 * mount, not from the path.  Needs the right to mount (root). */
static void
test_mounted_tmpfs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crb-mount-XXXXXX", NULL);
  g_autofree char *command = g_strdup_printf ("mount -t tmpfs -o size=1m crb-test %s", dir);
  g_autofree char *file = g_build_filename (dir, "case.corroborate", NULL);
  g_autofree char *unmount = g_strdup_printf ("umount %s", dir);
  int              status = -1;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) || status != 0)
    {
      g_test_skip ("cannot mount a tmpfs here (needs root)");
      g_rmdir (dir);
      return;
    }
  g_assert_cmpint (crb_storage_classify (file, NULL), ==, CRB_STORAGE_LOCAL);
  g_assert_true (g_spawn_command_line_sync (unmount, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  g_rmdir (dir);
}

static void
test_describe (void)
{
  g_autofree char *synced = crb_storage_describe (CRB_STORAGE_SYNCED, "Dropbox");
  g_autofree char *unnamed = crb_storage_describe (CRB_STORAGE_SYNCED, NULL);
  g_autofree char *network = crb_storage_describe (CRB_STORAGE_NETWORK, "SMB");
  g_autofree char *portal = crb_storage_describe (CRB_STORAGE_PORTAL, NULL);
  g_autofree char *fuse = crb_storage_describe (CRB_STORAGE_USER_SPACE, NULL);

  g_assert_cmpstr (synced, ==,
                   "This project is in a folder that Dropbox synchronises. Copies made while "
                   "Corroborate writes can be damaged: work on a local copy and share with Save "
                   "a Copy.");
  g_assert_nonnull (strstr (unnamed, "cloud service"));
  g_assert_nonnull (strstr (network, "(SMB)"));
  g_assert_nonnull (strstr (portal, "document portal"));
  g_assert_nonnull (strstr (fuse, "FUSE"));
  /* Every warning ends with what to do. */
  g_assert_true (g_str_has_suffix (network, "Save a Copy."));
  g_assert_true (g_str_has_suffix (portal, "Save a Copy."));
  g_assert_true (g_str_has_suffix (fuse, "Save a Copy."));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crb/storage/magic/network", test_magic_network);
  g_test_add_func ("/crb/storage/magic/fuse-and-local", test_magic_fuse_and_local);
  g_test_add_func ("/crb/storage/fs-type", test_fs_type);
  g_test_add_func ("/crb/storage/sync/home-folders", test_sync_roots_in_home);
  g_test_add_func ("/crb/storage/sync/not-yet-created", test_sync_root_not_yet_created);
  g_test_add_func ("/crb/storage/sync/through-link", test_sync_root_through_link);
  g_test_add_func ("/crb/storage/sync/markers", test_sync_markers);
  g_test_add_func ("/crb/storage/classify/portal", test_portal);
  g_test_add_func ("/crb/storage/classify/local", test_local);
  g_test_add_func ("/crb/storage/classify/mounted-tmpfs", test_mounted_tmpfs);
  g_test_add_func ("/crb/storage/describe", test_describe);
  return g_test_run ();
}
