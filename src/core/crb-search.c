/* crb-search.c: full-text search
 *
 * People type words, "phrases", prefix* and OR/NOT; FTS5's own syntax
 * treats many ordinary characters (hyphens in Nur-Sultan, colons, dots)
 * as operators, so each word is quoted before it reaches FTS5.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-search"

#include <string.h>

#include "crb-project-private.h"
#include "crb-search.h"

void
crb_search_hit_free (CrbSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->document_uuid);
  g_free (hit->title);
  g_free (hit->claim_uuid);
  g_free (hit->snippet);
  g_free (hit);
}

static void
append_quoted (GString *out, const char *word, gsize length)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_c (out, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (word[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, word[i]);
    }
  g_string_append_c (out, '"');
}

/* Turns what a person typed into an FTS5 query. */
static char *
build_match (const char *query)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = query;
  gboolean want_operand = FALSE;

  while (*p)
    {
      const char *start;

      while (*p && g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        break;
      if (*p == '"')
        {
          start = ++p;
          while (*p && *p != '"')
            p++;
          if (p > start)
            {
              append_quoted (out, start, p - start);
              want_operand = FALSE;
            }
          if (*p == '"')
            p++;
          continue;
        }
      start = p;
      while (*p && !g_ascii_isspace (*p) && *p != '"')
        p++;
      if ((p - start == 2 && strncmp (start, "OR", 2) == 0)
          || (p - start == 3 && (strncmp (start, "NOT", 3) == 0 || strncmp (start, "AND", 3) == 0)))
        {
          /* An operator needs something on both sides. */
          if (out->len > 0 && !want_operand)
            {
              g_string_append_c (out, ' ');
              g_string_append_len (out, start, p - start);
              want_operand = TRUE;
            }
          continue;
        }
      if (p - start > 1 && p[-1] == '*')
        {
          append_quoted (out, start, p - start - 1);
          g_string_append_c (out, '*');
        }
      else if (!(p - start == 1 && *start == '*'))
        append_quoted (out, start, p - start);
      want_operand = FALSE;
    }
  if (want_operand)
    {
      /* A trailing operator: drop it. */
      char *last = strrchr (out->str, ' ');

      if (last)
        g_string_truncate (out, last - out->str);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
collect (CrbProject *self, const char *sql, const char *match, guint limit, gboolean claims,
         GPtrArray *hits, GError **error)
{
  sqlite3_stmt *stmt = _crb_project_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  crb_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CrbSearchHit *hit = g_new0 (CrbSearchHit, 1);

      hit->document_uuid = crb_column_dup (stmt, 0);
      hit->title = crb_column_dup (stmt, 1);
      hit->snippet = crb_column_dup (stmt, 2);
      hit->rank = sqlite3_column_double (stmt, 3);
      if (claims)
        hit->claim_uuid = crb_column_dup (stmt, 4);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, CRB_PROJECT_ERROR, CRB_PROJECT_ERROR_INVALID,
                   "The search could not be run: %s",
                   sqlite3_errmsg (_crb_project_get_db (self)));
      return FALSE;
    }
  return TRUE;
}

static int
by_rank (gconstpointer a, gconstpointer b)
{
  const CrbSearchHit *x = *(const CrbSearchHit **) a;
  const CrbSearchHit *y = *(const CrbSearchHit **) b;

  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

GPtrArray *
crb_project_search (CrbProject *self, const char *query, guint limit, GError **error)
{
  g_autoptr (GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_search_hit_free);
  g_autofree char *match = NULL;
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  match = build_match (query);
  if (*match == '\0')
    return g_steal_pointer (&hits);
  if (limit == 0)
    limit = 20;

  /* The inner queries let FTS5 rank and cut before anything is joined. */
  _crb_project_lock (self);
  ok = collect (self,
                "SELECT d.uuid, d.title, f.snip, f.score FROM "
                "(SELECT rowid, snippet(revision_fts, 0, '" CRB_SEARCH_MARK_START "', '"
                CRB_SEARCH_MARK_END "', '…', 16) AS snip, rank AS score FROM revision_fts "
                "WHERE revision_fts MATCH ?1 ORDER BY rank LIMIT ?2) f "
                "JOIN revision r ON r.id = f.rowid JOIN document d ON d.uuid = r.document_uuid "
                "WHERE d.deleted = 0 ORDER BY f.score",
                match, limit, FALSE, hits, error)
       && collect (self,
                   "SELECT d.uuid, d.title, f.snip, f.score, c.uuid FROM "
                   "(SELECT rowid, snippet(claim_fts, -1, '" CRB_SEARCH_MARK_START "', '"
                   CRB_SEARCH_MARK_END "', '…', 16) AS snip, rank AS score FROM claim_fts "
                   "WHERE claim_fts MATCH ?1 ORDER BY rank LIMIT ?2) f "
                   "JOIN claim c ON c.id = f.rowid JOIN document d ON d.uuid = c.document_uuid "
                   "WHERE d.deleted = 0 ORDER BY f.score",
                   match, limit, TRUE, hits, error);
  _crb_project_unlock (self);
  if (!ok)
    return NULL;

  g_ptr_array_sort (hits, by_rank);
  if (hits->len > limit)
    g_ptr_array_set_size (hits, limit);
  return g_steal_pointer (&hits);
}

char *
crb_search_hit_format_snippet (CrbSearchHit *hit, const char *open, const char *close,
                               gboolean escape_markup)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (hit != NULL, NULL);

  for (const char *p = hit->snippet ? hit->snippet : ""; *p; p++)
    {
      const char *next = p;

      if (*p == CRB_SEARCH_MARK_START[0])
        g_string_append (out, open);
      else if (*p == CRB_SEARCH_MARK_END[0])
        g_string_append (out, close);
      else if (*p == '\n')
        g_string_append_c (out, ' ');
      else
        {
          while (next[1] && next[1] != CRB_SEARCH_MARK_START[0] && next[1] != CRB_SEARCH_MARK_END[0]
                 && next[1] != '\n')
            next++;
          if (escape_markup)
            {
              g_autofree char *escaped = g_markup_escape_text (p, next - p + 1);
              g_string_append (out, escaped);
            }
          else
            g_string_append_len (out, p, next - p + 1);
          p = next;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
