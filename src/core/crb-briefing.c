/* crb-briefing.c: rendering an accounts grid in Markdown or HTML
 *
 * One writer for both formats, so that they say the same things; all
 * text from documents and analysts is escaped for the target.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-accounts"

#include <string.h>

#include "crb-briefing.h"
#include "crb-util.h"

/* Quotes shown in a grid cell when the claim gives no figure. */
#define CELL_QUOTE_CHARS 60

typedef struct
{
  GString         *out;
  gboolean         html;
  CrbAccountsGrid *grid;
} Writer;

static void
put_text (Writer *w, const char *value)
{
  if (value == NULL)
    return;
  if (w->html)
    {
      g_autofree char *escaped = g_markup_escape_text (value, -1);

      g_string_append (w->out, escaped);
      return;
    }
  for (const char *p = value; *p; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p))
        g_string_append_c (w->out, '\\');
      /* A line break would end the table row or list item. */
      g_string_append_c (w->out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
}

static void
put (Writer *w, const char *markdown, const char *html)
{
  g_string_append (w->out, w->html ? html : markdown);
}

static const char *
title_of (Writer *w, const char *document_uuid)
{
  for (guint i = 0; i < w->grid->sources->len; i++)
    {
      CrbAccountsSource *source = g_ptr_array_index (w->grid->sources, i);

      if (g_str_equal (source->document_uuid, document_uuid))
        return source->title;
    }
  return document_uuid;
}

static char *
shortened (const char *text, guint max_chars)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= (glong) max_chars)
    return g_steal_pointer (&flat);
  {
    g_autofree char *start = g_utf8_substring (flat, 0, max_chars - 1);

    return g_strconcat (start, "…", NULL);
  }
}

static void
put_account (Writer *w, CrbAccount *account, gboolean in_cell)
{
  if (account->disagrees)
    put (w, "⚠ ", "<span class=\"disagrees\" title=\"disagrees with another source\">");
  if (account->has_value)
    put_text (w, account->value_label);
  else
    {
      g_autofree char *quote = shortened (account->exact, in_cell ? CELL_QUOTE_CHARS : G_MAXINT);

      put (w, "“", "“");
      put_text (w, quote);
      put (w, "”", "”");
    }
  if (account->disagrees)
    put (w, "", "</span>");
  if (account->copied_from != NULL)
    {
      put (w, " _(copy of ", " <span class=\"copied\">(copy of ");
      put_text (w, title_of (w, account->copied_from));
      put (w, ")_", ")</span>");
    }
}

static void
put_heading (Writer *w, int level, const char *text)
{
  if (w->html)
    g_string_append_printf (w->out, "<h%d>", level);
  else
    g_string_append_printf (w->out, "%.*s ", level, "######");
  put_text (w, text);
  if (w->html)
    g_string_append_printf (w->out, "</h%d>\n", level);
  else
    g_string_append (w->out, "\n\n");
}

static void
put_event (Writer *w)
{
  CrbAccountsGrid *grid = w->grid;

  put_heading (w, 1, grid->title);
  if (grid->date_start || grid->place)
    {
      put (w, "", "<p class=\"meta\">");
      if (grid->date_start)
        {
          put (w, "**When:** ", "<b>When:</b> ");
          put_text (w, grid->date_start);
          if (grid->date_end && g_strcmp0 (grid->date_end, grid->date_start) != 0)
            {
              put (w, " – ", " – ");
              put_text (w, grid->date_end);
            }
        }
      if (grid->date_start && grid->place)
        put (w, " · ", " · ");
      if (grid->place)
        {
          put (w, "**Where:** ", "<b>Where:</b> ");
          put_text (w, grid->place);
        }
      put (w, "\n\n", "</p>\n");
    }
  if (grid->description && *grid->description)
    {
      put (w, "", "<p>");
      put_text (w, grid->description);
      put (w, "\n\n", "</p>\n");
    }
  {
    guint            n_accounts = 0;
    g_autofree char *counts = NULL;

    for (guint i = 0; i < grid->cells->len; i++)
      n_accounts += ((GPtrArray *) g_ptr_array_index (grid->cells, i))->len;
    counts =
        g_strdup_printf ("%u %s from %u %s.", n_accounts, n_accounts == 1 ? "account" : "accounts",
                         grid->sources->len, grid->sources->len == 1 ? "source" : "sources");
    put (w, "", "<p>");
    put_text (w, counts);
    put (w, "\n\n", "</p>\n");
  }
}

