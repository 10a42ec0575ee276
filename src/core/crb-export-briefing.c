/* crb-export-briefing.c: an event's accounts as a briefing (Markdown or
 * one self-contained HTML page)
 *
 * Built from the event, its facets and the claims linked to them: for
 * each facet (the event as a whole first), each source's accounts with
 * stance, quote, credibility and note; then the sources with their
 * provenance.  Everything that comes from documents or analysts is
 * escaped for the target format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-export"

#include <string.h>

#include "crb-event-claim.h"
#include "crb-event.h"
#include "crb-export-private.h"
#include "crb-facet.h"
#include "crb-record.h"

typedef struct
{
  GString *out;
  gboolean html;
} Writer;

static void
text (Writer *w, const char *value)
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
      /* A line break inside a quote or list item would end it. */
      g_string_append_c (w->out, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
}

static void
raw (Writer *w, const char *markdown, const char *html)
{
  g_string_append (w->out, w->html ? html : markdown);
}

static void
heading (Writer *w, int level, const char *title)
{
  if (w->html)
    g_string_append_printf (w->out, "<h%d>", level);
  else
    {
      for (int i = 0; i < level; i++)
        g_string_append_c (w->out, '#');
      g_string_append_c (w->out, ' ');
    }
  text (w, title);
  if (w->html)
    g_string_append_printf (w->out, "</h%d>\n", level);
  else
    g_string_append (w->out, "\n\n");
}

static void
labelled (Writer *w, const char *label, const char *value, gboolean *first)
{
  if (value == NULL || *value == '\0')
    return;
  if (!*first)
    raw (w, " · ", " · ");
  *first = FALSE;
  raw (w, "*", "<em>");
  text (w, label);
  raw (w, ":* ", ":</em> ");
  text (w, value);
}

