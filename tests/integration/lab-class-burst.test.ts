/**
 * A class at the deadline, against the real server over real sockets with the real runner and a
 * real SQLite file: 40 students behind one address join and each submit the same correct solution
 * within a second, and each Submit is sent twice (a retrying browser, same Idempotency-Key). Every
 * one is acknowledged (202, none refused), stored once, graded, and the gradebook is complete
 * with each attempt counted once. Then a server that cannot run code: the grading queue retries,
 * gives up after LOCKSTEP_GRADE_ATTEMPTS with the reason, the instructor re-queues it, and it goes
 * round again. Every JSON answer is checked against the server's own OpenAPI document.
 */
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { solutionFiles } from '../../playground/src/grading/submission.ts';
import type { Health } from '../../contract/health.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { settled, until } from './grading-wait.ts';
import {
  EXERCISE,
  checkAnswersAgainstOpenApi,
  createLab,
  gradebook,
  http,
  joinStudents,
  submission,
  submit,
} from './lab-api.ts';

const exercise = exerciseCatalog(loadExercises()).get(EXERCISE)!;
const max = exercise.grading.tests.reduce((n, t) => n + t.weight, 0);
const tmp = mkdtempSync(join(tmpdir(), 'lockstep-class-'));
const site = makeSiteDir();
const violations: string[][] = [];
const servers: ServerProcess[] = [];

/** A server on its own SQLite file; every JSON answer from it is checked against its OpenAPI document. */
async function start(name: string, env: Record<string, string> = {}): Promise<string> {
  const { server, base } = await startServerProcess({
    LOCKSTEP_SITE_DIR: site,
    LOCKSTEP_DATA_DIR: resolve('.data/it'),
    LOCKSTEP_LABS_DB: join(tmp, `${name}.sqlite`),
    LOCKSTEP_NO_WARMUP: '1',
    ...env,
  });
  servers.push(server);
  violations.push(await checkAnswersAgainstOpenApi(base));
  return base;
}

async function labWithClass(base: string, n: number, attemptLimit: number | null) {
  const { lab, instructorKey } = await createLab(base, {
    title: 'Deadline',
    latePolicy: 'reject',
    hints: false,
    attemptLimit,
  });
  const joined = await joinStudents(base, lab.id, n);
  return { labId: lab.id, key: instructorKey, tokens: joined.map((j) => j.token) };
}

afterAll(async () => {
  await Promise.all(servers.map((s) => stopServer(s)));
  rmSync(tmp, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
  expect(violations.flat(), 'answers that break the OpenAPI document').toEqual([]);
});

describe('a class submitting at the deadline', () => {
  it('acknowledges 40 students behind one address within a second, stores each once, grades them all', async () => {
    const server = await start('class', { LOCKSTEP_NO_WARMUP: '0' });
    await until(
      async () => (await http<Health>(server, 'GET', '/api/health')).body.cache.state,
      (state) => state !== 'warming' && state !== 'cold',
      500,
    );
    const { labId, key, tokens } = await labWithClass(server, 40, 1);
    const click = (token: string, i: number) =>
      submit(server, labId, token, solutionFiles(exercise), { idempotencyKey: `deadline-click-${i}` });
    // Everyone at once, and every browser sends its Submit a second time (the answer was "lost").
    const [first, retried] = await Promise.all([
      Promise.all(tokens.map(click)),
      Promise.all(tokens.map(click)),
    ]);
    expect(
      [...first, ...retried].filter((a) => a.status !== 202).map((a) => `${a.status} ${a.body.error}`),
    ).toEqual([]);
    const acks = first.map((a) => a.body);
    expect(retried.map((a) => a.body.id)).toEqual(acks.map((a) => a.id));
    expect(new Set(acks.map((a) => a.id)).size).toBe(40);
    // Exactly one of each pair stored it; the other was answered with the stored one.
    const replays = [...first, ...retried].filter((a) => a.headers.get('idempotent-replayed') === 'true');
    expect(replays).toHaveLength(40);
    // Load shows as a place in the queue, not as a refusal.
    const positions = acks.map((a) => a.position ?? 0);
    expect(Math.max(...positions)).toBeGreaterThan(1);

    const book = await until(
      () => gradebook(server, labId, key),
      (g) => g.submissions.length === 40 && g.submissions.every(settled),
      1_000,
    );
    expect(book.submissions.map((s) => s.id).sort()).toEqual(acks.map((a) => a.id).sort());
    expect(book.submissions.map((s) => `${s.state} ${s.verdict} ${s.countedScore}`)).toEqual(
      Array(40).fill(`graded pass ${max}`),
    );
    expect(book.rows).toHaveLength(40);
    for (const row of book.rows)
      expect(row.cells[0]).toMatchObject({ attempts: 1, pending: 0, failed: 0, score: max });
    const health = (await http<Health>(server, 'GET', '/api/health')).body;
    expect(health.grading).toEqual({ queued: 0, grading: 0, failed: 0 });
    // The attempt limit (1) counted each once: a new Submit is refused, a retry of the old one is not.
    expect((await click(tokens[0]!, 999)).status).toBe(403);
    expect((await click(tokens[0]!, 0)).status).toBe(202);
  }, 900_000);
});

describe('a server that cannot run code', () => {
  it('retries a grade, gives up after the configured attempts with the reason, and re-queues it on request', async () => {
    // Every command of /usr/bin but bwrap, and Go: the sandbox is unavailable.
    const bin = mkdtempSync(join(tmp, 'bin-'));
    for (const name of readdirSync('/usr/bin'))
      if (name !== 'bwrap') symlinkSync(join('/usr/bin', name), join(bin, name));
    const server = await start('nobwrap', {
      PATH: `${bin}:${dirname(execSync('command -v go', { encoding: 'utf8' }).trim())}`,
      LOCKSTEP_GRADE_ATTEMPTS: '2',
    });
    const { labId, key, tokens } = await labWithClass(server, 1, null);
    const ack = await submit(server, labId, tokens[0]!, solutionFiles(exercise));
    expect(ack.status).toBe(202);
    const id = ack.body.id;
    const detail = () => submission(server, labId, id, tokens[0]!);
    const failed = await until(detail, settled);
    expect(failed).toMatchObject({ state: 'failed', failure: 'runner_unavailable', countedScore: null });
    const book = await gradebook(server, labId, key);
    expect(book.rows[0]!.cells[0]).toMatchObject({ attempts: 1, pending: 0, failed: 1, score: null });
    const health = (await http<Health>(server, 'GET', '/api/health')).body;
    expect(health.grading).toEqual({ queued: 0, grading: 0, failed: 1 });

    const requeued = await http(server, 'POST', `/api/labs/${labId}/submissions/${id}/requeue`, {}, key);
    expect(requeued.status).toBe(202);
    expect(requeued.body.id).toBe(id);
    // Round again (the runner is still away), and failed again: never lost, never graded twice.
    expect(await until(detail, settled)).toMatchObject({ state: 'failed', failure: 'runner_unavailable' });
    expect((await gradebook(server, labId, key)).submissions).toHaveLength(1);
  }, 120_000);
});
