/* test-merge.c: merging two analysts' copies of a project (issue 7)
 *
 * Every scenario starts from one project sent to two analysts (Save a
 * Copy), lets each work on their copy, then merges both ways on copies of
 * the files and checks: what each scenario must give, nothing resurrected,
 * crb_project_check, idempotence (merging again changes nothing) and
 * symmetry (A into B holds the same records as B into A).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "crb-alias.h"
#include "crb-claim-entity.h"
#include "crb-claim.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-entity.h"
#include "crb-merge.h"
#include "crb-project-private.h"
#include "crb-schema.h"
#include "crb-tag.h"
#include "crb-test-project.h"

#define REPORT_TEXT                                                                                \
  "The dam at Ilmet failed at 04:10 on Tuesday, officials said.\n\n"                               \
  "Witnesses heard a loud crack before the water came.\n\n"                                        \
  "The regional governor said eleven people were missing."

typedef struct
{
  char       *dir;
  char       *path_a;
  char       *path_b;
  CrbProject *a;
  CrbProject *b;
  char       *document; /* the shared report */
  char       *claim;    /* a claim on it */
  char       *secret;   /* a claim whose note must not travel once deleted */
} Pair;

static void
pair_free (Pair *pair)
{
  g_clear_object (&pair->a);
  g_clear_object (&pair->b);
  g_free (pair->dir);
  g_free (pair->path_a);
  g_free (pair->path_b);
  g_free (pair->document);
  g_free (pair->claim);
  g_free (pair->secret);
  g_free (pair);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pair, pair_free)

/* One project with a report and two claims, sent to Alice and to Bob. */
static Pair *
pair_new (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base_path = NULL;
  g_autoptr (CrbProject) base = crb_test_new_project (&base_path);
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbClaim) secret = NULL;
  Pair *pair = g_new0 (Pair, 1);

  crb_project_set_author (base, "Carol");
  pair->document = crb_test_add_document (base, "Report", REPORT_TEXT);
  claim = crb_project_add_claim_by_quote (base, pair->document, "failed at 04:10", 1, "claim",
                                          "first note", &error);
  g_assert_no_error (error);
  secret = crb_project_add_claim_by_quote (base, pair->document, "loud crack", 1, "claim",
                                           "Informant Nightingale-7", &error);
  g_assert_no_error (error);
  pair->claim = g_strdup (crb_record_get_uuid (CRB_RECORD (claim)));
  pair->secret = g_strdup (crb_record_get_uuid (CRB_RECORD (secret)));

  pair->dir = g_path_get_dirname (base_path);
  pair->path_a = g_build_filename (pair->dir, "alice.corroborate", NULL);
  pair->path_b = g_build_filename (pair->dir, "bob.corroborate", NULL);
  crb_assert_ok (crb_project_save_copy (base, pair->path_a, CRB_COPY_DEFAULT, &error));
  crb_assert_ok (crb_project_save_copy (base, pair->path_b, CRB_COPY_DEFAULT, &error));
  pair->a = crb_project_open (pair->path_a, &error);
  g_assert_no_error (error);
  pair->b = crb_project_open (pair->path_b, &error);
  g_assert_no_error (error);
  crb_project_set_author (pair->a, "Alice");
  crb_project_set_author (pair->b, "Bob");
  return pair;
}

/* The records as text: live rows with every column but the row id, and
 * only the identity of deleted ones (a tombstone carries no content).
 * Then the review list. */
