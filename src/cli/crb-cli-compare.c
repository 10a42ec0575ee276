/* crb-cli-compare.c: comparing accounts — entity mentions and suggestions,
 * document against document, the reuse map, a claim across sources, the
 * accounts grid, and the figures of a text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-cli"

#include <stdio.h>

#include "crb-accounts.h"
#include "crb-briefing.h"
#include "crb-cli-command.h"
#include "crb-cli-output.h"
#include "crb-cli-verbs.h"
#include "crb-comparison.h"
#include "crb-document.h"
#include "crb-entity-suggest.h"
#include "crb-entity.h"
#include "crb-mention-detect.h"
#include "crb-mention.h"
#include "crb-record.h"
#include "crb-reuse-map.h"
#include "crb-similar.h"

/* Text between two code points, for JSON and for display. */
static char *
slice (const char *text, guint32 start, guint32 end)
{
  return g_utf8_substring (text, start, end);
}

static void
json_double (JsonBuilder *builder, const char *member, double value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, value);
}

static void
json_strings (JsonBuilder *builder, const char *member, GPtrArray *strings)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strings && i < strings->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (strings, i));
  json_builder_end_array (builder);
}

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
      g_autofree char      *a = slice (text_a, run->a_start, run->a_end);
      g_autofree char      *b = slice (text_b, run->b_start, run->b_end);

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
  json_double (builder, "coverage_a", comparison->coverage_a);
  json_double (builder, "coverage_b", comparison->coverage_b);
  crb_cli_json_int (builder, "words_a", comparison->n_words_a);
  crb_cli_json_int (builder, "words_b", comparison->n_words_b);
  json_builder_set_member_name (builder, "passages");
  json_builder_begin_array (builder);
  for (guint p = 0; p < comparison->passages->len; p++)
    {
      const CrbComparisonPassage *passage = g_ptr_array_index (comparison->passages, p);
      g_autofree char            *a = slice (text_a, passage->a_start, passage->a_end);
      g_autofree char            *b = slice (text_b, passage->b_start, passage->b_end);

      json_builder_begin_object (builder);
      crb_cli_json_int (builder, "a_start", passage->a_start);
      crb_cli_json_int (builder, "a_end", passage->a_end);
      crb_cli_json_int (builder, "b_start", passage->b_start);
      crb_cli_json_int (builder, "b_end", passage->b_end);
      json_double (builder, "identity", passage->identity);
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
          run_a = slice (text_a, run->a_start, run->a_end);
          run_b = slice (text_b, run->b_start, run->b_end);
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
          json_double (builder, "confidence", crb_reuse_link_get_confidence (link));
          crb_cli_json_string (builder, "reason", crb_reuse_link_get_reason (link));
          crb_cli_json_string (builder, "status", crb_reuse_link_get_status (link));
          crb_cli_json_string (builder, "relation_id", crb_reuse_link_get_relation_uuid (link));
          json_double (builder, "from_coverage", crb_reuse_link_get_from_coverage (link));
          json_double (builder, "to_coverage", crb_reuse_link_get_to_coverage (link));
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
  json_double (builder, "score", match->score);
  crb_cli_json_int (builder, "claim_words", match->n_claim_words);
  crb_cli_json_int (builder, "aligned_words", match->n_aligned);
  json_strings (builder, "shared_numbers", match->shared_numbers);
  json_strings (builder, "shared_names", match->shared_names);
  json_strings (builder, "shared_words", match->shared_words);
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

static void
json_value (JsonBuilder *builder, const CrbQuantity *value, const char *text)
{
  g_autofree char *label = crb_accounts_value_label (value);

  crb_cli_json_string (builder, "text", text);
  crb_cli_json_string (builder, "kind", value->kind == CRB_QUANTITY_DATE ? "date" : "number");
  json_double (builder, "value", value->value);
  json_double (builder, "value_max", value->value_max);
  crb_cli_json_string (builder, "unit", value->unit);
  crb_cli_json_string (builder, "qualifier", crb_qualifier_to_string (value->qualifier));
  crb_cli_json_string (builder, "iso", value->kind == CRB_QUANTITY_DATE ? value->iso : NULL);
  crb_cli_json_string (builder, "label", label);
}

int
crb_cli_quantities (int argc, char **argv)
{
  g_autoptr (GArray) values = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the figures as a JSON array", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("quantities", "TEXT",
                              "Reads the figures of a text as the accounts grid does: counts, "
                              "measures, sums, dates and times of day, normalised.",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!crb_cli_check_text ("The text", argv[1]))
    return CRB_CLI_EXIT_USAGE;
  values = crb_accounts_find_values (argv[1]);
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    {
      const CrbQuantity *value = &g_array_index (values, CrbQuantity, i);
      g_autofree char   *text = slice (argv[1], value->start, value->end);
      g_autofree char   *label = crb_accounts_value_label (value);

      if (!json)
        {
          printf ("%s\t%s\n", text, label);
          continue;
        }
      json_builder_begin_object (builder);
      crb_cli_json_int (builder, "start", value->start);
      crb_cli_json_int (builder, "end", value->end);
      json_value (builder, value, text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (json)
    crb_cli_print_builder (builder);
  return CRB_CLI_EXIT_OK;
}

static void
json_grid (JsonBuilder *builder, CrbAccountsGrid *grid)
{
  json_builder_begin_object (builder);
  crb_cli_json_string (builder, "event_id", grid->event_uuid);
  crb_cli_json_string (builder, "title", grid->title);
  crb_cli_json_string (builder, "date_start", grid->date_start);
  crb_cli_json_string (builder, "date_end", grid->date_end);
  crb_cli_json_string (builder, "place", grid->place);
  json_builder_set_member_name (builder, "facets");
  json_builder_begin_array (builder);
  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "facet_id", facet->facet_uuid);
      crb_cli_json_string (builder, "name", facet->name);
      crb_cli_json_int (builder, "sources", facet->n_sources);
      crb_cli_json_int (builder, "independent", facet->n_independent);
      crb_cli_json_bool (builder, "disagreement", facet->disagreement);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint s = 0; s < grid->sources->len; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      json_builder_begin_object (builder);
      crb_cli_json_string (builder, "document_id", source->document_uuid);
      crb_cli_json_string (builder, "title", source->title);
      crb_cli_json_string (builder, "published_at", source->published_at);
      crb_cli_json_string (builder, "reliability", source->reliability);
      json_strings (builder, "copies", source->copies);
      json_builder_set_member_name (builder, "accounts");
      json_builder_begin_array (builder);
      for (guint f = 0; f < grid->facets->len; f++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);

          for (guint a = 0; a < cell->len; a++)
            {
              CrbAccount *account = g_ptr_array_index (cell, a);

              json_builder_begin_object (builder);
              crb_cli_json_string (
                  builder, "facet",
                  ((CrbAccountsFacet *) g_ptr_array_index (grid->facets, f))->name);
              crb_cli_json_string (builder, "claim_id", account->claim_uuid);
              crb_cli_json_string (builder, "quote", account->exact);
              crb_cli_json_string (builder, "stance", account->stance);
              json_builder_set_member_name (builder, "value");
              if (account->has_value)
                {
                  json_builder_begin_object (builder);
                  json_value (builder, &account->value, account->value_text);
                  json_builder_end_object (builder);
                }
              else
                json_builder_add_null_value (builder);
              crb_cli_json_bool (builder, "disagrees", account->disagrees);
              crb_cli_json_string (builder, "copied_from", account->copied_from);
              json_builder_end_object (builder);
            }
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_grid (CrbAccountsGrid *grid)
{
  GString *line = g_string_new (NULL);

  printf ("%s\n\n", grid->title);
  for (guint s = 0; s < grid->sources->len; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      printf ("%s\n", source->title);
      for (guint f = 0; f < grid->facets->len; f++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);

          for (guint a = 0; a < cell->len; a++)
            {
              CrbAccount      *account = g_ptr_array_index (cell, a);
              g_autofree char *quote = crb_cli_one_line (account->exact, 60);

              g_string_printf (line, "  %s: %s%s",
                               ((CrbAccountsFacet *) g_ptr_array_index (grid->facets, f))->name,
                               account->disagrees ? "! " : "",
                               account->has_value ? account->value_label : quote);
              if (account->copied_from)
                g_string_append (line, " (copied)");
              printf ("%s\n", line->str);
            }
        }
    }
  printf ("\n");
  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);

      printf ("%s: %u independent of %u sources%s\n", facet->name, facet->n_independent,
              facet->n_sources, facet->disagreement ? ", figures disagree" : "");
    }
  g_string_free (line, TRUE);
}

