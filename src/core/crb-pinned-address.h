/* crb-pinned-address.h: a host name whose connections go to addresses already checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CRB_TYPE_PINNED_ADDRESS (crb_pinned_address_get_type ())
G_DECLARE_FINAL_TYPE (CrbPinnedAddress, crb_pinned_address, CRB, PINNED_ADDRESS, GNetworkAddress)

/* The fetcher resolves a host itself and checks every address before
 * connecting. Handing libsoup this connectable (the session's
 * "remote-connectable") makes it connect to exactly those addresses instead
 * of resolving the name a second time, which a hostile DNS server could
 * answer differently (DNS rebinding). It stays a GNetworkAddress with the
 * real host name, so TLS still sends that name (SNI) and verifies the
 * certificate against it. `addresses` holds GInetAddress, tried in order.
 * Through a configured proxy the proxy connects instead and these addresses
 * are not used. */
GSocketConnectable *crb_pinned_address_new (const char *hostname,
                                            guint16     port,
                                            const char *scheme,
                                            GPtrArray  *addresses);

G_END_DECLS