static char *
content (CrbProject *project)
{
  const char *const *tables = crb_schema_record_tables ();
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3 *db = _crb_project_get_db (project);

  for (guint t = 0; tables[t]; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY uuid", tables[t]);
      sqlite3_stmt    *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gboolean dead = FALSE;

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            if (g_str_equal (sqlite3_column_name (stmt, c), "deleted"))
              dead = sqlite3_column_int (stmt, c) != 0;
          g_string_append_printf (dump, "%s:", tables[t]);
          for (int c = 1; c < sqlite3_column_count (stmt); c++)
            {
              const char *value = (const char *) sqlite3_column_text (stmt, c);

              if (dead && !g_str_equal (sqlite3_column_name (stmt, c), "uuid"))
                continue;
              g_string_append_printf (dump, "|%s", value ? value : "NULL");
            }
          g_string_append (dump, dead ? "|deleted\n" : "\n");
        }
      sqlite3_finalize (stmt);
    }
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT uuid, tbl, row_uuid, field, kept_value, "
                                         "other_value, resolved FROM merge_conflict ORDER BY uuid",
                                         -1, &stmt, NULL),
                     ==, SQLITE_OK);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        g_string_append (dump, "conflict:");
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          g_string_append_printf (dump, "|%s", sqlite3_column_text (stmt, c));
        g_string_append_c (dump, '\n');
      }
    sqlite3_finalize (stmt);
  }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static char *
copy_file (const char *path, const char *name)
{
  g_autofree char *dir = crb_test_make_dir ();
  char            *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize            length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (target, contents, length, NULL));
  return target;
}

static guint
total_added (const CrbMergeSummary *summary)
{
  guint total = 0;

  for (guint k = 0; k < CRB_MERGE_N_KINDS; k++)
    total += summary->added[k];
  return total;
}

/* Merges `other_path` into a copy of `target_path`; checks the result,
 * that the other file is untouched and that merging again changes
 * nothing.  Returns the merged project (open) and its content. */
static CrbProject *
merge_into_copy (const char *target_path, const char *other_path, CrbMergeSummary *summary,
                 char **dump)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *copy = copy_file (target_path, "merged.corroborate");
  g_autofree char *before_other = crb_test_file_digest (other_path);
  g_autofree char *after_other = NULL;
  g_autofree char *again = NULL;
  CrbMergeSummary  second;
  CrbProject      *project = crb_project_open (copy, &error);

  g_assert_no_error (error);
  crb_project_set_author (project, "Dana");
  crb_assert_ok (crb_project_merge (project, other_path, summary, &error));
  crb_assert_ok (crb_project_check (project, &error));
  after_other = crb_test_file_digest (other_path);
  g_assert_cmpstr (before_other, ==, after_other);
  *dump = content (project);

  crb_assert_ok (crb_project_merge (project, other_path, &second, &error));
  again = content (project);
  g_assert_cmpstr (again, ==, *dump);
  g_assert_cmpuint (total_added (&second), ==, 0);
  g_assert_cmpuint (second.updated, ==, 0);
  g_assert_cmpuint (second.conflicts, ==, 0);
  g_assert_cmpuint (second.deleted, ==, 0);
  crb_assert_ok (crb_project_check (project, &error));
  return project;
}

/* Both ways; returns A with B merged in (the other direction must hold
 * the same records). */
static CrbProject *
merge_both_ways (Pair *pair, CrbMergeSummary *summary)
{
  g_autofree char *ab = NULL, *ba = NULL;
  g_autoptr (CrbProject) reverse = NULL;
  CrbMergeSummary other_way;
  CrbProject     *merged;

  merged = merge_into_copy (pair->path_a, pair->path_b, summary, &ab);
  reverse = merge_into_copy (pair->path_b, pair->path_a, &other_way, &ba);
  g_assert_cmpstr (ab, ==, ba);
  g_assert_cmpuint (summary->conflicts, ==, other_way.conflicts);
  return merged;
}

static CrbClaim *
find_claim (CrbProject *project, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  CrbClaim *claim = crb_project_find_claim (project, uuid, &error);

  g_assert_no_error (error);
  return claim;
}

static gboolean
claim_is_live (CrbProject *project, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = crb_project_find_claim (project, uuid, &error);

  return claim != NULL;
}