static void
put_grid (Writer *w)
{
  CrbAccountsGrid *grid = w->grid;

  put_heading (w, 2, "Accounts");
  put (w, "| Source |", "<table>\n<thead><tr><th>Source</th>");
  for (guint f = 0; f < grid->facets->len; f++)
    {
      put (w, " ", "<th>");
      put_text (w, ((CrbAccountsFacet *) g_ptr_array_index (grid->facets, f))->name);
      put (w, " |", "</th>");
    }
  put (w, "\n| --- |", "</tr></thead>\n<tbody>\n");
  for (guint f = 0; !w->html && f < grid->facets->len; f++)
    put (w, " --- |", "");
  put (w, "\n", "");

  for (guint s = 0; s < grid->sources->len; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      put (w, "| ", "<tr><th scope=\"row\">");
      put_text (w, source->title);
      put (w, " |", "</th>");
      for (guint f = 0; f < grid->facets->len; f++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);

          put (w, " ", "<td>");
          for (guint a = 0; a < cell->len; a++)
            {
              if (a > 0)
                put (w, "; ", "<br>");
              put_account (w, g_ptr_array_index (cell, a), TRUE);
            }
          put (w, " |", "</td>");
        }
      put (w, "\n", "</tr>\n");
    }

  put (w, "| **Independent sources** |",
       "<tr class=\"summary\"><th scope=\"row\">Independent sources</th>");
  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);

      g_string_append_printf (w->out, w->html ? "<td>%u of %u</td>" : " %u of %u |",
                              facet->n_independent, facet->n_sources);
    }
  put (w, "\n| **Figures** |", "</tr>\n<tr class=\"summary\"><th scope=\"row\">Figures</th>");
  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);

      if (facet->disagreement)
        put (w, " ⚠ disagree |", "<td class=\"disagrees\">disagree</td>");
      else if (facet->n_sources > 1)
        put (w, " agree |", "<td>agree</td>");
      else
        put (w, " — |", "<td>—</td>");
    }
  put (w, "\n\n", "</tr>\n</tbody>\n</table>\n");
}

/* "label: value" pieces after an item, separated by middle dots. */
static void
put_labelled (Writer *w, const char *label, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  put (w, " · ", " · ");
  put_text (w, label);
  put (w, ": ", ": ");
  put_text (w, value);
}

/* The Admiralty scale's words for an information's credibility. */
static const char *const credibility_words[] = {
  NULL, "confirmed", "probably true", "possibly true", "doubtful", "improbable", "cannot be judged",
};

static void
put_account_details (Writer *w, CrbAccount *account)
{
  g_autofree char *credibility =
      account->credibility > 0 && account->credibility < G_N_ELEMENTS (credibility_words)
          ? g_strdup_printf ("%u, %s", account->credibility,
                             credibility_words[account->credibility])
          : NULL;

  put (w, "", "<span class=\"meta\">");
  put_labelled (w, "credibility", credibility);
  put_labelled (w, "note", account->note);
  put_labelled (w, "noted by", account->author);
  put (w, "", "</span>");
}

