/* crb-address-check.c: classifies IPv4 and IPv6 addresses by the registries'
 * special-purpose tables (RFC 6890 and its updates) so that the fetcher can
 * refuse to be pointed at the analyst's own machine or intranet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-address-check.h"

#include <string.h>

static gboolean
in_prefix (const guint8 *bytes,
           const guint8 *prefix,
           guint         bits)
{
  guint whole = bits / 8;
  guint rest = bits % 8;

  if (memcmp (bytes, prefix, whole) != 0)
    return FALSE;
  if (rest == 0)
    return TRUE;
  return ((bytes[whole] ^ prefix[whole]) & (0xff << (8 - rest))) == 0;
}

static CrbAddressKind
classify_ipv4 (const guint8 *a)
{
  static const struct
  {
    guint8         prefix[4];
    guint          bits;
    CrbAddressKind kind;
  } ranges[] = {
    { { 0, 0, 0, 0 }, 8, CRB_ADDRESS_UNSPECIFIED }, /* "this network" */
    { { 10, 0, 0, 0 }, 8, CRB_ADDRESS_PRIVATE },
    { { 100, 64, 0, 0 }, 10, CRB_ADDRESS_SHARED },
    { { 127, 0, 0, 0 }, 8, CRB_ADDRESS_LOOPBACK },
    { { 169, 254, 0, 0 }, 16, CRB_ADDRESS_LINK_LOCAL },
    { { 172, 16, 0, 0 }, 12, CRB_ADDRESS_PRIVATE },
    { { 192, 0, 0, 0 }, 24, CRB_ADDRESS_RESERVED },   /* IETF protocol assignments */
    { { 192, 0, 2, 0 }, 24, CRB_ADDRESS_RESERVED },   /* documentation */
    { { 192, 88, 99, 0 }, 24, CRB_ADDRESS_RESERVED }, /* 6to4 relay anycast */
    { { 192, 168, 0, 0 }, 16, CRB_ADDRESS_PRIVATE },
    { { 198, 18, 0, 0 }, 15, CRB_ADDRESS_RESERVED },   /* benchmarking */
    { { 198, 51, 100, 0 }, 24, CRB_ADDRESS_RESERVED }, /* documentation */
    { { 203, 0, 113, 0 }, 24, CRB_ADDRESS_RESERVED },  /* documentation */
    { { 224, 0, 0, 0 }, 4, CRB_ADDRESS_MULTICAST },
    { { 240, 0, 0, 0 }, 4, CRB_ADDRESS_RESERVED }, /* future use and broadcast */
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    if (in_prefix (a, ranges[i].prefix, ranges[i].bits))
      return ranges[i].kind;
  return CRB_ADDRESS_PUBLIC;
}

static CrbAddressKind
classify_ipv6 (const guint8 *a)
{
  static const guint8 zero[16] = { 0 };
  static const guint8 mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
  static const guint8 nat64[12] = { 0x00, 0x64, 0xff, 0x9b };
  static const guint8 nat64_local[6] = { 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01 };
  static const guint8 discard[8] = { 0x01, 0x00 };
  static const guint8 teredo[4] = { 0x20, 0x01, 0x00, 0x00 };
  static const guint8 documentation[4] = { 0x20, 0x01, 0x0d, 0xb8 };
  static const guint8 six_to_four[2] = { 0x20, 0x02 };

  if (memcmp (a, zero, 15) == 0 && a[15] <= 1)
    return a[15] == 0 ? CRB_ADDRESS_UNSPECIFIED : CRB_ADDRESS_LOOPBACK;

  /* These carry an IPv4 address that the packet effectively goes to: an
   * attacker's DNS can answer ::ffff:127.0.0.1 or 64:ff9b::a00:1 instead of
   * a plain A record. (::/96 is the deprecated "IPv4-compatible" form.) */
  if (memcmp (a, mapped, 12) == 0 || memcmp (a, zero, 12) == 0 || memcmp (a, nat64, 12) == 0)
    return classify_ipv4 (a + 12);
  if (in_prefix (a, six_to_four, 16))
    return classify_ipv4 (a + 2);

  if (in_prefix (a, nat64_local, 48))
    return CRB_ADDRESS_PRIVATE;
  if (in_prefix (a, discard, 64))
    return CRB_ADDRESS_RESERVED;
  /* Teredo hides the client's IPv4 address; nothing legitimate needs it. */
  if (in_prefix (a, teredo, 32) || in_prefix (a, documentation, 32))
    return CRB_ADDRESS_RESERVED;

  if ((a[0] & 0xfe) == 0xfc)
    return CRB_ADDRESS_PRIVATE; /* unique local, fc00::/7 */
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
    return CRB_ADDRESS_LINK_LOCAL; /* fe80::/10 */
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0)
    return CRB_ADDRESS_PRIVATE; /* site local, fec0::/10, deprecated */
  if (a[0] == 0xff)
    return CRB_ADDRESS_MULTICAST;

  /* Only 2000::/3 is allocated for global unicast; everything else is
   * reserved by IANA and has no business appearing in DNS. */
  if ((a[0] & 0xe0) != 0x20)
    return CRB_ADDRESS_RESERVED;
  return CRB_ADDRESS_PUBLIC;
}

CrbAddressKind
crb_address_classify (GInetAddress *address)
{
  const guint8 *bytes;

  g_return_val_if_fail (G_IS_INET_ADDRESS (address), CRB_ADDRESS_RESERVED);

  bytes = g_inet_address_to_bytes (address);
  switch (g_inet_address_get_family (address))
    {
    case G_SOCKET_FAMILY_IPV4:
      return classify_ipv4 (bytes);
    case G_SOCKET_FAMILY_IPV6:
      return classify_ipv6 (bytes);
    case G_SOCKET_FAMILY_INVALID:
    case G_SOCKET_FAMILY_UNIX:
    default:
      return CRB_ADDRESS_RESERVED;
    }
}

const char *
crb_address_kind_describe (CrbAddressKind kind)
{
  switch (kind)
    {
    case CRB_ADDRESS_PUBLIC:
      return "a public address";
    case CRB_ADDRESS_UNSPECIFIED:
      return "an unspecified address";
    case CRB_ADDRESS_LOOPBACK:
      return "a loopback address (this computer)";
    case CRB_ADDRESS_PRIVATE:
      return "a private network address";
    case CRB_ADDRESS_SHARED:
      return "a carrier-grade NAT address";
    case CRB_ADDRESS_LINK_LOCAL:
      return "a link-local address";
    case CRB_ADDRESS_MULTICAST:
      return "a multicast address";
    case CRB_ADDRESS_RESERVED:
    default:
      return "a reserved address";
    }
}
