/* crb-cli-output.h: what corroborate-cli prints — errors, JSON, tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Exit statuses: scripts tell a failed action from a mistyped command. */
enum
{
  CRB_CLI_EXIT_OK = 0,
  CRB_CLI_EXIT_ERROR = 1,
  CRB_CLI_EXIT_USAGE = 2,
};

/* Print "corroborate-cli: <message>" on stderr and return CRB_CLI_EXIT_ERROR. */
int crb_cli_fail (const GError *error);
int crb_cli_failf (const char *format, ...) G_GNUC_PRINTF (1, 2);
/* The same line without deciding the exit status (for partial failures). */
void crb_cli_warnf (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Pretty-printed JSON on stdout, ending in a newline. */
void crb_cli_print_json (JsonNode *root);
void crb_cli_print_builder (JsonBuilder *builder);

/* Members that are NULL in the model become JSON null rather than absent,
 * so that scripts see every field of every object. */
void crb_cli_json_string (JsonBuilder *builder, const char *member, const char *value);
void crb_cli_json_int (JsonBuilder *builder, const char *member, gint64 value);
void crb_cli_json_bool (JsonBuilder *builder, const char *member, gboolean value);
void crb_cli_json_double (JsonBuilder *builder, const char *member, double value);
/* An array of strings (an empty array for NULL). */
void crb_cli_json_strings (JsonBuilder *builder, const char *member, GPtrArray *strings);
/* Milliseconds since the epoch as ISO 8601, or null when 0 (unknown). */
void crb_cli_json_time (JsonBuilder *builder, const char *member, gint64 ms);
/* Text that holds JSON (extraction notes, page offsets): embedded as JSON
 * when it parses, as a string otherwise. */
void crb_cli_json_embedded (JsonBuilder *builder, const char *member, const char *json_text);

/* Text for one table cell: white space runs become one space, and text
 * longer than `max_chars` ends in an ellipsis. */
char *crb_cli_one_line (const char *text, guint max_chars);
/* The first characters of a UUID, as tables show it (any unique prefix is
 * accepted back). */
char *crb_cli_short_id (const char *uuid);

typedef struct _CrbCliTable CrbCliTable;

/* Plain-text table with a header row; columns aligned by display width. */
CrbCliTable *crb_cli_table_new (const char *first_header, ...) G_GNUC_NULL_TERMINATED;
/* One cell per column; NULL cells print as empty. */
void  crb_cli_table_add_row (CrbCliTable *table, ...);
void  crb_cli_table_print (CrbCliTable *table);
guint crb_cli_table_get_rows (CrbCliTable *table);
void  crb_cli_table_free (CrbCliTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbCliTable, crb_cli_table_free)

G_END_DECLS
