/* crb-cli-share.c: sharing with colleagues — merge, review list, export,
 * annotation import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-annotation-import.h"
#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-export.h"
#include "crb-merge.h"

static void
print_summary_json (const CrbMergeSummary *summary)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "added");
  json_builder_begin_object (builder);
  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    crb_cli_json_int (builder, crb_merge_kind_to_table (k), summary->added[k]);
  json_builder_end_object (builder);
  crb_cli_json_int (builder, "updated", summary->updated);
  crb_cli_json_int (builder, "deleted", summary->deleted);
  crb_cli_json_int (builder, "same_documents", summary->same_documents);
  crb_cli_json_int (builder, "conflicts", summary->conflicts);
  crb_cli_json_int (builder, "lost_edits", summary->lost_edits);
  crb_cli_json_int (builder, "reanchored", summary->reanchored);
  crb_cli_json_int (builder, "ambiguous", summary->ambiguous);
  crb_cli_json_int (builder, "orphaned", summary->orphaned);
  json_builder_end_object (builder);
  crb_cli_print_builder (builder);
}

static void
print_summary (const char *other, const CrbMergeSummary *summary)
{
  guint    added = 0;
  gboolean first = TRUE;

  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    added += summary->added[k];
  printf ("Merged %s: %u new records", other, added);
  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    if (summary->added[k])
      {
        printf ("%s%u %s", first ? " (" : ", ", summary->added[k], crb_merge_kind_to_table (k));
        first = FALSE;
      }
  printf ("%s\n", added ? ")" : "");
  printf ("  %u records updated, %u deleted, %u documents both had\n", summary->updated,
          summary->deleted, summary->same_documents);
  printf ("  %u claims carried over to the current text (%u ambiguous, %u orphaned)\n",
          summary->reanchored + summary->ambiguous + summary->orphaned, summary->ambiguous,
          summary->orphaned);
  if (summary->lost_edits)
    printf ("  %u edits made to records deleted on the other side were not applied\n",
            summary->lost_edits);
  if (summary->conflicts)
    printf ("  %u fields changed on both sides: review them with "
            "“corroborate-cli conflicts FILE”\n",
            summary->conflicts);
}

int
crb_cli_merge (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the summary as JSON", NULL },
    { NULL },
  };
  CrbMergeSummary summary;

  if (!crb_cli_parse_options ("merge", "FILE OTHER",
                              "Merges a colleague's copy of the project (OTHER, which is only "
                              "read) into FILE, as one change that can be undone. Deletions on "
                              "either side win; fields both of you changed go to the review "
                              "list (see “conflicts”). Merging the same file again changes "
                              "nothing.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!crb_project_merge (project, argv[2], &summary, &error))
    return crb_cli_fail (error);
  if (json)
    print_summary_json (&summary);
  else
    print_summary (argv[2], &summary);
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_conflicts (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE, all = FALSE;
  g_autofree char   *keep = NULL, *take = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON array", NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, "Also list the entries already resolved", NULL },
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep, "Resolve entry ID by keeping what the record holds",
      "ID" },
    { "take-other", 0, 0, G_OPTION_ARG_STRING, &take,
      "Resolve entry ID by writing the other analyst's value", "ID" },
    { NULL },
  };

  if (!crb_cli_parse_options ("conflicts", "FILE",
                              "Lists the review list: fields that two analysts changed "
                              "differently, found by merges. Each record holds the later change "
                              "until you pick one with --keep or --take-other.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (keep && take)
    return crb_cli_usage_error ("Give either --keep or --take-other.");

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (keep || take)
    {
      if (!crb_project_resolve_merge_conflict (project, keep ? keep : take, take != NULL, &error))
        return crb_cli_fail (error);
      printf ("Resolved %s\n", keep ? keep : take);
      return CRB_CLI_EXIT_OK;
    }
  if (!(conflicts = crb_project_list_merge_conflicts (project, all, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < conflicts->len; i++)
        {
          CrbMergeConflict *conflict = g_ptr_array_index (conflicts, i);

          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "id", conflict->uuid);
          crb_cli_json_string (builder, "table", conflict->table);
          crb_cli_json_string (builder, "record_id", conflict->row_uuid);
          crb_cli_json_string (builder, "field", conflict->field);
          crb_cli_json_embedded (builder, "kept", conflict->kept_value);
          crb_cli_json_string (builder, "kept_by", conflict->kept_by);
          crb_cli_json_embedded (builder, "other", conflict->other_value);
          crb_cli_json_string (builder, "other_by", conflict->other_by);
          crb_cli_json_bool (builder, "resolved", conflict->resolved);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
      return CRB_CLI_EXIT_OK;
    }
  {
    g_autoptr (CrbCliTable) table =
        crb_cli_table_new ("ID", "RECORD", "FIELD", "HOLDS", "BY", "OTHER", "BY", NULL);

    for (guint i = 0; i < conflicts->len; i++)
      {
        CrbMergeConflict *conflict = g_ptr_array_index (conflicts, i);
        g_autofree char  *id = crb_cli_short_id (conflict->uuid);
        g_autofree char  *row = crb_cli_short_id (conflict->row_uuid);
        g_autofree char  *record = g_strdup_printf ("%s %s", conflict->table, row);
        g_autofree char  *kept = crb_cli_one_line (conflict->kept_value, 40);
        g_autofree char  *other = crb_cli_one_line (conflict->other_value, 40);

        crb_cli_table_add_row (table, id, record, conflict->field, kept, conflict->kept_by, other,
                               conflict->other_by);
      }
    if (crb_cli_table_get_rows (table) == 0)
      printf ("Nothing to review.\n");
    else
      crb_cli_table_print (table);
  }
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_export (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *format_name = NULL, *event = NULL, *output = NULL;
  g_autofree char   *text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      "jsonld (W3C Web Annotations), csv (one row per claim), markdown or html (an event's "
      "briefing)",
      "FORMAT" },
    { "event", 'e', 0, G_OPTION_ARG_STRING, &event,
      "The event of a briefing (identifier, prefix or title)", "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to PATH instead of the terminal",
      "PATH" },
    { NULL },
  };
  CrbExportFormat format;

  if (!crb_cli_parse_options ("export", "FILE",
                              "Exports the claims as W3C Web Annotations (JSON-LD) or CSV, or an "
                              "event's accounts as a briefing in Markdown or HTML. Notes marked "
                              "private are left out.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (format_name == NULL)
    return crb_cli_usage_error ("Say which format with --format jsonld|csv|markdown|html.");
  if (!crb_export_format_from_string (format_name, &format))
    return crb_cli_usage_error ("“%s” is not a format; use jsonld, csv, markdown or html.",
                                format_name);
  if ((format == CRB_EXPORT_MARKDOWN || format == CRB_EXPORT_HTML) && event == NULL)
    return crb_cli_usage_error ("A briefing is about one event: give --event ID.");

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(text = crb_project_export (project, format, event, &error)))
    return crb_cli_fail (error);
  if (output == NULL)
    {
      fputs (text, stdout);
      return CRB_CLI_EXIT_OK;
    }
  if (!g_file_set_contents (output, text, -1, &error))
    return crb_cli_fail (error);
  printf ("Wrote %s\n", output);
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_import_annotations (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbAnnotationImport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *contents = NULL;
  gsize              length = 0;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print {imported, already_present, unmatched: [reasons]}", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("import-annotations", "FILE JSONLD",
                              "Adds the W3C Web Annotations of a JSON-LD file as claims, on the "
                              "documents their targets name or whose text holds their quote. "
                              "Annotations that fit no document, or several, are listed and "
                              "left out.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!g_file_get_contents (argv[2], &contents, &length, &error))
    return crb_cli_fail (error);
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(report = crb_project_import_annotations (project, contents, (gssize) length, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      crb_cli_json_int (builder, "imported", report->imported);
      crb_cli_json_int (builder, "already_present", report->already_present);
      json_builder_set_member_name (builder, "unmatched");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->unmatched->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (report->unmatched, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
      return CRB_CLI_EXIT_OK;
    }
  printf ("Imported %u annotations (%u were here already)\n", report->imported,
          report->already_present);
  for (guint i = 0; i < report->unmatched->len; i++)
    printf ("  left out %s\n", (char *) g_ptr_array_index (report->unmatched, i));
  return CRB_CLI_EXIT_OK;
}
