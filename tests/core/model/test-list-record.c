/* test-list-record.c: CrbRecordList follows the project with small
 * items-changed and keeps unchanged records' objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-claim.h"
#include "crb-document.h"
#include "crb-edit.h"
#include "crb-entity.h"
#include "crb-event.h"
#include "crb-record-list.h"
#include "crb-tag.h"
#include "model-fixture.h"

typedef struct
{
  guint position, removed, added;
} Change;

/* Follows a model only through its items-changed, as a view does, and
 * remembers the signals. */
typedef struct
{
  GListModel *model;
  GPtrArray  *mirror;
  GArray     *changes;
  gulong      handler;
} Watcher;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Watcher *watcher)
{
  Change change = { position, removed, added };

  g_assert_cmpuint (position + removed, <=, watcher->mirror->len);
  g_ptr_array_remove_range (watcher->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watcher->mirror, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (watcher->mirror->len, ==, g_list_model_get_n_items (model));
  g_array_append_val (watcher->changes, change);
}

static Watcher *
watch (GListModel *model)
{
  Watcher *watcher = g_new0 (Watcher, 1);

  watcher->model = g_object_ref (model);
  watcher->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (watcher->mirror, g_list_model_get_item (model, i));
  watcher->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  watcher->handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed),
                                       watcher);
  return watcher;
}

static void
watcher_free (Watcher *watcher)
{
  g_clear_signal_handler (&watcher->handler, watcher->model);
  g_object_unref (watcher->model);
  g_ptr_array_unref (watcher->mirror);
  g_array_unref (watcher->changes);
  g_free (watcher);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Watcher, watcher_free)

/* The mirror holds exactly the model's objects; returns the changes seen
 * since the last call. */
static GArray *
take_changes (Watcher *watcher)
{
  GArray *changes = watcher->changes;

  g_assert_cmpuint (watcher->mirror->len, ==, g_list_model_get_n_items (watcher->model));
  for (guint i = 0; i < watcher->mirror->len; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (watcher->model, i);

      g_assert_true (item == watcher->mirror->pdata[i]);
    }
  watcher->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  return changes;
}

