/* bench-util.c: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "bench-util.h"

void
bench_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr (GDir) listing = g_dir_open (path, 0, NULL);
      const char *name;

      while (listing && (name = g_dir_read_name (listing)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          bench_remove_tree (child);
        }
    }
  g_remove (path);
}
