/* crb-validate.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-validate"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "crb-project.h"
#include "crb-validate.h"

static const char *entity_kinds[] = { "person", "organisation", "place", "event", "other", NULL };
static const char *roles[] = { "subject", "object", "mentioned", "location", "speaker", NULL };
static const char *review_statuses[] = { "suggested", "confirmed", "rejected", NULL };
static const char *stances[] = { "supports", "disputes", "partial", "context", NULL };
static const char *relation_kinds[] = { "copies", "translates", "summarises", "cites", "updates",
                                        NULL };
static const char *claim_kinds[] = { "claim", "highlight", "question", NULL };

typedef enum
{
  RULE_CHOICE,
  RULE_COLOR,
  RULE_EXTERNAL_ID,
  RULE_DATE,
  RULE_RELIABILITY,
  RULE_CREDIBILITY,
  RULE_JSON_ARRAY,
} Rule;

typedef struct
{
  const char         *table;
  const char         *field;
  Rule                rule;
  const char * const *choices;
  const char         *noun; /* for messages */
} FieldRule;

static const FieldRule rules[] = {
  { "document", "reliability", RULE_RELIABILITY, NULL, NULL },
  { "document", "published_at", RULE_DATE, NULL, NULL },
  { "claim", "credibility", RULE_CREDIBILITY, NULL, NULL },
  { "claim", "kind", RULE_CHOICE, claim_kinds, "kind of annotation" },
  { "tag", "color", RULE_COLOR, NULL, NULL },
  { "entity", "kind", RULE_CHOICE, entity_kinds, "kind of entity" },
  { "entity", "external_id", RULE_EXTERNAL_ID, NULL, NULL },
  { "claim_entity", "role", RULE_CHOICE, roles, "role" },
  { "mention", "status", RULE_CHOICE, review_statuses, "review status" },
  { "event", "date_start", RULE_DATE, NULL, NULL },
  { "event", "date_end", RULE_DATE, NULL, NULL },
  { "event_claim", "stance", RULE_CHOICE, stances, "stance" },
  { "relation", "kind", RULE_CHOICE, relation_kinds, "kind of relation" },
  { "relation", "status", RULE_CHOICE, review_statuses, "review status" },
  { "relation", "evidence", RULE_JSON_ARRAY, NULL, NULL },
};

static const FieldRule *
find_rule (const char *table, const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_strcmp0 (rules[i].table, table) == 0 && g_strcmp0 (rules[i].field, field) == 0)
      return &rules[i];
  return NULL;
}

const char * const *
crb_validate_choices (const char *table, const char *field)
{
  const FieldRule *rule = find_rule (table, field);

  return rule && rule->rule == RULE_CHOICE ? rule->choices : NULL;
}

static gboolean
check_choice (const FieldRule *rule, const char *value, GError **error)
{
  guint n = g_strv_length ((char **) rule->choices);
  g_autoptr (GString) text = g_string_new (NULL);

  if (value != NULL && g_strv_contains (rule->choices, value))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, i + 1 == n ? " or " : ", ");
      g_string_append (text, rule->choices[i]);
    }
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
               "“%s” is not a %s; use %s.", value ? value : "", rule->noun, text->str);
  return FALSE;
}

static gboolean
is_color (const char *value)
{
  if (strlen (value) != 7 || value[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (value[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_wikidata_id (const char *value)
{
  if (value[0] != 'Q' || value[1] < '1' || value[1] > '9')
    return FALSE;
  for (const char *p = value + 2; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return strlen (value) <= 12;
}

static gboolean
is_web_address (const char *value)
{
  g_autoptr (GUri) uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  const char *scheme, *host;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && host != NULL && *host != '\0';
}

static gboolean
is_date (const char *value)
{
  static GRegex *pattern;
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *year = NULL, *month = NULL, *day = NULL;
  int m, d;

  if (g_once_init_enter (&pattern))
    g_once_init_leave (&pattern,
                       g_regex_new ("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2})"
                                    "(?:T([01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?"
                                    "(?:Z|[+-]\\d{2}:\\d{2})?)?)?)?$",
                                    G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (pattern, value, 0, &match))
    return FALSE;
  year = g_match_info_fetch (match, 1);
  month = g_match_info_fetch (match, 2);
  day = g_match_info_fetch (match, 3);
  if (month == NULL || *month == '\0')
    return TRUE;
  m = atoi (month);
  if (m < 1 || m > 12)
    return FALSE;
  if (day == NULL || *day == '\0')
    return TRUE;
  d = atoi (day);
  return d >= 1 && d <= 31 && g_date_valid_dmy (d, m, atoi (year));
}

static gboolean
is_json_array (const char *value)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, value, -1, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_ARRAY (root);
}

static gboolean
check_credibility (const char *value, GError **error)
{
  guint64 grade;

  if (value == NULL || *value == '\0'
      || g_ascii_string_to_unsigned (value, 10, 1, 6, &grade, NULL))
    return TRUE;
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
               "“%s” is not an information credibility grade; use a number from 1 (confirmed by "
               "other sources) to 6 (truth cannot be judged).",
               value);
  return FALSE;
}

gboolean
crb_validate_field (const char *table, const char *field, const char *value, GError **error)
{
  const FieldRule *rule = find_rule (table, field);
  gboolean empty = value == NULL || *value == '\0';

  if (rule == NULL)
    return TRUE;

  switch (rule->rule)
    {
    case RULE_CHOICE:
      return check_choice (rule, value, error);
    case RULE_COLOR:
      if (empty || is_color (value))
        return TRUE;
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not a colour; use the form #rrggbb, for example #3584e4.", value);
      return FALSE;
    case RULE_EXTERNAL_ID:
      if (empty || is_wikidata_id (value) || is_web_address (value))
        return TRUE;
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not an external identifier; use a Wikidata identifier (Q followed "
                   "by digits, for example Q42) or a web address starting with http:// or "
                   "https://.",
                   value);
      return FALSE;
    case RULE_DATE:
      if (empty || is_date (value))
        return TRUE;
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not a date; use YYYY, YYYY-MM or YYYY-MM-DD, optionally followed "
                   "by a time such as T14:30.",
                   value);
      return FALSE;
    case RULE_RELIABILITY:
      if (empty || (value[1] == '\0' && value[0] >= 'A' && value[0] <= 'F'))
        return TRUE;
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "“%s” is not a source reliability grade; use a capital letter from A "
                   "(completely reliable) to F (reliability cannot be judged).",
                   value);
      return FALSE;
    case RULE_CREDIBILITY:
      return check_credibility (value, error);
    case RULE_JSON_ARRAY:
      if (!empty && is_json_array (value))
        return TRUE;
      g_set_error_literal (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                           "The evidence must be a JSON array (for example of aligned "
                           "passages).");
      return FALSE;
    default:
      g_assert_not_reached ();
    }
}

gboolean
crb_validate_date_range (const char *start, const char *end, GError **error)
{
  gsize common;

  if (!crb_validate_field ("event", "date_start", start, error)
      || !crb_validate_field ("event", "date_end", end, error))
    return FALSE;
  if (start == NULL || end == NULL || *start == '\0' || *end == '\0')
    return TRUE;
  /* ISO dates order as text; "2024-05" ends no earlier than "2024-05-03". */
  common = MIN (strlen (start), strlen (end));
  if (strncmp (end, start, common) >= 0)
    return TRUE;
  g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
               "The end date %s is before the start date %s.", end, start);
  return FALSE;
}
