/* crb-extractor-sandbox.c: running the helper under bubblewrap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sandbox has no network, no home, no other processes, a read-only
 * /usr and an empty /tmp: enough to run a program and its libraries, nothing
 * to steal or damage.  It is used where bubblewrap is installed, except
 * inside Flatpak (which forbids nested namespaces and is a sandbox itself)
 * and when CORROBORATE_NO_SANDBOX is set.  Whether it starts at all here
 * (user namespaces may be disabled) is probed once per helper, by running
 * the helper's --version inside it; if that fails the helper runs without
 * it, still under its resource limits.
 */
#define G_LOG_DOMAIN "crb-extractor"

#include <string.h>

#include "crb-extractor-private.h"

/* Variables the helper (and GLib in it) reads; nothing else goes in. */
static const char *const passed_variables[] = {
  "G_DEBUG",       "G_MESSAGES_DEBUG", "G_SLICE",       "LANG",
  "LC_ALL",        "LC_CTYPE",         "LC_MESSAGES",   "ASAN_OPTIONS",
  "UBSAN_OPTIONS", "LSAN_OPTIONS",     "MALLOC_CHECK_", "MALLOC_PERTURB_",
};
static const char passed_prefix[] = "CORROBORATE_EXTRACT_";

GStrv
crb_extractor_sandbox_environment (void)
{
  g_auto (GStrv) parent = g_get_environ ();
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parent[i] != NULL; i++)
    {
      const char *entry = parent[i];
      const char *equals = strchr (entry, '=');
      gboolean    pass = g_str_has_prefix (entry, passed_prefix);

      for (guint k = 0; !pass && equals != NULL && k < G_N_ELEMENTS (passed_variables); k++)
        pass = strlen (passed_variables[k]) == (gsize) (equals - entry) &&
               strncmp (entry, passed_variables[k], (gsize) (equals - entry)) == 0;
      if (pass)
        g_strv_builder_add (builder, entry);
    }
  return g_strv_builder_end (builder);
}

/* On merged-/usr systems /lib, /bin… are links into /usr; elsewhere they
 * are folders of their own and are bound read-only like /usr. */
static void
add_top_level (GPtrArray *argv, const char *path)
{
  g_autofree char *target = g_file_read_link (path, NULL);

  if (target != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--symlink"));
      g_ptr_array_add (argv, g_steal_pointer (&target));
      g_ptr_array_add (argv, g_strdup (path));
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (argv, g_strdup ("--ro-bind"));
      g_ptr_array_add (argv, g_strdup (path));
      g_ptr_array_add (argv, g_strdup (path));
    }
}

static GStrv
build_bwrap_argv (const char *bwrap, const char *helper_path)
{
  static const char *const top_level[] = { "/lib", "/lib64", "/lib32", "/bin", "/sbin" };
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *helper_dir = g_path_get_dirname (helper_path);

  g_ptr_array_add (argv, g_strdup (bwrap));
  g_ptr_array_add (argv, g_strdup ("--unshare-all"));
  g_ptr_array_add (argv, g_strdup ("--die-with-parent"));
  g_ptr_array_add (argv, g_strdup ("--new-session"));
  g_ptr_array_add (argv, g_strdup ("--ro-bind"));
  g_ptr_array_add (argv, g_strdup ("/usr"));
  g_ptr_array_add (argv, g_strdup ("/usr"));
  for (guint i = 0; i < G_N_ELEMENTS (top_level); i++)
    add_top_level (argv, top_level[i]);
  /* The loader's cache and font configuration, read-only, where present. */
  g_ptr_array_add (argv, g_strdup ("--ro-bind-try"));
  g_ptr_array_add (argv, g_strdup ("/etc/ld.so.cache"));
  g_ptr_array_add (argv, g_strdup ("/etc/ld.so.cache"));
  g_ptr_array_add (argv, g_strdup ("--ro-bind-try"));
  g_ptr_array_add (argv, g_strdup ("/etc/fonts"));
  g_ptr_array_add (argv, g_strdup ("/etc/fonts"));
  g_ptr_array_add (argv, g_strdup ("--proc"));
  g_ptr_array_add (argv, g_strdup ("/proc"));
  g_ptr_array_add (argv, g_strdup ("--dev"));
  g_ptr_array_add (argv, g_strdup ("/dev"));
  g_ptr_array_add (argv, g_strdup ("--tmpfs"));
  g_ptr_array_add (argv, g_strdup ("/tmp"));
  /* An uninstalled helper lives in the build tree. */
  if (!g_str_has_prefix (helper_dir, "/usr/"))
    {
      g_ptr_array_add (argv, g_strdup ("--ro-bind"));
      g_ptr_array_add (argv, g_strdup (helper_dir));
      g_ptr_array_add (argv, g_strdup (helper_dir));
    }
  g_ptr_array_add (argv, g_strdup ("--chdir"));
  g_ptr_array_add (argv, g_strdup ("/"));
  g_ptr_array_add (argv, g_strdup ("--"));
  g_ptr_array_add (argv, g_strdup (helper_path));
  g_ptr_array_add (argv, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&argv), FALSE);
}

