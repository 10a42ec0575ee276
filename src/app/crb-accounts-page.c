/* crb-accounts-page.c
 *
 * The grid is built by the core (crb_project_build_accounts: figures
 * normalised, disagreements and copies found) in a GTask thread, since
 * comparing the texts of a large event's sources takes time; a newer
 * build cancels the one in flight.  The page only lays the result out:
 * sources as rows, facets as columns, as DESIGN.md §7.4 draws it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-accounts-page-private.h"
#include "crb-event-claim.h"
#include "crb-labels.h"

G_DEFINE_FINAL_TYPE (CrbAccountsPage, crb_accounts_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
crb_accounts_page_dispose (GObject *object)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_ACCOUNTS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_pointer (&self->event_uuid, g_free);
  g_clear_pointer (&self->grid, crb_accounts_grid_free);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  G_OBJECT_CLASS (crb_accounts_page_parent_class)->dispose (object);
}

static void
crb_accounts_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, crb_accounts_page_get_title (CRB_ACCOUNTS_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_crb_accounts_page_show_error (CrbAccountsPage *self, const GError *error)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

const char *
_crb_accounts_page_find_link (CrbAccountsPage *self, const char *claim_uuid, const char *facet_uuid)
{
  for (guint i = 0; self->links && i < self->links->len; i++)
    {
      CrbEventClaim *link = g_ptr_array_index (self->links, i);

      if (g_str_equal (crb_event_claim_get_claim_uuid (link), claim_uuid) &&
          g_strcmp0 (crb_event_claim_get_facet_uuid (link), facet_uuid) == 0)
        return crb_record_get_uuid (CRB_RECORD (link));
    }
  return NULL;
}

/* Laying the grid out */

static GtkWidget *
caption (const char *text, gboolean dim)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A wrapped label's natural width is its whole text otherwise. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_widget_add_css_class (label, "caption");
  if (dim)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* An icon and words together: a flag must not rest on colour alone. */
static GtkWidget *
flag (const char *icon_name, const char *text, const char *description, const char *css_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_widget_set_tooltip_text (box, description);
  gtk_widget_add_css_class (box, "caption");
  gtk_widget_add_css_class (box, css_class);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static const char *
source_title (CrbAccountsGrid *grid, const char *document_uuid)
{
  for (guint i = 0; i < grid->sources->len; i++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, i);

      if (g_str_equal (source->document_uuid, document_uuid))
        return source->title;
    }
  return "";
}

static const char *
facet_label (CrbAccountsFacet *facet)
{
  return facet->facet_uuid ? facet->name : _ ("The Event");
}

static GtkWidget *
facet_header (CrbAccountsPage *self, CrbAccountsFacet *facet)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget       *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget       *name = gtk_label_new (facet_label (facet));
  g_autofree char *counts = NULL;

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 16);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (top), name);
  if (facet->facet_uuid)
    {
      g_autoptr (GMenu) menu = g_menu_new ();
      GtkWidget       *button = gtk_menu_button_new ();
      g_autofree char *tooltip = g_strdup_printf (_ ("Question “%s”"), facet->name);
      g_autoptr (GMenuItem) rename = g_menu_item_new (_ ("_Rename…"), NULL);
      g_autoptr (GMenuItem) remove = g_menu_item_new (_ ("Re_move"), NULL);

      g_menu_item_set_action_and_target (rename, "accounts.rename-facet", "s", facet->facet_uuid);
      g_menu_item_set_action_and_target (remove, "accounts.remove-facet", "s", facet->facet_uuid);
      g_menu_append_item (menu, rename);
      g_menu_append_item (menu, remove);
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (top), button);
    }
  gtk_box_append (GTK_BOX (box), top);

  if (facet->n_sources == 0)
    counts = g_strdup (_ ("No accounts yet"));
  else
    /* Translators: "3 sources, 2 independent" under a question of the accounts grid */
    counts = g_strdup_printf (
        ngettext ("%u source, %u independent", "%u sources, %u independent", facet->n_sources),
        facet->n_sources, facet->n_independent);
  gtk_box_append (GTK_BOX (box), caption (counts, TRUE));
  if (facet->disagreement)
    gtk_box_append (GTK_BOX (box),
                    flag ("dialog-warning-symbolic", _ ("Sources disagree"),
                          _ ("Two sources give figures that cannot both be true"), "disagrees"));
  return box;
}

