/* crb-cli-documents.c: documents — import, list, show, grade
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-import.h"
#include "crb-util.h"

static const char *
status_name (CrbImportStatus status)
{
  switch (status)
    {
    case CRB_IMPORT_IMPORTED:
      return "imported";
    case CRB_IMPORT_NEW_REVISION:
      return "new-revision";
    case CRB_IMPORT_DUPLICATE:
      return "skipped";
    case CRB_IMPORT_FAILED:
      return "failed";
    case CRB_IMPORT_CANCELLED:
      return "cancelled";
    default:
      g_assert_not_reached ();
    }
}

static void
print_outcome (const CrbImportOutcome *outcome)
{
  g_autofree char *id = crb_cli_short_id (outcome->document_uuid);
  const char      *title = outcome->title ? outcome->title : "";

  switch (outcome->status)
    {
    case CRB_IMPORT_IMPORTED:
      printf ("%s: imported as “%s” (%s)\n", outcome->source, title, id);
      break;
    case CRB_IMPORT_NEW_REVISION:
      printf ("%s: new revision of “%s” (%s)\n", outcome->source, title, id);
      break;
    case CRB_IMPORT_DUPLICATE:
      printf ("%s: skipped (already in the project as “%s”, %s)\n", outcome->source, title, id);
      break;
    case CRB_IMPORT_FAILED:
      printf ("%s: failed: %s\n", outcome->source,
              outcome->error ? outcome->error->message : "unknown error");
      break;
    case CRB_IMPORT_CANCELLED:
      printf ("%s: cancelled\n", outcome->source);
      break;
    default:
      g_assert_not_reached ();
    }
}

int
crb_cli_import (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbImporter) importer = NULL;
  g_autoptr (GPtrArray) outcomes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = NULL;
  gboolean           json = FALSE;
  gboolean           allow_private = FALSE;
  gboolean           no_originals = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      "Print an array of {source, status, document_id, title, error}", NULL },
    { "allow-private", 0, 0, G_OPTION_ARG_NONE, &allow_private,
      "Allow URLs on this computer or the local network", NULL },
    { "no-originals", 0, 0, G_OPTION_ARG_NONE, &no_originals,
      "Keep only the extracted text, not the original files", NULL },
    { NULL },
  };
  guint failed = 0;

  if (!crb_cli_parse_options ("import", "FILE PATH|URL…",
                              "Adds documents to a project: files, folders (with everything in "
                              "them) and http(s) URLs. Prints one line per document: imported, "
                              "new revision, skipped (already in the project) or failed and "
                              "why. The exit status is 1 when any failed.",
                              entries, 2, G_MAXINT, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  importer = crb_importer_new (project);
  crb_importer_set_allow_private (importer, allow_private);
  crb_importer_set_keep_originals (importer, !no_originals);
  if (!(outcomes = crb_importer_import (importer, (const char *const *) argv + 2, NULL, &error)))
    return crb_cli_fail (error);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const CrbImportOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->status == CRB_IMPORT_FAILED || outcome->status == CRB_IMPORT_CANCELLED)
        failed++;
      if (!json)
        {
          print_outcome (outcome);
          continue;
        }
      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "source", outcome->source);
      crb_cli_json_string (builder, "status", status_name (outcome->status));
      crb_cli_json_string (builder, "document_id", outcome->document_uuid);
      crb_cli_json_string (builder, "title", outcome->title);
      crb_cli_json_string (builder, "error", outcome->error ? outcome->error->message : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (json)
    crb_cli_print_builder (builder);

  if (failed > 0)
    return crb_cli_failf ("%u of %u could not be imported.", failed, outcomes->len);
  return CRB_CLI_EXIT_OK;
}

static void
add_document_members (JsonBuilder *builder, CrbDocument *document)
{
  CrbRecord *record = CRB_RECORD (document);

  crb_cli_json_string (builder, "id", crb_record_get_uuid (record));
  crb_cli_json_string (builder, "title", crb_document_get_title (document));
  crb_cli_json_string (builder, "kind", crb_document_get_kind (document));
  crb_cli_json_string (builder, "sha256", crb_document_get_text_sha256 (document));
  crb_cli_json_int (builder, "chars", crb_document_get_chars (document));
  crb_cli_json_string (builder, "publisher", crb_document_get_publisher (document));
  crb_cli_json_string (builder, "published", crb_document_get_published_at (document));
  crb_cli_json_string (builder, "byline", crb_document_get_byline (document));
  crb_cli_json_string (builder, "language", crb_document_get_language (document));
  crb_cli_json_string (builder, "origin", crb_document_get_origin (document));
  crb_cli_json_string (builder, "final_url", crb_document_get_final_url (document));
  crb_cli_json_int (builder, "revision", crb_document_get_revision (document));
  crb_cli_json_string (builder, "revision_id", crb_document_get_revision_uuid (document));
  crb_cli_json_int (builder, "claims", crb_document_get_claim_count (document));
  crb_cli_json_string (builder, "reliability", crb_document_get_reliability (document));
  crb_cli_json_string (builder, "original_sha256", crb_document_get_original_sha256 (document));
  crb_cli_json_string (builder, "content_type", crb_document_get_content_type (document));
  crb_cli_json_string (builder, "encoding", crb_document_get_encoding (document));
  crb_cli_json_time (builder, "retrieved", crb_document_get_retrieved_at (document));
  crb_cli_json_string (builder, "author", crb_record_get_author (record));
  crb_cli_json_time (builder, "created", crb_record_get_created_at (record));
  crb_cli_json_time (builder, "modified", crb_record_get_modified_at (record));
}

int
crb_cli_list (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON array of documents", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("list", "FILE", "Lists the documents of a project, by title.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(documents = crb_project_list_documents (project, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < documents->len; i++)
        {
          json_builder_begin_object (builder);
          add_document_members (builder, g_ptr_array_index (documents, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
    }
  else
    {
      g_autoptr (CrbCliTable) table =
          crb_cli_table_new ("ID", "GRADE", "KIND", "CHARS", "CLAIMS", "PUBLISHED", "TITLE", NULL);

      for (guint i = 0; i < documents->len; i++)
        {
          CrbDocument     *document = g_ptr_array_index (documents, i);
          g_autofree char *id = crb_cli_short_id (crb_record_get_uuid (CRB_RECORD (document)));
          g_autofree char *chars = g_strdup_printf ("%u", crb_document_get_chars (document));
          g_autofree char *claims = g_strdup_printf ("%u", crb_document_get_claim_count (document));
          g_autofree char *title = crb_cli_one_line (crb_document_get_title (document), 60);

          crb_cli_table_add_row (table, id, crb_document_get_reliability (document),
                                 crb_document_get_kind (document), chars, claims,
                                 crb_document_get_published_at (document), title);
        }
      if (crb_cli_table_get_rows (table) > 0)
        crb_cli_table_print (table);
    }
  return CRB_CLI_EXIT_OK;
}

static void
print_field (const char *label, const char *value)
{
  if (value && *value)
    printf ("%-12s %s\n", label, value);
}

static void
print_document (CrbDocument *document, const char *text)
{
  CrbRecord       *record = CRB_RECORD (document);
  g_autofree char *revision = g_strdup_printf ("%u (%s)", crb_document_get_revision (document),
                                               crb_document_get_revision_uuid (document));
  g_autofree char *chars = g_strdup_printf ("%u", crb_document_get_chars (document));
  g_autofree char *claims = g_strdup_printf ("%u", crb_document_get_claim_count (document));
  g_autofree char *added_at = crb_format_time_ms (crb_record_get_created_at (record));
  g_autofree char *added = g_strdup_printf ("%s by %s", added_at, crb_record_get_author (record));
  gint64           retrieved_ms = crb_document_get_retrieved_at (document);
  g_autofree char *retrieved = retrieved_ms > 0 ? crb_format_time_ms (retrieved_ms) : NULL;

  print_field ("Title:", crb_document_get_title (document));
  print_field ("ID:", crb_record_get_uuid (record));
  print_field ("Kind:", crb_document_get_kind (document));
  print_field ("Origin:", crb_document_get_origin (document));
  print_field ("Final URL:", crb_document_get_final_url (document));
  print_field ("Retrieved:", retrieved);
  print_field ("Published:", crb_document_get_published_at (document));
  print_field ("Byline:", crb_document_get_byline (document));
  print_field ("Publisher:", crb_document_get_publisher (document));
  print_field ("Language:", crb_document_get_language (document));
  print_field ("Reliability:", crb_document_get_reliability (document));
  print_field ("Revision:", revision);
  print_field ("Characters:", chars);
  print_field ("Claims:", claims);
  print_field ("SHA-256:", crb_document_get_text_sha256 (document));
  print_field ("Encoding:", crb_document_get_encoding (document));
  print_field ("Added:", added);
  printf ("\n%s\n", text);
}

int
crb_cli_show (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *text = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print a JSON object with the text", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("show", "FILE DOC-ID",
                              "Shows a document's provenance, details and extracted text.", entries,
                              2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The document identifier", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(document = crb_project_find_document (project, argv[2], &error)))
    return crb_cli_fail (error);
  if (!(text = crb_project_dup_document_text (project, crb_record_get_uuid (CRB_RECORD (document)),
                                              &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_document_members (builder, document);
      crb_cli_json_embedded (builder, "notes", crb_document_get_notes (document));
      crb_cli_json_embedded (builder, "pages", crb_document_get_pages (document));
      crb_cli_json_string (builder, "text", text);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
    }
  else
    print_document (document, text);
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_grade (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *grade = NULL;

  if (!crb_cli_parse_options ("grade", "FILE DOC-ID GRADE",
                              "Grades the reliability of a document's source on the Admiralty "
                              "scale: A (completely reliable), B (usually reliable), C (fairly "
                              "reliable), D (not usually reliable), E (unreliable), F (cannot be "
                              "judged); “none” removes the grade.",
                              NULL, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The document identifier", argv[2]))
    return CRB_CLI_EXIT_USAGE;

  grade = g_ascii_strup (argv[3], -1);
  if (g_str_equal (grade, "NONE"))
    g_clear_pointer (&grade, g_free);
  else if (grade[0] < 'A' || grade[0] > 'F' || grade[1] != '\0')
    return crb_cli_usage_error ("The grade must be a letter from A to F, or “none”.");

  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(document = crb_project_find_document (project, argv[2], &error)))
    return crb_cli_fail (error);
  if (!crb_project_set_field (project, "document", crb_record_get_uuid (CRB_RECORD (document)),
                              "reliability", grade, &error))
    return crb_cli_fail (error);
  printf ("“%s” graded %s\n", crb_document_get_title (document), grade ? grade : "none");
  return CRB_CLI_EXIT_OK;
}
