/* crb-reuse-map.c: the corpus reuse map of an open project
 *
 * What is stored, and what is not.  The winnowing index, the passages and
 * the inferred directions are computed data: they can be rebuilt from the
 * texts in about a second for 10,000 documents (reference/performance.md
 * §3), so they live in memory only and never in the shared project file
 * (DESIGN.md §5).  Suggested relations are NOT stored as `relation` rows
 * with status "suggested": they would churn with every re-analysis (a
 * changed threshold, a re-imported revision), fill colleagues' merges with
 * rows nobody decided on, and an analysis running in the background would
 * have to make undo steps the analyst never asked for.  Suggestions are
 * therefore computed on the fly; a row is written only when the analyst
 * confirms or rejects a link (crb-reuse-map-review.c), with the passages as
 * evidence.  A rejected row keeps the pair rejected however often the
 * analysis finds it again; a confirmed row fixes the direction and kind.
 *
 * Threads.  One job at a time runs in a worker thread: the first analyses
 * the whole corpus (the index tokenises and compares on two threads), later
 * ones check each new revision against the index (a query, then an add) and
 * drop deleted ones.  Texts are read through the project's connection from
 * the worker (the project lock serialises that with actions).  Results are
 * applied in the main context, where the links are rebuilt, items-changed
 * and ::changed emitted.  Changes that arrive during a job are picked up by
 * the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reuse"

#include <string.h>

#include "crb-project-private.h"
#include "crb-relation.h"
#include "crb-reuse-index.h"
#include "crb-reuse-map-private.h"
#include "crb-reuse-map.h"

/* Above this many new documents at once (and half the corpus), one
 * all-pairs analysis is cheaper than a query per document. */
#define INCREMENTAL_LIMIT 20

struct _CrbReuseMap
{
  GObject parent_instance;

  CrbProject    *project;
  gulong         changed_handler;
  CrbReuseIndex *index;     /* touched by one job at a time */
  gboolean       analysed;  /* the whole corpus went through the index once */
  GHashTable    *documents; /* revision id → CrbReuseDocument: what the index holds */
  GHashTable    *relations; /* "low:high" revision ids → CrbReuseRelation */
  GPtrArray     *links;     /* CrbReuseLink: the model */
  gint           cancel;    /* atomic: stops a running analysis */
  gboolean       busy;
  gboolean       dirty; /* the project changed while a job ran */
};

static void crb_reuse_map_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrbReuseMap, crb_reuse_map, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      crb_reuse_map_list_model_init))

enum
{
  PROP_0,
  PROP_PROJECT,
  PROP_BUSY,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

void
_crb_reuse_document_free (CrbReuseDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->uuid);
  g_free (document->title);
  g_free (document->published_at);
  g_free (document);
}

static CrbReuseDocument *
document_copy (const CrbReuseDocument *document)
{
  CrbReuseDocument *copy = g_new0 (CrbReuseDocument, 1);

  copy->revision_id = document->revision_id;
  copy->uuid = g_strdup (document->uuid);
  copy->title = g_strdup (document->title);
  copy->published_at = g_strdup (document->published_at);
  return copy;
}

static char *
pair_key (gint64 a, gint64 b)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));
}

/* Worker threads: the text of one revision. */
static GBytes *
revision_text (gint64 revision_id, gpointer user_data)
{
  CrbProject   *project = user_data;
  sqlite3_stmt *stmt;
  char         *text = NULL;

  _crb_project_lock (project);
  if (!crb_project_is_closed (project) &&
      (stmt = _crb_project_prepare (
           project, "SELECT text FROM revision WHERE id = ?1 AND deleted = 0", NULL)))
    {
      sqlite3_bind_int64 (stmt, 1, revision_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        text = crb_column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }
  _crb_project_unlock (project);
  return text ? g_bytes_new_take (text, strlen (text)) : NULL;
}

/* The live documents with their current revisions, as the map needs them. */
static GPtrArray *
current_documents (CrbProject *project, GError **error)
{
  g_autoptr (GPtrArray) documents =
      g_ptr_array_new_with_free_func ((GDestroyNotify) _crb_reuse_document_free);
  sqlite3_stmt *stmt;
  int           rc = SQLITE_DONE;

  _crb_project_lock (project);
  stmt = _crb_project_prepare (project,
                               "SELECT r.id, d.uuid, d.title, d.published_at FROM document d "
                               "JOIN revision r ON r.document_uuid = d.uuid AND r.current = 1 "
                               "AND r.deleted = 0 WHERE d.deleted = 0 ORDER BY r.id",
                               error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          CrbReuseDocument *document = g_new0 (CrbReuseDocument, 1);

          document->revision_id = sqlite3_column_int64 (stmt, 0);
          document->uuid = crb_column_dup (stmt, 1);
          document->title = crb_column_dup (stmt, 2);
          document->published_at = crb_column_dup (stmt, 3);
          g_ptr_array_add (documents, document);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        _crb_project_set_sqlite_error (project, error, rc, "reading the documents");
    }
  _crb_project_unlock (project);
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&documents);
}

