/* main.c: corroborate-extract, the helper that parses untrusted files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started by core/ (CrbExtractor), usually inside a bubblewrap sandbox; it
 * reads request frames on stdin and answers each on stdout (see
 * crb-extract-protocol.h) until stdin ends.
 */
#include "config.h"

#include <stdlib.h>

#include <glib.h>

#include "crb-extract-worker.h"

int
main (int argc, char *argv[])
{
  if (argc == 2 && g_str_equal (argv[1], "--version"))
    {
      g_print ("corroborate-extract %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }
  if (argc != 1)
    {
      g_printerr ("Usage: corroborate-extract [--version]\n"
                  "Reads extraction requests on standard input; started by Corroborate.\n");
      return EXIT_FAILURE;
    }

  g_set_prgname ("corroborate-extract");
  return crb_extract_worker_run ();
}
