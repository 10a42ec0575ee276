/* crb-reuse-map-link.c: two documents that share text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-reuse"

#include <json-glib/json-glib.h>
#include <string.h>

#include "crb-record.h"
#include "crb-relation.h"
#include "crb-reuse-map-private.h"

/* A later document that repeats at least this share of the earlier one
 * copies it; less is quoting. */
#define COPY_COVERAGE 0.5

struct _CrbReuseLink
{
  GObject parent_instance;

  char    *from_uuid;
  char    *to_uuid;
  char    *from_title;
  char    *to_title;
  char    *kind;
  char    *reason;
  char    *status;
  char    *relation_uuid;
  gboolean direction_known;
  double   confidence;
  double   from_coverage;
  double   to_coverage;
  GArray  *passages; /* CrbReusePassage, A = from */
};

G_DEFINE_FINAL_TYPE (CrbReuseLink, crb_reuse_link, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_FROM_UUID,
  PROP_TO_UUID,
  PROP_FROM_TITLE,
  PROP_TO_TITLE,
  PROP_KIND,
  PROP_REASON,
  PROP_STATUS,
  PROP_DIRECTION_KNOWN,
  PROP_CONFIDENCE,
  PROP_FROM_COVERAGE,
  PROP_TO_COVERAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_reuse_link_finalize (GObject *object)
{
  CrbReuseLink *self = CRB_REUSE_LINK (object);

  g_free (self->from_uuid);
  g_free (self->to_uuid);
  g_free (self->from_title);
  g_free (self->to_title);
  g_free (self->kind);
  g_free (self->reason);
  g_free (self->status);
  g_free (self->relation_uuid);
  g_clear_pointer (&self->passages, g_array_unref);
  G_OBJECT_CLASS (crb_reuse_link_parent_class)->finalize (object);
}

static void
crb_reuse_link_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbReuseLink *self = CRB_REUSE_LINK (object);

  switch (prop_id)
    {
    case PROP_FROM_UUID:
      g_value_set_string (value, self->from_uuid);
      break;
    case PROP_TO_UUID:
      g_value_set_string (value, self->to_uuid);
      break;
    case PROP_FROM_TITLE:
      g_value_set_string (value, self->from_title);
      break;
    case PROP_TO_TITLE:
      g_value_set_string (value, self->to_title);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_DIRECTION_KNOWN:
      g_value_set_boolean (value, self->direction_known);
      break;
    case PROP_CONFIDENCE:
      g_value_set_double (value, self->confidence);
      break;
    case PROP_FROM_COVERAGE:
      g_value_set_double (value, self->from_coverage);
      break;
    case PROP_TO_COVERAGE:
      g_value_set_double (value, self->to_coverage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_reuse_link_class_init (CrbReuseLinkClass *klass)
{
  static const char *strings[] = { NULL,       "from-uuid", "to-uuid", "from-title",
                                   "to-title", "kind",      "reason",  "status" };
  static const char *numbers[] = { "from-coverage", "to-coverage" };
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags  flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_reuse_link_finalize;
  object_class->get_property = crb_reuse_link_get_property;

  for (guint i = PROP_FROM_UUID; i <= PROP_STATUS; i++)
    properties[i] = g_param_spec_string (strings[i], NULL, NULL, NULL, flags);
  properties[PROP_DIRECTION_KNOWN] =
      g_param_spec_boolean ("direction-known", NULL, NULL, FALSE, flags);
  properties[PROP_CONFIDENCE] = g_param_spec_double ("confidence", NULL, NULL, 0, 1, 0, flags);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    properties[PROP_FROM_COVERAGE + i] =
        g_param_spec_double (numbers[i], NULL, NULL, 0, 1, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_reuse_link_init (CrbReuseLink *self)
{
  self->passages = g_array_new (FALSE, FALSE, sizeof (CrbReusePassage));
  self->status = g_strdup ("suggested");
}

/* Exchanges the sides of every passage. */
static void
turn_passages (GArray *passages)
{
  for (guint i = 0; i < passages->len; i++)
    {
      CrbReusePassage *passage = &g_array_index (passages, CrbReusePassage, i);
      CrbReusePassage  turned = *passage;

      turned.a_start = passage->b_start;
      turned.a_end = passage->b_end;
      turned.b_start = passage->a_start;
      turned.b_end = passage->a_end;
      turned.a_first_token = passage->b_first_token;
      turned.a_n_tokens = passage->b_n_tokens;
      turned.b_first_token = passage->a_first_token;
      turned.b_n_tokens = passage->a_n_tokens;
      *passage = turned;
    }
}

static void
swap_sides (CrbReuseLink *self)
{
  char  *uuid = self->from_uuid, *title = self->from_title;
  double coverage = self->from_coverage;

  self->from_uuid = self->to_uuid;
  self->from_title = self->to_title;
  self->from_coverage = self->to_coverage;
  self->to_uuid = uuid;
  self->to_title = title;
  self->to_coverage = coverage;
  turn_passages (self->passages);
}

CrbReuseLink *
_crb_reuse_link_new_computed (const CrbReuseRelation *relation, const CrbReuseDocument *a,
                              const CrbReuseDocument *b)
{
  CrbReuseLink *self = g_object_new (CRB_TYPE_REUSE_LINK, NULL);
  g_autoptr (CrbReuseDirectionGuess) guess = NULL;
  double repeated;

  /* Built as "B takes from A", then turned round when A is the later. */
  self->from_uuid = g_strdup (b->uuid);
  self->from_title = g_strdup (b->title);
  self->from_coverage = relation->coverage_b;
  self->to_uuid = g_strdup (a->uuid);
  self->to_title = g_strdup (a->title);
  self->to_coverage = relation->coverage_a;
  g_array_append_vals (self->passages, relation->passages->data, relation->passages->len);
  /* Side A of the link's passages is `from`. */
  turn_passages (self->passages);

  guess = _crb_reuse_infer_direction (a, b, relation->coverage_a, relation->coverage_b);
  self->direction_known = guess->direction != CRB_REUSE_DIRECTION_UNKNOWN;
  self->confidence = guess->confidence;
  self->reason = g_steal_pointer (&guess->reason);
  if (guess->direction == CRB_REUSE_DIRECTION_A_COPIES_B)
    swap_sides (self);
  repeated =
      self->direction_known ? self->to_coverage : MAX (self->to_coverage, self->from_coverage);
  self->kind = g_strdup (repeated >= COPY_COVERAGE ? "copies" : "cites");
  return self;
}

CrbReuseLink *
_crb_reuse_link_new_stored (const char *from_uuid, const char *from_title, const char *to_uuid,
                            const char *to_title, const char *kind)
{
  CrbReuseLink *self = g_object_new (CRB_TYPE_REUSE_LINK, NULL);

  self->from_uuid = g_strdup (from_uuid);
  self->from_title = g_strdup (from_title);
  self->to_uuid = g_strdup (to_uuid);
  self->to_title = g_strdup (to_title);
  self->kind = g_strdup (kind);
  self->reason = g_strdup ("recorded by an analyst; the analysis does not find shared text");
  return self;
}

void
_crb_reuse_link_apply_review (CrbReuseLink *self, const char *relation_uuid, const char *from_uuid,
                              const char *kind, const char *status)
{
  if (g_strcmp0 (from_uuid, self->from_uuid) != 0)
    swap_sides (self);
  g_free (self->relation_uuid);
  self->relation_uuid = g_strdup (relation_uuid);
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_free (self->status);
  self->status = g_strdup (status);
  if (g_strcmp0 (status, "rejected") != 0)
    {
      /* The analyst's word settles the direction. */
      self->direction_known = TRUE;
      self->confidence = 0.95;
    }
}

char *
_crb_reuse_link_dup_evidence (CrbReuseLink *self, gboolean reverse)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->passages->len; i++)
    {
      const CrbReusePassage *passage = &g_array_index (self->passages, CrbReusePassage, i);
      const guint32          from[] = { passage->a_start, passage->a_end };
      const guint32          to[] = { passage->b_start, passage->b_end };

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from_start");
      json_builder_add_int_value (builder, reverse ? to[0] : from[0]);
      json_builder_set_member_name (builder, "from_end");
      json_builder_add_int_value (builder, reverse ? to[1] : from[1]);
      json_builder_set_member_name (builder, "to_start");
      json_builder_add_int_value (builder, reverse ? from[0] : to[0]);
      json_builder_set_member_name (builder, "to_end");
      json_builder_add_int_value (builder, reverse ? from[1] : to[1]);
      json_builder_set_member_name (builder, "identity");
      json_builder_add_double_value (builder, passage->identity);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

char *
_crb_reuse_pair_key (const char *a, const char *b)
{
  return g_strcmp0 (a, b) < 0 ? g_strconcat (a, "/", b, NULL) : g_strconcat (b, "/", a, NULL);
}

void
_crb_reuse_links_apply_rows (GHashTable *by_pair, GPtrArray *rows, GHashTable *documents)
{
  /* Later rows win: they hold the latest decision on a pair. */
  for (guint i = 0; i < rows->len; i++)
    {
      CrbRelation     *row = g_ptr_array_index (rows, i);
      const char      *from = crb_relation_get_from_document_uuid (row);
      const char      *to = crb_relation_get_to_document_uuid (row);
      g_autofree char *key = _crb_reuse_pair_key (from, to);
      CrbReuseLink    *link = g_hash_table_lookup (by_pair, key);

      if (link == NULL)
        {
          if (!g_hash_table_contains (documents, from) || !g_hash_table_contains (documents, to))
            continue;
          link = _crb_reuse_link_new_stored (from, crb_relation_get_from_title (row), to,
                                             crb_relation_get_to_title (row),
                                             crb_relation_get_kind (row));
          g_hash_table_insert (by_pair, g_strdup (key), link);
        }
      _crb_reuse_link_apply_review (link, crb_record_get_uuid (CRB_RECORD (row)), from,
                                    crb_relation_get_kind (row), crb_relation_get_status (row));
    }
}

/* Publication time of a document, and whether it has a time of day. */
static GDateTime *
published (const CrbReuseDocument *document, gboolean *has_time)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *text = NULL;

  *has_time = FALSE;
  if (document->published_at == NULL || strlen (document->published_at) < 10)
    return NULL;
  if (strlen (document->published_at) == 10)
    text = g_strconcat (document->published_at, "T00:00:00", NULL);
  else
    {
      text = g_strdup (document->published_at);
      if (text[10] == ' ')
        text[10] = 'T';
      *has_time = TRUE;
    }
  return g_date_time_new_from_iso8601 (text, utc);
}

CrbReuseDirectionGuess *
_crb_reuse_infer_direction (const CrbReuseDocument *a, const CrbReuseDocument *b, double coverage_a,
                            double coverage_b)
{
  gboolean a_time, b_time;
  g_autoptr (GDateTime) date_a = published (a, &a_time);
  g_autoptr (GDateTime) date_b = published (b, &b_time);
  CrbReuseDirectionGuess *guess =
      crb_reuse_direction_infer (date_a, date_b, coverage_a, coverage_b);
  GTimeSpan               apart;
  gboolean                b_later;
  double                  repeated;
  const CrbReuseDocument *later, *earlier;

  if (guess->direction != CRB_REUSE_DIRECTION_UNKNOWN || !a_time || !b_time || !date_a || !date_b)
    {
      g_autofree char *reason = guess->reason;

      /* The engine's reasons speak of A and B; the analyst knows titles. */
      guess->reason = g_strdup_printf ("%s (A: “%s”; B: “%s”)", reason, a->title, b->title);
      return guess;
    }

  /* News moves within hours: a copy published the same afternoon as its
   * source is still later than it.  Less than an hour apart says nothing. */
  apart = g_date_time_difference (date_b, date_a);
  if (ABS (apart) < G_TIME_SPAN_HOUR)
    {
      g_autofree char *reason = guess->reason;

      guess->reason = g_strdup_printf ("%s (A: “%s”; B: “%s”)", reason, a->title, b->title);
      return guess;
    }
  b_later = apart > 0;
  later = b_later ? b : a;
  earlier = b_later ? a : b;
  repeated = b_later ? coverage_a : coverage_b;
  guess->direction = b_later ? CRB_REUSE_DIRECTION_B_COPIES_A : CRB_REUSE_DIRECTION_A_COPIES_B;
  guess->confidence = CLAMP (0.55 + 0.3 * repeated, 0.5, 0.95);
  g_free (guess->reason);
  guess->reason = g_strdup_printf ("“%s” was published %.1f hours after “%s” and repeats %.0f%% "
                                   "of it",
                                   later->title, ABS (apart) / (double) G_TIME_SPAN_HOUR,
                                   earlier->title, 100 * repeated);
  return guess;
}

#define GETTER(type, name, field, fallback)                                                        \
  type crb_reuse_link_get_##name (CrbReuseLink *self)                                              \
  {                                                                                                \
    g_return_val_if_fail (CRB_IS_REUSE_LINK (self), fallback);                                     \
    return self->field;                                                                            \
  }

GETTER (const char *, from_uuid, from_uuid, NULL)
GETTER (const char *, to_uuid, to_uuid, NULL)
GETTER (const char *, from_title, from_title, NULL)
GETTER (const char *, to_title, to_title, NULL)
GETTER (const char *, kind, kind, NULL)
GETTER (const char *, reason, reason, NULL)
GETTER (const char *, status, status, NULL)
GETTER (const char *, relation_uuid, relation_uuid, NULL)
GETTER (gboolean, direction_known, direction_known, FALSE)
GETTER (double, confidence, confidence, 0.0)
GETTER (double, from_coverage, from_coverage, 0.0)
GETTER (double, to_coverage, to_coverage, 0.0)

const CrbReusePassage *
crb_reuse_link_get_passages (CrbReuseLink *self, guint *n_passages)
{
  g_return_val_if_fail (CRB_IS_REUSE_LINK (self), NULL);

  if (n_passages)
    *n_passages = self->passages->len;
  return (const CrbReusePassage *) self->passages->data;
}
