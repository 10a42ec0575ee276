/* crb-cli-compare.c: comparing accounts — document against document, the
 * reuse map, a claim across sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-comparison.h"
#include "crb-document.h"
#include "crb-record.h"
#include "crb-reuse-map.h"
#include "crb-similar.h"

static void
json_substitutions (JsonBuilder *builder, GPtrArray *substitutions)
{
  json_builder_set_member_name (builder, "substitutions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < substitutions->len; i++)
    {
      const CrbSubstitution *substitution = g_ptr_array_index (substitutions, i);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "a", substitution->a);
      crb_cli_json_string (builder, "b", substitution->b);
      crb_cli_json_int (builder, "count", substitution->count);
      crb_cli_json_int (builder, "kept", substitution->kept);
      crb_cli_json_int (builder, "a_total", substitution->a_total);
      crb_cli_json_int (builder, "b_total", substitution->b_total);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A word diff marked inline: "[-old-]{+new+}". */
static char *
marked_diff (const char *text_a, const char *text_b, GArray *runs)
{
  g_autoptr (GString) line = g_string_new (NULL);

  for (guint i = 0; i < runs->len; i++)
    {
      const CrbWordDiffRun *run = &g_array_index (runs, CrbWordDiffRun, i);
      g_autofree char      *a = g_utf8_substring (text_a, run->a_start, run->a_end);
      g_autofree char      *b = g_utf8_substring (text_b, run->b_start, run->b_end);

      if (i > 0)
        g_string_append_c (line, ' ');
      if (run->kind == CRB_ALIGN_EQUAL)
        g_string_append (line, b);
      else
        g_string_append_printf (line, "%s%s%s%s%s%s", *a ? "[-" : "", a, *a ? "-]" : "",
                                *b ? "{+" : "", b, *b ? "+}" : "");
    }
  return crb_cli_one_line (line->str, G_MAXUINT);
}

