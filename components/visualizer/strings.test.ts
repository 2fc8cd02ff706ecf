import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyMove, enabledMoves, startRun, type Run } from './engine/run.ts';
import { LABEL_ZH, moveLabel, NARRATION_ZH, narrationText } from './i18n/narrate.ts';
import type { Narration } from './models/types.ts';
import { loadScenarioFiles, localize } from './scenario/load.ts';
import { VIZ_LOCALES, VIZ_STRINGS, vizLocale, vt, type VizKey } from './strings.ts';

const keys = Object.keys(VIZ_STRINGS.en).sort() as VizKey[];
const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('visualizer UI strings', () => {
  test.each(VIZ_LOCALES)('%s has every key, none empty, same {placeholders} as English', (locale) => {
    expect(Object.keys(VIZ_STRINGS[locale]).sort()).toEqual(keys);
    for (const k of keys) {
      expect(VIZ_STRINGS[locale][k].trim(), k).not.toBe('');
      expect(names(VIZ_STRINGS[locale][k]), `${locale} ${k}`).toEqual(names(VIZ_STRINGS.en[k]));
    }
  });

  test('locale from <html lang>, and parameters are filled', () => {
    expect(vizLocale('zh-CN')).toBe('zh-cn');
    expect(vizLocale('en')).toBe('en');
    expect(vizLocale(undefined)).toBe('en');
    expect(vt('en', 'viz.position', { step: 3, total: 9 })).toBe('Step 3 of 9');
    expect(vt('zh-cn', 'viz.position', { step: 3, total: 9 })).toBe('第 3 步，共 9 步');
  });
});

/** Narration keys written literally in the models' sources, plus the few built from a template string. */
function modelKeys(): string[] {
  const dir = join(import.meta.dirname, 'models');
  const found = new Set(['hb.read', 'hb.write', 'rw.woken.readerSem', 'rw.woken.writerSem']);
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  for (const f of files.filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
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
    if (s.script.length) queue.push(s.script.reduce((r, m) => applyMove(s, r, m), startRun(s)));
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

describe('简体中文 narration and scheduler labels', () => {
  test('every narration key a model can emit has a template', () => {
    const missing = modelKeys().filter((k) => !NARRATION_ZH[k]);
    expect(missing).toEqual([]);
  });

  test('templates render every narration the scenarios produce, with no undefined or empty params', () => {
    const runs = reachable();
    expect(runs.length).toBeGreaterThan(100);
    for (const { narration } of runs) {
      for (const n of narration) {
        const text = narrationText('zh-cn', n);
        expect(text, n.key).not.toMatch(/undefined|NaN|\[object/);
        expect(NARRATION_ZH[n.key], n.key).toBeDefined();
      }
    }
  });

  test('every scheduler button in every reachable state has a Chinese label', () => {
    for (const { s, run } of reachable()) {
      for (const m of enabledMoves(s, run)) {
        if (m.key !== null) expect(LABEL_ZH[m.key], m.key).toBeDefined();
        expect(moveLabel('zh-cn', s, run, m)).toMatch(/^[A-Za-z0-9]+：/);
      }
    }
  });
});
