/* crb-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "crb-record-private.h"
#include "crb-sqlite-private.h"

typedef struct
{
  gint64 row_id;
  char  *uuid;
  char  *author;
  gint64 created_at;
  gint64 modified_at;
} CrbRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CrbRecord, crb_record, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_AUTHOR,
  PROP_CREATED_AT,
  PROP_MODIFIED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_record_finalize (GObject *object)
{
  CrbRecordPrivate *priv = crb_record_get_instance_private (CRB_RECORD (object));

  g_free (priv->uuid);
  g_free (priv->author);
  G_OBJECT_CLASS (crb_record_parent_class)->finalize (object);
}

static void
crb_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  CrbRecordPrivate *priv = crb_record_get_instance_private (CRB_RECORD (object));

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, priv->author);
      break;
    case PROP_CREATED_AT:
      g_value_set_int64 (value, priv->created_at);
      break;
    case PROP_MODIFIED_AT:
      g_value_set_int64 (value, priv->modified_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_record_class_init (CrbRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crb_record_finalize;
  object_class->get_property = crb_record_get_property;

  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED_AT] = g_param_spec_int64 ("modified-at", NULL, NULL, 0, G_MAXINT64,
                                                     0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_record_init (CrbRecord *self)
{
}

void
_crb_record_load (CrbRecord *self, sqlite3_stmt *stmt)
{
  CrbRecordPrivate *priv = crb_record_get_instance_private (self);

  priv->row_id = sqlite3_column_int64 (stmt, 0);
  g_free (priv->uuid);
  priv->uuid = crb_column_dup (stmt, 1);
  g_free (priv->author);
  priv->author = crb_column_dup (stmt, 2);
  priv->created_at = sqlite3_column_int64 (stmt, 3);
  priv->modified_at = sqlite3_column_int64 (stmt, 4);
}

const char *
crb_record_get_uuid (CrbRecord *self)
{
  g_return_val_if_fail (CRB_IS_RECORD (self), NULL);
  return ((CrbRecordPrivate *) crb_record_get_instance_private (self))->uuid;
}

const char *
crb_record_get_author (CrbRecord *self)
{
  g_return_val_if_fail (CRB_IS_RECORD (self), NULL);
  return ((CrbRecordPrivate *) crb_record_get_instance_private (self))->author;
}

gint64
crb_record_get_created_at (CrbRecord *self)
{
  g_return_val_if_fail (CRB_IS_RECORD (self), 0);
  return ((CrbRecordPrivate *) crb_record_get_instance_private (self))->created_at;
}

gint64
crb_record_get_modified_at (CrbRecord *self)
{
  g_return_val_if_fail (CRB_IS_RECORD (self), 0);
  return ((CrbRecordPrivate *) crb_record_get_instance_private (self))->modified_at;
}

gint64
crb_record_get_row_id (CrbRecord *self)
{
  g_return_val_if_fail (CRB_IS_RECORD (self), 0);
  return ((CrbRecordPrivate *) crb_record_get_instance_private (self))->row_id;
}