static void
json_comparison (JsonBuilder *builder, CrbComparison *comparison, const char *text_a,
                 const char *text_b)
{
  crb_cli_json_double (builder, "coverage_a", comparison->coverage_a);
  crb_cli_json_double (builder, "coverage_b", comparison->coverage_b);
  crb_cli_json_int (builder, "words_a", comparison->n_words_a);
  crb_cli_json_int (builder, "words_b", comparison->n_words_b);
  json_builder_set_member_name (builder, "passages");
  json_builder_begin_array (builder);
  for (guint p = 0; p < comparison->passages->len; p++)
    {
      const CrbComparisonPassage *passage = g_ptr_array_index (comparison->passages, p);
      g_autofree char            *a = g_utf8_substring (text_a, passage->a_start, passage->a_end);
      g_autofree char            *b = g_utf8_substring (text_b, passage->b_start, passage->b_end);

      json_builder_begin_object (builder);
      crb_cli_json_int (builder, "a_start", passage->a_start);
      crb_cli_json_int (builder, "a_end", passage->a_end);
      crb_cli_json_int (builder, "b_start", passage->b_start);
      crb_cli_json_int (builder, "b_end", passage->b_end);
      crb_cli_json_double (builder, "identity", passage->identity);
      crb_cli_json_string (builder, "a_text", a);
      crb_cli_json_string (builder, "b_text", b);
      json_builder_set_member_name (builder, "differences");
      json_builder_begin_array (builder);
      for (guint r = 0; r < passage->runs->len; r++)
        {
          const CrbWordDiffRun *run = &g_array_index (passage->runs, CrbWordDiffRun, r);
          g_autofree char      *run_a = NULL;
          g_autofree char      *run_b = NULL;

          if (run->kind == CRB_ALIGN_EQUAL)
            continue;
          run_a = g_utf8_substring (text_a, run->a_start, run->a_end);
          run_b = g_utf8_substring (text_b, run->b_start, run->b_end);
          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "kind", crb_comparison_kind_to_string (run->kind));
          crb_cli_json_int (builder, "a_start", run->a_start);
          crb_cli_json_int (builder, "a_end", run->a_end);
          crb_cli_json_int (builder, "b_start", run->b_start);
          crb_cli_json_int (builder, "b_end", run->b_end);
          crb_cli_json_string (builder, "a_text", run_a);
          crb_cli_json_string (builder, "b_text", run_b);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_substitutions (builder, comparison->substitutions);
}

static void
print_substitutions (GPtrArray *substitutions)
{
  if (substitutions->len == 0)
    return;
  printf ("Substitutions:\n");
  for (guint i = 0; i < substitutions->len; i++)
    {
      const CrbSubstitution *substitution = g_ptr_array_index (substitutions, i);

      printf ("  %s → %s  ×%u%s\n", substitution->a, substitution->b, substitution->count,
              substitution->kept ? " (sometimes kept)" : "");
    }
}

static void
print_comparison (CrbComparison *comparison, const char *title_a, const char *title_b,
                  const char *text_a, const char *text_b)
{
  printf ("A: %s — %.0f%% found in B\nB: %s — %.0f%% found in A\n", title_a,
          100 * comparison->coverage_a, title_b, 100 * comparison->coverage_b);
  for (guint p = 0; p < comparison->passages->len; p++)
    {
      const CrbComparisonPassage *passage = g_ptr_array_index (comparison->passages, p);
      g_autofree char            *line = marked_diff (text_a, text_b, passage->runs);

      printf ("\nPassage %u: A %u–%u, B %u–%u, %.0f%% identical\n  %s\n", p + 1, passage->a_start,
              passage->a_end, passage->b_start, passage->b_end, 100 * passage->identity, line);
    }
  if (comparison->passages->len == 0)
    printf ("\nThey share no text.\n");
  else
    printf ("\n");
  print_substitutions (comparison->substitutions);
}

int
crb_cli_compare (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbDocument) a = NULL;
  g_autoptr (CrbDocument) b = NULL;
  g_autoptr (CrbComparison) comparison = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *text_a = NULL;
  g_autofree char   *text_b = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the comparison as a JSON object", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("compare", "FILE DOC-A DOC-B",
                              "Aligns two documents: shared passages with word differences, how "
                              "much of each is in the other, and consistent substitutions.",
                              entries, 3, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(a = crb_project_find_document (project, argv[2], &error)) ||
      !(b = crb_project_find_document (project, argv[3], &error)) ||
      !(text_a = crb_project_dup_document_text (project, crb_record_get_uuid (CRB_RECORD (a)),
                                                &error)) ||
      !(text_b = crb_project_dup_document_text (project, crb_record_get_uuid (CRB_RECORD (b)),
                                                &error)) ||
      !(comparison = crb_project_compare_documents (project, crb_record_get_uuid (CRB_RECORD (a)),
                                                    crb_record_get_uuid (CRB_RECORD (b)), &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "document_a", comparison->document_a);
      crb_cli_json_string (builder, "title_a", crb_document_get_title (a));
      crb_cli_json_string (builder, "document_b", comparison->document_b);
      crb_cli_json_string (builder, "title_b", crb_document_get_title (b));
      json_comparison (builder, comparison, text_a, text_b);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
    }
  else
    print_comparison (comparison, crb_document_get_title (a), crb_document_get_title (b), text_a,
                      text_b);
  return CRB_CLI_EXIT_OK;
}

