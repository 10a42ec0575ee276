#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Writes crb-encoding-cyrillic.h: for each Cyrillic language we guess
# encodings for, how often each letter follows another (and opens or closes a
# word), counted over real text in that language.  The text is the message
# catalogues installed on a Debian system (/usr/share/locale/LANG/LC_MESSAGES):
# thousands of sentences written by translators.  Only every other catalogue
# is counted, so that the rest can check the encoding guesser on text it has
# not seen.  Not run at build time; run it by hand and commit the result:
#
#   src/extract/gen-cyrillic-bigrams.py > src/extract/crb-encoding-cyrillic.h

import glob
import math
import struct
import sys

LANGUAGES = [
    ('russian', 'ru', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'),
    ('ukrainian', 'uk', 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'),
    ('belarusian', 'be', 'абвгдеёжзійклмнопрстуўфхцчшыьэюя'),
    ('bulgarian', 'bg', 'абвгдежзийклмнопрстуфхцчшщъьюя'),
    ('serbian', 'sr', 'абвгдђежзијклљмнњопрстћуфхцчџш'),
    ('kazakh', 'kk', 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя'),
]
SMOOTHING = 0.5
SCALE = 8  # costs are stored in eighths of a nat


def catalogue_strings(path):
    data = open(path, 'rb').read()
    order = '<' if struct.unpack('<I', data[:4])[0] == 0x950412de else '>'
    count, _, translations = struct.unpack(order + 'III', data[8:20])
    for i in range(count):
        length, offset = struct.unpack(order + 'II',
                                       data[translations + 8 * i:translations + 8 * i + 8])
        yield data[offset:offset + length].decode('utf-8', 'replace')


def count_pairs(code, alphabet):
    index = {c: i for i, c in enumerate(alphabet)}
    boundary = len(alphabet)
    counts = [[0] * (boundary + 1) for _ in range(boundary + 1)]
    letters = 0
    for path in sorted(glob.glob('/usr/share/locale/%s/LC_MESSAGES/*.mo' % code))[0::2]:
        for text in catalogue_strings(path):
            word = []
            foreign = False
            for ch in text.lower() + ' ':
                if ch in index:
                    word.append(index[ch])
                    continue
                # A letter of another alphabet makes the whole word foreign.
                if ch.isalpha():
                    foreign = True
                    continue
                if word and not foreign:
                    previous = boundary
                    for c in word:
                        counts[previous][c] += 1
                        previous = c
                    counts[previous][boundary] += 1
                    letters += len(word)
                word = []
                foreign = False
    return counts, letters


def main():
    out = sys.stdout
    out.write('/* crb-encoding-cyrillic.h: letter pairs of Cyrillic languages, written by\n'
              ' * gen-cyrillic-bigrams.py\n *\n'
              ' * SPDX-License-Identifier: GPL-3.0-or-later\n *\n'
              ' * For each language, row: the previous letter (last row: the start of a\n'
              ' * word); column: the next letter (last column: the end of the word), in the\n'
              ' * order of the language\'s alphabet.  Each entry is -ln P(next | previous)\n'
              ' * in eighths of a nat.\n */\n#pragma once\n\n')
    names = []
    for name, code, alphabet in LANGUAGES:
        counts, letters = count_pairs(code, alphabet)
        size = len(alphabet) + 1
        names.append((name, alphabet))
        out.write('/* %s: %d letters */\nstatic const guint8 %s_pairs[%d][%d] = {\n'
                  % (name.capitalize(), letters, name, size, size))
        for row in counts:
            total = sum(row) + SMOOTHING * len(row)
            cells = ['%3d' % min(255, round(-math.log((n + SMOOTHING) / total) * SCALE))
                     for n in row]
            lines = [', '.join(cells[i:i + 17]) for i in range(0, len(cells), 17)]
            out.write('  { ' + ',\n    '.join(lines) + ' },\n')
        out.write('};\n\n')

    out.write('typedef struct\n{\n  const char   *alphabet;\n  const guint8 *pairs;\n'
              '} CyrillicLanguage;\n\n')
    out.write('static const CyrillicLanguage cyrillic_languages[] = {\n')
    for name, alphabet in names:
        out.write('  { "%s", &%s_pairs[0][0] },\n' % (alphabet, name))
    out.write('};\n')


if __name__ == '__main__':
    main()
