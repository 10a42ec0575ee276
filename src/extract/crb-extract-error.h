/* crb-extract-error.h: why an extraction failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRB_EXTRACT_ERROR (crb_extract_error_quark ())

typedef enum
{
  CRB_EXTRACT_ERROR_FAILED,
  CRB_EXTRACT_ERROR_UNSUPPORTED, /* not a format we read */
  CRB_EXTRACT_ERROR_DAMAGED,     /* the file is broken */
  CRB_EXTRACT_ERROR_ENCRYPTED,   /* password-protected */
  CRB_EXTRACT_ERROR_EMPTY,       /* no text in it */
  CRB_EXTRACT_ERROR_TOO_LARGE,   /* over the input cap */
  CRB_EXTRACT_ERROR_CRASHED,     /* the helper died */
  CRB_EXTRACT_ERROR_TIMEOUT,     /* the helper ran past its deadline */
  CRB_EXTRACT_ERROR_LIMIT,       /* the helper hit its memory or CPU limit */
} CrbExtractError;

GQuark crb_extract_error_quark (void);

G_END_DECLS