int
crb_cli_accounts (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbAccountsGrid) grid = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE, markdown = FALSE, html = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the grid as a JSON object", NULL },
    { "markdown", 0, 0, G_OPTION_ARG_NONE, &markdown, "Print a Markdown briefing", NULL },
    { "html", 0, 0, G_OPTION_ARG_NONE, &html, "Print a self-contained HTML briefing", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("accounts", "FILE EVENT-ID",
                              "The accounts grid of an event: each source's figure per facet, "
                              "disagreements, copies, and independent sources.",
                              entries, 2, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (json + markdown + html > 1)
    return crb_cli_usage_error ("Choose one of --json, --markdown and --html.");
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(grid = crb_project_build_accounts (project, argv[2], NULL, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_grid (builder, grid);
      crb_cli_print_builder (builder);
    }
  else if (markdown || html)
    {
      g_autofree char *briefing =
          markdown ? crb_accounts_grid_to_markdown (grid) : crb_accounts_grid_to_html (grid);

      fputs (briefing, stdout);
    }
  else
    print_grid (grid);
  return CRB_CLI_EXIT_OK;
}

static const char *
entity_name (GHashTable *names, CrbProject *project, const char *uuid)
{
  const char *name = g_hash_table_lookup (names, uuid);

  if (name == NULL)
    {
      g_autoptr (CrbEntity) entity = crb_project_find_entity (project, uuid, NULL);

      name = entity ? crb_entity_get_name (entity) : uuid;
      g_hash_table_insert (names, g_strdup (uuid), g_strdup (name));
      name = g_hash_table_lookup (names, uuid);
    }
  return name;
}

int
crb_cli_entity_mentions (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbEntity) entity = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (CrbCliTable) table =
      crb_cli_table_new ("ID", "ENTITY", "DOCUMENT", "AT", "TEXT", "STATUS", NULL);
  gboolean           json = FALSE, detect = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the mentions as a JSON array", NULL },
    { "detect", 0, 0, G_OPTION_ARG_NONE, &detect,
      "First look for every name and alias in every document and suggest new mentions", NULL },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity mentions", "FILE [ENTITY]",
                              "Lists where entities are named (suggested, confirmed or rejected).",
                              entries, 1, 2, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (argc > 2 && !(entity = crb_project_find_entity (project, argv[2], &error)))
    return crb_cli_fail (error);
  if (detect)
    {
      guint added = 0;

      if (!crb_project_detect_mentions (project, argc > 2 ? argv[2] : NULL, NULL, &added, &error))
        return crb_cli_fail (error);
      fprintf (stderr, "%u new mention%s suggested.\n", added, added == 1 ? "" : "s");
    }
  if (!(mentions = crb_project_list_mentions (
            project, NULL, entity ? crb_record_get_uuid (CRB_RECORD (entity)) : NULL, &error)))
    return crb_cli_fail (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < mentions->len; i++)
    {
      CrbMention *mention = g_ptr_array_index (mentions, i);
      const char *name = entity_name (names, project, crb_mention_get_entity_uuid (mention));

      if (json)
        {
          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "id", crb_record_get_uuid (CRB_RECORD (mention)));
          crb_cli_json_string (builder, "entity_id", crb_mention_get_entity_uuid (mention));
          crb_cli_json_string (builder, "entity", name);
          crb_cli_json_string (builder, "document_id", crb_mention_get_document_uuid (mention));
          crb_cli_json_int (builder, "start", crb_mention_get_start (mention));
          crb_cli_json_int (builder, "end", crb_mention_get_end (mention));
          crb_cli_json_string (builder, "text", crb_mention_get_exact (mention));
          crb_cli_json_string (builder, "status", crb_mention_get_status (mention));
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *id = crb_cli_short_id (crb_record_get_uuid (CRB_RECORD (mention)));
          g_autofree char *document = crb_cli_short_id (crb_mention_get_document_uuid (mention));
          g_autofree char *at = g_strdup_printf ("%u", crb_mention_get_start (mention));
          g_autofree char *text = crb_cli_one_line (crb_mention_get_exact (mention), 40);

          crb_cli_table_add_row (table, id, name, document, at, text,
                                 crb_mention_get_status (mention));
        }
    }
  json_builder_end_array (builder);
  if (json)
    crb_cli_print_builder (builder);
  else if (crb_cli_table_get_rows (table) > 0)
    crb_cli_table_print (table);
  return CRB_CLI_EXIT_OK;
}

