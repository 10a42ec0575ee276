/* crb-cli-output.c: what corroborate-cli prints — errors, JSON, tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-cli-output.h"
#include "crb-util.h"

#define SHORT_ID_LENGTH 8

static void
print_error_line (const char *message)
{
  fflush (stdout);
  fprintf (stderr, "corroborate-cli: %s\n", message);
}

int
crb_cli_fail (const GError *error)
{
  print_error_line (error ? error->message : "unknown error");
  return CRB_CLI_EXIT_ERROR;
}

void
crb_cli_warnf (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  print_error_line (message);
}

int
crb_cli_failf (const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  print_error_line (message);
  return CRB_CLI_EXIT_ERROR;
}

void
crb_cli_print_json (JsonNode *root)
{
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);
  fputs (data, stdout);
  fputc ('\n', stdout);
}

void
crb_cli_print_builder (JsonBuilder *builder)
{
  g_autoptr (JsonNode) root = json_builder_get_root (builder);

  crb_cli_print_json (root);
}

void
crb_cli_json_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  if (value)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
crb_cli_json_int (JsonBuilder *builder, const char *member, gint64 value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
crb_cli_json_bool (JsonBuilder *builder, const char *member, gboolean value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

void
crb_cli_json_time (JsonBuilder *builder, const char *member, gint64 ms)
{
  g_autofree char *text = ms > 0 ? crb_format_time_ms (ms) : NULL;

  crb_cli_json_string (builder, member, text);
}

void
crb_cli_json_embedded (JsonBuilder *builder, const char *member, const char *json_text)
{
  g_autoptr (JsonNode) node = NULL;

  if (json_text && *json_text)
    node = json_from_string (json_text, NULL);
  if (node == NULL)
    {
      crb_cli_json_string (builder, member, json_text);
      return;
    }
  json_builder_set_member_name (builder, member);
  json_builder_add_value (builder, g_steal_pointer (&node));
}

char *
crb_cli_one_line (const char *text, guint max_chars)
{
  g_autoptr (GString) line = g_string_new (NULL);
  gboolean space = FALSE;
  guint    chars = 0;

  if (text == NULL)
    return g_strdup ("");
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = line->len > 0;
          continue;
        }
      if (chars + (space ? 1 : 0) >= max_chars)
        {
          g_string_append (line, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (line, ' ');
          chars++;
          space = FALSE;
        }
      g_string_append_unichar (line, c);
      chars++;
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

char *
crb_cli_short_id (const char *uuid)
{
  return uuid ? g_strndup (uuid, SHORT_ID_LENGTH) : g_strdup ("");
}

struct _CrbCliTable
{
  guint      columns;
  GPtrArray *cells; /* row-major, header first */
};

/* Terminal columns a string takes: wide East Asian characters take two,
 * combining marks none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

CrbCliTable *
crb_cli_table_new (const char *first_header, ...)
{
  CrbCliTable *table = g_new0 (CrbCliTable, 1);
  va_list      args;

  table->cells = g_ptr_array_new_with_free_func (g_free);
  va_start (args, first_header);
  for (const char *header = first_header; header; header = va_arg (args, const char *))
    {
      g_ptr_array_add (table->cells, g_strdup (header));
      table->columns++;
    }
  va_end (args);
  g_assert (table->columns > 0);
  return table;
}

void
crb_cli_table_add_row (CrbCliTable *table, ...)
{
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      g_ptr_array_add (table->cells, g_strdup (cell ? cell : ""));
    }
  va_end (args);
}

guint
crb_cli_table_get_rows (CrbCliTable *table)
{
  return table->cells->len / table->columns - 1;
}

void
crb_cli_table_print (CrbCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->columns);
  g_autoptr (GString) line = g_string_new (NULL);

  for (guint i = 0; i < table->cells->len; i++)
    {
      guint column = i % table->columns;

      widths[column] = MAX (widths[column], display_width (g_ptr_array_index (table->cells, i)));
    }

  for (guint i = 0; i < table->cells->len; i++)
    {
      const char *cell = g_ptr_array_index (table->cells, i);
      guint       column = i % table->columns;

      g_string_append (line, cell);
      if (column + 1 < table->columns)
        {
          for (guint pad = display_width (cell); pad < widths[column] + 2; pad++)
            g_string_append_c (line, ' ');
          continue;
        }
      /* Empty trailing cells would leave trailing blanks. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      puts (line->str);
      g_string_truncate (line, 0);
    }
}

void
crb_cli_table_free (CrbCliTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->cells);
  g_free (table);
}

void
crb_cli_json_double (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

void
crb_cli_json_strings (JsonBuilder *builder, const char *member, GPtrArray *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings && i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}
