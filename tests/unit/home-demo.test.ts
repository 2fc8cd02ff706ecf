/**
 * The home page's demo draws content/home/race-demo/capture.json on main.go at build time. The
 * capture must be of this very source (re-run `npm run capture:home-demo` after editing it), and
 * must say what the page's sentence claims: a race between two distinct lines, and the output
 * "hits: 2" that the summary calls the right answer.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { DEMO_DIR, DEMO_FILE, sourceDigest, type DemoCapture } from '../../components/home/demo-capture.ts';
import { demoLines } from '../../components/home/demo-view.ts';

const source = readFileSync(`${DEMO_DIR}/${DEMO_FILE}`, 'utf8');
const capture = JSON.parse(readFileSync(`${DEMO_DIR}/capture.json`, 'utf8')) as DemoCapture;

test('the capture is of the current main.go (run `npm run capture:home-demo` after editing it)', () => {
  expect(capture.source).toBe(sourceDigest(source));
});

test('the capture is a race between two lines of main.go, with the output the page quotes', () => {
  expect(capture.status).toBe('race');
  expect(capture.stdout).toBe('hits: 2\n');
  expect(capture.stderr).toContain('WARNING: DATA RACE');
  const marked = demoLines(source, DEMO_FILE, capture.races).filter((l) =>
    l.marks.some((m) => m.kind !== 'created'),
  );
  expect(marked).toHaveLength(2);
  for (const l of marked) expect(l.tokens.map((t) => t.text).join('')).toMatch(/hits\+\+/);
});

test('the demo is short enough to read at a glance', () => {
  expect(source.trimEnd().split('\n').length).toBeLessThanOrEqual(16);
});
