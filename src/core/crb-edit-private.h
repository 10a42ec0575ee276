/* crb-edit-private.h: building blocks for actions (inside a running one)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project-private.h"

G_BEGIN_DECLS

/* Inserts a row with the common columns filled in (fresh UUID unless
 * `uuid` is given, author, times) plus `columns` = `values` (GValues of
 * type string, int64, int, double, boolean, GBytes or G_TYPE_NONE for
 * NULL).  Column names come from code, never from input. */
gboolean _crb_edit_insert       (CrbProject         *self,
                                 const char         *table,
                                 const char         *uuid,
                                 const char * const *columns,
                                 const GValue       *values,
                                 guint               n_values,
                                 char              **uuid_out,
                                 gint64             *rowid_out,
                                 GError            **error);
gboolean _crb_edit_set_field    (CrbProject         *self,
                                 const char         *table,
                                 const char         *uuid,
                                 const char         *field,
                                 const char         *value,
                                 GError            **error);
gboolean _crb_edit_delete       (CrbProject         *self,
                                 const char         *table,
                                 const char         *uuid,
                                 GError            **error);
/* Row id of a live record, or -1 (with an error) when there is none. */
gint64   _crb_edit_row_id       (CrbProject         *self,
                                 const char         *table,
                                 const char         *uuid,
                                 GError            **error);

G_END_DECLS