static void
assert_one_change (Watcher *watcher, guint position, guint removed, guint added)
{
  g_autoptr (GArray) changes = take_changes (watcher);
  Change *change;

  g_assert_cmpuint (changes->len, ==, 1);
  change = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
assert_no_change (Watcher *watcher)
{
  g_autoptr (GArray) changes = take_changes (watcher);

  g_assert_cmpuint (changes->len, ==, 0);
}

static GPtrArray *
snapshot (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static const char *
title_at (GListModel *model, guint position)
{
  g_autoptr (CrbDocument) document = g_list_model_get_item (model, position);

  /* Borrowed from an object the list keeps alive. */
  return crb_document_get_title (document);
}

static void
test_new_and_destroy (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Gazette", "Text.");
  CrbRecordList *list = crb_document_list_new (fixture->project);
  CrbTag *tag;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == CRB_TYPE_DOCUMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1));
  g_assert_true (crb_record_list_get_project (list) == fixture->project);
  g_assert_finalize_object (list);

  /* The project no longer calls into the list. */
  g_assert_true (crb_project_set_field (fixture->project, "document", document, "title",
                                        "Renamed", &error));
  g_assert_no_error (error);
  tag = crb_project_add_tag (fixture->project, "Figures", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (tag);
}

static void
test_documents (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *b = crb_test_add_document (fixture->project, "B", "Text of B.");
  g_autofree char *d = crb_test_add_document (fixture->project, "D", "Text of D.");
  g_autofree char *f = crb_test_add_document (fixture->project, "F", "Text of F.");
  g_autofree char *c = NULL;
  g_autoptr (CrbRecordList) list = crb_document_list_new (fixture->project);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr (Watcher) watcher = watch (model);
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbTag) tag = NULL;
  g_autoptr (GArray) moves = NULL;
  guint removed = 0, added = 0;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Insert: one signal, the neighbours keep their objects. */
  before = snapshot (model);
  c = crb_test_add_document (fixture->project, "C", "Text of C.");
  assert_one_change (watcher, 1, 0, 1);
  g_assert_cmpstr (title_at (model, 1), ==, "C");
  after = snapshot (model);
  g_assert_true (after->pdata[0] == before->pdata[0]);
  g_assert_true (after->pdata[2] == before->pdata[1]);
  g_assert_true (after->pdata[3] == before->pdata[2]);
  g_clear_pointer (&before, g_ptr_array_unref);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Edit in place: that row only is replaced. */
  before = snapshot (model);
  g_assert_true (crb_project_set_field (fixture->project, "document", d, "title", "E", &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 2, 1, 1);
  after = snapshot (model);
  g_assert_cmpstr (title_at (model, 2), ==, "E");
  g_assert_true (after->pdata[2] != before->pdata[2]);
  for (guint i = 0; i < 4; i++)
    if (i != 2)
      g_assert_true (after->pdata[i] == before->pdata[i]);
  g_clear_pointer (&before, g_ptr_array_unref);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* An edit that moves the row: out at the top, in at the bottom. */
  before = snapshot (model);
  g_assert_true (crb_project_set_field (fixture->project, "document", b, "title", "Z", &error));
  g_assert_no_error (error);
  moves = take_changes (watcher);
  for (guint i = 0; i < moves->len; i++)
    {
      removed += g_array_index (moves, Change, i).removed;
      added += g_array_index (moves, Change, i).added;
    }
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpstr (title_at (model, 0), ==, "C");
  g_assert_cmpstr (title_at (model, 3), ==, "Z");
  after = snapshot (model);
  g_assert_true (after->pdata[0] == before->pdata[1]);
  g_assert_true (after->pdata[1] == before->pdata[2]);
  g_assert_true (after->pdata[2] == before->pdata[3]);
  g_clear_pointer (&before, g_ptr_array_unref);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* Delete, undo, redo. */
  g_assert_true (crb_project_delete_record (fixture->project, "document", c, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 0, 1, 0);
  g_assert_true (crb_project_undo (fixture->project, NULL, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 0, 0, 1);
  g_assert_cmpstr (title_at (model, 0), ==, "C");
  g_assert_true (crb_project_redo (fixture->project, NULL, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 0, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* A claim changes its document's claim count: that row is replaced. */
  claim = crb_project_add_claim (fixture->project, f, 0, 4, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_one_change (watcher, 1, 1, 1);
  {
    g_autoptr (CrbDocument) counted = g_list_model_get_item (model, 1);

    g_assert_cmpuint (crb_document_get_claim_count (counted), ==, 1);
  }

  /* What a document list does not show changes nothing. */
  tag = crb_project_add_tag (fixture->project, "Figures", NULL, NULL, &error);
  g_assert_no_error (error);
  assert_no_change (watcher);
}

static void
test_claims (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *document = crb_test_add_document (fixture->project, "Gazette",
                                                     "One two three four five six.");
  g_autofree char *other = crb_test_add_document (fixture->project, "Other", "Elsewhere.");
  g_autoptr (CrbClaim) two = crb_project_add_claim (fixture->project, document, 4, 7, NULL, NULL,
                                                    &error);
  g_autoptr (CrbClaim) five = crb_project_add_claim (fixture->project, document, 19, 23, NULL,
                                                     NULL, &error);
  g_autoptr (CrbRecordList) list = crb_claim_list_new (fixture->project, document);
  g_autoptr (Watcher) watcher = watch (G_LIST_MODEL (list));
  g_autoptr (CrbClaim) three = NULL;
  g_autoptr (CrbClaim) elsewhere = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  three = crb_project_add_claim (fixture->project, document, 8, 13, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_one_change (watcher, 1, 0, 1);
  elsewhere = crb_project_add_claim (fixture->project, other, 0, 9, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_no_change (watcher);

  before = snapshot (G_LIST_MODEL (list));
  g_assert_true (crb_project_set_field (fixture->project, "claim",
                                        crb_record_get_uuid (CRB_RECORD (five)), "note",
                                        "Check the count", &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 2, 1, 1);
  after = snapshot (G_LIST_MODEL (list));
  g_assert_true (after->pdata[0] == before->pdata[0]);
  g_assert_true (after->pdata[1] == before->pdata[1]);

  g_assert_true (crb_project_undo (fixture->project, NULL, &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 2, 1, 1);
  g_assert_true (crb_project_delete_record (fixture->project, "claim",
                                            crb_record_get_uuid (CRB_RECORD (two)), &error));
  g_assert_no_error (error);
  assert_one_change (watcher, 0, 1, 0);
}

static void
test_tags_entities_events (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbRecordList) tags = crb_tag_list_new (fixture->project);
  g_autoptr (CrbRecordList) entities = crb_entity_list_new (fixture->project);
  g_autoptr (CrbRecordList) events = crb_event_list_new (fixture->project);
  g_autoptr (Watcher) tag_watcher = watch (G_LIST_MODEL (tags));
  g_autoptr (Watcher) entity_watcher = watch (G_LIST_MODEL (entities));
  g_autoptr (Watcher) event_watcher = watch (G_LIST_MODEL (events));
  g_autoptr (CrbTag) deaths = NULL, figures = NULL, official = NULL;
  g_autoptr (CrbEntity) mayor = NULL;
  g_autoptr (CrbEvent) collapse = NULL;

  deaths = crb_project_add_tag (fixture->project, "Deaths", NULL, NULL, &error);
  figures = crb_project_add_tag (fixture->project, "Figures", NULL, NULL, &error);
  g_assert_no_error (error);
  g_array_unref (take_changes (tag_watcher));
  /* A child goes under its parent, not at the end. */
  official = crb_project_add_tag (fixture->project, "Official", NULL, "Deaths", &error);
  g_assert_no_error (error);
  assert_one_change (tag_watcher, 1, 0, 1);
  assert_no_change (entity_watcher);
  assert_no_change (event_watcher);

  mayor = crb_project_add_entity (fixture->project, "person", "Olena Petrenko", NULL, NULL,
                                  &error);
  g_assert_no_error (error);
  assert_one_change (entity_watcher, 0, 0, 1);
  g_assert_true (crb_project_set_field (fixture->project, "entity",
                                        crb_record_get_uuid (CRB_RECORD (mayor)), "description",
                                        "Mayor", &error));
  assert_one_change (entity_watcher, 0, 1, 1);
  assert_no_change (tag_watcher);

  collapse = crb_project_add_event (fixture->project, "Dam collapse", "2024-05-03", NULL, NULL,
                                    NULL, &error);
  g_assert_no_error (error);
  assert_one_change (event_watcher, 0, 0, 1);
  g_assert_true (crb_project_undo (fixture->project, NULL, &error));
  g_assert_no_error (error);
  assert_one_change (event_watcher, 0, 1, 0);
  assert_no_change (entity_watcher);
  assert_no_change (tag_watcher);
}

/* The diff itself, against reorderings a real list never makes in one
 * step: the loader serves a shuffled subset of the tags each time. */
typedef struct
{
  GPtrArray *all;
  GPtrArray *serve;
} Shuffle;

static gpointer
ref_item (gconstpointer item, gpointer data)
{
  return g_object_ref ((gpointer) item);
}

static GPtrArray *
load_shuffled (CrbProject *project, gpointer data, GError **error)
{
  Shuffle *shuffle = data;
  GPtrArray *served = g_ptr_array_copy (shuffle->serve, ref_item, NULL);

  g_ptr_array_set_free_func (served, g_object_unref);
  return served;
}

static void
test_diff (ModelFixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  Shuffle shuffle = { all, g_ptr_array_new () };
  g_autoptr (GRand) rand = g_rand_new_with_seed (20240503);
  g_autoptr (CrbRecordList) list = NULL;
  g_autoptr (Watcher) watcher = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tag %02u", i);

      g_ptr_array_add (all, crb_project_add_tag (fixture->project, name, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  list = crb_record_list_new (fixture->project, CRB_TYPE_TAG, 0, load_shuffled, &shuffle, NULL);
  watcher = watch (G_LIST_MODEL (list));

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr (GArray) changes = NULL;
      guint n_before = g_list_model_get_n_items (G_LIST_MODEL (list));
      guint removed = 0, added = 0;

      g_ptr_array_set_size (shuffle.serve, 0);
      for (guint i = 0; i < all->len; i++)
        if (g_rand_int_range (rand, 0, 4) != 0)
          g_ptr_array_add (shuffle.serve, all->pdata[i]);
      for (guint i = shuffle.serve->len; i > 1; i--)
        {
          guint k = g_rand_int_range (rand, 0, i);
          gpointer swap = shuffle.serve->pdata[i - 1];

          shuffle.serve->pdata[i - 1] = shuffle.serve->pdata[k];
          shuffle.serve->pdata[k] = swap;
        }

      g_assert_true (crb_record_list_reload (list, &error));
      g_assert_no_error (error);
      changes = take_changes (watcher);
      for (guint i = 0; i < changes->len; i++)
        {
          removed += g_array_index (changes, Change, i).removed;
          added += g_array_index (changes, Change, i).added;
        }
      /* Each item goes out and comes in at most once. */
      g_assert_cmpuint (removed, <=, n_before);
      g_assert_cmpuint (added, <=, shuffle.serve->len);
      g_assert_cmpuint (n_before - removed + added, ==, shuffle.serve->len);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, shuffle.serve->len);
      for (guint i = 0; i < shuffle.serve->len; i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

          /* Same objects throughout: nothing changed in the rows. */
          g_assert_true (item == shuffle.serve->pdata[i]);
        }
      /* Serving the same again reports nothing. */
      g_assert_true (crb_record_list_reload (list, &error));
      g_clear_pointer (&changes, g_array_unref);
      changes = take_changes (watcher);
      g_assert_cmpuint (changes->len, ==, 0);
    }
  g_ptr_array_unref (shuffle.serve);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, ModelFixture, NULL, model_fixture_setup, func, model_fixture_teardown)

  ADD ("/crb/list/record/new-and-destroy", test_new_and_destroy);
  ADD ("/crb/list/record/documents", test_documents);
  ADD ("/crb/list/record/claims", test_claims);
  ADD ("/crb/list/record/tags-entities-events", test_tags_entities_events);
  ADD ("/crb/list/record/diff", test_diff);
  return g_test_run ();
}