static void
test_disjoint_additions (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autofree char *alpha = crb_test_add_document (pair->a, "Alpha", "Alpha text about the flood.");
  g_autofree char *beta = crb_test_add_document (pair->b, "Beta", "Beta text about the rescue.");
  g_autoptr (CrbClaim) a_claim =
      crb_project_add_claim_by_quote (pair->a, alpha, "flood", 1, "claim", "Alice's", &error);
  g_autoptr (CrbClaim) b_claim =
      crb_project_add_claim_by_quote (pair->b, beta, "rescue", 1, "highlight", "Bob's", &error);
  g_autoptr (CrbTag) tag = crb_project_add_tag (pair->b, "casualties", "#ff0000", NULL, &error);
  g_autoptr (CrbProject) merged = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) tags = NULL;
  g_autoptr (CrbClaim) found = NULL;
  CrbMergeSummary summary;

  g_assert_no_error (error);
  crb_assert_ok (crb_project_tag_claim (pair->b, crb_record_get_uuid (CRB_RECORD (b_claim)),
                                        crb_record_get_uuid (CRB_RECORD (tag)), &error));

  merged = merge_both_ways (pair, &summary);
  g_assert_cmpuint (summary.added[CRB_MERGE_DOCUMENTS], ==, 1);
  g_assert_cmpuint (summary.added[CRB_MERGE_CLAIMS], ==, 1);
  g_assert_cmpuint (summary.added[CRB_MERGE_TAGS], ==, 1);
  g_assert_cmpuint (summary.added[CRB_MERGE_CLAIM_TAGS], ==, 1);
  g_assert_cmpuint (summary.conflicts, ==, 0);

  documents = crb_project_list_documents (merged, &error);
  g_assert_cmpuint (documents->len, ==, 3);
  found = find_claim (merged, crb_record_get_uuid (CRB_RECORD (b_claim)));
  g_assert_cmpstr (crb_claim_get_note (found), ==, "Bob's");
  g_assert_cmpstr (crb_record_get_author (CRB_RECORD (found)), ==, "Bob");
  g_assert_true (claim_is_live (merged, crb_record_get_uuid (CRB_RECORD (a_claim))));
  tags = crb_project_list_claim_tags (merged, crb_record_get_uuid (CRB_RECORD (b_claim)), &error);
  g_assert_cmpuint (tags->len, ==, 1);
}

static void
test_different_fields (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autoptr (CrbProject) merged = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) bobs = NULL;
  CrbMergeSummary summary;
  gboolean        alice = FALSE, bob = FALSE;

  crb_assert_ok (
      crb_project_set_field (pair->a, "claim", pair->claim, "note", "Alice's note", &error));
  crb_assert_ok (crb_project_set_field (pair->b, "claim", pair->claim, "credibility", "2", &error));
  crb_assert_ok (crb_project_set_field (pair->b, "claim", pair->claim, "kind", "question", &error));

  merged = merge_both_ways (pair, &summary);
  g_assert_cmpuint (summary.conflicts, ==, 0);
  claim = find_claim (merged, pair->claim);
  g_assert_cmpstr (crb_claim_get_note (claim), ==, "Alice's note");
  g_assert_cmpuint (crb_claim_get_credibility (claim), ==, 2);
  g_assert_cmpstr (crb_claim_get_kind (claim), ==, "question");

  /* Who changed what. */
  changes = crb_project_list_changes (merged, "claim", pair->claim, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((CrbChangeEntry *) g_ptr_array_index (changes, 0))->author, ==, "Carol");
  for (guint i = 1; i < changes->len; i++)
    {
      CrbChangeEntry *entry = g_ptr_array_index (changes, i);

      alice |= g_str_equal (entry->field, "note") && g_str_equal (entry->author, "Alice");
      bob |= g_str_equal (entry->field, "credibility") && g_str_equal (entry->author, "Bob");
    }
  g_assert_true (alice);
  g_assert_true (bob);
  bobs = crb_project_list_claims_by_author (merged, NULL, "Carol", &error);
  g_assert_cmpuint (bobs->len, ==, 2);
}

