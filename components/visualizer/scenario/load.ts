/**
 * Loads content/scenarios/*.json at build time: schema check, per-model op check, then semantic
 * checks (lane ids, code-line mapping, a script that really replays). Every error names the file
 * and the field, e.g. `content/scenarios/x.json: /goroutines/1/program/0 must be …`.
 * N.B. Node-only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { applyMove, startRun } from '../engine/run.ts';
import { isEventDriven } from '../engine/setup.ts';
import type { Scenario } from '../engine/types.ts';
import { modelOf } from '../models/registry.ts';
import type { JsonSchema } from './schema-kit.ts';
import { ScenarioFile, type Text } from './schema.ts';

/** A validated scenario and where it came from. */
export interface LoadedScenario {
  file: string;
  data: ScenarioFile;
}

function check(file: string, schema: TSchema | JsonSchema, value: unknown, at: string): void {
  // TypeBox's Value module validates plain JSON Schema too (the models' schemas are plain objects).
  const problem = [...Value.Errors(schema as TSchema, value)][0];
  if (problem) throw new Error(`${file}: ${at}${problem.instancePath || ''} ${problem.message}`);
}

/** Validates one parsed file; throws a message naming the file and field. */
export function validateScenario(file: string, raw: unknown, expectedId?: string): ScenarioFile {
  check(file, ScenarioFile, raw, '');
  const d = raw as ScenarioFile;
  const fail = (field: string, message: string): never => {
    throw new Error(`${file}: ${field} ${message}`);
  };
  if (expectedId && d.id !== expectedId) fail('/id', `must match the file name (${expectedId})`);
  const spec = modelOf(d.model).schema;
  check(file, spec.initial, d.initial, '/initial');
  const ids = d.goroutines.map((g) => g.id);
  if (new Set(ids).size !== ids.length) fail('/goroutines', 'has duplicate ids');
  d.goroutines.forEach((g, i) => {
    const at = `/goroutines/${i}`;
    for (const [key, line] of Object.entries(g.at ?? {}))
      if (line >= g.code.length) fail(`${at}/at/${key}`, `points past the ${g.code.length} code lines`);
    if (spec.op === null) {
      if (g.program) fail(`${at}/program`, `is not used by the ${d.model} model`);
      if (g.id !== `G${i + 1}`) fail(`${at}/id`, `must be G${i + 1} for the ${d.model} model`);
      return;
    }
    if (!g.program?.length) fail(`${at}/program`, 'is required and must not be empty');
    g.program?.forEach((op, j) => {
      check(file, spec.op!, op, `${at}/program/${j}`);
      const ev = op as { g?: string; parent?: string; core?: number };
      const owner = ev.g ?? ev.parent;
      if (owner !== undefined && owner !== g.id)
        fail(`${at}/program/${j}`, `belongs to ${owner}, not ${g.id}`);
      const cores = (d.initial.cores as number | undefined) ?? 2;
      if (ev.core !== undefined && ev.core >= cores)
        fail(`${at}/program/${j}/core`, `must be below ${cores}`);
    });
  });
  if (d.end && !d.script) fail('/end', 'needs a script');
  if (d.level?.kind === 'break' && !d.level.win) fail('/level/win', 'is required for a break level');
  if (d.level?.kind === 'break' && !d.level.par) fail('/level/par', 'is required for a break level');
  if (d.level?.kind === 'predict' && (!d.level.predict || !d.script?.length))
    fail('/level', 'a predict level needs predict and a script');
  if (d.clock && (!modelOf(d.model).clock || isEventDriven(d.model)))
    fail('/clock', `is not offered by the ${d.model} model (it has no clock)`);
  if (d.spin && !modelOf(d.model).spinEnv) fail('/spin', `is not offered by the ${d.model} model`);
  // The script must replay: every move names a lane that can run at that point.
  const s = localize(d, 'en');
  let run = startRun(s);
  (d.script ?? []).forEach((move, i) => {
    if (typeof move === 'string' && !ids.includes(move)) fail(`/script/${i}`, `names no goroutine (${move})`);
    if (typeof move !== 'string' && (!modelOf(d.model).clock || isEventDriven(d.model)))
      fail(`/script/${i}`, 'ticks only exist in the mutex model');
    try {
      run = applyMove(s, run, move);
    } catch (error) {
      fail(`/script/${i}`, `cannot be replayed: ${(error as Error).message}`);
    }
  });
  return d;
}

/** Reads and validates every `<id>.json` in `dir`, sorted by id. */
export function loadScenarioFiles(dir = 'content/scenarios'): LoadedScenario[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
      }
      return { file, data: validateScenario(file, raw, name.replace(/\.json$/, '')) };
    });
}

/** The scenario in one locale, as the browser element receives it. */
export function localize(d: ScenarioFile, locale: 'en' | 'zh-cn'): Scenario {
  const tr = (t: Text): string => t[locale];
  return {
    id: d.id,
    model: d.model,
    chapter: d.chapter,
    title: tr(d.title),
    description: tr(d.description),
    goroutines: d.goroutines.map((g) => ({
      id: g.id,
      label: g.label ? tr(g.label) : undefined,
      code: g.code,
      at: g.at,
      program: g.program,
    })),
    initial: d.initial,
    script: d.script ?? [],
    end: d.end,
    clock: d.clock,
    spin: d.spin,
    level: d.level && {
      kind: d.level.kind,
      goal: tr(d.level.goal),
      win: d.level.win,
      par: d.level.par,
      hints: d.level.hints.map(tr),
      lesson: d.level.lesson && { text: tr(d.level.lesson.text), section: d.level.lesson.section[locale] },
      predict: d.level.predict,
    },
  };
}
