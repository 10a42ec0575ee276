/* crb-sample.c
 *
 * The sample is built through the same importer and model calls as the
 * analyst's own work, into a temporary file that is renamed into place
 * only when complete: a half-built sample is never opened.  The claims
 * follow data/SAMPLES.md (the answer key), so the first view shows what
 * the application is for: figures that disagree across sources.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-sample"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crb-claim-entity.h"
#include "crb-claim.h"
#include "crb-edit.h"
#include "crb-entity.h"
#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-facet.h"
#include "crb-import.h"
#include "crb-mention-detect.h"
#include "crb-sample.h"
#include "crb-tag.h"

static const char * const documents[] = {
  "01-meridian-wire.txt",
  "02-national-courier.txt",
  "03-ilmet-valley-gazette.txt",
  "04-vesti-priilmetya-ru.txt",
  "04-vesti-priilmetya-machine-translation.txt",
  "05-watershed-monitor-analysis.md",
  "06-korvash24-saved-page.html",
};

/* From data/SAMPLES.md, in the order of documents[]. */
static const struct
{
  const char *publisher;
  const char *published;
} provenance[] = {
  { "Meridian Press Agency", "2026-04-18T11:52:00+03:00" },
  { "The National Courier", "2026-04-18T14:20:00+03:00" },
  { "Ilmet Valley Gazette", "2026-04-18T17:45:00+03:00" },
  { "Вести Приильметья", "2026-04-18T13:10:00+03:00" },
  { "Vesti Priilmetya", "2026-04-18T13:10:00+03:00" },
  { "Watershed Monitor", "2026-04-20" },
  { "Korvash 24", "2026-04-18T19:05:00+03:00" },
};
G_STATIC_ASSERT (G_N_ELEMENTS (provenance) == G_N_ELEMENTS (documents));

static const struct
{
  const char *name;
  const char *color;
} tags[] = {
  { N_("Casualties"), "#e01b24" },
  { N_("Timeline"), "#3584e4" },
  { N_("Attribution"), "#9141ac" },
  { N_("Infrastructure"), "#986a44" },
};

enum
{
  NO_TAG = -1,
  CASUALTIES,
  TIMELINE,
  ATTRIBUTION,
  INFRASTRUCTURE,
};

/* The questions the accounts answer: the accounts grid's columns. */
static const char * const facets[] = {
  N_("dead"),
  N_("missing"),
  N_("evacuated"),
  N_("time of the breach"),
};

enum
{
  NOT_ON_EVENT = -1,
  DEAD,
  MISSING,
  EVACUATED,
  BREACH_TIME,
};

/* Besides the director and the company, named in the claims below. */
static const struct
{
  const char *kind;
  const char *name;
  const char *description;
} more_entities[] = {
  { "person", "Yevgeny Kholodov", N_("Head of the regional emergencies directorate") },
  { "person", "Grigory Lantsov", N_("Chief engineer of Ilmet Hydro") },
  { "place", "Brezhki", N_("Village 9 km below the dam, the worst hit") },
};

typedef struct
{
  guint       document;    /* index in documents[] */
  const char *quote;
  const char *kind;
  int         tag;
  guint       credibility; /* 0: ungraded */
  int         facet;       /* the question it answers, or NOT_ON_EVENT */
  gboolean    director;    /* names the dam company's director */
  const char *note;
} SampleClaim;