static void
test_same_note (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autoptr (CrbProject) merged = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbClaim) chosen = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) open = NULL;
  CrbMergeConflict *conflict;
  CrbMergeSummary   summary;

  crb_assert_ok (
      crb_project_set_field (pair->a, "claim", pair->claim, "note", "Alice: 04:10", &error));
  crb_assert_ok (
      crb_project_set_field (pair->b, "claim", pair->claim, "note", "Bob: 04:15", &error));

  merged = merge_both_ways (pair, &summary);
  g_assert_cmpuint (summary.conflicts, ==, 1);
  conflicts = crb_project_list_merge_conflicts (merged, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->table, ==, "claim");
  g_assert_cmpstr (conflict->field, ==, "note");
  g_assert_cmpstr (conflict->row_uuid, ==, pair->claim);

  /* Bob's edit came later: it is held; Alice's waits in the list. */
  claim = find_claim (merged, pair->claim);
  g_assert_cmpstr (crb_claim_get_note (claim), ==, "Bob: 04:15");
  g_assert_nonnull (strstr (conflict->other_value, "Alice: 04:10"));
  g_assert_cmpstr (conflict->other_by, ==, "Alice");

  crb_assert_ok (crb_project_resolve_merge_conflict (merged, conflict->uuid, TRUE, &error));
  chosen = find_claim (merged, pair->claim);
  g_assert_cmpstr (crb_claim_get_note (chosen), ==, "Alice: 04:10");
  open = crb_project_list_merge_conflicts (merged, FALSE, &error);
  g_assert_cmpuint (open->len, ==, 0);
  crb_assert_ok (crb_project_check (merged, &error));

  /* The pick travels: Bob merging the resolved file takes Alice's note
   * and the entry is resolved for him too. */
  {
    g_autofree char *resolved_path = g_strdup (crb_project_get_path (merged));
    g_autoptr (GPtrArray) left = NULL;
    g_autoptr (CrbClaim) at_bob = NULL;
    CrbMergeSummary again;

    crb_assert_ok (crb_project_merge (pair->b, resolved_path, &again, &error));
    at_bob = find_claim (pair->b, pair->claim);
    g_assert_cmpstr (crb_claim_get_note (at_bob), ==, "Alice: 04:10");
    left = crb_project_list_merge_conflicts (pair->b, FALSE, &error);
    g_assert_cmpuint (left->len, ==, 0);
  }
}

static void
test_delete_versus_edit (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autoptr (CrbProject) merged = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  CrbMergeSummary summary;

  crb_assert_ok (crb_project_delete_record (pair->a, "claim", pair->claim, &error));
  crb_assert_ok (
      crb_project_set_field (pair->b, "claim", pair->claim, "note", "Bob edits it", &error));

  merged = merge_both_ways (pair, &summary);
  g_assert_false (claim_is_live (merged, pair->claim));
  g_assert_cmpuint (summary.lost_edits, ==, 1);
  g_assert_true (claim_is_live (merged, pair->secret));
  claims = crb_project_list_claims (merged, NULL, &error);
  g_assert_cmpuint (claims->len, ==, 1);
}

