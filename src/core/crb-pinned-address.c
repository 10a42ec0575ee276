/* crb-pinned-address.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-pinned-address"

#include "crb-pinned-address.h"

/* Yields the pinned addresses one after the other. */
#define CRB_TYPE_PINNED_ENUMERATOR (crb_pinned_enumerator_get_type ())
G_DECLARE_FINAL_TYPE (CrbPinnedEnumerator, crb_pinned_enumerator, CRB, PINNED_ENUMERATOR,
                      GSocketAddressEnumerator)

struct _CrbPinnedEnumerator
{
  GSocketAddressEnumerator parent_instance;

  GPtrArray *addresses;
  guint16    port;
  guint      next;
};

G_DEFINE_FINAL_TYPE (CrbPinnedEnumerator, crb_pinned_enumerator, G_TYPE_SOCKET_ADDRESS_ENUMERATOR)

static GSocketAddress *
crb_pinned_enumerator_next (GSocketAddressEnumerator  *enumerator,
                            GCancellable              *cancellable,
                            GError                   **error)
{
  CrbPinnedEnumerator *self = CRB_PINNED_ENUMERATOR (enumerator);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (self->next >= self->addresses->len)
    return NULL;
  return g_inet_socket_address_new (g_ptr_array_index (self->addresses, self->next++), self->port);
}

static void
crb_pinned_enumerator_finalize (GObject *object)
{
  CrbPinnedEnumerator *self = CRB_PINNED_ENUMERATOR (object);

  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  G_OBJECT_CLASS (crb_pinned_enumerator_parent_class)->finalize (object);
}

static void
crb_pinned_enumerator_class_init (CrbPinnedEnumeratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GSocketAddressEnumeratorClass *enumerator_class = G_SOCKET_ADDRESS_ENUMERATOR_CLASS (klass);

  object_class->finalize = crb_pinned_enumerator_finalize;
  /* The base class runs next() for next_async(); it never blocks here. */
  enumerator_class->next = crb_pinned_enumerator_next;
}

static void
crb_pinned_enumerator_init (CrbPinnedEnumerator *self)
{
}

struct _CrbPinnedAddress
{
  GNetworkAddress parent_instance;

  GPtrArray *addresses;
};

static void crb_pinned_address_connectable_init (GSocketConnectableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrbPinnedAddress, crb_pinned_address, G_TYPE_NETWORK_ADDRESS,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SOCKET_CONNECTABLE,
                                                      crb_pinned_address_connectable_init))

static GSocketAddressEnumerator *
crb_pinned_address_enumerate (GSocketConnectable *connectable)
{
  CrbPinnedAddress *self = CRB_PINNED_ADDRESS (connectable);
  CrbPinnedEnumerator *enumerator = g_object_new (CRB_TYPE_PINNED_ENUMERATOR, NULL);

  enumerator->addresses = g_ptr_array_ref (self->addresses);
  enumerator->port = g_network_address_get_port (G_NETWORK_ADDRESS (self));
  return G_SOCKET_ADDRESS_ENUMERATOR (enumerator);
}

static void
crb_pinned_address_connectable_init (GSocketConnectableIface *iface)
{
  GSocketConnectableIface *parent = g_type_interface_peek_parent (iface);

  /* Proxy enumeration and to_string stay GNetworkAddress's: the proxy
   * enumerator calls back into enumerate() for direct connections. */
  iface->proxy_enumerate = parent->proxy_enumerate;
  iface->to_string = parent->to_string;
  iface->enumerate = crb_pinned_address_enumerate;
}

static void
crb_pinned_address_finalize (GObject *object)
{
  CrbPinnedAddress *self = CRB_PINNED_ADDRESS (object);

  g_clear_pointer (&self->addresses, g_ptr_array_unref);
  G_OBJECT_CLASS (crb_pinned_address_parent_class)->finalize (object);
}

static void
crb_pinned_address_class_init (CrbPinnedAddressClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crb_pinned_address_finalize;
}

static void
crb_pinned_address_init (CrbPinnedAddress *self)
{
}

GSocketConnectable *
crb_pinned_address_new (const char *hostname,
                        guint16     port,
                        const char *scheme,
                        GPtrArray  *addresses)
{
  CrbPinnedAddress *self;

  g_return_val_if_fail (hostname != NULL, NULL);
  g_return_val_if_fail (addresses != NULL && addresses->len > 0, NULL);

  self = g_object_new (CRB_TYPE_PINNED_ADDRESS,
                       "hostname", hostname,
                       "port", (guint) port,
                       "scheme", scheme,
                       NULL);
  self->addresses = g_ptr_array_ref (addresses);
  return G_SOCKET_CONNECTABLE (self);
}
