/* crb-html-title.c: the article's title without " | Site Name"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-html"

#include <string.h>

#include "crb-html-private.h"

/* Separators between headline, section and site name, longest first. */
static const char *const separators[] = {
  " :: ", " | ", " || ", " — ", " – ", " - ", " · ", " • ", " » ", " « ", " / ", " ~ ",
};

/* Lower case, letters and digits only: "The Guardian" → "theguardian". */
static char *
compact (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString         *out = g_string_new (NULL);
  const char      *p;

  for (p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
count_words (const char *text)
{
  guint    words = 0;
  gboolean in_word = FALSE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (text));

      if (alnum && !in_word)
        words++;
      in_word = alnum;
    }
  return words;
}

/* Whether one title part names the site: its letters equal or contain the site
 * name's, or the host's first label ("bbc" for www.bbc.co.uk). */
static gboolean
names_site (const char *part, const char *site_name, const char *host)
{
  g_autofree char *p = compact (part);

  if (p[0] == '\0')
    return FALSE;
  if (site_name != NULL)
    {
      g_autofree char *s = compact (site_name);

      if (s[0] != '\0' && (strcmp (p, s) == 0 || (strlen (s) >= 3 && strstr (p, s) != NULL) ||
                           (strlen (p) >= 4 && strstr (s, p) != NULL)))
        return TRUE;
    }
  if (host != NULL)
    {
      g_autofree char *h = compact (host);

      if (strlen (h) >= 3 && strstr (p, h) != NULL && count_words (part) <= 4)
        return TRUE;
    }
  return FALSE;
}

/**
 * crb_html_host_from_url:
 *
 * "bbc" for "https://www.bbc.co.uk/news/…"; NULL when @url is not a URL.
 */
char *
crb_html_host_from_url (const char *url)
{
  g_autoptr (GUri) uri = NULL;
  const char *host;
  const char *dot;

  if (url == NULL || strstr (url, "://") == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return NULL;
  while (g_str_has_prefix (host, "www.") || g_str_has_prefix (host, "m.") ||
         g_str_has_prefix (host, "amp."))
    host = strchr (host, '.') + 1;
  dot = strchr (host, '.');
  return dot == NULL ? g_strdup (host) : g_strndup (host, dot - host);
}

static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  crb_html_collapse_append (out, text, strlen (text), &pending);
  return g_string_free (out, FALSE);
}

/**
 * crb_html_clean_title:
 * @title: the page's title (og:title, headline or <title>)
 * @site_name: (nullable): og:site_name or the publisher
 * @headline: (nullable): the text of the visible headline
 * @host: (nullable): from crb_html_host_from_url()
 *
 * Strips the site name (and, without one, a short trailing section or site
 * part) from a page title, and prefers the visible headline where the title
 * is that headline plus decoration.
 */
char *
crb_html_clean_title (const char *title, const char *site_name, const char *headline,
                      const char *host)
{
  g_autofree char *clean = NULL;
  g_auto (GStrv) parts = NULL;
  const char *separator = NULL;
  gsize       best_pos = 0;
  guint       n, first, last, i;
  GString    *out;

  if (title == NULL)
    return headline != NULL && headline[0] != '\0' ? collapse_space (headline) : NULL;
  clean = collapse_space (title);
  if (clean[0] == '\0')
    return headline != NULL && headline[0] != '\0' ? collapse_space (headline) : NULL;

  if (headline != NULL && headline[0] != '\0')
    {
      g_autofree char *h = collapse_space (headline);
      g_autofree char *fh = g_utf8_casefold (h, -1);
      g_autofree char *ft = g_utf8_casefold (clean, -1);

      /* The title is the headline with something around it. */
      if (strlen (fh) >= 10 && strstr (ft, fh) != NULL)
        return g_steal_pointer (&h);
    }

  /* The separator that occurs last is the one before the site name. */
  for (i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *found = g_strrstr (clean, separators[i]);

      if (found != NULL && (separator == NULL || (gsize) (found - clean) > best_pos))
        {
          separator = separators[i];
          best_pos = (gsize) (found - clean);
        }
    }
  if (separator == NULL)
    return g_steal_pointer (&clean);

  parts = g_strsplit (clean, separator, -1);
  n = g_strv_length (parts);
  first = 0;
  last = n;
  while (last - first > 1 && names_site (parts[last - 1], site_name, host))
    last--;
  while (last - first > 1 && names_site (parts[first], site_name, host))
    first++;
  if (first == 0 && last == n && site_name == NULL)
    {
      /* No site name known: a short last part is a site or section name
       * when what stays is still a real headline. */
      guint rest_words = 0;

      for (i = 0; i + 1 < n; i++)
        rest_words += count_words (parts[i]);
      if (count_words (parts[n - 1]) <= 4 && rest_words >= 4)
        last = n - 1;
    }
  out = g_string_new (NULL);
  for (i = first; i < last; i++)
    {
      if (i > first)
        g_string_append (out, separator);
      g_string_append (out, parts[i]);
    }
  return g_string_free (out, FALSE);
}
