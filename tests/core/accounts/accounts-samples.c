/* accounts-samples.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "accounts-samples.h"
#include "crb-edit.h"
#include "crb-test-project.h"

static const struct
{
  const char *file;
  const char *title;
  const char *published_at;
} sample_files[N_SAMPLES] = {
  { "01-meridian-wire.txt", "Meridian Press Agency", "2026-04-18T11:52:00" },
  { "02-national-courier.txt", "The National Courier", "2026-04-18T14:20:00" },
  { "03-ilmet-valley-gazette.txt", "Ilmet Valley Gazette", "2026-04-18T17:45:00" },
  { "04-vesti-priilmetya-ru.txt", "Вести Приильметья", "2026-04-18T13:10:00" },
  { "04-vesti-priilmetya-machine-translation.txt", "Vesti Priilmetya (machine translation)",
    "2026-04-18T13:10:00" },
  { "05-watershed-monitor-analysis.md", "Watershed Monitor", "2026-04-20T09:00:00" },
  { "06-korvash24-saved-page.txt", "Korvash 24", "2026-04-18T19:05:00" },
};

const char *
samples_title (Sample sample)
{
  return sample_files[sample].title;
}

char *
samples_read (Sample sample)
{
  g_autofree char *path = g_build_filename (CRB_SAMPLES_DIR, sample_files[sample].file, NULL);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

void
samples_load (Samples *samples)
{
  memset (samples, 0, sizeof *samples);
  samples->project = crb_test_new_project (&samples->path);
  for (guint i = 0; i < N_SAMPLES; i++)
    {
      g_autofree char *text = samples_read (i);
      g_autoptr (GError) error = NULL;

      samples->uuids[i] = crb_test_add_document (samples->project, sample_files[i].title, text);
      crb_assert_ok (crb_project_set_field (samples->project, "document", samples->uuids[i],
                                            "published_at", sample_files[i].published_at, &error));
    }
}

void
samples_clear (Samples *samples)
{
  g_clear_object (&samples->project);
  g_clear_pointer (&samples->path, g_free);
  for (guint i = 0; i < N_SAMPLES; i++)
    g_clear_pointer (&samples->uuids[i], g_free);
}

gboolean
corpus_read (char *texts[5])
{
  const char              *folder = g_getenv ("CORROBORATE_SHARED_CORPUS");
  static const char *const files[] = {
    "000_52b5d4f89e9c5f14.txt", "001_b3789546dbf15183.txt", "002_4e23757e282a3ed9.txt",
    "003_bd98389c00c0853d.txt", "004_cc2099cb79d2eee5.txt",
  };

  if (folder == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (folder, files[i], NULL);

      if (!g_file_get_contents (path, &texts[i], NULL, NULL))
        {
          for (guint j = 0; j < i; j++)
            g_clear_pointer (&texts[j], g_free);
          return FALSE;
        }
    }
  return TRUE;
}
