/* crb-test-zip.h: zip packages for the office and EPUB tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CrbTestZip CrbTestZip;

/* Written with libarchive's zip writer, deflated unless `stored`. */
CrbTestZip *crb_test_zip_new (void);
void crb_test_zip_add (CrbTestZip *zip, const char *name, const char *content, gboolean stored);
/* `size` bytes of `c`, written in pieces: a zip bomb in a few kilobytes. */
void    crb_test_zip_add_fill (CrbTestZip *zip, const char *name, const char *prefix, char c,
                               gsize size);
GBytes *crb_test_zip_finish (CrbTestZip *zip);
void    crb_test_zip_free (CrbTestZip *zip);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbTestZip, crb_test_zip_free)

G_END_DECLS