static const SampleClaim claims[] = {
  { 0, "At least 14 people were killed and 31 injured", "claim", CASUALTIES, 2, DEAD, FALSE,
    N_("The official toll at 11:52. The Gazette counts about 20 dead from the hospital; "
       "Korvash 24 reports 16 by the evening.") },
  { 0, "at about 04:40 local time", "claim", TIMELINE, 3, BREACH_TIME, FALSE,
    N_("The directorate's time of the breach. An eyewitness in the Gazette says 03:52, "
       "Vesti Priilmetya about 4:30.") },
  { 0, "about 2,300 residents had been evacuated", "claim", NO_TAG, 2, EVACUATED, FALSE,
    N_("Matches Vesti (2300). The Courier's copy of this wire says 3,200.") },
  { 0, "Its director, Pyotr Sokol, declined to comment", "claim", ATTRIBUTION, 0, NOT_ON_EVENT, TRUE,
    N_("The Courier calls him Pavel Sokolov; the machine translation of Vesti, Peter Falcon.") },
  { 0, "recorded seepage at the foot of the spillway section", "highlight", INFRASTRUCTURE, 0,
    NOT_ON_EVENT, FALSE, N_("Known leak since 2019: check whether the repairs were done.") },
  { 1, "about 3,200 residents had been evacuated", "question", NO_TAG, 5, EVACUATED, FALSE,
    N_("Word for word the Meridian wire, but 2,300 became 3,200. No independent source gives "
       "3,200.") },
  { 1, "The village of Nizhny Tal, 9 kilometres downstream, was the worst hit.", "question",
    NO_TAG, 5, NOT_ON_EVENT, FALSE,
    N_("The wire says Brezhki. The Gazette reports that Nizhny Tal was barely touched.") },
  { 1, "Its director, Pavel Sokolov", "claim", ATTRIBUTION, 0, NOT_ON_EVENT, TRUE,
    N_("Another name for the director than in every other source.") },
  { 2, "About 20 people died when the Upper Ilmet dam burst during the night", "claim",
    CASUALTIES, 3, DEAD, FALSE,
    N_("Hospital staff and volunteers, 19 bodies at the mortuary: independent of the "
       "directorate, and higher than its toll.") },
  { 2, "It was 03:52.", "claim", TIMELINE, 3, BREACH_TIME, FALSE,
    N_("An eyewitness at the station; 48 minutes before the official time.") },
  { 4, "Peter Falcon", "highlight", ATTRIBUTION, 0, NOT_ON_EVENT, TRUE,
    N_("Machine translation of Пётр Сокол: сокол means falcon.") },
  { 4, "about 4:30 on local time", "claim", TIMELINE, 3, BREACH_TIME, FALSE, NULL },
  { 5, "we no longer use the 3,200 figure", "claim", ATTRIBUTION, 0, NOT_ON_EVENT, FALSE,
    N_("The monitor found the Courier's copy and corrected itself.") },
  { 6, "has risen to 16", "claim", CASUALTIES, 2, DEAD, FALSE,
    N_("Evening update from the governor: 16 dead, seven missing.") },
  { 0, "Six people were still missing", "claim", CASUALTIES, 2, MISSING, FALSE, NULL },
  { 1, "At least 14 people were killed and 31 injured", "claim", CASUALTIES, 0, DEAD, FALSE,
    NULL },
  { 1, "Six people were still missing", "claim", CASUALTIES, 0, MISSING, FALSE, NULL },
  { 1, "at about 04:40 local time", "claim", TIMELINE, 0, BREACH_TIME, FALSE, NULL },
  { 2, "More than 2,000 people have spent the day", "claim", NO_TAG, 3, EVACUATED, FALSE, NULL },
  { 4, "perished not less than 14 persons", "claim", CASUALTIES, 3, DEAD, FALSE, NULL },
  { 4, "still nine are listed as missing", "claim", CASUALTIES, 3, MISSING, FALSE,
    N_("Nine missing: more than the wire's six. Check the Russian original.") },
  { 6, "Seven people are still missing", "claim", CASUALTIES, 2, MISSING, FALSE, NULL },
  { 6, "2,450 people are now in temporary accommodation", "claim", NO_TAG, 2, EVACUATED, FALSE,
    NULL },
};

char *
crb_sample_dup_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "corroborate", _("Sample Project.corroborate"),
                           NULL);
}

