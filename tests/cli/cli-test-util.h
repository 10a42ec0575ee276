/* cli-test-util.h: running the built corroborate-cli from tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status; /* exit status; -1 when killed by a signal */
  char *out;
  char *err;
} CliRun;

void cli_run_free (CliRun *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliRun, cli_run_free)

/* A temporary folder per test, removed afterwards; the CLI's cache and data
 * folders (undo history, backups) live in it. */
typedef struct
{
  char *dir;
} CliFixture;

void cli_fixture_set_up (CliFixture *fixture, gconstpointer data);
void cli_fixture_tear_down (CliFixture *fixture, gconstpointer data);
/* A path inside the fixture's folder (newly allocated). */
char *cli_path (CliFixture *fixture, const char *name);
/* Writes `length` bytes (-1: a string) to a file in the fixture's folder,
 * creating parent folders; returns its path. */
char *cli_write (CliFixture *fixture, const char *name, const char *contents, gssize length);

/* Runs corroborate-cli with the arguments (NULL-terminated) and collects
 * its output.  Asserts that it ended normally and printed no GLib warning
 * or critical. */
CliRun *cli_run (CliFixture *fixture, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
CliRun *cli_runv (CliFixture *fixture, const char *const *args);
/* Runs and asserts exit status 0; returns stdout. */
char *cli_run_ok (CliFixture *fixture, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;
/* Runs with --json appended, asserts success and returns the parsed
 * root. */
JsonNode *cli_run_json (CliFixture *fixture, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;

/* Asserts that a failed run exited with `status` and said why on stderr
 * in the CLI's voice, mentioning `needle` (case-insensitive). */
void cli_assert_failed (CliRun *run, int status, const char *needle);

char *cli_file_sha256 (const char *path);
char *cli_text_sha256 (const char *text);

/* Helpers over JSON results. */
guint       cli_json_length (JsonNode *array);
JsonObject *cli_json_element (JsonNode *array, guint index);
/* The first object in an array whose `member` is `value`, or NULL. */
JsonObject *cli_json_find (JsonNode *array, const char *member, const char *value);

/* A new project with the given UTF-8 texts imported as files; returns the
 * project path.  Titles come from the first lines. */
char *cli_make_project (CliFixture *fixture, const char *name, const char *const *texts);

G_END_DECLS
