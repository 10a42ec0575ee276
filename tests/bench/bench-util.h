/* bench-util.h: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Deletes a folder and everything in it (the benchmark's scratch space). */
void bench_remove_tree (const char *path);
