/* crb-undo-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/* Which kinds of rows a changeset touches. */
CrbChangeFlags _crb_undo_changes_of (const void *changeset,
                                     int         size);

G_END_DECLS
