/**
 * Two replicas of the real server on one real PostgreSQL, behind Debian's HAProxy running
 * deploy/haproxy.cfg (scripts/cluster/launch.ts), everything on loopback. A class of 60 joins and
 * submits through HAProxy in two waves; while the second wave is being sent and the first is
 * being graded, replica-1 is killed with SIGKILL. Students retry like the browser (the same
 * Idempotency-Key after a dropped connection or a gateway error). Proved from PostgreSQL's rows
 * and the gradebook: every acknowledged submission is stored once and graded once (one row per
 * key, graded, no lease left), none is lost, the gradebook is complete and right (solutions pass,
 * racy starters fail with the race), and after the kill replica-2 answered everything
 * (X-Lockstep-Replica, which HAProxy sets) and graded the rest, including the jobs replica-1
 * held when it died (a second lease after the first ran out).
 */
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { editableStarter, solutionFiles } from '../../playground/src/grading/submission.ts';
import type { Health } from '../../contract/health.ts';
import { startCluster, type Cluster } from '../../scripts/cluster/launch.ts';
import { statusByServer } from '../../scripts/cluster/haproxy-stats.ts';
import {
  createLab,
  gradebook,
  http,
  joinStudents,
  submitUntilAnswered,
  type Delivered,
} from '../../scripts/cluster/lab-api.ts';
import { settled, until } from './grading-wait.ts';

const EXERCISE = 'lost-update-counter';
const exercise = exerciseCatalog(loadExercises()).get(EXERCISE)!;
const max = exercise.grading.tests.reduce((n, t) => n + t.weight, 0);
const CLASS = 60;
const WAVE = 30;
/** Even students hand in the reference solution, odd ones the racy starter. */
const filesOf = (i: number) => (i % 2 === 0 ? solutionFiles(exercise) : editableStarter(exercise));

let cluster: Cluster;

beforeAll(async () => {
  cluster = await startCluster({
    replicas: 2,
    dataDir: resolve('.data/it'), // the integration tests' warm Go build cache
    // A lease left by the killed replica runs out in 3 s, so the survivor takes its jobs soon.
    env: () => ({ LOCKSTEP_GRADE_LEASE_S: '3' }),
  });
});
afterAll(async () => {
  await cluster?.stop();
});

const replicaOf = (d: Delivered) => d.res.headers.get('x-lockstep-replica');

