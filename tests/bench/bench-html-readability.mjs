// bench-html-readability.mjs: Mozilla Readability on the HTML test pages
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// node bench-html-readability.mjs PAGES_DIR OURS_TSV
//
// Runs @mozilla/readability (on a jsdom document) over every PAGES_DIR/NAME.html,
// scores its text against NAME.expected.txt with the token F1 of
// tests/extract/html/html-f1.c (NFC, lower case, tokens are runs of Unicode
// letters, marks and digits, multiset overlap), reads Corroborate's figures
// for the same pages from OURS_TSV (bench-html --tsv) and prints both.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

function tokens (text) {
  const counts = new Map();
  let total = 0;
  for (const token of text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
    counts.set(token, (counts.get(token) ?? 0) + 1);
    total++;
  }
  return { counts, total };
}

function f1 (extracted, expected) {
  const ours = tokens(extracted);
  const theirs = tokens(expected);
  if (ours.total === 0 && theirs.total === 0)
    return 1;
  let overlap = 0;
  for (const [token, count] of ours.counts)
    overlap += Math.min(count, theirs.counts.get(token) ?? 0);
  const p = ours.total ? overlap / ours.total : 0;
  const r = theirs.total ? overlap / theirs.total : 0;
  return p + r === 0 ? 0 : 2 * p * r / (p + r);
}

// Readability's textContent runs paragraphs together ("end.Next") when the
// page has no white space between tags; give it the same block breaks our
// extractor writes, so that neither side loses tokens to glued words.
const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'LI', 'UL', 'OL', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'CAPTION', 'FIGURE',
  'FIGCAPTION', 'DL', 'DT', 'DD', 'BR', 'HR', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'ADDRESS']);

function blockText (node, out) {
  for (const child of node.childNodes) {
    if (child.nodeType === 3)
      out.push(child.data);
    else if (child.nodeType === 1) {
      const block = BLOCKS.has(child.tagName);
      if (block) out.push('\n');
      blockText(child, out);
      if (block) out.push('\n');
    }
  }
  return out;
}

function readability (html, url) {
  const virtualConsole = new VirtualConsole(); // silence CSS and script noise
  const dom = new JSDOM(html, { url, virtualConsole });
  const article = new Readability(dom.window.document).parse();
  if (article === null)
    return { title: '', text: '' };
  const fragment = JSDOM.fragment(article.content ?? '');
  return { title: article.title ?? '', text: blockText(fragment, []).join('') };
}

const [pagesDir, oursTsv] = process.argv.slice(2);
if (!pagesDir || !oursTsv) {
  console.error('usage: node bench-html-readability.mjs PAGES_DIR OURS_TSV');
  process.exit(2);
}
const ours = new Map(readFileSync(oursTsv, 'utf8').trim().split('\n').map(line => {
  const [name, score, ms] = line.split('\t');
  return [name, { f1: Number(score), ms: Number(ms) }];
}));

let sum = { ours: 0, content: 0, titled: 0, oursMs: 0, theirMs: 0 };
let n = 0;
console.log(`${'page'.padEnd(22)} ${'ours'.padStart(6)} ${'R+title'.padStart(8)} ${'R'.padStart(6)}` +
            ` ${'ours ms'.padStart(9)} ${'R ms'.padStart(9)}`);
for (const file of readdirSync(pagesDir).filter(f => f.endsWith('.html')).sort()) {
  const name = file.slice(0, -5);
  const buffer = readFileSync(join(pagesDir, file));
  const expected = readFileSync(join(pagesDir, `${name}.expected.txt`), 'utf8');
  let url = 'https://example.org/article';
  try {
    const meta = readFileSync(join(pagesDir, `${name}.meta`), 'utf8');
    url = meta.match(/^url=(.*)$/m)?.[1] ?? url;
  } catch { /* no metadata file */ }
  // jsdom decodes bytes itself, honouring <meta charset> as browsers do.
  let result;
  const start = performance.now();
  for (let i = 0; i < REPEAT; i++)
    result = readability(buffer, url);
  const ms = (performance.now() - start) / REPEAT;
  const content = f1(result.text, expected);
  const titled = f1(`${result.title}\n\n${result.text}`, expected);
  const mine = ours.get(name) ?? { f1: NaN, ms: NaN };
  sum.ours += mine.f1; sum.content += content; sum.titled += titled;
  sum.oursMs += mine.ms; sum.theirMs += ms; n++;
  console.log(`${name.padEnd(22)} ${mine.f1.toFixed(3).padStart(6)} ${titled.toFixed(3).padStart(8)}` +
              ` ${content.toFixed(3).padStart(6)} ${mine.ms.toFixed(2).padStart(9)} ${ms.toFixed(2).padStart(9)}`);
}
console.log('');
console.log(`mean F1 over ${n} pages: Corroborate ${(sum.ours / n).toFixed(4)}, ` +
            `Readability ${(sum.titled / n).toFixed(4)} with its title prepended ` +
            `(${(sum.content / n).toFixed(4)} content only)`);
console.log(`mean time per page: Corroborate ${(sum.oursMs / n).toFixed(2)} ms, ` +
            `Readability + jsdom ${(sum.theirMs / n).toFixed(2)} ms: ` +
            `Corroborate is ${(sum.theirMs / sum.oursMs).toFixed(1)}x faster`);
