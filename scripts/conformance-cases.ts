/**
 * Writes the conformance cases the Go test in tests/conformance replays (default
 * tests/conformance/testdata/cases.json): every mutex/rwmutex scenario's move lists, seeded random
 * schedules and every schedule of a few short programs, each with the model's state after every move.
 * Usage: node scripts/conformance-cases.ts [out.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadScenarioFiles, localize } from '../components/visualizer/scenario/load.ts';
import { isConformanceModel, scenarioCases } from './conformance/cases.ts';
import { exhaustiveSets, randomCases, randomMoves, prng, STARVATION } from './conformance/generate.ts';
import { caseOf } from './conformance/cases.ts';

const root = resolve(import.meta.dirname, '..');
const out = resolve(process.argv[2] ?? `${root}/tests/conformance/testdata/cases.json`);

const scenarios = loadScenarioFiles(`${root}/content/scenarios`)
  .map((x) => localize(x.data, 'en'))
  .filter((s) => isConformanceModel(s.model));
const rand = prng(19);
const cases = [
  ...scenarios.flatMap(scenarioCases),
  // The scenarios' own programs and settings under random schedules too.
  ...scenarios.flatMap((s) =>
    Array.from({ length: 40 }, (_, i) => caseOf(`${s.id}/random-${i}`, s, randomMoves(s, rand))),
  ),
  ...randomCases('mutex', 1500, 1),
  ...randomCases('mutex', 1000, 3, STARVATION),
  ...randomCases('rwmutex', 1000, 2),
  ...exhaustiveSets(),
];
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(cases));
console.log(`${cases.length} cases, ${cases.reduce((n, c) => n + c.moves.length, 0)} moves → ${out}`);
