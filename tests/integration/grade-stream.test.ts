/**
 * The exercise Check over a real WebSocket (GET /api/grade/stream) against the real runner with
 * one slot: a Check waiting behind other clients is told its place as it counts down, again for
 * each run of the grade, then gets its grade; a bad request is refused with the request check's
 * code before anything runs; a client with a full room is refused with retry advice; closing the
 * socket while waiting takes the Check out of the queue. Every message must fit the contract.
 * The order of events is driven by messages and health, never by elapsed time.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Value } from 'typebox/value';
import { startRunner, mainProgram, type Runner } from './harness.ts';
import { GradeStreamMessage } from '../../contract/grade-stream.ts';
import { StreamMessage } from '../../contract/stream.ts';
import type { RunRequest } from '../../contract/run.ts';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import type { Exercise } from '../../contract/exercise/types.ts';
import { editableStarter, solutionFiles } from '../../playground/src/grading/submission.ts';

const course = exerciseCatalog(loadExercises());
const counter = course.get('lost-update-counter')!;
/** The same exercise graded over two runs of its tests: a grade whose every run queues. */
const TWICE: Exercise = {
  ...structuredClone(counter),
  id: 'lost-update-counter-twice',
  grading: { ...counter.grading, count: 2 },
};
const exercises = new Map([...course, [TWICE.id, TWICE]]);

let runner: Runner;
let base: string;

