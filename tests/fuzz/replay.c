/* replay.c: runs a fuzz target's seeds without libFuzzer
 *
 * Linked with one target's sources; the seeds folder comes as the only
 * argument.  Each seed runs whole and cut short, so that the normal test
 * suite exercises every target on every build, with or without clang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
replay_seed (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize            length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  g_assert_cmpint (LLVMFuzzerTestOneInput ((const uint8_t *) contents, length), ==, 0);
  /* Truncated copies, as a download cut off would leave them. */
  for (gsize cut = 0; cut < length; cut += MAX (1, length / 7))
    {
      g_autofree guint8 *prefix = g_memdup2 (contents, cut);

      g_assert_cmpint (LLVMFuzzerTestOneInput (prefix, cut), ==, 0);
    }
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    g_error ("Usage: %s SEEDS-FOLDER", argv[0]);

  dir = g_dir_open (argv[1], 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  /* A target without seeds would pass without testing anything. */
  g_assert_cmpuint (names->len, >, 0);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char      *seed = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/crb/fuzz/%s/%s", FUZZ_TARGET, seed);

      g_test_add_data_func_full (test_path, g_build_filename (argv[1], seed, NULL), replay_seed,
                                 g_free);
    }

  return g_test_run ();
}