/* One round of analysis: what to do, and what it found. */
typedef struct
{
  GPtrArray   *current;   /* CrbReuseDocument: the corpus now */
  GArray      *removed;   /* gint64 revision ids to forget */
  GArray      *added;     /* gint64 revision ids to check and add */
  gboolean     full;      /* analyse all pairs instead of querying */
  GPtrArray   *relations; /* CrbReuseRelation found */
  CrbReuseMap *map;       /* background jobs: released in the main context */
} Job;

static void
job_free (Job *job)
{
  g_clear_pointer (&job->current, g_ptr_array_unref);
  g_clear_pointer (&job->removed, g_array_unref);
  g_clear_pointer (&job->added, g_array_unref);
  g_clear_pointer (&job->relations, g_ptr_array_unref);
  g_clear_object (&job->map);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* Main context: compares the corpus with what the index holds. */
static Job *
job_new (CrbReuseMap *self, GError **error)
{
  g_autoptr (Job) job = g_new0 (Job, 1);
  g_autoptr (GHashTable) now = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer       key;

  if (!(job->current = current_documents (self->project, error)))
    return NULL;
  job->removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->added = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < job->current->len; i++)
    {
      CrbReuseDocument *document = g_ptr_array_index (job->current, i);

      g_hash_table_add (now, &document->revision_id);
      if (!g_hash_table_contains (self->documents, &document->revision_id))
        g_array_append_val (job->added, document->revision_id);
    }
  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (now, key))
      g_array_append_val (job->removed, *(gint64 *) key);
  job->full = !self->analysed ||
              (job->added->len > INCREMENTAL_LIMIT && job->added->len * 2 > job->current->len);
  return g_steal_pointer (&job);
}

/* Any thread: runs a job on the index.  FALSE when cancelled. */
static gboolean
job_run (CrbReuseMap *self, Job *job)
{
  for (guint i = 0; i < job->removed->len; i++)
    crb_reuse_index_remove (self->index, g_array_index (job->removed, gint64, i));

  if (job->full)
    {
      crb_reuse_index_add_many (self->index, (const gint64 *) job->added->data, job->added->len);
      job->relations = crb_reuse_index_analyse (self->index, &self->cancel);
      return job->relations != NULL;
    }

  job->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_reuse_relation_free);
  for (guint i = 0; i < job->added->len; i++)
    {
      gint64 id = g_array_index (job->added, gint64, i);
      g_autoptr (GBytes) text = NULL;
      g_autoptr (GPtrArray) found = NULL;
      gsize       length;
      const char *data;

      if (g_atomic_int_get (&self->cancel))
        return FALSE;
      if (!(text = revision_text (id, self->project)))
        continue;
      data = g_bytes_get_data (text, &length);
      found = crb_reuse_index_query (self->index, id, data, length);
      crb_reuse_index_add (self->index, id, data, length);
      for (guint j = 0; j < found->len; j++)
        g_ptr_array_add (job->relations, g_steal_pointer (&found->pdata[j]));
    }
  return TRUE;
}

