/* crb-cli-project.c: the project file — new, check, copy, undo, redo, backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-document.h"

int
crb_cli_new (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  if (!crb_cli_parse_options ("new", "FILE",
                              "Creates an empty project file (it must not exist yet).", NULL, 1, 1,
                              &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_project_create (argv[1], &error)))
    return crb_cli_fail (error);
  printf ("Created %s\n", crb_project_get_path (project));
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_check (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           repair = FALSE;
  const GOptionEntry entries[] = {
    { "repair", 0, 0, G_OPTION_ARG_NONE, &repair,
      "If the search index is out of step with the project, rebuild it", NULL },
    { NULL },
  };
  guint claims = 0;

  if (!crb_cli_parse_options ("check", "FILE",
                              "Checks that a file is a sound Corroborate project: its format, "
                              "its schema (nothing added or missing), the integrity of every page "
                              "and the search index. Without --repair the file is not changed; a "
                              "damaged, foreign or newer file is reported and the exit status "
                              "is 1.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!crb_project_check (project, &error))
    {
      if (!repair)
        return crb_cli_fail (error);
      /* Only the index can be rebuilt; whatever else is wrong shows up in
       * the second check. */
      g_clear_error (&error);
      if (!crb_project_rebuild_index (project, &error) || !crb_project_check (project, &error))
        return crb_cli_fail (error);
      printf ("%s: rebuilt the search index\n", crb_project_get_path (project));
    }
  if (!(documents = crb_project_list_documents (project, &error)))
    return crb_cli_fail (error);
  for (guint i = 0; i < documents->len; i++)
    claims += crb_document_get_claim_count (g_ptr_array_index (documents, i));
  printf ("%s: no problems found (%u documents, %u claims)\n", crb_project_get_path (project),
          documents->len, claims);
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_copy (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           drop_originals = FALSE;
  gboolean           drop_private = FALSE;
  const GOptionEntry entries[] = {
    { "drop-originals", 0, 0, G_OPTION_ARG_NONE, &drop_originals,
      "Leave out the original files (keep only the extracted text)", NULL },
    { "drop-private", 0, 0, G_OPTION_ARG_NONE, &drop_private,
      "Leave out the notes and quotes of claims marked private", NULL },
    { NULL },
  };
  CrbCopyFlags flags = CRB_COPY_DEFAULT;

  if (!crb_cli_parse_options ("copy", "FILE TARGET",
                              "Saves a compact, checked copy of the project to share (Save a "
                              "Copy). Deleted material is not carried over. TARGET must not "
                              "exist.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (drop_originals)
    flags |= CRB_COPY_DROP_ORIGINALS;
  if (drop_private)
    flags |= CRB_COPY_DROP_PRIVATE;
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!crb_project_save_copy (project, argv[2], flags, &error))
    return crb_cli_fail (error);
  printf ("Saved a copy to %s\n", argv[2]);
  return CRB_CLI_EXIT_OK;
}

static int
undo_or_redo (gboolean redo, int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean         done;

  if (!crb_cli_parse_options (redo ? "redo" : "undo", "FILE",
                              redo ? "Does again the change that was last undone, and prints "
                                     "what it was."
                                   : "Undoes the last change made to the project (by this "
                                     "program or the application on this computer), and prints "
                                     "what it was.",
                              NULL, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  done = redo ? crb_project_redo (project, &label, &error)
              : crb_project_undo (project, &label, &error);
  if (!done)
    return crb_cli_fail (error);
  printf ("%s: %s\n", redo ? "Redone" : "Undone", label ? label : "");
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_undo (int argc, char **argv)
{
  return undo_or_redo (FALSE, argc, argv);
}

int
crb_cli_redo (int argc, char **argv)
{
  return undo_or_redo (TRUE, argc, argv);
}

int
crb_cli_backup (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  if (!crb_cli_parse_options ("backup", "FILE",
                              "Writes a verified backup of the project into the backups folder "
                              "(older backups are rotated out) and prints its path.",
                              NULL, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(path = crb_project_backup (project, &error)))
    return crb_cli_fail (error);
  printf ("%s\n", path);
  return CRB_CLI_EXIT_OK;
}
