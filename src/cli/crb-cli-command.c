/* crb-cli-command.c: verbs, their options and their arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>
#include <string.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"

/* The help of the verb being run, printed again after a usage error that
 * is found only once the options are parsed (a bad number, a bad grade). */
static char *verb_help;

static void
print_usage_error (const char *message)
{
  fflush (stdout);
  fprintf (stderr, "corroborate-cli: %s\n", message);
  if (verb_help)
    fprintf (stderr, "\n%s", verb_help);
}

int
crb_cli_usage_error (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  print_usage_error (message);
  return CRB_CLI_EXIT_USAGE;
}

gboolean
crb_cli_parse_options (const char *command, const char *parameters, const char *summary,
                       const GOptionEntry *entries, guint min_args, guint max_args, int *argc,
                       char ***argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("corroborate-cli %s", command);
  guint            given;

  /* GOption's "Usage:" line starts with the program name. */
  g_set_prgname (prgname);
  context = g_option_context_new (parameters);
  g_option_context_set_summary (context, summary);
  if (entries)
    g_option_context_add_main_entries (context, entries, NULL);
  g_clear_pointer (&verb_help, g_free);
  verb_help = g_option_context_get_help (context, TRUE, NULL);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_usage_error (error->message);
      return FALSE;
    }
  /* "--" ends the options so that a quote or query may start with "-";
   * GOption leaves it in place. */
  for (int i = 1; i < *argc; i++)
    if (g_strcmp0 ((*argv)[i], "--") == 0)
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  given = (guint) (*argc - 1);
  if (given < min_args)
    {
      crb_cli_usage_error ("“%s” needs %s.", command, parameters);
      return FALSE;
    }
  if (given > max_args)
    {
      crb_cli_usage_error ("Too many arguments for “%s”: “%s” is one too many.", command,
                           (*argv)[max_args + 1]);
      return FALSE;
    }
  return TRUE;
}

void
crb_cli_print_verbs (FILE *stream, const char *prefix, const CrbCliVerb *verbs)
{
  glong width = 0;

  for (guint i = 0; verbs[i].name; i++)
    width = MAX (width,
                 g_utf8_strlen (verbs[i].name, -1) + 1 + g_utf8_strlen (verbs[i].parameters, -1));
  for (guint i = 0; verbs[i].name; i++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", verbs[i].name, verbs[i].parameters);
      /* Padded by characters, not bytes: the parameters contain "…". */
      g_autofree char *padding = g_strnfill (width - g_utf8_strlen (call, -1) + 2, ' ');

      fprintf (stream, "%s%s%s%s\n", prefix, call, padding, verbs[i].summary);
    }
}

static void
print_group_help (FILE *stream, const char *group, const char *summary, const CrbCliVerb *verbs)
{
  fprintf (stream, "Usage:\n  corroborate-cli %s COMMAND FILE [ARGUMENT…] [OPTION…]\n\n%s\n\n",
           group, summary);
  fprintf (stream, "Commands:\n");
  crb_cli_print_verbs (stream, "  ", verbs);
  fprintf (stream, "\nRun “corroborate-cli %s COMMAND --help” for the options of one command.\n",
           group);
}

int
crb_cli_dispatch (const char *group, const char *summary, const CrbCliVerb *verbs, int argc,
                  char **argv)
{
  g_autofree char *command = NULL;
  const char      *name = argc > 1 ? argv[1] : NULL;

  if (name == NULL)
    {
      fflush (stdout);
      fprintf (stderr, "corroborate-cli: “%s” needs a command.\n\n", group);
      print_group_help (stderr, group, summary, verbs);
      return CRB_CLI_EXIT_USAGE;
    }
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_group_help (stdout, group, summary, verbs);
      return CRB_CLI_EXIT_OK;
    }
  for (guint i = 0; verbs[i].name; i++)
    {
      if (!g_str_equal (verbs[i].name, name))
        continue;
      command = g_strdup_printf ("%s %s", group, name);
      argv[1] = command;
      return verbs[i].run (argc - 1, argv + 1);
    }

  fflush (stdout);
  fprintf (stderr, "corroborate-cli: “%s %s” is not a command.\n\n", group, name);
  print_group_help (stderr, group, summary, verbs);
  return CRB_CLI_EXIT_USAGE;
}

gboolean
crb_cli_check_text (const char *what, const char *value)
{
  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    {
      crb_cli_usage_error ("%s is not valid UTF-8 text.", what);
      return FALSE;
    }
  return TRUE;
}

gboolean
crb_cli_parse_uint (const char *what, const char *value, guint min, guint max, guint *out)
{
  guint64 number;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
    {
      crb_cli_usage_error ("%s must be a whole number from %u to %u, not “%s”.", what, min, max,
                           value ? value : "");
      return FALSE;
    }
  *out = (guint) number;
  return TRUE;
}

CrbProject *
crb_cli_open_project (const char *path)
{
  g_autoptr (GError) error = NULL;
  CrbProject *project = crb_project_open (path, &error);

  if (project == NULL)
    crb_cli_fail (error);
  return project;
}
