/* main.c: corroborate-cli — every capability of the core, scriptable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"

static const CrbCliVerb verbs[] = {
  { "new", crb_cli_new, "FILE", "Create an empty project" },
  { "import", crb_cli_import, "FILE PATH|URL…", "Add files, folders and web pages" },
  { "list", crb_cli_list, "FILE", "List the documents" },
  { "show", crb_cli_show, "FILE DOC-ID", "Show a document's details and text" },
  { "extract", crb_cli_extract, "PATH|URL", "Extract a file's text without a project" },
  { "grade", crb_cli_grade, "FILE DOC-ID A-F", "Grade a source's reliability (Admiralty)" },
  { "search", crb_cli_search, "FILE QUERY", "Search the documents and the claims" },
  { "claim", crb_cli_claim, "COMMAND FILE …", "Add, list, edit, move and delete claims" },
  { "tag", crb_cli_tag, "COMMAND FILE …", "Manage the codebook of tags and tag claims" },
  { "entity", crb_cli_entity, "COMMAND FILE …", "People, organisations and places" },
  { "event", crb_cli_event, "COMMAND FILE …", "Events, their facets and the claims about them" },
  { "undo", crb_cli_undo, "FILE", "Undo the last change" },
  { "redo", crb_cli_redo, "FILE", "Redo the last undone change" },
  { "copy", crb_cli_copy, "FILE TARGET", "Save a compact copy to share" },
  { "backup", crb_cli_backup, "FILE", "Make a verified backup copy" },
  { "check", crb_cli_check, "FILE", "Check the file's integrity and schema" },
  { "merge", crb_cli_merge, "FILE OTHER", "Merge a colleague's copy of the project" },
  { "conflicts", crb_cli_conflicts, "FILE", "Review fields both analysts changed" },
  { "export", crb_cli_export, "FILE --format F", "Export Web Annotations, CSV or a briefing" },
  { "import-annotations", crb_cli_import_annotations, "FILE JSONLD",
    "Add W3C Web Annotations to matching documents" },
  { "compare", crb_cli_compare, "FILE DOC-A DOC-B", "Align two documents: passages, differences" },
  { "reuse", crb_cli_reuse, "FILE", "Which documents share text, and who copies whom" },
  { "similar", crb_cli_similar, "FILE CLAIM-ID", "Find a claim in the other sources" },
  { "accounts", crb_cli_accounts, "FILE EVENT-ID", "An event's accounts grid or briefing" },
  { "quantities", crb_cli_quantities, "TEXT", "The figures of a text, normalised" },
  { NULL },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "Usage:\n  corroborate-cli COMMAND FILE [ARGUMENT…] [OPTION…]\n\n"
                   "Corroborate: compare the accounts of the same events across sources.\n\n"
                   "Commands:\n");
  crb_cli_print_verbs (stream, "  ", verbs);
  fprintf (stream, "\nOptions:\n"
                   "  -h, --help     Show this help\n"
                   "  --version      Show the version\n\n"
                   "Run “corroborate-cli COMMAND --help” for the options of one command.\n"
                   "Identifiers may be shortened to any unique prefix.\n");
}

static const CrbCliVerb *
find_verb (const char *name)
{
  for (guint i = 0; verbs[i].name; i++)
    if (g_str_equal (verbs[i].name, name))
      return &verbs[i];
  return NULL;
}

static int
usage_error (const char *message)
{
  fprintf (stderr, "corroborate-cli: %s\n\n", message);
  print_help (stderr);
  return CRB_CLI_EXIT_USAGE;
}

int
main (int argc, char **argv)
{
  const CrbCliVerb *verb;
  const char       *name;

  setlocale (LC_ALL, "");

  if (argc < 2)
    return usage_error ("Say what to do.");
  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h"))
    {
      print_help (stdout);
      return CRB_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "--version"))
    {
      printf ("corroborate-cli %s\n", PACKAGE_VERSION);
      return CRB_CLI_EXIT_OK;
    }
  if (g_str_equal (name, "help"))
    {
      char *help_argv[] = { NULL, (char *) "--help", NULL };

      if (argc < 3)
        {
          print_help (stdout);
          return CRB_CLI_EXIT_OK;
        }
      if (!(verb = find_verb (argv[2])))
        return usage_error ("There is no such command.");
      help_argv[0] = (char *) verb->name;
      return verb->run (2, help_argv);
    }

  if (!(verb = find_verb (name)))
    {
      g_autofree char *message = g_utf8_validate (name, -1, NULL)
                                     ? g_strdup_printf ("“%s” is not a command.", name)
                                     : g_strdup ("That is not a command.");

      return usage_error (message);
    }
  return verb->run (argc - 1, argv + 1);
}
