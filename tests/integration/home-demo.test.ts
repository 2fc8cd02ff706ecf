/**
 * The home page draws a race report captured from the real runner (content/home/race-demo). This
 * runs the same program through the real runner again: it must still race, on the same two lines,
 * with the racing goroutine created where the capture says, on every run — the home page's
 * drawing stays true to what a learner gets by pressing Run.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRunner, type Runner } from './harness.ts';
import { DEMO_DIR, DEMO_FILE, type DemoCapture } from '../../components/home/demo-capture.ts';
import type { Race } from '../../contract/run.ts';

let runner: Runner;

beforeAll(async () => {
  runner = await startRunner();
  await runner.waitWarm();
}, 240_000);
afterAll(async () => runner?.close());

const source = readFileSync(`${DEMO_DIR}/${DEMO_FILE}`, 'utf8');
const capture = JSON.parse(readFileSync(`${DEMO_DIR}/capture.json`, 'utf8')) as DemoCapture;

/** The lines a race names in the learner's file: both accesses (in either order) and the creation site. */
function lines(race: Race | undefined): { accesses: number[]; created: number[] } {
  const mine = (frames: { file: string; line: number }[]) => frames.find((f) => f.file === DEMO_FILE)?.line;
  return {
    accesses: (race?.accesses ?? []).map((a) => mine(a.stack) ?? -1).sort((a, b) => a - b),
    created: (race?.goroutines ?? []).map((g) => mine(g.createdAt) ?? -1),
  };
}

test('the home page demo races on the captured lines, run after run', async () => {
  const expected = lines(capture.races[0]);
  expect(expected.accesses).toHaveLength(2);
  for (let i = 0; i < 3; i++) {
    const { statusCode, body } = await runner.run({
      files: { [DEMO_FILE]: source },
      action: 'run',
      race: true,
    });
    expect(statusCode).toBe(200);
    expect(body.status).toBe('race');
    expect(body.stdout).toBe(capture.stdout);
    expect(lines(body.races[0])).toEqual(expected);
  }
}, 60_000);