beforeAll(async () => {
  // One slot, and runs that last until the test stops them.
  runner = await startRunner({ LOCKSTEP_CONCURRENCY: '1', LOCKSTEP_RUN_TIMEOUT_MS: '60000' }, { exercises });
  await runner.waitWarm();
  await runner.app.listen({ port: 0, host: '127.0.0.1' });
  const address = runner.app.server.address();
  base = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 240_000);
afterAll(async () => runner?.close());

/** An open stream: its messages so far, a wait for one that matches, and its end. */
class Stream<M extends { type: string }> {
  readonly messages: M[] = [];
  readonly closed: Promise<number>;
  private readonly socket: WebSocket;
  private waiters: { match: (m: M) => boolean; resolve: (m: M) => void }[] = [];

  constructor(
    path: string,
    client: string,
    body: unknown,
    schema: typeof GradeStreamMessage | typeof StreamMessage,
  ) {
    this.socket = new WebSocket(`${base}${path}?client=${client}`);
    this.socket.onopen = () => this.socket.send(typeof body === 'string' ? body : JSON.stringify(body));
    this.socket.onmessage = (event) => {
      const m = JSON.parse(String(event.data)) as M;
      // Every message must match the published contract.
      if (!Value.Check(schema, m)) throw new Error(`off the contract: ${String(event.data).slice(0, 300)}`);
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => !(w.match(m) && (w.resolve(m), true)));
    };
    this.closed = new Promise((resolve) => (this.socket.onclose = (event) => resolve(event.code)));
  }

  /** Resolves with the first message from index `from` on (received or to come) that matches. */
  next(match: (m: M) => boolean, from = 0): Promise<M> {
    const seen = this.messages.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  close(): void {
    this.socket.close();
  }
}

type Grading = Stream<GradeStreamMessage>;
type Running = Stream<StreamMessage>;

const check = (client: string, body: unknown): Grading =>
  new Stream<GradeStreamMessage>('/api/grade/stream', client, body, GradeStreamMessage);
const run = (client: string, request: RunRequest): Running =>
  new Stream<StreamMessage>('/api/run/stream', client, request, StreamMessage);

/** Prints a number every 50 ms until it is stopped: holds the one slot. */
const FOREVER = mainProgram(
  'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(i)\n\t\ttime.Sleep(50 * time.Millisecond)\n\t}\n}\n',
);
const QUICK = mainProgram('package main\n\nfunc main() {}\n');

const isRunning = (m: { type: string; phase?: string }): boolean =>
  m.type === 'phase' && m.phase === 'running';
const queued =
  (position?: number) =>
  (m: { type: string; position?: number }): boolean =>
    m.type === 'queued' && (position === undefined || m.position === position);

/** Resolves when the runner's queue has this many waiting runs (health's count, not a clock). */
async function waitingIs(n: number): Promise<void> {
  await expect.poll(async () => (await runner.health()).queue.waiting, { timeout: 30_000 }).toBe(n);
}

describe('the Check over GET /api/grade/stream', () => {
  test('health states the queue limits a Check is held to, per client', async () => {
    const { queue } = await runner.health();
    expect(queue).toEqual({ running: 0, waiting: 0, concurrency: 1, perClientWaiting: 2, maxWaiting: 32 });
  });

  test('a Check behind other clients is told its place as it counts down, for each run, then graded', async () => {
    const hold = run('hold-1', FOREVER);
    await hold.next(isRunning);
    const ahead = run('ahead', QUICK);
    await ahead.next(queued(1));
    const checking = check('checker', { exerciseId: TWICE.id, files: solutionFiles(TWICE), locale: 'zh-cn' });
    await checking.next(queued(2));
    // Another client queues behind the Check: it takes the slot between the Check's two runs.
    const between = run('hold-2', FOREVER);
    await between.next(queued(3));

    hold.close();
    // The slot goes to `ahead`, then the Check's first run; `between` waits next.
    await checking.next(isRunning);
    await between.next(isRunning);
    // The Check's second run waits behind it and is told so.
    await checking.next(queued(1), checking.messages.findIndex(isRunning));
    between.close();
    const grade = await checking.next((m) => m.type === 'grade' || m.type === 'error');
    expect(await checking.closed).toBe(1000);

    if (grade.type !== 'grade') throw new Error(`no grade: ${JSON.stringify(grade)}`);
    expect(grade.result).toMatchObject({ exerciseId: TWICE.id, verdict: 'pass', runs: 2, score: 10 });
    expect(grade.result.explanation).toContain('为什么这样可行');
    expect(checking.messages.flatMap((m) => (m.type === 'queued' ? [m.position] : []))).toEqual([2, 1, 1]);
    // Each run: accepted into the queue, waited, built (unless its binary is cached), ran.
    const steps = checking.messages.flatMap((m) => (m.type === 'phase' ? [m.phase] : []));
    expect(steps.join(' ')).toMatch(/^queued (building )?running queued (building )?running$/);
    expect(checking.messages.at(-1)?.type).toBe('grade');
    expect((await ahead.next((m) => m.type === 'result')).type).toBe('result');
    await Promise.all([hold.closed, between.closed, ahead.closed]);
    await waitingIs(0);
    await expect.poll(() => runner.leftovers(), { timeout: 5_000 }).toEqual([]);
  }, 180_000);

  test.each([
    ['not JSON', '{not json', 'not_json', undefined],
    [
      'a locale the course lacks',
      { exerciseId: counter.id, files: { 'counter.go': 'x' }, locale: 'fr' },
      'bad_request',
      { path: '/locale', rule: 'anyOf' },
    ],
    [
      'a file name with a folder',
      { exerciseId: counter.id, files: { '../counter.go': 'x' } },
      'bad_file_name',
      { file: '../counter.go' },
    ],
    [
      'an unknown exercise',
      { exerciseId: 'no-such-exercise', files: { 'x.go': 'x' } },
      'exercise_not_found',
      { exerciseId: 'no-such-exercise' },
    ],
  ])('%s is refused with the request check’s code and nothing runs', async (_name, body, code, params) => {
    const refused = check('refused', body);
    expect(await refused.closed).toBe(1008);
    expect(refused.messages).toHaveLength(1);
    expect(refused.messages[0]).toEqual({
      type: 'error',
      error: code,
      message: expect.any(String),
      ...(params ? { params } : {}),
    });
    expect((await runner.health()).queue).toMatchObject({ running: 0, waiting: 0 });
  });

  test('the words of a refusal are those of POST /api/grade', async () => {
    const body = { exerciseId: counter.id, files: { 'counter.go': 'x' }, locale: 'fr' };
    const refused = check('refused-words', body);
    await refused.closed;
    const posted = await runner.app.inject({
      method: 'POST',
      url: '/api/grade',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });
    expect(posted.statusCode).toBe(400);
    const { error, message, params } = posted.json<{ error: string; message: string; params: object }>();
    expect(refused.messages[0]).toEqual({ type: 'error', error, message, params });
    expect(message).toMatch(/^Invalid grade request: \/locale: /);
  });

  test('a file the learner may not send is refused before any run', async () => {
    const refused = check('not-allowed', {
      exerciseId: counter.id,
      files: { 'hidden_test.go': 'package counter' },
    });
    await refused.closed;
    expect(refused.messages).toEqual([
      {
        type: 'error',
        error: 'file_not_allowed',
        message: expect.stringContaining('you may send: counter.go'),
        params: { file: 'hidden_test.go', allowed: ['counter.go'] },
      },
    ]);
    expect((await runner.health()).queue).toMatchObject({ running: 0, waiting: 0 });
  });

  test('a tab whose room is full is refused with retry advice; another tab behind the same address waits', async () => {
    const hold = run('full', FOREVER);
    await hold.next(isRunning);
    // One running and perClientWaiting (2) waiting: this tab's room is full.
    const waiting = [run('full', QUICK), run('full', QUICK)];
    await waitingIs(2);
    const refused = check('full', { exerciseId: counter.id, files: editableStarter(counter) });
    expect(await refused.closed).toBe(1000);
    expect(refused.messages).toEqual([
      {
        type: 'error',
        error: 'queue_full',
        message: expect.any(String),
        params: { retryAfterS: expect.any(Number) },
        retryAfterS: expect.any(Number),
      },
    ]);
    const m = refused.messages[0];
    expect(m?.type === 'error' && m.retryAfterS).toBeGreaterThanOrEqual(1);
    expect(m?.type === 'error' && m.params?.retryAfterS).toBe(m?.type === 'error' && m.retryAfterS);
    // The same address with another tab's id is its own client: it is queued, not refused.
    const other = check('full-other-tab', { exerciseId: counter.id, files: editableStarter(counter) });
    // Idle clients go first: its place is 1, before the full tab's waiting runs.
    await other.next(queued(1));
    other.close();
    hold.close();
    for (const w of waiting) await w.closed;
    await Promise.all([other.closed, hold.closed]);
    await waitingIs(0);
  }, 120_000);

  test('closing the socket while the Check waits takes it out of the queue', async () => {
    const hold = run('hold-3', FOREVER);
    await hold.next(isRunning);
    const leaving = check('leaving', { exerciseId: counter.id, files: editableStarter(counter) });
    await leaving.next(queued(1));
    expect((await runner.health()).queue).toMatchObject({ running: 1, waiting: 1 });
    leaving.close();
    await leaving.closed;
    await waitingIs(0);
    expect(leaving.messages.some((m) => m.type === 'phase' && m.phase !== 'queued')).toBe(false);
    hold.close();
    await hold.closed;
    await expect.poll(async () => (await runner.health()).queue.running, { timeout: 30_000 }).toBe(0);
    await expect.poll(() => runner.leftovers(), { timeout: 5_000 }).toEqual([]);
  }, 120_000);

  test('the OpenAPI document publishes the grade stream messages and the queue limits', async () => {
    const doc = (await runner.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      components: { schemas: Record<string, unknown> };
    };
    const published = JSON.stringify(doc.components.schemas.GradeStreamMessage);
    expect(published).toContain('WebSocket GET /api/grade/stream');
    expect(published).toContain('queue.perClientWaiting');
    expect(JSON.stringify(doc)).toContain('LOCKSTEP_QUEUE_PER_CLIENT');
  });
});