/* Derived documents first, quotations last. */
static int
kind_rank (const char *kind)
{
  static const char *const kinds[] = { "copies", "translates", "summarises", "updates", "cites" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return i;
  return G_N_ELEMENTS (kinds);
}

static int
compare_links (gconstpointer x, gconstpointer y)
{
  CrbReuseLink *a = *(CrbReuseLink *const *) x;
  CrbReuseLink *b = *(CrbReuseLink *const *) y;
  gboolean      a_rejected = g_str_equal (crb_reuse_link_get_status (a), "rejected");
  gboolean      b_rejected = g_str_equal (crb_reuse_link_get_status (b), "rejected");
  int           order;

  if (a_rejected != b_rejected)
    return a_rejected ? 1 : -1;
  if ((order = kind_rank (crb_reuse_link_get_kind (a)) - kind_rank (crb_reuse_link_get_kind (b))))
    return order;
  if (crb_reuse_link_get_to_coverage (a) != crb_reuse_link_get_to_coverage (b))
    return crb_reuse_link_get_to_coverage (a) > crb_reuse_link_get_to_coverage (b) ? -1 : 1;
  if ((order = g_utf8_collate (crb_reuse_link_get_from_title (a),
                               crb_reuse_link_get_from_title (b))) != 0)
    return order;
  return g_strcmp0 (crb_reuse_link_get_to_uuid (a), crb_reuse_link_get_to_uuid (b));
}

/* Main context: computed relations plus the analysts' decisions. */
static void
rebuild_links (CrbReuseMap *self)
{
  g_autoptr (GHashTable) by_pair =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  GHashTableIter iter;
  gpointer       value;
  guint          n_old = self->links->len;

  g_hash_table_iter_init (&iter, self->documents);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_insert (by_uuid, ((CrbReuseDocument *) value)->uuid, value);

  g_hash_table_iter_init (&iter, self->relations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const CrbReuseRelation *relation = value;
      const CrbReuseDocument *a = g_hash_table_lookup (self->documents, &relation->document_a);
      const CrbReuseDocument *b = g_hash_table_lookup (self->documents, &relation->document_b);

      if (a != NULL && b != NULL)
        g_hash_table_insert (by_pair, _crb_reuse_pair_key (a->uuid, b->uuid),
                             _crb_reuse_link_new_computed (relation, a, b));
    }

  if (!(stored = crb_project_list_relations (self->project, NULL, &error)))
    g_warning ("The recorded relations could not be read: %s", error->message);
  else
    _crb_reuse_links_apply_rows (by_pair, stored, by_uuid);

  g_ptr_array_set_size (self->links, 0);
  g_hash_table_iter_init (&iter, by_pair);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->links, g_object_ref (value));
  g_ptr_array_sort (self->links, compare_links);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->links->len);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Main context: takes in what a job found. */
static void
job_apply (CrbReuseMap *self, Job *job)
{
  if (job->full)
    g_hash_table_remove_all (self->relations);
  else
    {
      g_autoptr (GHashTable) gone = g_hash_table_new (g_int64_hash, g_int64_equal);
      GHashTableIter iter;
      gpointer       value;

      for (guint i = 0; i < job->removed->len; i++)
        g_hash_table_add (gone, &g_array_index (job->removed, gint64, i));
      g_hash_table_iter_init (&iter, self->relations);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          const CrbReuseRelation *relation = value;

          if (g_hash_table_contains (gone, &relation->document_a) ||
              g_hash_table_contains (gone, &relation->document_b))
            g_hash_table_iter_remove (&iter);
        }
    }
  for (guint i = 0; i < job->relations->len; i++)
    {
      CrbReuseRelation *relation = g_ptr_array_index (job->relations, i);

      g_hash_table_replace (self->relations, pair_key (relation->document_a, relation->document_b),
                            g_steal_pointer (&job->relations->pdata[i]));
    }

  g_hash_table_remove_all (self->documents);
  for (guint i = 0; i < job->current->len; i++)
    {
      CrbReuseDocument *document = document_copy (g_ptr_array_index (job->current, i));

      g_hash_table_insert (self->documents, &document->revision_id, document);
    }
  self->analysed = TRUE;
  rebuild_links (self);
}

static void schedule (CrbReuseMap *self);

static void
set_busy (CrbReuseMap *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;

  if (job_run (job->map, job))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The reuse analysis was cancelled.");
}

static void
job_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  /* The worker may drop the task after this runs: the map's last
   * reference must not go with it, into that thread. */
  g_autoptr (CrbReuseMap) self = g_steal_pointer (&job->map);
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  /* Stopped (the window closed the project) while the job ran: what it
   * found belongs to nobody. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) || g_atomic_int_get (&self->cancel) ||
      crb_project_is_closed (self->project))
    {
      /* The index may hold part of the job: start over next time. */
      self->analysed = FALSE;
      g_hash_table_remove_all (self->documents);
      return;
    }
  job_apply (self, job);
  if (self->dirty)
    schedule (self);
}