static int
review_link (CrbReuseMap *map, const char *doc_a, const char *doc_b, const char *status,
             gboolean reverse)
{
  CrbProject *project = crb_reuse_map_get_project (map);
  g_autoptr (CrbDocument) a = NULL;
  g_autoptr (CrbDocument) b = NULL;
  g_autoptr (CrbReuseLink) link = NULL;
  g_autoptr (GError) error = NULL;

  if (!(a = crb_project_find_document (project, doc_a, &error)) ||
      !(b = crb_project_find_document (project, doc_b, &error)))
    return crb_cli_fail (error);
  link = crb_reuse_map_find_link (map, crb_record_get_uuid (CRB_RECORD (a)),
                                  crb_record_get_uuid (CRB_RECORD (b)));
  if (link == NULL)
    return crb_cli_failf ("“%s” and “%s” share no text that the analysis finds.",
                          crb_document_get_title (a), crb_document_get_title (b));
  if (!crb_reuse_map_review (map, link, status, reverse, &error))
    return crb_cli_fail (error);
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_reuse (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbReuseMap) map = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (CrbCliTable) table = crb_cli_table_new ("FROM", "KIND", "TO", "FROM IN TO",
                                                     "TO IN FROM", "DIRECTION", "STATUS", NULL);
  gboolean           json = FALSE, confirm = FALSE, reject = FALSE, reverse = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the relations as a JSON array", NULL },
    { "confirm", 0, 0, G_OPTION_ARG_NONE, &confirm, "Confirm the relation of DOC-A and DOC-B",
      NULL },
    { "reject", 0, 0, G_OPTION_ARG_NONE, &reject, "Reject the relation of DOC-A and DOC-B", NULL },
    { "reverse", 0, 0, G_OPTION_ARG_NONE, &reverse,
      "With --confirm: the direction is the other way round", NULL },
    { NULL },
  };
  guint n_links;

  if (!crb_cli_parse_options ("reuse", "FILE [DOC-A DOC-B]",
                              "Lists which documents share text with which, who copies whom and "
                              "the evidence; records the analyst's decision on one pair.",
                              entries, 1, 3, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if ((confirm || reject) != (argc == 4) || (confirm && reject) || argc == 3)
    return crb_cli_usage_error ("Name two documents together with --confirm or --reject.");
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  map = crb_reuse_map_new (project);
  if (!crb_reuse_map_update (map, NULL, &error))
    return crb_cli_fail (error);
  if (confirm || reject)
    return review_link (map, argv[2], argv[3], confirm ? "confirmed" : "rejected", reverse);

  n_links = g_list_model_get_n_items (G_LIST_MODEL (map));
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr (CrbReuseLink) link = g_list_model_get_item (G_LIST_MODEL (map), i);
      g_autoptr (CrbComparison) evidence = crb_reuse_map_compare_link (map, link, &error);
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;

      if (evidence == NULL ||
          !(from_text = crb_project_dup_document_text (project, crb_reuse_link_get_from_uuid (link),
                                                       &error)) ||
          !(to_text =
                crb_project_dup_document_text (project, crb_reuse_link_get_to_uuid (link), &error)))
        return crb_cli_fail (error);
      if (json)
        {
          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "from_id", crb_reuse_link_get_from_uuid (link));
          crb_cli_json_string (builder, "from", crb_reuse_link_get_from_title (link));
          crb_cli_json_string (builder, "kind", crb_reuse_link_get_kind (link));
          crb_cli_json_string (builder, "to_id", crb_reuse_link_get_to_uuid (link));
          crb_cli_json_string (builder, "to", crb_reuse_link_get_to_title (link));
          crb_cli_json_bool (builder, "direction_known", crb_reuse_link_get_direction_known (link));
          crb_cli_json_double (builder, "confidence", crb_reuse_link_get_confidence (link));
          crb_cli_json_string (builder, "reason", crb_reuse_link_get_reason (link));
          crb_cli_json_string (builder, "status", crb_reuse_link_get_status (link));
          crb_cli_json_string (builder, "relation_id", crb_reuse_link_get_relation_uuid (link));
          crb_cli_json_double (builder, "from_coverage", crb_reuse_link_get_from_coverage (link));
          crb_cli_json_double (builder, "to_coverage", crb_reuse_link_get_to_coverage (link));
          json_comparison (builder, evidence, from_text, to_text);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *from = crb_cli_one_line (crb_reuse_link_get_from_title (link), 30);
          g_autofree char *to = crb_cli_one_line (crb_reuse_link_get_to_title (link), 30);
          g_autofree char *from_share =
              g_strdup_printf ("%.0f%%", 100 * crb_reuse_link_get_from_coverage (link));
          g_autofree char *to_share =
              g_strdup_printf ("%.0f%%", 100 * crb_reuse_link_get_to_coverage (link));
          g_autofree char *direction =
              crb_reuse_link_get_direction_known (link)
                  ? g_strdup_printf ("%.0f%% sure", 100 * crb_reuse_link_get_confidence (link))
                  : g_strdup ("unknown");

          crb_cli_table_add_row (table, from, crb_reuse_link_get_kind (link), to, from_share,
                                 to_share, direction, crb_reuse_link_get_status (link));
        }
    }
  json_builder_end_array (builder);
  if (json)
    crb_cli_print_builder (builder);
  else if (crb_cli_table_get_rows (table) > 0)
    crb_cli_table_print (table);
  return CRB_CLI_EXIT_OK;
}