static GtkWidget *
source_header (CrbAccountsGrid *grid, CrbAccountsSource *source)
{
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget       *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget       *title = gtk_label_new (source->title);
  g_autofree char *date = crb_labels_format_date (source->published_at);
  g_autoptr (GString) details = g_string_new (source->publisher);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 20);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "source-title");
  gtk_box_append (GTK_BOX (top), title);
  if (source->reliability)
    {
      GtkWidget *badge = gtk_label_new (source->reliability);

      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      gtk_widget_add_css_class (badge, "grade-badge");
      gtk_widget_set_tooltip_text (badge, crb_labels_reliability (source->reliability));
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      crb_labels_reliability (source->reliability), -1);
      gtk_box_append (GTK_BOX (top), badge);
    }
  gtk_box_append (GTK_BOX (box), top);
  if (date)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", date);
  if (details->len)
    gtk_box_append (GTK_BOX (box), caption (details->str, TRUE));
  for (guint i = 0; source->copies && i < source->copies->len; i++)
    {
      /* Translators: a source of the accounts grid repeats another one's text */
      g_autofree char *text = g_strdup_printf (
          _ ("Copies “%s”"), source_title (grid, g_ptr_array_index (source->copies, i)));

      gtk_box_append (GTK_BOX (box),
                      flag ("edit-copy-symbolic", text,
                            _ ("Its accounts repeat another source's text and count once"),
                            "copied"));
    }
  return box;
}

static GtkWidget *
account_menu (CrbAccountsPage *self, CrbAccount *account, CrbAccountsFacet *facet)
{
  const char *link = _crb_accounts_page_find_link (self, account->claim_uuid, facet->facet_uuid);
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) answers = g_menu_new ();
  GtkWidget *button;

  if (link == NULL)
    return NULL;
  for (guint f = 0; f < self->grid->facets->len; f++)
    {
      CrbAccountsFacet *other = g_ptr_array_index (self->grid->facets, f);
      g_autoptr (GMenuItem) item = NULL;

      if (other == facet)
        continue;
      item = g_menu_item_new (facet_label (other), NULL);
      g_menu_item_set_action_and_target (item, "accounts.move-account", "(ss)", link,
                                         other->facet_uuid ? other->facet_uuid : "");
      g_menu_append_item (answers, item);
    }
  if (facet->facet_uuid && g_menu_model_get_n_items (G_MENU_MODEL (answers)) > 0 &&
      ((CrbAccountsFacet *) g_ptr_array_index (self->grid->facets, 0))->facet_uuid)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("The Event as a Whole"), NULL);

      g_menu_item_set_action_and_target (item, "accounts.move-account", "(ss)", link, "");
      g_menu_append_item (answers, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (answers)) > 0)
    g_menu_append_section (menu, _ ("Answers Instead"), G_MENU_MODEL (answers));
  {
    g_autoptr (GMenuItem) item = g_menu_item_new (_ ("_Remove from Event"), NULL);
    g_autoptr (GMenu) section = g_menu_new ();

    g_menu_item_set_action_and_target (item, "accounts.unlink", "s", link);
    g_menu_append_item (section, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  }
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, _ ("Move or Remove the Account"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Move or Remove the Account"), -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  return button;
}

static GtkWidget *
account_widget (CrbAccountsPage *self, CrbAccountsSource *source, CrbAccount *account,
                CrbAccountsFacet *facet)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *value = gtk_label_new (account->has_value ? account->value_label : _ ("No figure"));
  GtkWidget *quote = caption (account->exact, TRUE);
  GtkWidget *menu = account_menu (self, account, facet);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_add_css_class (value, account->has_value ? "account-value" : "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  if (account->disagrees)
    gtk_box_append (GTK_BOX (box),
                    flag ("dialog-warning-symbolic", _ ("Disagrees"),
                          _ ("This figure cannot be true together with another source's"),
                          "disagrees"));
  if (account->copied_from)
    {
      /* The row names the original; the cell only says it is a copy. */
      g_autofree char *description = g_strdup_printf (
          _ ("Repeats “%s”: counted once"), source_title (self->grid, account->copied_from));

      gtk_box_append (GTK_BOX (box),
                      flag ("edit-copy-symbolic", _ ("Copy"), description, "copied"));
    }
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 20);
  gtk_widget_add_css_class (quote, "account-quote");
  gtk_box_append (GTK_BOX (box), quote);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "account");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "accounts.open-claim");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", source->document_uuid,
                                    account->claim_uuid);
  /* Translators: what a screen reader says for one cell of the accounts grid:
   * source, question, figure, quote */
  accessible = g_strdup_printf (_ ("%s, %s: %s%s%s. “%s”"), source->title, facet_label (facet),
                                account->has_value ? account->value_label : _ ("no figure"),
                                account->disagrees ? _ (", disagrees") : "",
                                account->copied_from ? _ (", copied") : "", account->exact);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_set_tooltip_text (button, _ ("Show in the Source"));
  gtk_box_append (GTK_BOX (row), button);
  if (menu)
    gtk_box_append (GTK_BOX (row), menu);
  if (account->copied_from)
    gtk_widget_add_css_class (row, "copy");
  return row;
}