static void
schedule (CrbReuseMap *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  Job *job;

  if (self->busy)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  if (crb_project_is_closed (self->project))
    return;
  if (!(job = job_new (self, &error)))
    {
      g_warning ("The reuse map cannot read the documents: %s", error->message);
      return;
    }
  set_busy (self, TRUE);
  job->map = g_object_ref (self);
  task = g_task_new (NULL, NULL, job_done, NULL);
  g_task_set_source_tag (task, schedule);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static void
project_changed (CrbProject *project, guint changes, CrbReuseMap *self)
{
  if (changes & (CRB_CHANGE_DOCUMENTS | CRB_CHANGE_RELATIONS))
    schedule (self);
}

void
crb_reuse_map_start (CrbReuseMap *self)
{
  g_return_if_fail (CRB_IS_REUSE_MAP (self));

  if (self->changed_handler == 0)
    self->changed_handler =
        g_signal_connect (self->project, "changed", G_CALLBACK (project_changed), self);
  g_atomic_int_set (&self->cancel, 0);
  schedule (self);
}

void
crb_reuse_map_stop (CrbReuseMap *self)
{
  g_return_if_fail (CRB_IS_REUSE_MAP (self));

  g_clear_signal_handler (&self->changed_handler, self->project);
  g_atomic_int_set (&self->cancel, 1);
  self->dirty = FALSE;
}

static void
cancel_analysis (GCancellable *cancellable, CrbReuseMap *self)
{
  g_atomic_int_set (&self->cancel, 1);
}

gboolean
crb_reuse_map_update (CrbReuseMap *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (Job) job = NULL;
  gulong handler = 0;

  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), FALSE);

  if (self->busy)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PENDING,
                           "The reuse analysis is already running; wait for it to finish.");
      return FALSE;
    }
  if (!(job = job_new (self, error)))
    return FALSE;
  g_atomic_int_set (&self->cancel, 0);
  if (cancellable)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_analysis), self, NULL);
  if (!job_run (self, job) || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_cancellable_disconnect (cancellable, handler);
      self->analysed = FALSE;
      g_hash_table_remove_all (self->documents);
      if (error && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The reuse analysis was cancelled.");
      return FALSE;
    }
  g_cancellable_disconnect (cancellable, handler);
  job_apply (self, job);
  return TRUE;
}

gboolean
crb_reuse_map_get_busy (CrbReuseMap *self)
{
  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), FALSE);
  return self->busy;
}

CrbProject *
crb_reuse_map_get_project (CrbReuseMap *self)
{
  g_return_val_if_fail (CRB_IS_REUSE_MAP (self), NULL);
  return self->project;
}

GPtrArray *
_crb_reuse_map_get_links (CrbReuseMap *self)
{
  return self->links;
}

void
_crb_reuse_map_rebuild (CrbReuseMap *self)
{
  rebuild_links (self);
}

static GType
crb_reuse_map_get_item_type (GListModel *model)
{
  return CRB_TYPE_REUSE_LINK;
}

static guint
crb_reuse_map_get_n_items (GListModel *model)
{
  return CRB_REUSE_MAP (model)->links->len;
}

static gpointer
crb_reuse_map_get_item (GListModel *model, guint position)
{
  CrbReuseMap *self = CRB_REUSE_MAP (model);

  if (position >= self->links->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->links, position));
}

static void
crb_reuse_map_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = crb_reuse_map_get_item_type;
  iface->get_n_items = crb_reuse_map_get_n_items;
  iface->get_item = crb_reuse_map_get_item;
}

static void
crb_reuse_map_constructed (GObject *object)
{
  CrbReuseMap *self = CRB_REUSE_MAP (object);

  G_OBJECT_CLASS (crb_reuse_map_parent_class)->constructed (object);
  /* The index borrows the project: the map keeps it alive. */
  self->index = crb_reuse_index_new (NULL, revision_text, self->project, NULL);
}

static void
crb_reuse_map_dispose (GObject *object)
{
  CrbReuseMap *self = CRB_REUSE_MAP (object);

  if (self->project)
    crb_reuse_map_stop (self);
  G_OBJECT_CLASS (crb_reuse_map_parent_class)->dispose (object);
}

static void
crb_reuse_map_finalize (GObject *object)
{
  CrbReuseMap *self = CRB_REUSE_MAP (object);

  g_clear_pointer (&self->index, crb_reuse_index_free);
  g_clear_pointer (&self->documents, g_hash_table_unref);
  g_clear_pointer (&self->relations, g_hash_table_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (crb_reuse_map_parent_class)->finalize (object);
}

static void
crb_reuse_map_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbReuseMap *self = CRB_REUSE_MAP (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_reuse_map_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  CrbReuseMap *self = CRB_REUSE_MAP (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_reuse_map_class_init (CrbReuseMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = crb_reuse_map_constructed;
  object_class->dispose = crb_reuse_map_dispose;
  object_class->finalize = crb_reuse_map_finalize;
  object_class->get_property = crb_reuse_map_get_property;
  object_class->set_property = crb_reuse_map_set_property;

  properties[PROP_PROJECT] =
      g_param_spec_object ("project", NULL, NULL, CRB_TYPE_PROJECT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrbReuseMap::changed:
   *
   * The links changed (an analysis finished, a decision was recorded).
   * Emitted in the main context the map was created in.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
crb_reuse_map_init (CrbReuseMap *self)
{
  self->documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                           (GDestroyNotify) _crb_reuse_document_free);
  self->relations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) crb_reuse_relation_free);
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
}

CrbReuseMap *
crb_reuse_map_new (CrbProject *project)
{
  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  return g_object_new (CRB_TYPE_REUSE_MAP, "project", project, NULL);
}