char *
crb_sample_dup_documents_dir (void)
{
  g_autofree char *installed = g_build_filename (PKGDATADIR, "samples", NULL);

  if (g_file_test (installed, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&installed);
  return g_build_filename (SOURCE_DATADIR, "samples", NULL);
}

static gboolean
annotate (CrbProject *project, GPtrArray *outcomes, GError **error)
{
  g_autoptr (GPtrArray) tag_objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (CrbEvent) event = NULL;
  g_autoptr (CrbEntity) director = NULL;
  g_autoptr (CrbEntity) company = NULL;
  g_autoptr (GPtrArray) facet_uuids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    {
      CrbTag *tag = crb_project_add_tag (project, _(tags[i].name), tags[i].color, NULL, error);

      if (tag == NULL)
        return FALSE;
      g_ptr_array_add (tag_objects, tag);
    }
  if (!(event = crb_project_add_event (project, _("Upper Ilmet dam collapse"), "2026-04-18", NULL,
                                       _("Korvash Region"),
                                       _("The spillway section of the Upper Ilmet Reservoir dam "
                                         "fails in the night; Brezhki is flooded."),
                                       error))
      || !(director = crb_project_add_entity (project, "person", "Pyotr Sokol",
                                              _("Director of Ilmet Hydro"), NULL, error))
      || !(company = crb_project_add_entity (project, "organisation", "Ilmet Hydro",
                                             _("State company operating the dam"), NULL, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (facets); i++)
    {
      g_autoptr (CrbFacet) facet = crb_project_add_facet (
          project, crb_record_get_uuid (CRB_RECORD (event)), _(facets[i]), error);

      if (facet == NULL)
        return FALSE;
      g_ptr_array_add (facet_uuids, g_strdup (crb_record_get_uuid (CRB_RECORD (facet))));
    }
  for (guint i = 0; i < G_N_ELEMENTS (more_entities); i++)
    {
      g_autoptr (CrbEntity) entity = crb_project_add_entity (
          project, more_entities[i].kind, more_entities[i].name,
          _(more_entities[i].description), NULL, error);

      if (entity == NULL)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      const SampleClaim *spec = &claims[i];
      CrbImportOutcome *outcome = g_ptr_array_index (outcomes, spec->document);
      g_autoptr (GError) local_error = NULL;
      g_autoptr (CrbClaim) claim = NULL;
      g_autoptr (CrbClaimEntity) link = NULL;
      g_autoptr (CrbEventClaim) account = NULL;
      const char *uuid;

      if (outcome->document_uuid == NULL)
        continue;
      claim = crb_project_add_claim_by_quote (project, outcome->document_uuid, spec->quote, 1,
                                              spec->kind, spec->note ? _(spec->note) : "",
                                              &local_error);
      /* Extraction may word a page differently than expected: a claim
       * that cannot be placed is left out, the sample still opens. */
      if (claim == NULL)
        {
          g_debug ("Sample claim “%s” left out: %s", spec->quote, local_error->message);
          continue;
        }
      uuid = crb_record_get_uuid (CRB_RECORD (claim));
      if (spec->tag != NO_TAG
          && !crb_project_tag_claim (project, uuid,
                                     crb_record_get_uuid (g_ptr_array_index (tag_objects, spec->tag)),
                                     error))
        return FALSE;
      if (spec->credibility > 0)
        {
          char grade[2] = { (char) ('0' + spec->credibility), '\0' };

          if (!crb_project_set_field (project, "claim", uuid, "credibility", grade, error))
            return FALSE;
        }
      if (spec->facet != NOT_ON_EVENT
          && !(account = crb_project_link_claim_event (project, uuid,
                                                       crb_record_get_uuid (CRB_RECORD (event)),
                                                       g_ptr_array_index (facet_uuids, spec->facet),
                                                       "supports", error)))
        return FALSE;
      if (spec->director
          && !(link = crb_project_link_claim_entity (project, uuid,
                                                     crb_record_get_uuid (CRB_RECORD (director)),
                                                     "subject", error)))
        return FALSE;
    }

  /* Publishers and publication times as each page states them (the
   * importer reads them from web pages only): they give the reuse map the
   * order in which the copies came. */
  for (guint i = 0; i < G_N_ELEMENTS (provenance); i++)
    {
      const char *uuid = ((CrbImportOutcome *) g_ptr_array_index (outcomes, i))->document_uuid;

      if (uuid == NULL)
        continue;
      crb_project_set_field (project, "document", uuid, "publisher", provenance[i].publisher, NULL);
      crb_project_set_field (project, "document", uuid, "published_at", provenance[i].published,
                             NULL);
    }

  /* Where the sources name the entities: suggestions for the analyst to
   * confirm or reject on each entity's page. */
  if (!crb_project_detect_mentions (project, NULL, NULL, NULL, error))
    return FALSE;

  /* Grades as an analyst might give them after reading. */
  if (((CrbImportOutcome *) g_ptr_array_index (outcomes, 0))->document_uuid)
    crb_project_set_field (project, "document",
                           ((CrbImportOutcome *) g_ptr_array_index (outcomes, 0))->document_uuid,
                           "reliability", "B", NULL);
  if (((CrbImportOutcome *) g_ptr_array_index (outcomes, 1))->document_uuid)
    crb_project_set_field (project, "document",
                           ((CrbImportOutcome *) g_ptr_array_index (outcomes, 1))->document_uuid,
                           "reliability", "D", NULL);
  if (((CrbImportOutcome *) g_ptr_array_index (outcomes, 2))->document_uuid)
    crb_project_set_field (project, "document",
                           ((CrbImportOutcome *) g_ptr_array_index (outcomes, 2))->document_uuid,
                           "reliability", "C", NULL);
  return TRUE;
}

static void
build_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const char *path = data;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autofree char *samples = crb_sample_dup_documents_dir ();
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) outcomes = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbImporter) importer = NULL;
  GError *error = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("The folder “%s” could not be created: %s"), folder,
                               g_strerror (saved));
      return;
    }
  g_unlink (partial);
  if (!(project = crb_project_create (partial, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  crb_project_set_author (project, _("Sample analyst"));

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    g_ptr_array_add (sources, g_build_filename (samples, documents[i], NULL));
  g_ptr_array_add (sources, NULL);
  importer = crb_importer_new (project);
  outcomes = crb_importer_import (importer, (const char * const *) sources->pdata, cancellable,
                                  &error);
  if (outcomes == NULL || !annotate (project, outcomes, &error))
    {
      crb_project_close (project);
      g_unlink (partial);
      g_task_return_error (task, error);
      return;
    }
  crb_project_close (project);
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("The sample project could not be saved as “%s”: %s"), path,
                               g_strerror (saved));
      return;
    }
  g_task_return_pointer (task, g_strdup (path), g_free);
}

void
crb_sample_build_async (const char *path, GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_sample_build_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, build_in_thread);
}

char *
crb_sample_build_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