static void
attach_cell (CrbAccountsPage *self, GtkWidget *child, int column, int row, const char *css_class)
{
  /* Columns of one width read as a table; long quotes wrap inside. */
  gtk_widget_set_size_request (child, column == 0 ? 200 : 168, -1);
  gtk_widget_add_css_class (child, "cell");
  if (column == 0)
    gtk_widget_add_css_class (child, "first");
  if (css_class)
    gtk_widget_add_css_class (child, css_class);
  gtk_grid_attach (self->grid_view, child, column, row, 1, 1);
}

static void
render (CrbAccountsPage *self)
{
  CrbAccountsGrid *grid = self->grid;
  GtkWidget       *child;
  g_autofree char *date = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GString) details = g_string_new (NULL);
  guint accounts = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid_view))))
    gtk_grid_remove (self->grid_view, child);
  if (grid == NULL)
    return;

  gtk_label_set_label (self->title_label, grid->title);
  date = crb_labels_format_date (grid->date_start);
  if (date)
    g_string_append (details, date);
  if (grid->date_end)
    {
      g_autofree char *end = crb_labels_format_date (grid->date_end);

      g_string_append_printf (details, " – %s", end);
    }
  if (grid->place)
    g_string_append_printf (details, "%s%s", details->len ? " · " : "", grid->place);
  gtk_label_set_label (self->details_label, details->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), details->len > 0);
  gtk_label_set_label (self->description_label, grid->description ? grid->description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), grid->description != NULL);

  /* A box keeps the word at the top of the header row. */
  child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (child), caption (_ ("Source"), TRUE));
  attach_cell (self, child, 0, 0, "header");
  for (guint f = 0; f < grid->facets->len; f++)
    attach_cell (self, facet_header (self, g_ptr_array_index (grid->facets, f)), (int) f + 1, 0,
                 "header");
  for (guint s = 0; s < grid->sources->len; s++)
    {
      CrbAccountsSource *source = g_ptr_array_index (grid->sources, s);

      attach_cell (self, source_header (grid, source), 0, (int) s + 1, "source");
      for (guint f = 0; f < grid->facets->len; f++)
        {
          GPtrArray *cell = crb_accounts_grid_get_cell (grid, s, f);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

          for (guint a = 0; a < cell->len; a++)
            gtk_box_append (GTK_BOX (box),
                            account_widget (self, source, g_ptr_array_index (cell, a),
                                            g_ptr_array_index (grid->facets, f)));
          if (cell->len == 0)
            {
              GtkWidget *none = gtk_label_new ("—");

              gtk_label_set_xalign (GTK_LABEL (none), 0);
              gtk_widget_add_css_class (none, "dim-label");
              gtk_widget_set_tooltip_text (none, _ ("No account of this"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (none), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _ ("No account of this"), -1);
              gtk_box_append (GTK_BOX (box), none);
            }
          accounts += cell->len;
          attach_cell (self, box, (int) f + 1, (int) s + 1, NULL);
        }
    }

  summary = g_strdup_printf (
      ngettext ("%u account from %u source", "%u accounts from %u sources", accounts), accounts,
      grid->sources->len);
  gtk_label_set_label (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->grid_stack, grid->sources->len > 0 ? "grid" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), grid->sources->len > 0);
}

/* Loading */

typedef struct
{
  CrbAccountsGrid *grid;
  GPtrArray       *links;
} Loaded;

static void
loaded_free (Loaded *loaded)
{
  g_clear_pointer (&loaded->grid, crb_accounts_grid_free);
  g_clear_pointer (&loaded->links, g_ptr_array_unref);
  g_free (loaded);
}

static void
build_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  CrbProject *project = g_object_get_data (G_OBJECT (task), "project");
  Loaded     *loaded = g_new0 (Loaded, 1);
  GError     *error = NULL;

  if ((loaded->grid = crb_project_build_accounts (project, data, NULL, &error)) &&
      (loaded->links = crb_project_list_event_claims (project, data, &error)))
    g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_free);
  else
    {
      loaded_free (loaded);
      g_task_return_error (task, error);
    }
}