static void
test_same_document (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  const char      *text = "Both analysts found this article about the Ilmet flood on their own.";
  g_autofree char *in_a = crb_test_add_document (pair->a, "Article", text);
  g_autofree char *in_b = crb_test_add_document (pair->b, "Article", text);
  g_autoptr (CrbClaim) a_claim =
      crb_project_add_claim_by_quote (pair->a, in_a, "Ilmet flood", 1, "claim", NULL, &error);
  g_autoptr (CrbClaim) b_claim =
      crb_project_add_claim_by_quote (pair->b, in_b, "analysts", 1, "claim", NULL, &error);
  g_autoptr (CrbProject) merged = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (CrbClaim) a_found = NULL, b_found = NULL;
  CrbMergeSummary summary;
  const char     *kept = strcmp (in_a, in_b) < 0 ? in_a : in_b;

  g_assert_no_error (error);
  g_assert_cmpstr (in_a, !=, in_b);
  merged = merge_both_ways (pair, &summary);
  g_assert_cmpuint (summary.same_documents, ==, 1);
  documents = crb_project_list_documents (merged, &error);
  g_assert_cmpuint (documents->len, ==, 2);
  a_found = find_claim (merged, crb_record_get_uuid (CRB_RECORD (a_claim)));
  b_found = find_claim (merged, crb_record_get_uuid (CRB_RECORD (b_claim)));
  g_assert_cmpstr (crb_claim_get_document_uuid (a_found), ==, kept);
  g_assert_cmpstr (crb_claim_get_document_uuid (b_found), ==, kept);
  g_assert_cmpstr (crb_claim_get_revision_uuid (a_found), ==,
                   crb_claim_get_revision_uuid (b_found));
  g_assert_cmpstr (crb_claim_get_anchor_status (b_found), ==, "anchored");
}

static void
test_newer_revision (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autofree char *same = NULL;
  g_autoptr (CrbClaim) bobs = crb_project_add_claim_by_quote (
      pair->b, pair->document, "eleven people were missing", 1, "claim", "Bob's claim", &error);
  g_autoptr (CrbProject) merged = NULL;
  g_autoptr (CrbDocument) document = NULL;
  g_autoptr (CrbClaim) found = NULL;
  g_autoptr (CrbClaim) first = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  CrbMergeSummary summary;

  g_assert_no_error (error);
  /* Alice re-imports the updated page: a new revision. */
  same = crb_test_add_document (pair->a, "Report",
                                "Updated 12:00.\n\n" REPORT_TEXT "\n\nThe inquiry starts Monday.");
  g_assert_cmpstr (same, ==, pair->document);

  merged = merge_both_ways (pair, &summary);
  document = crb_project_find_document (merged, pair->document, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crb_document_get_revision (document), ==, 2);
  documents = crb_project_list_documents (merged, &error);
  g_assert_cmpuint (documents->len, ==, 1);

  /* Bob's claim was made on the old text: carried over, shown as moved. */
  found = find_claim (merged, crb_record_get_uuid (CRB_RECORD (bobs)));
  g_assert_cmpstr (crb_claim_get_revision_uuid (found), ==,
                   crb_document_get_revision_uuid (document));
  g_assert_cmpstr (crb_claim_get_anchor_status (found), ==, "moved");
  g_assert_cmpstr (crb_claim_get_exact (found), ==, "eleven people were missing");
  g_assert_cmpstr (crb_claim_get_note (found), ==, "Bob's claim");
  first = find_claim (merged, pair->claim);
  g_assert_cmpstr (crb_claim_get_revision_uuid (first), ==,
                   crb_document_get_revision_uuid (document));
}

