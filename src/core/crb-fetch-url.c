/* crb-fetch-url.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-fetch-url"

#include "crb-fetch-url.h"

#include <libsoup/soup.h>

#include "crb-fetch-error.h"

char *
crb_fetch_quote_untrusted (const char *text,
                           guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new (NULL);
  guint count = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (count++ == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
check_http_uri (GUri        *uri,
                const char  *shown,
                gboolean     redirected,
                GError     **error)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  if (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0)
    {
      g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_UNSUPPORTED_SCHEME,
                   redirected
                   ? "The page redirected to a %s: address; Corroborate only follows http and https."
                   : "Corroborate only imports web pages over http and https, not %s: addresses.",
                   scheme);
      return FALSE;
    }
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INVALID_URL,
                   "“%s” has no server name.", shown);
      return FALSE;
    }
  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INVALID_URL,
                   "“%s” contains a user name or password before the server name; "
                   "Corroborate does not send credentials. Remove the part before “@”.",
                   shown);
      return FALSE;
    }
  return TRUE;
}

GUri *
crb_fetch_parse_url (const char  *url,
                     GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *shown = NULL;
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  trimmed = g_strstrip (g_strdup (url));
  shown = crb_fetch_quote_untrusted (trimmed, 200);
  uri = g_uri_parse (trimmed, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INVALID_URL,
                   "“%s” is not a web address; addresses look like https://example.org/page.",
                   shown);
      return NULL;
    }
  if (!check_http_uri (uri, shown, FALSE, error))
    return NULL;
  return g_steal_pointer (&uri);
}

char *
crb_fetch_url_key (GUri *uri)
{
  g_autofree char *host = g_ascii_strdown (g_uri_get_host (uri), -1);
  const char *path = g_uri_get_path (uri);
  const char *query = g_uri_get_query (uri);

  return g_strdup_printf ("%s://%s:%d%s%s%s", g_uri_get_scheme (uri), host, g_uri_get_port (uri),
                          *path != '\0' ? path : "/", query != NULL ? "?" : "",
                          query != NULL ? query : "");
}

GUri *
crb_fetch_follow_redirect (GUri        *current,
                           const char  *location,
                           GPtrArray   *visited,
                           guint        max_redirects,
                           GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *key = NULL;
  g_autoptr (GUri) next = NULL;

  g_return_val_if_fail (current != NULL, NULL);
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (visited != NULL, NULL);

  shown = crb_fetch_quote_untrusted (location, 200);
  next = g_uri_parse_relative (current, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (next == NULL)
    {
      g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INVALID_URL,
                   "The page redirected to “%s”, which is not a valid address.", shown);
      return NULL;
    }
  if (!check_http_uri (next, shown, TRUE, error))
    return NULL;

  if (g_str_equal (g_uri_get_scheme (current), "https")
      && g_str_equal (g_uri_get_scheme (next), "http"))
    {
      g_set_error_literal (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_INSECURE_REDIRECT,
                           "The page redirected from https to http; "
                           "Corroborate does not follow insecure redirects.");
      return NULL;
    }

  key = crb_fetch_url_key (next);
  for (guint i = 0; i < visited->len; i++)
    if (g_str_equal (key, g_ptr_array_index (visited, i)))
      {
        g_autofree char *here = g_uri_to_string_partial (current, G_URI_HIDE_FRAGMENT);
        g_autofree char *there = g_uri_to_string_partial (next, G_URI_HIDE_FRAGMENT);

        g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_REDIRECT_LOOP,
                     "The page redirects in a circle (%s leads back to %s), so there is "
                     "nothing to import; the site may need cookies or a login.",
                     here, there);
        return NULL;
      }

  /* visited->len - 1 redirects have been followed; this one would be the next. */
  if (visited->len > max_redirects)
    {
      g_set_error (error, CRB_FETCH_ERROR, CRB_FETCH_ERROR_TOO_MANY_REDIRECTS,
                   "The page redirected more than %u times; Corroborate stops there. "
                   "Try the address the browser ends up at.",
                   max_redirects);
      return NULL;
    }

  if (g_uri_get_fragment (next) == NULL && g_uri_get_fragment (current) != NULL)
    {
      GUri *with_fragment = soup_uri_copy (next, SOUP_URI_FRAGMENT,
                                           g_uri_get_fragment (current), SOUP_URI_NONE);

      g_uri_unref (next);
      next = with_fragment;
    }
  return g_steal_pointer (&next);
}
