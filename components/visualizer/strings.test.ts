import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyMove, enabledMoves, startRun, type Run } from './engine/run.ts';
import { moveLabel, NARRATION, narrationText } from './i18n/narrate.ts';
import { models } from './models/registry.ts';
import type { Narration } from './models/types.ts';
import { loadScenarioFiles, localize } from './scenario/load.ts';
import { LOCALES } from '../i18n/index.ts';

/** Narration keys written literally in the models' sources (the key types check them too). */
function modelKeys(): string[] {
  const dir = join(import.meta.dirname, 'models');
  const found = new Set<string>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  for (const f of files.filter(
    (x) => x.endsWith('.ts') && !x.endsWith('.test.ts') && !x.includes('narration-'),
  )) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:tell|say)\(\s*(?:st,\s*)?'([\w.]+)'/g)) found.add(m[1]!);
    for (const m of src.matchAll(/die\([^;]*?,\s*'([\w.]+)'\)/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

/** Every run reachable from each scenario's start (bounded), for narration and label coverage. */
function reachable(): { s: ReturnType<typeof localize>; run: Run; narration: Narration[] }[] {
  const out: { s: ReturnType<typeof localize>; run: Run; narration: Narration[] }[] = [];
  for (const { data } of loadScenarioFiles('content/scenarios')) {
    const s = localize(data, 'zh-cn');
    const seen = new Set<string>();
    const queue: Run[] = [startRun(s)];
    // The guided script, every step of it, then every state reachable from the start (bounded).
    let scripted = startRun(s);
    for (const m of s.script) {
      scripted = applyMove(s, scripted, m);
      out.push({ s, run: scripted, narration: scripted.steps.at(-1)!.narration });
    }
    if (s.script.length) queue.push(scripted);
    while (queue.length && seen.size < 400) {
      const run = queue.shift()!;
      const key = JSON.stringify([run.state, run.counts]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ s, run, narration: run.steps.at(-1)?.narration ?? [] });
      for (const m of enabledMoves(s, run)) queue.push(applyMove(s, run, m.move));
    }
  }
  return out;
}

describe('narration in both languages', () => {
  test.each(Object.entries(models))('%s: the English and Chinese tables have the same keys', (_, m) => {
    expect(Object.keys(m.narration['zh-cn']).sort()).toEqual(Object.keys(m.narration.en).sort());
  });

  test.each(LOCALES)('%s: every narration key a model can emit has a template', (locale) => {
    const missing = modelKeys().filter((k) => !NARRATION[locale][k]);
    expect(missing).toEqual([]);
  });

  test('every step of every scenario replay, and every reachable state, renders in en and zh-cn', () => {
    const runs = reachable();
    expect(runs.length).toBeGreaterThan(100);
    let sentences = 0;
    for (const { s, narration } of runs) {
      for (const n of narration) {
        for (const locale of LOCALES) {
          expect(NARRATION[locale][n.key], `${s.id}: ${locale} ${n.key}`).toBeDefined();
          const text = narrationText(locale, n);
          expect(text.trim(), `${s.id}: ${locale} ${n.key}`).not.toBe('');
          // An unfilled placeholder or a missing param shows as one of these.
          expect(text, `${s.id}: ${locale} ${n.key}`).not.toMatch(/undefined|NaN|\[object|\{\w+\}|\$\{/);
          sentences += 1;
        }
      }
    }
    expect(sentences).toBeGreaterThan(1000);
  });
});

describe('scheduler labels in both languages', () => {
  test('every scheduler button in every reachable state renders in en and zh-cn', () => {
    let labels = 0;
    for (const { s, run } of reachable()) {
      // Clock moves have their own buttons (clock-controls.ts), not a goroutine's label.
      for (const m of enabledMoves(s, run).filter((x) => x.goroutine !== null)) {
        for (const locale of LOCALES) {
          const where = `${s.id}: ${locale} ${m.label?.key ?? String(m.move)}`;
          if (m.label) expect(NARRATION[locale][m.label.key], where).toBeDefined();
          const text = moveLabel(locale, s, m);
          expect(text, where).toMatch(locale === 'zh-cn' ? /^[A-Za-z0-9]+：\S/ : /^[A-Za-z0-9]+: \S/);
          expect(text, where).not.toMatch(/undefined|NaN|\[object|\{\w+\}|\$\{|\.label\./);
          labels += 1;
        }
      }
    }
    expect(labels).toBeGreaterThan(1000);
  });
});