static void
test_entity_merged_and_aliased (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *base_path = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autoptr (CrbEntity) kyiv = NULL;
  g_autoptr (CrbEntity) kiev = NULL;
  g_autoptr (CrbProject) merged = NULL;
  g_autoptr (GPtrArray) aliases = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GPtrArray) entities = NULL;
  CrbMergeSummary summary;
  gboolean        has_cyrillic = FALSE, has_old_name = FALSE;

  /* Both copies get the two entities (same UUIDs) through a merge. */
  kyiv = crb_project_add_entity (pair->a, "place", "Kyiv", NULL, NULL, &error);
  kiev =
      crb_project_add_entity (pair->a, "place", "Kiev", "spelling in older reports", NULL, &error);
  g_assert_no_error (error);
  crb_assert_ok (crb_project_merge (pair->b, pair->path_a, NULL, &error));

  /* Alice folds Kiev into Kyiv; Bob gives Kiev an alias and a claim. */
  crb_assert_ok (crb_project_merge_entities (pair->a, crb_record_get_uuid (CRB_RECORD (kiev)),
                                             crb_record_get_uuid (CRB_RECORD (kyiv)), &error));
  {
    g_autoptr (CrbAlias) alias = crb_project_add_alias (
        pair->b, crb_record_get_uuid (CRB_RECORD (kiev)), "Київ", "uk", &error);
    g_autoptr (CrbClaimEntity) link = crb_project_link_claim_entity (
        pair->b, pair->claim, crb_record_get_uuid (CRB_RECORD (kiev)), "location", &error);

    g_assert_no_error (error);
  }

  merged = merge_both_ways (pair, &summary);
  entities = crb_project_list_entities (merged, &error);
  g_assert_cmpuint (entities->len, ==, 1);
  aliases = crb_project_list_aliases (merged, crb_record_get_uuid (CRB_RECORD (kyiv)), &error);
  for (guint i = 0; i < aliases->len; i++)
    {
      const char *name = crb_alias_get_name (g_ptr_array_index (aliases, i));

      has_cyrillic |= g_str_equal (name, "Київ");
      has_old_name |= g_str_equal (name, "Kiev");
    }
  g_assert_true (has_cyrillic);
  g_assert_true (has_old_name);
  links = crb_project_list_entity_claims (merged, crb_record_get_uuid (CRB_RECORD (kyiv)), &error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (crb_claim_entity_get_claim_uuid (g_ptr_array_index (links, 0)), ==, pair->claim);
  (void) base_path;
}

static gboolean
file_contains (const char *path, const char *needle)
{
  g_autofree char *contents = NULL;
  gsize            length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return memmem (contents, length, needle, strlen (needle)) != NULL;
}

static void
test_deleted_note_not_resurrected (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autoptr (CrbClaim) fresh = crb_project_add_claim_by_quote (
      pair->b, pair->document, "governor", 1, "claim", "Lead from Kestrel-9", &error);
  g_autofree char *merged_path = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *dump = NULL;
  g_autoptr (CrbProject) merged = NULL;
  CrbMergeSummary summary;

  g_assert_no_error (error);
  /* Bob deletes the shared secret and a note of his own; his working
   * file still holds their bytes. */
  crb_assert_ok (crb_project_delete_record (pair->b, "claim", pair->secret, &error));
  crb_assert_ok (crb_project_delete_record (pair->b, "claim",
                                            crb_record_get_uuid (CRB_RECORD (fresh)), &error));
  g_clear_object (&pair->b);
  g_assert_true (file_contains (pair->path_b, "Kestrel-9"));

  merged = merge_into_copy (pair->path_a, pair->path_b, &summary, &dump);
  g_assert_false (claim_is_live (merged, pair->secret));
  g_assert_false (claim_is_live (merged, crb_record_get_uuid (CRB_RECORD (fresh))));
  merged_path = g_strdup (crb_project_get_path (merged));
  g_clear_object (&merged);
  g_assert_false (file_contains (merged_path, "Kestrel-9"));

  /* Alice's own copy of the secret note is a tombstone now: Save a Copy
   * of the merged project leaves it out. */
  merged = crb_project_open (merged_path, &error);
  g_assert_no_error (error);
  copy_path = g_build_filename (pair->dir, "shared.corroborate", NULL);
  crb_assert_ok (crb_project_save_copy (merged, copy_path, CRB_COPY_DEFAULT, &error));
  g_assert_false (file_contains (copy_path, "Nightingale-7"));
  g_assert_false (file_contains (copy_path, "Kestrel-9"));
}

