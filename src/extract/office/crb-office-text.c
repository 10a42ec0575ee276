/* crb-office-text.c: one way to write out DOCX, ODT and EPUB text
 *
 * Blocks are paragraphs, headings, list items ("• ", indented by level)
 * and table rows (cells separated by tabs).  Consecutive items or rows
 * sit on consecutive lines; everything else is separated by a blank line.
 * Blocks nest (a text box inside a paragraph): the inner one is written
 * when it ends.  Notes are referenced as "[n]" in the order the text
 * first refers to them and follow the text under a "Notes" heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "crb-extract-office"

#include "crb-encoding.h"
#include "crb-encoding.h"
#include "crb-office-private.h"

#include <string.h>

typedef struct
{
  GString       *text;
  CrbOfficeBlock kind;
  guint          level;
  char          *label; /* "3.", "b)": numbered items; NULL: a bullet */
} Block;

struct _CrbOfficeText
{
  CrbExtractResult *result;
  guint             offset; /* code points written */
  GPtrArray        *stack;  /* Block *, innermost last */
  CrbOfficeBlock    last_kind;
  GPtrArray        *note_order;   /* char *: keys in order of first reference */
  GHashTable       *note_numbers; /* key → number */
  GHashTable       *notes;        /* key → text */
};

static void
block_free (Block *block)
{
  g_string_free (block->text, TRUE);
  g_free (block->label);
  g_free (block);
}

CrbOfficeText *
crb_office_text_new (CrbExtractResult *result)
{
  CrbOfficeText *text = g_new0 (CrbOfficeText, 1);

  text->result = result;
  text->offset = g_utf8_strlen (result->text->str, result->text->len);
  text->stack = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  text->note_order = g_ptr_array_new_with_free_func (g_free);
  text->note_numbers = g_hash_table_new (g_str_hash, g_str_equal);
  text->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return text;
}

void
crb_office_text_free (CrbOfficeText *text)
{
  if (text == NULL)
    return;
  g_ptr_array_unref (text->stack);
  g_hash_table_unref (text->note_numbers);
  g_ptr_array_unref (text->note_order);
  g_hash_table_unref (text->notes);
  g_free (text);
}

static Block *
current (CrbOfficeText *text)
{
  if (text->stack->len == 0)
    crb_office_text_begin (text, CRB_OFFICE_PARAGRAPH);
  return g_ptr_array_index (text->stack, text->stack->len - 1);
}

void
crb_office_text_begin (CrbOfficeText *text, CrbOfficeBlock kind)
{
  Block *block = g_new0 (Block, 1);

  block->text = g_string_new (NULL);
  block->kind = kind;
  g_ptr_array_add (text->stack, block);
}

void
crb_office_text_set_kind (CrbOfficeText *text, CrbOfficeBlock kind, guint level)
{
  Block *block = current (text);

  block->kind = kind;
  block->level = level;
}

void
crb_office_text_set_label (CrbOfficeText *text, const char *label)
{
  Block *block = current (text);

  g_free (block->label);
  block->label = label != NULL && *label != '\0' ? g_strdup (label) : NULL;
}

static gboolean
ends_in_space (GString *string)
{
  char last = string->len > 0 ? string->str[string->len - 1] : '\n';

  return last == ' ' || last == '\t' || last == '\n';
}

void
crb_office_text_append (CrbOfficeText *text, const char *utf8)
{
  GString *string = current (text)->text;

  for (const char *p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00a0)
        {
          if (!ends_in_space (string))
            g_string_append_c (string, ' ');
        }
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfeff || c == 0x00ad)
        continue; /* controls, byte-order marks, soft hyphens */
      else
        g_string_append_unichar (string, c);
    }
}

void
crb_office_text_break (CrbOfficeText *text, char c)
{
  GString *string = current (text)->text;

  if (c == ' ')
    {
      crb_office_text_append (text, " ");
      return;
    }
  while (string->len > 0 && string->str[string->len - 1] == ' ')
    g_string_truncate (string, string->len - 1);
  g_string_append_c (string, c);
}

