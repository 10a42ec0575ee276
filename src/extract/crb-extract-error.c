/* crb-extract-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-extract-error.h"

G_DEFINE_QUARK (crb-extract-error-quark, crb_extract_error)