static void
test_undo_merge (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  g_autofree char *beta = crb_test_add_document (pair->b, "Beta", "Beta text about the rescue.");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *label = NULL;
  CrbMergeSummary  summary;

  crb_assert_ok (crb_project_set_field (pair->a, "claim", pair->claim, "note", "Alice", &error));
  crb_assert_ok (crb_project_set_field (pair->b, "claim", pair->claim, "note", "Bob", &error));
  g_clear_object (&pair->b);
  before = content (pair->a);
  crb_assert_ok (crb_project_merge (pair->a, pair->path_b, &summary, &error));
  g_assert_cmpuint (summary.conflicts, ==, 1);
  after = content (pair->a);
  g_assert_cmpstr (before, !=, after);

  /* One action: one undo step takes it all back, review list included. */
  crb_assert_ok (crb_project_undo (pair->a, &label, &error));
  g_assert_true (g_str_has_prefix (label, "Merge"));
  undone = content (pair->a);
  g_assert_cmpstr (undone, ==, before);
  crb_assert_ok (crb_project_check (pair->a, &error));
  crb_assert_ok (crb_project_redo (pair->a, NULL, &error));
  redone = content (pair->a);
  g_assert_cmpstr (redone, ==, after);
  crb_assert_ok (crb_project_check (pair->a, &error));
}

static void
test_refuses_bad_files (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_new_project (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *before = content (project);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (text, "not a project", -1, NULL));
  g_assert_false (crb_project_merge (project, text, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_FOREIGN);
  g_clear_error (&error);
  g_assert_false (crb_project_merge (project, path, NULL, &error));
  g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* A colleague's file with a trigger added is refused, unread. */
  {
    g_autoptr (CrbProject) other = NULL;
    g_autofree char *other_path = g_build_filename (dir, "tampered.corroborate", NULL);

    crb_assert_ok (crb_project_save_copy (project, other_path, CRB_COPY_DEFAULT, &error));
    crb_test_exec_raw (other_path, "CREATE TRIGGER t AFTER INSERT ON tag BEGIN SELECT 1; END;");
    g_assert_false (crb_project_merge (project, other_path, NULL, &error));
    g_assert_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_TAMPERED);
  }
  after = content (project);
  g_assert_cmpstr (before, ==, after);
}

static void
test_version_1_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fixture =
      g_test_build_filename (G_TEST_DIST, "fixtures", "project-v1.corroborate", NULL);
  g_autofree char *copy = copy_file (fixture, "v1.corroborate");
  g_autoptr (CrbProject) project = crb_test_new_project (NULL);
  g_autoptr (GPtrArray) documents = NULL;
  CrbMergeSummary summary;

  /* A colleague on an older Corroborate: no change log, still merges. */
  crb_assert_ok (crb_project_merge (project, copy, &summary, &error));
  crb_assert_ok (crb_project_check (project, &error));
  documents = crb_project_list_documents (project, &error);
  g_assert_cmpuint (documents->len, >=, 3);
  g_assert_cmpuint (summary.added[CRB_MERGE_DOCUMENTS], ==, documents->len);
}

static void
merged_async (GObject *source, GAsyncResult *result, gpointer data)
{
  CrbMergeSummary *summary = data;
  g_autoptr (GError) error = NULL;

  crb_assert_ok (crb_project_merge_finish (CRB_PROJECT (source), result, summary, &error));
  summary->same_documents = 1000;
}