static GStrv
helper_alone (const char *helper_path)
{
  GStrv argv = g_new0 (char *, 2);

  argv[0] = g_strdup (helper_path);
  return argv;
}

/* Runs `argv` + "--version" and checks that the helper answered. */
static gboolean
probe (GStrv argv)
{
  g_autoptr (GPtrArray) probe_argv = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto (GStrv) environment = crb_extractor_sandbox_environment ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;

  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (probe_argv, argv[i]);
  g_ptr_array_add (probe_argv, (char *) "--version");
  g_ptr_array_add (probe_argv, NULL);

  launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, environment);
  process =
      g_subprocess_launcher_spawnv (launcher, (const char *const *) probe_argv->pdata, &error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error))
    {
      g_debug ("bubblewrap cannot start here (%s); extraction runs without a sandbox",
               error->message);
      return FALSE;
    }
  if (!g_subprocess_get_successful (process) || out == NULL ||
      !g_str_has_prefix (out, "corroborate-extract "))
    {
      g_debug ("The extraction helper does not start under bubblewrap here; it runs without a "
               "sandbox");
      return FALSE;
    }
  return TRUE;
}

static gboolean
sandbox_wanted (char **bwrap)
{
  if (g_getenv ("CORROBORATE_NO_SANDBOX") != NULL)
    {
      g_debug ("CORROBORATE_NO_SANDBOX is set; extraction runs without a sandbox");
      return FALSE;
    }
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return FALSE;
  *bwrap = g_find_program_in_path ("bwrap");
  if (*bwrap == NULL)
    {
      g_debug ("bubblewrap is not installed; extraction runs without a sandbox");
      return FALSE;
    }
  return TRUE;
}

G_LOCK_DEFINE_STATIC (probed);
static GHashTable *probed; /* helper path → GINT_TO_POINTER (works + 1) */

GStrv
crb_extractor_sandbox_argv (const char *helper_path, gboolean *sandboxed)
{
  g_autofree char *bwrap = NULL;
  g_auto (GStrv) argv = NULL;
  gpointer known;
  gboolean works;

  g_return_val_if_fail (helper_path != NULL, NULL);

  if (sandboxed != NULL)
    *sandboxed = FALSE;
  if (!sandbox_wanted (&bwrap))
    return helper_alone (helper_path);

  argv = build_bwrap_argv (bwrap, helper_path);

  G_LOCK (probed);
  if (probed == NULL)
    probed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  known = g_hash_table_lookup (probed, helper_path);
  G_UNLOCK (probed);

  if (known != NULL)
    works = GPOINTER_TO_INT (known) - 1;
  else
    {
      /* Two threads may probe at once; both learn the same answer. */
      works = probe (argv);
      G_LOCK (probed);
      g_hash_table_insert (probed, g_strdup (helper_path), GINT_TO_POINTER (works + 1));
      G_UNLOCK (probed);
    }

  if (!works)
    return helper_alone (helper_path);
  if (sandboxed != NULL)
    *sandboxed = TRUE;
  return g_steal_pointer (&argv);
}