describe('a class through HAProxy while a replica is killed', () => {
  it('grades every acknowledged submission exactly once, loses none, and the survivor serves the rest', async () => {
    const base = cluster.base;
    const { lab, instructorKey: key } = await createLab(base, { exercises: [EXERCISE] });
    const labId = lab.id;
    const tokens = (await joinStudents(base, labId, CLASS)).map((j) => j.token);
    const delivered = new Map<number, Delivered>();
    const send = async (i: number) => {
      const d = await submitUntilAnswered(base, labId, tokens[i]!, filesOf(i), {
        idempotencyKey: `click-${labId}-${i}`,
      });
      delivered.set(i, d);
      return d;
    };
    const db = new pg.Client({ connectionString: cluster.databaseUrl });
    await db.connect();
    const gradedNow = async () =>
      Number(
        (
          await db.query(`SELECT count(*) AS n FROM submissions WHERE lab_id = $1 AND state = 'graded'`, [
            labId,
          ])
        ).rows[0].n,
      );

    // Wave 1: half the class at once. Both replicas take submissions and start grading them.
    await Promise.all(Array.from({ length: WAVE }, (_, i) => send(i)));
    expect(new Set([...delivered.values()].map(replicaOf))).toEqual(new Set(['replica-1', 'replica-2']));
    // replica-1 is grading (its runner has runs of the class's grades in flight).
    const doomed = cluster.replicas[0]!;
    await until(
      async () => (await http(doomed.base, 'GET', '/api/health')).body as unknown as Health,
      (h) => h.queue.running > 0,
      50,
    );

    // Wave 2: the other half at once, and replica-1 is killed as the first of them is answered.
    let unansweredAtKill = -1;
    let kill: Promise<void> | null = null;
    let gradedAtKill: Promise<number> = Promise.resolve(-1);
    const wave2 = Array.from({ length: CLASS - WAVE }, (_, j) =>
      send(WAVE + j).then((d) => {
        if (!kill) {
          kill = cluster.kill(0, 'SIGKILL');
          unansweredAtKill = CLASS - delivered.size;
          gradedAtKill = gradedNow();
        }
        return d;
      }),
    );
    try {
      await Promise.all(wave2);
      await kill;
      expect(doomed.running).toBe(false);
      // The kill came mid-burst: submissions were still on their way, and grading was under way.
      expect(unansweredAtKill).toBeGreaterThan(0);
      const ungradedAtKill = CLASS - (await gradedAtKill);
      expect(ungradedAtKill).toBeGreaterThan(0);

      // Every Submit was acknowledged (202), each with its own submission.
      const answers = [...delivered.entries()].sort((a, b) => a[0] - b[0]);
      expect(answers.map(([, d]) => d.res.status)).toEqual(Array(CLASS).fill(202));
      const ids = answers.map(([, d]) => d.res.body.id);
      expect(new Set(ids).size).toBe(CLASS);

      // Each student's page polls its submission until it is graded, through HAProxy: every
      // answer now comes from replica-2, the only one left.
      const pollers: (string | null)[] = [];
      await Promise.all(
        answers.map(([i, d]) =>
          until(
            async () => {
              const res = await http(
                base,
                'GET',
                `/api/labs/${labId}/submissions/${d.res.body.id}`,
                undefined,
                tokens[i],
              );
              pollers.push(res.headers.get('x-lockstep-replica'));
              expect(res.status).toBe(200);
              return res.body as unknown as { state: string };
            },
            settled,
            1_000,
          ),
        ),
      );
      expect(new Set(pollers)).toEqual(new Set(['replica-2']));
      const book = await gradebook(base, labId, key);

      // PostgreSQL: exactly one row per key, each the acknowledged one, graded, no lease left.
      const rows = (
        await db.query(
          `SELECT id, idempotency_key, state, lease_token, lease_until, grading_attempts, verdict, status, files::text AS files
             FROM submissions WHERE lab_id = $1 ORDER BY idempotency_key`,
          [labId],
        )
      ).rows as {
        id: string;
        idempotency_key: string;
        state: string;
        lease_token: string | null;
        lease_until: Date | null;
        grading_attempts: number;
        verdict: string;
        status: string;
        files: string;
      }[];
      expect(rows).toHaveLength(CLASS);
      const byKey = new Map(rows.map((r) => [r.idempotency_key, r]));
      expect(byKey.size).toBe(CLASS);
      for (const [i, d] of answers) {
        const row = byKey.get(`click-${labId}-${i}`);
        expect(row, `student ${i}'s submission`).toBeDefined();
        expect(row!.id).toBe(d.res.body.id);
        expect(JSON.parse(row!.files)).toEqual(filesOf(i));
        expect(row).toMatchObject({ state: 'graded', lease_token: null, lease_until: null });
        // The grade is this submission's: solutions pass, racy starters fail with the race.
        expect(`${row!.verdict} ${row!.status}`).toBe(i % 2 === 0 ? 'pass ok' : 'fail race');
      }
      // The jobs replica-1 held when it died were leased again when their leases ran out.
      expect(rows.filter((r) => r.grading_attempts > 1).length).toBeGreaterThan(0);

      // The gradebook is complete: every student, one attempt each, nothing pending or failed.
      expect(book.submissions.map((s) => s.id).sort()).toEqual([...ids].sort());
      expect(book.rows).toHaveLength(CLASS);
      for (const row of book.rows) {
        const i = Number(row.student.studentId.slice(2));
        expect(row.cells[0], row.student.studentId).toMatchObject({
          attempts: 1,
          pending: 0,
          failed: 0,
          score: i % 2 === 0 ? max : expect.any(Number),
        });
      }

      // HAProxy took replica-1 out of both backends; replica-2 serves both.
      const states = await cluster.waitFor((s) => statusByServer(s, 'web')['replica-1'] !== 'UP');
      expect(statusByServer(states, 'web')['replica-2']).toBe('UP');
      expect(statusByServer(states, 'runners')['replica-2']).toBe('UP');
      const health = await http(base, 'GET', '/api/health');
      expect(health.headers.get('x-lockstep-replica')).toBe('replica-2');
      expect((health.body as unknown as Health).grading).toEqual({ queued: 0, grading: 0, failed: 0 });

      const retried = answers.filter(([, d]) => d.retried.length > 0);
      const replayed = answers.filter(([, d]) => d.res.headers.get('idempotent-replayed') === 'true');
      console.log(
        `cluster failover: ${unansweredAtKill} of ${CLASS} submissions unanswered and ${ungradedAtKill} ungraded at the kill; ` +
          `${retried.length} sent again by the client (${retried.flatMap(([, d]) => d.retried).join(', ') || 'none'}), ` +
          `${replayed.length} answered as a replay of a stored one; ` +
          `${rows.filter((r) => r.grading_attempts > 1).length} graded on a second lease`,
      );
    } finally {
      await db.end();
    }
  }, 600_000);
});