static void
test_async (void)
{
  g_autoptr (Pair) pair = pair_new ();
  g_autofree char *beta = crb_test_add_document (pair->b, "Beta", "Beta text about the rescue.");
  CrbMergeSummary  summary = { { 0 } };

  g_clear_object (&pair->b);
  crb_project_merge_async (pair->a, pair->path_b, NULL, merged_async, &summary);
  for (guint i = 0; i < 100000 && summary.same_documents != 1000; i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (summary.same_documents, ==, 1000);
  g_assert_cmpuint (summary.added[CRB_MERGE_DOCUMENTS], ==, 1);
}

/* The project-v2 fixture: made by this code (CRB_MAKE_FIXTURE_V2=PATH),
 * kept in tests/fixtures so that later formats prove they migrate it. */
static void
make_fixture_v2 (const char *target)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pair) pair = pair_new ();
  const char      *text = "Плотина в Ильмете прорвалась во вторник в 04:10, сообщили власти.";
  g_autofree char *in_a = crb_test_add_document (pair->a, "Ильмет", text);
  g_autofree char *in_b = crb_test_add_document (pair->b, "Ильмет", text);
  g_autoptr (CrbClaim) question = crb_project_add_claim_by_quote (
      pair->b, in_b, "в 04:10", 1, "question", "Которое время?", &error);

  g_assert_no_error (error);
  crb_assert_ok (
      crb_project_set_field (pair->a, "claim", pair->claim, "note", "Alice: 04:10", &error));
  crb_assert_ok (
      crb_project_set_field (pair->b, "claim", pair->claim, "note", "Bob: 04:15", &error));
  crb_assert_ok (crb_project_set_field (pair->b, "claim", pair->claim, "credibility", "2", &error));
  crb_assert_ok (
      crb_project_set_field (pair->a, "document", pair->document, "reliability", "B", &error));
  crb_assert_ok (crb_project_delete_record (pair->b, "claim", pair->secret, &error));
  g_clear_object (&pair->b);
  crb_assert_ok (crb_project_merge (pair->a, pair->path_b, NULL, &error));
  crb_assert_ok (crb_project_save_copy (pair->a, target, CRB_COPY_DEFAULT, &error));
}

static void
test_fixture_v2 (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fixture =
      g_test_build_filename (G_TEST_DIST, "fixtures", "project-v2.corroborate", NULL);
  g_autofree char *copy = copy_file (fixture, "v2.corroborate");
  g_autoptr (CrbProject) project = crb_project_open (copy, &error);
  g_autoptr (CrbProject) fresh = crb_test_new_project (NULL);
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  CrbMergeSummary summary;

  g_assert_no_error (error);
  crb_assert_ok (crb_project_check (project, &error));
  documents = crb_project_list_documents (project, &error);
  g_assert_cmpuint (documents->len, ==, 2);
  conflicts = crb_project_list_merge_conflicts (project, FALSE, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  claims = crb_project_list_claims (project, NULL, &error);
  g_assert_cmpuint (claims->len, ==, 2);
  changes = crb_project_list_changes (project, "claim",
                                      crb_record_get_uuid (g_ptr_array_index (claims, 1)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, >=, 1);

  crb_assert_ok (crb_project_merge (fresh, copy, &summary, &error));
  g_clear_object (&project);
  crb_assert_ok (crb_project_check (fresh, &error));
  g_assert_cmpuint (summary.added[CRB_MERGE_DOCUMENTS], ==, 2);
  g_assert_cmpuint (summary.conflicts, ==, 1);
}

int
main (int argc, char *argv[])
{
  if (g_getenv ("CRB_MAKE_FIXTURE_V2"))
    {
      make_fixture_v2 (g_getenv ("CRB_MAKE_FIXTURE_V2"));
      return 0;
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crb/merge/disjoint-additions", test_disjoint_additions);
  g_test_add_func ("/crb/merge/different-fields", test_different_fields);
  g_test_add_func ("/crb/merge/same-note", test_same_note);
  g_test_add_func ("/crb/merge/delete-versus-edit", test_delete_versus_edit);
  g_test_add_func ("/crb/merge/same-document", test_same_document);
  g_test_add_func ("/crb/merge/newer-revision", test_newer_revision);
  g_test_add_func ("/crb/merge/entity-merged-and-aliased", test_entity_merged_and_aliased);
  g_test_add_func ("/crb/merge/deleted-note-not-resurrected", test_deleted_note_not_resurrected);
  g_test_add_func ("/crb/merge/undo", test_undo_merge);
  g_test_add_func ("/crb/merge/refuses-bad-files", test_refuses_bad_files);
  g_test_add_func ("/crb/merge/version-1-file", test_version_1_file);
  g_test_add_func ("/crb/merge/async", test_async);
  g_test_add_func ("/crb/merge/fixture-v2", test_fixture_v2);

  return g_test_run ();
}