static void
put_facets (Writer *w)
{
  CrbAccountsGrid *grid = w->grid;
  g_autoptr (GString) unanswered = g_string_new (NULL);

  put_heading (w, 2, "What each source says");
  for (guint f = 0; f < grid->facets->len; f++)
    {
      CrbAccountsFacet *facet = g_ptr_array_index (grid->facets, f);
      g_autofree char  *summary = NULL;

      if (facet->n_sources == 0)
        {
          g_string_append_printf (unanswered, "%s%s", unanswered->len ? ", " : "", facet->name);
          continue;
        }
      put_heading (w, 3, facet->name);
      summary =
          g_strdup_printf ("%u independent of %u sources%s.", facet->n_independent,
                           facet->n_sources, facet->disagreement ? "; their figures disagree" : "");
      put (w, "", "<p>");
      put_text (w, summary);
      put (w, "\n\n", "</p>\n<ul>\n");
      for (guint s = 0; s < grid->sources->len; s++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);

          for (guint a = 0; a < cell->len; a++)
            {
              CrbAccount *account = g_ptr_array_index (cell, a);

              put (w, "- **", "<li><b>");
              put_text (w, ((CrbAccountsSource *) g_ptr_array_index (grid->sources, s))->title);
              put (w, "**", "</b>");
              if (account->has_value)
                {
                  put (w, ": ", ": ");
                  put_account (w, account, FALSE);
                }
              else if (account->copied_from)
                {
                  put (w, " _(copy of ", " <span class=\"copied\">(copy of ");
                  put_text (w, title_of (w, account->copied_from));
                  put (w, ")_", ")</span>");
                }
              put (w, " — “", " — <q>");
              put_text (w, account->exact);
              put (w, "” (", "</q> (");
              put_text (w, account->stance);
              put (w, ")", ")");
              put_account_details (w, account);
              put (w, "\n", "</li>\n");
            }
        }
      put (w, "\n", "</ul>\n");
    }
  /* Questions nobody has answered yet are part of the picture. */
  if (unanswered->len > 0)
    {
      put_heading (w, 3, "Not yet answered by any source");
      put (w, "", "<p>");
      put_text (w, unanswered->str);
      put (w, "\n\n", "</p>\n");
    }
}

static void
put_sources (Writer *w)
{
  CrbAccountsGrid *grid = w->grid;

  put_heading (w, 2, "Sources");
  put (w, "", "<ul>\n");
  for (guint s = 0; s < grid->sources->len; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      put (w, "- **", "<li><b>");
      put_text (w, source->title);
      put (w, "**", "</b>");
      if (source->published_at)
        {
          put (w, " · published ", " · published ");
          put_text (w, source->published_at);
        }
      if (source->reliability)
        {
          put (w, " · reliability ", " · reliability ");
          put_text (w, source->reliability);
        }
      put_labelled (w, "publisher", source->publisher);
      put_labelled (w, "address", source->address);
      if (source->retrieved_at > 0)
        {
          g_autofree char *retrieved = crb_format_time_ms (source->retrieved_at);

          put_labelled (w, "retrieved", retrieved);
        }
      for (guint c = 0; c < source->copies->len; c++)
        {
          put (w, " · takes text from ", " · <span class=\"copied\">takes text from ");
          put_text (w, title_of (w, g_ptr_array_index (source->copies, c)));
          put (w, "", "</span>");
        }
      put (w, "\n", "</li>\n");
    }
  put (w, "\n", "</ul>\n");
}

static char *
render (CrbAccountsGrid *grid, gboolean html)
{
  Writer w = { g_string_new (NULL), html, grid };

  if (html)
    {
      g_string_append (w.out,
                       "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                       "<title>");
      put_text (&w, grid->title);
      g_string_append (w.out,
                       "</title>\n<style>\n"
                       "body { font: 15px/1.5 Cantarell, system-ui, sans-serif; margin: 2em auto; "
                       "max-width: 60em; color: #241f31; }\n"
                       "table { border-collapse: collapse; width: 100%; }\n"
                       "th, td { border: 1px solid #deddda; padding: .35em .6em; text-align: left; "
                       "vertical-align: top; }\n"
                       "thead th { background: #f6f5f4; }\n"
                       "tr.summary th, tr.summary td { background: #fafafa; font-weight: bold; }\n"
                       ".disagrees { color: #a51d2d; font-weight: bold; }\n"
                       "td.disagrees { background: #fbe9e9; }\n"
                       ".copied { color: #77767b; font-style: italic; }\n"
                       ".meta { color: #5e5c64; }\n"
                       "q { font-style: italic; }\n"
                       "</style>\n</head>\n<body>\n");
    }
  put_event (&w);
  put_grid (&w);
  put_facets (&w);
  put_sources (&w);
  if (html)
    g_string_append (w.out, "</body>\n</html>\n");
  return g_string_free (w.out, FALSE);
}

char *
crb_accounts_grid_to_markdown (CrbAccountsGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return render (grid, FALSE);
}

char *
crb_accounts_grid_to_html (CrbAccountsGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return render (grid, TRUE);
}
