/* crb-html-jsonld.c: article metadata from <script type="application/ld+json">
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * News sites describe their articles with schema.org in JSON-LD: a single
 * NewsArticle, an array, or an @graph of WebPage, Article, Person and
 * Organization nodes that refer to each other by @id.  We take the most
 * article-like object and resolve its author and publisher references.
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <json-glib/json-glib.h>
#include <string.h>

#include "crb-html-private.h"

/* json-glib's parser recurses once per nesting level. */
#define MAX_JSON_DEPTH 64
#define MAX_JSON_BYTES (4u * 1024u * 1024u)
#define MAX_OBJECTS 256

static const struct
{
  const char *type;
  int         rank;
} article_types[] = {
  { "NewsArticle", 10 },
  { "ReportageNewsArticle", 10 },
  { "AnalysisNewsArticle", 10 },
  { "OpinionNewsArticle", 10 },
  { "BackgroundNewsArticle", 10 },
  { "ReviewNewsArticle", 10 },
  { "LiveBlogPosting", 9 },
  { "BlogPosting", 9 },
  { "Article", 8 },
  { "ScholarlyArticle", 8 },
  { "TechArticle", 8 },
  { "Report", 8 },
  { "SocialMediaPosting", 6 },
  { "PressRelease", 8 },
  { "WebPage", 2 },
  { "ItemPage", 2 },
};

static gboolean
depth_is_bounded (const char *json, gsize length)
{
  gboolean in_string = FALSE;
  guint    depth = 0;
  gsize    i;

  for (i = 0; i < length; i++)
    {
      char c = json[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static const char *
member_string (JsonObject *object, const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static int
type_rank (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");
  int       best = 0;
  guint     i, j;

  if (type == NULL)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (j = 0; j < json_array_get_length (types); j++)
        {
          JsonNode *element = json_array_get_element (types, j);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            for (i = 0; i < G_N_ELEMENTS (article_types); i++)
              if (g_strcmp0 (json_node_get_string (element), article_types[i].type) == 0)
                best = MAX (best, article_types[i].rank);
        }
      return best;
    }
  for (i = 0; i < G_N_ELEMENTS (article_types); i++)
    if (g_strcmp0 (member_string (object, "@type"), article_types[i].type) == 0)
      return article_types[i].rank;
  return 0;
}

/* All objects at the top, in arrays, in @graph and under mainEntity. */
static void
collect (JsonNode *node, GPtrArray *objects, guint depth)
{
  if (node == NULL || depth > 4 || objects->len >= MAX_OBJECTS)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint      i;

      for (i = 0; i < json_array_get_length (array) && objects->len < MAX_OBJECTS; i++)
        collect (json_array_get_element (array, i), objects, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);

      g_ptr_array_add (objects, object);
      collect (json_object_get_member (object, "@graph"), objects, depth + 1);
      collect (json_object_get_member (object, "mainEntity"), objects, depth + 1);
    }
}

static JsonObject *
resolve (JsonObject *object, GPtrArray *objects)
{
  const char *id = member_string (object, "@id");
  guint       i;

  if (id == NULL || json_object_get_member (object, "name") != NULL)
    return object;
  for (i = 0; i < objects->len; i++)
    {
      JsonObject *candidate = g_ptr_array_index (objects, i);

      if (candidate != object && g_strcmp0 (member_string (candidate, "@id"), id) == 0)
        return candidate;
    }
  return object;
}

static void
append_name (GString *names, const char *name)
{
  g_autofree char *clean = NULL;

  if (name == NULL)
    return;
  clean = g_strstrip (g_strdup (name));
  if (clean[0] == '\0' || g_str_has_prefix (clean, "http") || strlen (clean) > 120)
    return;
  if (names->len > 0)
    g_string_append (names, ", ");
  g_string_append (names, clean);
}

/* Names of a Person/Organization, a string, or an array of them. */
static void
append_names (GString *names, JsonNode *node, GPtrArray *objects, guint depth)
{
  if (node == NULL || depth > 2 || names->len > 400)
    return;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    append_name (names, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = resolve (json_node_get_object (node), objects);
      const char *name = member_string (object, "name");

      if (name != NULL)
        append_name (names, name);
      else if (member_string (object, "familyName") != NULL)
        {
          g_autofree char *full =
              g_strdup_printf ("%s %s", member_string (object, "givenName") ?: "",
                               member_string (object, "familyName"));

          append_name (names, full);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint      i;

      for (i = 0; i < json_array_get_length (array) && i < 20; i++)
        append_names (names, json_array_get_element (array, i), objects, depth + 1);
    }
}

static char *
names_of (JsonNode *node, GPtrArray *objects)
{
  GString *names = g_string_new (NULL);

  append_names (names, node, objects, 0);
  if (names->len == 0)
    {
      g_string_free (names, TRUE);
      return NULL;
    }
  return g_string_free (names, FALSE);
}

static char *
language_of (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *code = member_string (object, "alternateName");

      return g_strdup (code != NULL ? code : member_string (object, "name"));
    }
  return NULL;
}

static void
take (char **field, char *value)
{
  if (value == NULL || value[0] == '\0')
    {
      g_free (value);
      return;
    }
  g_free (*field);
  *field = value;
}

/**
 * crb_html_jsonld_read:
 *
 * Reads one JSON-LD script into the ld_* fields of @meta, unless an earlier
 * script described an equally article-like object.
 */
void
crb_html_jsonld_read (const char *json, gsize length, CrbHtmlMeta *meta)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GPtrArray) objects = NULL;
  JsonObject *best = NULL;
  int         best_rank = 0;
  guint       i;

  if (length == 0 || length > MAX_JSON_BYTES || !depth_is_bounded (json, length))
    return;
  if (!g_utf8_validate (json, (gssize) length, NULL))
    return;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, (gssize) length, NULL))
    return;
  objects = g_ptr_array_new ();
  collect (json_parser_get_root (parser), objects, 0);

  for (i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);
      int         rank = type_rank (object);

      if (rank > best_rank)
        {
          best_rank = rank;
          best = object;
        }
    }
  if (best == NULL || best_rank <= meta->ld_rank)
    return;
  meta->ld_rank = best_rank;

  take (&meta->ld_headline, g_strdup (member_string (best, "headline")));
  if (meta->ld_headline == NULL)
    take (&meta->ld_headline, g_strdup (member_string (best, "name")));
  take (&meta->ld_author, names_of (json_object_get_member (best, "author"), objects));
  if (meta->ld_author == NULL)
    take (&meta->ld_author, names_of (json_object_get_member (best, "creator"), objects));
  take (&meta->ld_published, g_strdup (member_string (best, "datePublished")));
  if (meta->ld_published == NULL)
    take (&meta->ld_published, g_strdup (member_string (best, "dateCreated")));
  take (&meta->ld_publisher, names_of (json_object_get_member (best, "publisher"), objects));
  take (&meta->ld_language, language_of (json_object_get_member (best, "inLanguage")));
  take (&meta->ld_body, g_strdup (member_string (best, "articleBody")));
  if (meta->ld_body == NULL)
    take (&meta->ld_body, g_strdup (member_string (best, "text")));
}