static void
json_match (JsonBuilder *builder, const CrbSimilarMatch *match)
{
  json_builder_begin_object (builder);
  crb_cli_json_string (builder, "document_id", match->document_uuid);
  crb_cli_json_string (builder, "title", match->title);
  crb_cli_json_int (builder, "start", match->start);
  crb_cli_json_int (builder, "end", match->end);
  crb_cli_json_string (builder, "text", match->exact);
  crb_cli_json_string (builder, "kind", crb_similar_kind_to_string (match->kind));
  crb_cli_json_double (builder, "score", match->score);
  crb_cli_json_int (builder, "claim_words", match->n_claim_words);
  crb_cli_json_int (builder, "aligned_words", match->n_aligned);
  crb_cli_json_strings (builder, "shared_numbers", match->shared_numbers);
  crb_cli_json_strings (builder, "shared_names", match->shared_names);
  crb_cli_json_strings (builder, "shared_words", match->shared_words);
  crb_cli_json_bool (builder, "disagrees", match->disagrees);
  json_builder_end_object (builder);
}

int
crb_cli_similar (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) matches = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *event = NULL;
  g_autofree char   *facet = NULL;
  gboolean           json = FALSE;
  int                limit = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the matches as a JSON array", NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "At most this many matches (20)", "N" },
    { "add-to-event", 0, 0, G_OPTION_ARG_STRING, &event,
      "Link the claim and every match to this event, in one step", "EVENT" },
    { "facet", 0, 0, G_OPTION_ARG_STRING, &facet, "With --add-to-event: the facet", "FACET" },
    { NULL },
  };

  if (!crb_cli_parse_options ("similar", "FILE CLAIM-ID",
                              "Finds a claim in the other sources: copies, edited copies and "
                              "paraphrases, best first, with the evidence.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (limit < 0)
    return crb_cli_usage_error ("--limit must be a positive number.");
  if (facet && !event)
    return crb_cli_usage_error ("--facet goes with --add-to-event.");
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(matches = crb_project_find_similar (project, argv[2], limit, &error)))
    return crb_cli_fail (error);
  if (event && !crb_project_link_similar (project, argv[2], matches, event, facet, &error))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < matches->len; i++)
        json_match (builder, g_ptr_array_index (matches, i));
      json_builder_end_array (builder);
      crb_cli_print_builder (builder);
      return CRB_CLI_EXIT_OK;
    }
  for (guint i = 0; i < matches->len; i++)
    {
      const CrbSimilarMatch *match = g_ptr_array_index (matches, i);
      g_autofree char       *text = crb_cli_one_line (match->exact, 200);

      printf ("%.2f  %-10s  %s (%u–%u)\n      %s\n", match->score,
              crb_similar_kind_to_string (match->kind), match->title, match->start, match->end,
              text);
      for (guint n = 0; n < match->shared_numbers->len; n++)
        printf ("      figure: %s\n", (char *) g_ptr_array_index (match->shared_numbers, n));
    }
  return CRB_CLI_EXIT_OK;
}