int
crb_cli_entity_suggest (int argc, char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) aliases = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  g_autoptr (GError) error = NULL;
  gboolean           json = FALSE;
  int                min_documents = 2;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the suggestions as a JSON object", NULL },
    { "min-documents", 0, 0, G_OPTION_ARG_INT, &min_documents,
      "New entities must recur in this many documents (2)", "N" },
    { NULL },
  };

  if (!crb_cli_parse_options ("entity suggest", "FILE",
                              "Suggests aliases (other spellings of known names found in the "
                              "documents) and new entities (names that recur across sources).",
                              entries, 1, 1, &argc, &argv))
    return CRB_CLI_EXIT_USAGE;
  if (min_documents < 1)
    return crb_cli_usage_error ("--min-documents must be at least 1.");
  if (!(project = crb_cli_open_project (argv[1])))
    return CRB_CLI_EXIT_ERROR;
  if (!(aliases = crb_project_suggest_aliases (project, NULL, &error)) ||
      !(entities = crb_project_suggest_entities (project, min_documents, &error)))
    return crb_cli_fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "aliases");
      json_builder_begin_array (builder);
      for (guint i = 0; i < aliases->len; i++)
        {
          const CrbAliasSuggestion *suggestion = g_ptr_array_index (aliases, i);

          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "entity_id", suggestion->entity_uuid);
          crb_cli_json_string (builder, "entity", suggestion->entity_name);
          crb_cli_json_string (builder, "matches", suggestion->matched_name);
          crb_cli_json_string (builder, "variant", suggestion->variant);
          json_double (builder, "score", suggestion->score);
          crb_cli_json_int (builder, "occurrences", suggestion->n_occurrences);
          json_strings (builder, "documents", suggestion->documents);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "entities");
      json_builder_begin_array (builder);
      for (guint i = 0; i < entities->len; i++)
        {
          const CrbEntityCandidate *candidate = g_ptr_array_index (entities, i);

          json_builder_begin_object (builder);
          crb_cli_json_string (builder, "name", candidate->name);
          crb_cli_json_int (builder, "documents", candidate->n_documents);
          crb_cli_json_int (builder, "occurrences", candidate->n_occurrences);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      crb_cli_print_builder (builder);
      return CRB_CLI_EXIT_OK;
    }

  printf ("Aliases:\n");
  for (guint i = 0; i < aliases->len; i++)
    {
      const CrbAliasSuggestion *suggestion = g_ptr_array_index (aliases, i);

      printf ("  %s → %s  (%.2f, %u document%s)\n", suggestion->variant, suggestion->entity_name,
              suggestion->score, suggestion->documents->len,
              suggestion->documents->len == 1 ? "" : "s");
    }
  printf ("New entities:\n");
  for (guint i = 0; i < entities->len; i++)
    {
      const CrbEntityCandidate *candidate = g_ptr_array_index (entities, i);

      printf ("  %s  (%u documents, %u times)\n", candidate->name, candidate->n_documents,
              candidate->n_occurrences);
    }
  return CRB_CLI_EXIT_OK;
}
