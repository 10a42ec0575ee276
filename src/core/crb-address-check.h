/* crb-address-check.h: is a resolved address out on the public Internet?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CRB_ADDRESS_PUBLIC,
  CRB_ADDRESS_UNSPECIFIED, /* 0.0.0.0/8, :: */
  CRB_ADDRESS_LOOPBACK,    /* 127.0.0.0/8, ::1 */
  CRB_ADDRESS_PRIVATE,     /* RFC 1918, fc00::/7, fec0::/10, local-use NAT64 */
  CRB_ADDRESS_SHARED,      /* carrier-grade NAT, 100.64.0.0/10 */
  CRB_ADDRESS_LINK_LOCAL,  /* 169.254.0.0/16, fe80::/10 */
  CRB_ADDRESS_MULTICAST,   /* 224.0.0.0/4, ff00::/8 */
  CRB_ADDRESS_RESERVED,    /* documentation, benchmarking, broadcast, unallocated */
} CrbAddressKind;

/* IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4)
 * are judged by the IPv4 address inside them, so ::ffff:10.0.0.1 is private. */
CrbAddressKind  crb_address_classify      (GInetAddress   *address);
/* "a loopback address", "a private network address"… for error messages. */
const char     *crb_address_kind_describe (CrbAddressKind  kind);

G_END_DECLS