static void
write_header (Writer *w, CrbEvent *event, guint n_links, guint n_sources)
{
  g_autofree char *when = NULL;
  g_autofree char *counts = NULL;
  gboolean         first = TRUE;

  if (w->html)
    {
      raw (w, "", "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
      text (w, crb_event_get_title (event));
      raw (w, "",
           "</title>\n<style>\nbody{font-family:sans-serif;max-width:48em;margin:2em auto;"
           "padding:0 1em;line-height:1.5;color:#222}\nblockquote{margin:.3em 0 .3em 1em;"
           "padding-left:.8em;border-left:3px solid #aaa}\n.stance{font-weight:bold}\n"
           ".meta{color:#555;font-size:.9em}\nli{margin-bottom:.8em}\n</style>\n</head>\n<body>\n");
    }
  heading (w, 1, crb_event_get_title (event));
  when = crb_event_get_date_end (event) && crb_event_get_date_start (event)
             ? g_strdup_printf ("%s – %s", crb_event_get_date_start (event),
                                crb_event_get_date_end (event))
             : g_strdup (crb_event_get_date_start (event));
  raw (w, "", "<p class=\"meta\">");
  labelled (w, "When", when, &first);
  labelled (w, "Where", crb_event_get_place (event), &first);
  raw (w, first ? "" : "\n\n", "</p>\n");
  if (crb_event_get_description (event) && *crb_event_get_description (event))
    {
      raw (w, "", "<p>");
      text (w, crb_event_get_description (event));
      raw (w, "\n\n", "</p>\n");
    }
  counts = g_strdup_printf ("%u accounts from %u sources.", n_links, n_sources);
  raw (w, "", "<p>");
  text (w, counts);
  raw (w, "\n\n", "</p>\n");
}

static void
write_account (Writer *w, CrbEventClaim *link, CrbClaim *claim)
{
  g_autofree char *credibility = NULL;
  const char *note = claim && !crb_claim_get_private (claim) ? crb_claim_get_note (claim) : NULL;
  gboolean    first = TRUE;

  raw (w, "- ", "<li>");
  raw (w, "**", "<span class=\"stance\">");
  text (w, crb_event_claim_get_stance (link));
  raw (w, "**: ", "</span>");
  raw (w, "“", "<blockquote>");
  text (w, crb_event_claim_get_exact (link));
  raw (w, "”", "</blockquote>");
  if (claim)
    {
      if (crb_claim_get_credibility (claim))
        credibility = g_strdup_printf ("%u (1 confirmed … 6 cannot be judged)",
                                       crb_claim_get_credibility (claim));
      raw (w, "  \n  ", "<div class=\"meta\">");
      labelled (w, "Credibility", credibility, &first);
      labelled (w, "Note", note, &first);
      labelled (w, "Noted by", crb_record_get_author (CRB_RECORD (claim)), &first);
      raw (w, "", "</div>");
    }
  raw (w, "\n", "</li>\n");
}

static void
write_source (Writer *w, CrbDocument *document, gint64 retrieved_at)
{
  g_autofree char *source = _crb_export_source (document);
  g_autofree char *retrieved = _crb_export_time (retrieved_at);
  gboolean         first = FALSE;

  raw (w, "- **", "<li><strong>");
  text (w, crb_document_get_title (document));
  raw (w, "**", "</strong>");
  labelled (w, "Publisher", crb_document_get_publisher (document), &first);
  labelled (w, "Published", crb_document_get_published_at (document), &first);
  labelled (w, "Reliability", crb_document_get_reliability (document), &first);
  labelled (w, "Source", source, &first);
  labelled (w, "Retrieved", retrieved, &first);
  raw (w, "\n", "</li>\n");
}

static gboolean
write_accounts (CrbProject *project, Writer *w, CrbEvent *event, GPtrArray *facets,
                GPtrArray *links, GHashTable *documents, GError **error)
{
  const char *section = "";
  const char *source = NULL;
  gboolean    open_list = FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      CrbEventClaim *link = g_ptr_array_index (links, i);
      const char    *facet = crb_event_claim_get_facet_name (link);
      const char    *document_uuid = crb_event_claim_get_document_uuid (link);
      g_autoptr (CrbClaim) claim =
          crb_project_find_claim (project, crb_event_claim_get_claim_uuid (link), NULL);

      if (g_strcmp0 (facet ? facet : "", section) != 0 || i == 0)
        {
          if (open_list)
            raw (w, "\n", "</ul>\n");
          open_list = FALSE;
          section = facet ? facet : "";
          heading (w, 2, facet ? facet : "The event as a whole");
          source = NULL;
        }
      if (g_strcmp0 (source, document_uuid) != 0)
        {
          CrbDocument *document = g_hash_table_lookup (documents, document_uuid);

          if (open_list)
            raw (w, "\n", "</ul>\n");
          heading (w, 3,
                   document ? crb_document_get_title (document)
                            : crb_event_claim_get_document_title (link));
          raw (w, "", "<ul>\n");
          open_list = TRUE;
          source = document_uuid;
        }
      write_account (w, link, claim);
    }
  if (open_list)
    raw (w, "\n", "</ul>\n");

  /* Questions nobody has answered yet are part of the picture. */
  {
    g_autoptr (GString) empty = g_string_new (NULL);

    for (guint f = 0; f < facets->len; f++)
      {
        const char *name = crb_facet_get_name (g_ptr_array_index (facets, f));
        gboolean    used = FALSE;

        for (guint i = 0; i < links->len && !used; i++)
          used =
              g_strcmp0 (crb_event_claim_get_facet_name (g_ptr_array_index (links, i)), name) == 0;
        if (!used)
          g_string_append_printf (empty, "%s%s", empty->len ? ", " : "", name);
      }
    if (empty->len)
      {
        heading (w, 2, "Not yet answered by any source");
        raw (w, "", "<p>");
        text (w, empty->str);
        raw (w, "\n\n", "</p>\n");
      }
  }
  return TRUE;
}

char *
_crb_export_briefing (CrbProject *project, const char *event_id, gboolean html, GError **error)
{
  g_autoptr (CrbEvent) event = crb_project_find_event (project, event_id, error);
  g_autoptr (GPtrArray) facets = NULL;
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GHashTable) documents =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  Writer w = { g_string_new (NULL), html };

  if (event == NULL ||
      !(facets =
            crb_project_list_facets (project, crb_record_get_uuid (CRB_RECORD (event)), error)) ||
      !(links = crb_project_list_event_claims (project, crb_record_get_uuid (CRB_RECORD (event)),
                                               error)))
    {
      g_string_free (w.out, TRUE);
      return NULL;
    }
  for (guint i = 0; i < links->len; i++)
    {
      const char  *uuid = crb_event_claim_get_document_uuid (g_ptr_array_index (links, i));
      CrbDocument *document;

      if (g_hash_table_contains (documents, uuid))
        continue;
      if ((document = crb_project_find_document (project, uuid, NULL)))
        {
          g_hash_table_insert (documents, g_strdup (uuid), document);
          g_ptr_array_add (order, document);
        }
    }

  write_header (&w, event, links->len, g_hash_table_size (documents));
  if (!write_accounts (project, &w, event, facets, links, documents, error))
    {
      g_string_free (w.out, TRUE);
      return NULL;
    }
  heading (&w, 2, "Sources");
  raw (&w, "", "<ul>\n");
  for (guint i = 0; i < order->len; i++)
    write_source (&w, g_ptr_array_index (order, i),
                  crb_document_get_retrieved_at (g_ptr_array_index (order, i)));
  raw (&w, "\n", "</ul>\n</body>\n</html>\n");
  return g_string_free (w.out, FALSE);
}