static void
built (GObject *source, GAsyncResult *result, gpointer user_data)
{
  CrbAccountsPage *self = CRB_ACCOUNTS_PAGE (source);
  g_autoptr (GError) error = NULL;
  Loaded *loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading--;
  if (loaded == NULL)
    {
      g_clear_pointer (&self->grid, crb_accounts_grid_free);
      g_clear_pointer (&self->links, g_ptr_array_unref);
      render (self);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      g_debug ("No accounts grid: %s", error->message);
    }
  else
    {
      g_clear_pointer (&self->grid, crb_accounts_grid_free);
      g_clear_pointer (&self->links, g_ptr_array_unref);
      self->grid = g_steal_pointer (&loaded->grid);
      self->links = g_steal_pointer (&loaded->links);
      loaded_free (loaded);
      render (self);
      gtk_stack_set_visible_child_name (self->stack, "page");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
reload (CrbAccountsPage *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->cancellable)
    {
      /* A build in flight is outdated: it will not count as loading. */
      if (self->loading > 0)
        self->loading--;
      g_cancellable_cancel (self->cancellable);
    }
  g_clear_object (&self->cancellable);
  if (self->project == NULL || self->event_uuid == NULL)
    {
      g_clear_pointer (&self->grid, crb_accounts_grid_free);
      g_clear_pointer (&self->links, g_ptr_array_unref);
      render (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  self->loading++;
  task = g_task_new (self, self->cancellable, built, NULL);
  g_task_set_source_tag (task, reload);
  g_task_set_task_data (task, g_strdup (self->event_uuid), g_free);
  g_object_set_data_full (G_OBJECT (task), "project", g_object_ref (self->project), g_object_unref);
  g_task_run_in_thread (task, build_in_thread);
}

static void
project_changed (CrbAccountsPage *self, CrbChangeFlags changes)
{
  if (changes &
      (CRB_CHANGE_EVENTS | CRB_CHANGE_CLAIMS | CRB_CHANGE_DOCUMENTS | CRB_CHANGE_RELATIONS))
    reload (self);
}

static void
crb_accounts_page_class_init (CrbAccountsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_accounts_page_dispose;
  object_class->get_property = crb_accounts_page_get_property;

  properties[PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrbAccountsPage::claim-activated:
   * @document_uuid: the source of the account
   * @claim_uuid: the claim to show in the reader
   */
  signals[CLAIM_ACTIVATED] =
      g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/corroborate/Corroborate/crb-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, box);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, grid_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, facet_entry);
  gtk_widget_class_bind_template_child (widget_class, CrbAccountsPage, export_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "accountspage");
  _crb_accounts_page_class_actions_init (widget_class);
}

static void
facet_entry_activated (CrbAccountsPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "accounts.add-facet", NULL);
}

static void
crb_accounts_page_init (CrbAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The cells' backgrounds stay inside the card's rounded corners. */
  gtk_widget_set_overflow (GTK_WIDGET (self->grid_view), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_swapped (self->facet_entry, "activate", G_CALLBACK (facet_entry_activated),
                            self);
  gtk_stack_set_visible_child_name (self->stack, "missing");
}

GtkWidget *
crb_accounts_page_new (void)
{
  return g_object_new (CRB_TYPE_ACCOUNTS_PAGE, NULL);
}

void
crb_accounts_page_set_project (CrbAccountsPage *self, CrbProject *project)
{
  g_return_if_fail (CRB_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (project == NULL || CRB_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project && self->changed_id)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_set_object (&self->project, project);
  if (project)
    self->changed_id =
        g_signal_connect_swapped (project, "changed", G_CALLBACK (project_changed), self);
  g_clear_pointer (&self->event_uuid, g_free);
  reload (self);
  gtk_stack_set_visible_child_name (self->stack, "missing");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
crb_accounts_page_set_event (CrbAccountsPage *self, const char *event_uuid)
{
  g_return_if_fail (CRB_IS_ACCOUNTS_PAGE (self));

  if (g_strcmp0 (self->event_uuid, event_uuid) != 0)
    {
      g_free (self->event_uuid);
      self->event_uuid = g_strdup (event_uuid);
      gtk_editable_set_text (GTK_EDITABLE (self->facet_entry), "");
    }
  reload (self);
}

const char *
crb_accounts_page_get_event (CrbAccountsPage *self)
{
  g_return_val_if_fail (CRB_IS_ACCOUNTS_PAGE (self), NULL);
  return self->event_uuid;
}

const char *
crb_accounts_page_get_title (CrbAccountsPage *self)
{
  g_return_val_if_fail (CRB_IS_ACCOUNTS_PAGE (self), NULL);
  return self->grid ? self->grid->title : "";
}

CrbAccountsGrid *
crb_accounts_page_get_grid (CrbAccountsPage *self)
{
  g_return_val_if_fail (CRB_IS_ACCOUNTS_PAGE (self), NULL);
  return self->grid;
}

gboolean
crb_accounts_page_is_loading (CrbAccountsPage *self)
{
  g_return_val_if_fail (CRB_IS_ACCOUNTS_PAGE (self), FALSE);
  return self->loading > 0;
}

void
_crb_accounts_page_emit_claim_activated (CrbAccountsPage *self, const char *document_uuid,
                                         const char *claim_uuid)
{
  g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, document_uuid, claim_uuid);
}