gboolean
crb_office_text_is_empty (CrbOfficeText *text)
{
  Block *block = current (text);

  for (gsize i = 0; i < block->text->len; i++)
    if (!g_ascii_isspace (block->text->str[i]))
      return FALSE;
  return TRUE;
}

static void
write_text (CrbOfficeText *text, const char *utf8)
{
  g_string_append (text->result->text, utf8);
  text->offset += g_utf8_strlen (utf8, -1);
}

static void
emit (CrbOfficeText *text, Block *block)
{
  CrbExtractResult *result = text->result;
  char             *start = block->text->str;
  g_autofree char  *slice = NULL;
  g_autofree char  *normalized = NULL;
  gsize             end = block->text->len;

  while (g_ascii_isspace (*start))
    start++;
  while (end > (gsize) (start - block->text->str) && g_ascii_isspace (block->text->str[end - 1]))
    end--;
  if (start == block->text->str + end)
    return;
  slice = g_strndup (start, block->text->str + end - start);
  normalized = crb_text_normalize (slice);

  if (result->text->len > 0)
    write_text (text, block->kind == text->last_kind &&
                              (block->kind == CRB_OFFICE_ITEM || block->kind == CRB_OFFICE_ROW)
                          ? "\n"
                          : "\n\n");
  g_array_append_val (result->paragraphs, text->offset);
  if (block->kind == CRB_OFFICE_ITEM)
    {
      for (guint i = 0; i < MIN (block->level, 8); i++)
        write_text (text, "  ");
      write_text (text, block->label != NULL ? block->label : "•");
      write_text (text, " ");
    }
  write_text (text, normalized);
  text->last_kind = block->kind;
}

void
crb_office_text_end (CrbOfficeText *text)
{
  Block *block;

  if (text->stack->len == 0)
    return;
  block = g_ptr_array_steal_index (text->stack, text->stack->len - 1);
  emit (text, block);
  block_free (block);
}

void
crb_office_text_note_ref (CrbOfficeText *text, const char *key)
{
  guint number = GPOINTER_TO_UINT (g_hash_table_lookup (text->note_numbers, key));
  char  marker[32];

  if (number == 0)
    {
      char *owned = g_strdup (key);

      g_ptr_array_add (text->note_order, owned);
      number = text->note_order->len;
      g_hash_table_insert (text->note_numbers, owned, GUINT_TO_POINTER (number));
    }
  g_snprintf (marker, sizeof marker, "[%u]", number);
  g_string_append (current (text)->text, marker);
}

void
crb_office_text_set_note (CrbOfficeText *text, const char *key, const char *note)
{
  g_hash_table_replace (text->notes, g_strdup (key), g_strdup (note));
}

void
crb_office_text_finish (CrbOfficeText *text)
{
  while (text->stack->len > 0)
    crb_office_text_end (text);
  if (text->note_order->len == 0)
    return;

  crb_office_text_begin (text, CRB_OFFICE_HEADING);
  crb_office_text_append (text, "Notes");
  crb_office_text_end (text);
  for (guint i = 0; i < text->note_order->len; i++)
    {
      const char *key = g_ptr_array_index (text->note_order, i);
      const char *note = g_hash_table_lookup (text->notes, key);
      char        marker[32];

      g_snprintf (marker, sizeof marker, "[%u] ", i + 1);
      crb_office_text_begin (text, CRB_OFFICE_PARAGRAPH);
      crb_office_text_append (text, marker);
      crb_office_text_append (text, note != NULL ? note : "");
      crb_office_text_end (text);
    }
}

void
crb_office_set_field (char **field, const char *value)
{
  g_autoptr (GString) collapsed = NULL;

  if (*field != NULL || value == NULL || !g_utf8_validate (value, -1, NULL))
    return;
  collapsed = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (collapsed->len > 0 && collapsed->str[collapsed->len - 1] != ' ')
            g_string_append_c (collapsed, ' ');
        }
      else if ((guchar) *p >= 0x20)
        g_string_append_c (collapsed, *p);
    }
  g_strchomp (collapsed->str);
  if (*collapsed->str != '\0')
    *field = crb_text_normalize (collapsed->str);
}
