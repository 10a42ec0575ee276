/* crb-cli-verbs.h: the verbs of corroborate-cli, one group per file
 *
 * Each takes its own argv (argv[0] names the verb) and returns the exit
 * status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* crb-cli-project.c */
int crb_cli_new (int argc, char **argv);
int crb_cli_check (int argc, char **argv);
int crb_cli_copy (int argc, char **argv);
int crb_cli_undo (int argc, char **argv);
int crb_cli_redo (int argc, char **argv);
int crb_cli_backup (int argc, char **argv);

/* crb-cli-documents.c */
int crb_cli_import (int argc, char **argv);
int crb_cli_list (int argc, char **argv);
int crb_cli_show (int argc, char **argv);
int crb_cli_grade (int argc, char **argv);

/* crb-cli-extract.c */
int crb_cli_extract (int argc, char **argv);

/* crb-cli-search.c */
int crb_cli_search (int argc, char **argv);

/* crb-cli-claim.c, crb-cli-tag.c, crb-cli-entity.c, crb-cli-event.c */
int crb_cli_claim (int argc, char **argv);
int crb_cli_tag (int argc, char **argv);
int crb_cli_entity (int argc, char **argv);
int crb_cli_event (int argc, char **argv);

/* crb-cli-share.c */
int crb_cli_merge (int argc, char **argv);
int crb_cli_conflicts (int argc, char **argv);
int crb_cli_export (int argc, char **argv);
int crb_cli_import_annotations (int argc, char **argv);

/* crb-cli-compare.c */
int crb_cli_compare (int argc, char **argv);
int crb_cli_reuse (int argc, char **argv);
int crb_cli_similar (int argc, char **argv);
int crb_cli_accounts (int argc, char **argv);
int crb_cli_quantities (int argc, char **argv);
int crb_cli_entity_mentions (int argc, char **argv);
int crb_cli_entity_suggest (int argc, char **argv);

G_END_DECLS
