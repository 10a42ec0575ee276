/* crb-export-jsonld.c: claims as a W3C Web Annotation collection
 *
 * Each claim is an Annotation whose target is its document (by web
 * address when it has one) with a TextQuoteSelector (exact, prefix,
 * suffix) and a TextPositionSelector (code points, as the model counts
 * them), and a TimeState saying which version of the source was annotated
 * (its retrieval time).  The note and the tags are TextualBody bodies with
 * the purposes "commenting" and "tagging".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-export"

#include <json-glib/json-glib.h>

#include "crb-export-private.h"
#include "crb-project-private.h"
#include "crb-record.h"

#define ANNO_CONTEXT "http://www.w3.org/ns/anno.jsonld"

static const char *
motivation_of (CrbClaim *claim)
{
  const char *kind = crb_claim_get_kind (claim);

  if (g_strcmp0 (kind, "highlight") == 0)
    return "highlighting";
  if (g_strcmp0 (kind, "question") == 0)
    return "questioning";
  return "commenting";
}

static void
add_string (JsonBuilder *builder, const char *name, const char *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder, const char *name, gint64 ms)
{
  g_autofree char *time = _crb_export_time (ms);

  add_string (builder, name, time);
}

static void
add_body (JsonBuilder *builder, const char *value, const char *purpose)
{
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextualBody");
  add_string (builder, "value", value);
  add_string (builder, "purpose", purpose);
  add_string (builder, "format", "text/plain");
  json_builder_end_object (builder);
}

static void
add_annotation (JsonBuilder *builder, CrbExportClaim *item)
{
  CrbClaim        *claim = item->claim;
  CrbRecord       *record = CRB_RECORD (claim);
  g_autofree char *id = g_strdup_printf ("urn:uuid:%s", crb_record_get_uuid (record));
  g_autofree char *source = _crb_export_source (item->document);
  const char      *note = crb_claim_get_private (claim) ? "" : crb_claim_get_note (claim);
  gboolean         has_note = note && *note;

  json_builder_begin_object (builder);
  add_string (builder, "@context", ANNO_CONTEXT);
  add_string (builder, "id", id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "motivation", motivation_of (claim));
  add_time (builder, "created", crb_record_get_created_at (record));
  add_time (builder, "modified", crb_record_get_modified_at (record));
  json_builder_set_member_name (builder, "creator");
  json_builder_begin_object (builder);
  add_string (builder, "type", "Person");
  add_string (builder, "name", crb_record_get_author (record));
  json_builder_end_object (builder);

  if (has_note || item->tags->len > 0)
    {
      json_builder_set_member_name (builder, "body");
      json_builder_begin_array (builder);
      if (has_note)
        add_body (builder, note,
                  g_str_equal (motivation_of (claim), "questioning") ? "questioning"
                                                                     : "commenting");
      for (guint i = 0; i < item->tags->len; i++)
        add_body (builder, g_ptr_array_index (item->tags, i), "tagging");
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "source", source);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextQuoteSelector");
  add_string (builder, "exact", crb_claim_get_exact (claim));
  add_string (builder, "prefix", crb_claim_get_prefix (claim));
  add_string (builder, "suffix", crb_claim_get_suffix (claim));
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, crb_claim_get_start (claim));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, crb_claim_get_end (claim));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  if (item->retrieved_at > 0)
    {
      json_builder_set_member_name (builder, "state");
      json_builder_begin_object (builder);
      add_string (builder, "type", "TimeState");
      add_time (builder, "sourceDate", item->retrieved_at);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

char *
_crb_export_jsonld (CrbProject *project, GError **error)
{
  g_autoptr (GPtrArray) items = _crb_export_claims (project, error);
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonGenerator) generator = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *id = NULL;

  if (items == NULL)
    return NULL;
  builder = json_builder_new ();
  id = g_strdup_printf ("urn:uuid:%s", crb_project_get_uuid (project));
  json_builder_begin_object (builder);
  add_string (builder, "@context", ANNO_CONTEXT);
  add_string (builder, "id", id);
  add_string (builder, "type", "AnnotationCollection");
  add_string (builder, "label", "Claims exported from Corroborate");
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, items->len);
  json_builder_set_member_name (builder, "first");
  json_builder_begin_object (builder);
  add_string (builder, "type", "AnnotationPage");
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_annotation (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
