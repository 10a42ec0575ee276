/* crb-cli-command.h: verbs, their options and their arguments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "crb-project.h"

G_BEGIN_DECLS

/* A verb gets its own arguments: argv[0] names it ("claim add"). */
typedef int (*CrbCliRunFunc) (int argc, char **argv);

typedef struct
{
  const char   *name;
  CrbCliRunFunc run;
  const char   *parameters; /* e.g. "FILE DOC-ID", for the overview */
  const char   *summary;
} CrbCliVerb;

/* Parses one verb's options with its own GOptionContext (--help included)
 * and checks the number of positional arguments, which are left in argv[1…].
 * On bad usage prints the reason and the verb's help on stderr and returns
 * FALSE: the verb then exits with CRB_CLI_EXIT_USAGE. */
gboolean crb_cli_parse_options (const char *command, const char *parameters, const char *summary,
                                const GOptionEntry *entries, guint min_args, guint max_args,
                                int *argc, char ***argv);
/* Prints the reason and the current verb's help on stderr; returns
 * CRB_CLI_EXIT_USAGE. */
int crb_cli_usage_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Runs the sub-verb named in argv[1] of a verb group ("claim add …"); no
 * or an unknown sub-verb is a usage error that lists the group. */
int crb_cli_dispatch (const char *group, const char *summary, const CrbCliVerb *verbs, int argc,
                      char **argv);

/* Prints a verb table (name, parameters, summary) as help. */
void crb_cli_print_verbs (FILE *stream, const char *prefix, const CrbCliVerb *verbs);

/* Argument checks that print a usage error and return FALSE. */
gboolean crb_cli_check_text (const char *what, const char *value);
/* A whole number in [min, max]. */
gboolean crb_cli_parse_uint (const char *what, const char *value, guint min, guint max, guint *out);

/* Opens a project, or prints why not (the verb then exits with
 * CRB_CLI_EXIT_ERROR). */
CrbProject *crb_cli_open_project (const char *path);

G_END_DECLS
