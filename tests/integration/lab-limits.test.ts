/**
 * Lab limits go by identity, not address, against real server processes over real sockets: a
 * class of 200 behind one address joins one lab; a student who hammers is held to their own
 * allowance while a classmate at the same address is served; students queue for grading apart;
 * the join limit is per lab; X-Forwarded-For counts only from a configured proxy; a bad proxy
 * list stops the server with the variable named. Every JSON answer is checked against the
 * server's own OpenAPI document (Retry-After included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { solutionFiles } from '../../playground/src/grading/submission.ts';
import type { CreatedLab, Joined } from '../../contract/labs.ts';
import type { Health } from '../../contract/health.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { mainProgram } from './harness.ts';
import { settled, until } from './grading-wait.ts';
import {
  EXERCISE,
  checkAnswersAgainstOpenApi,
  http,
  labSettings,
  submission,
  submit as submitFiles,
  type HttpOptions,
  type Res,
} from './lab-api.ts';

const exercise = exerciseCatalog(loadExercises()).get(EXERCISE)!;
const tmp = mkdtempSync(join(tmpdir(), 'lockstep-lab-limits-'));
const site = makeSiteDir();
const violations: string[][] = [];

interface Server {
  process: ServerProcess;
  base: string;
}

/** A server on its own SQLite file; every JSON answer from it is checked against its OpenAPI document. */
async function start(name: string, env: Record<string, string>): Promise<Server> {
  const { server, base } = await startServerProcess({
    LOCKSTEP_SITE_DIR: site,
    LOCKSTEP_DATA_DIR: resolve('.data/it'),
    LOCKSTEP_LABS_DB: join(tmp, `${name}.sqlite`),
    LOCKSTEP_NO_WARMUP: '1',
    ...env,
  });
  violations.push(await checkAnswersAgainstOpenApi(base));
  return { process: server, base };
}

/** The request headers of a request from a client that a proxy forwards (none: not forwarded). */
const from = (forwardedFor?: string): HttpOptions =>
  forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {};

const settings = () => labSettings({ title: 'Limits', attemptLimit: 5 });

const join_ = (server: Server, labId: string, n: number, forwardedFor?: string): Promise<Res<Joined>> =>
  http<Joined>(
    server.base,
    'POST',
    `/api/labs/${labId}/students`,
    { name: `Student ${n}`, studentId: `s-${String(n).padStart(3, '0')}` },
    undefined,
    from(forwardedFor),
  );

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
  expect(violations.flat(), 'answers that break the OpenAPI document').toEqual([]);
});

describe('a class behind one address (no trusted proxy)', () => {
  let server: Server;
  let labId = '';
  const tokens: string[] = [];

  beforeAll(async () => {
    server = await start('class', {
      LOCKSTEP_LAB_CREATE_PER_MINUTE: '2',
      LOCKSTEP_LAB_SUBMIT_PER_MINUTE: '3',
      // One grade at a time and one waiting per client: a class sharing one client would be
      // refused from the third submission on.
      LOCKSTEP_CONCURRENCY: '1',
      LOCKSTEP_QUEUE_PER_CLIENT: '1',
      // Grading follows: warm the Go build cache first, as the server does by default.
      LOCKSTEP_NO_WARMUP: '0',
    });
    for (let i = 0; i < 300; i++) {
      const health = (await http<Health>(server.base, 'GET', '/api/health')).body;
      if (health.cache.state !== 'warming' && health.cache.state !== 'cold') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const created = await http<CreatedLab>(server.base, 'POST', '/api/labs', settings());
    expect(created.status).toBe(201);
    labId = created.body.lab.id;
  }, 240_000);
  afterAll(async () => {
    if (server) await stopServer(server.process);
  });

  it('shows the lab limits in force in /api/health', async () => {
    const health = (await http<Health>(server.base, 'GET', '/api/health')).body;
    expect(health.limits).toMatchObject({
      labCreatesPerMinutePerAddress: 2,
      labJoinBurstPerLab: 500,
      labJoinsPerMinutePerLab: 300,
      labSubmissionsPerMinutePerStudent: 3,
      labRequestsPerMinutePerCaller: 600,
    });
  });

  it('lets 200 students join one lab from one address at once, refusing none', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => join_(server, labId, i)));
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.body.error}`)).toEqual([]);
    tokens.push(...answers.map((a) => a.body.token as string));
    expect(new Set(tokens).size).toBe(200);
  }, 120_000);

  it('holds a hammering student to their own allowance while a classmate is served', async () => {
    const submit = (secret: string, forwardedFor?: string) =>
      // Not an exercise of this lab: refused after the limit is counted, without grading.
      http(
        server.base,
        'POST',
        `/api/labs/${labId}/submissions`,
        { exerciseId: 'rwmutex-cache', files: { 'cache.go': 'package cache\n' } },
        secret,
        from(forwardedFor),
      );
    const [ada, bob] = [tokens[0]!, tokens[1]!];
    for (let i = 0; i < 3; i++) expect((await submit(ada)).status).toBe(404);
    const limited = await submit(ada);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The wait is in the body too, for clients that word it (the same seconds as the header).
    expect(limited.body.params).toEqual({ retryAfterS: Number(limited.headers.get('retry-after')) });
    // A forwarded address from an untrusted peer changes nothing: Ada is still Ada.
    expect((await submit(ada, '198.51.100.1')).status).toBe(429);
    expect((await submit(bob)).status).toBe(404);
    // Ada's other requests have their own allowance.
    expect((await http(server.base, 'GET', `/api/labs/${labId}/me`, undefined, ada)).status).toBe(200);
    // Made-up tokens earn nothing: they all count against the address, and Bob is still served.
    const madeUp = () => `lst_${Math.random().toString(36).slice(2).padEnd(16, 'x')}`;
    for (let i = 0; i < 3; i++) expect((await submit(madeUp())).status).toBe(401);
    expect((await submit(madeUp())).status).toBe(429);
    expect((await submit(bob)).status).toBe(404);
  });

  it('accepts students behind one address at once and grades them all, refusing none', async () => {
    const four = tokens.slice(10, 14);
    const acks = await Promise.all(
      four.map((secret) => submitFiles(server.base, labId, secret, solutionFiles(exercise))),
    );
    expect(acks.map((g) => `${g.status} ${g.body.error ?? ''}`)).toEqual(Array(4).fill('202 '));
    const details = await Promise.all(
      acks.map((ack, i) => until(() => submission(server.base, labId, ack.body.id, four[i]!), settled, 500)),
    );
    expect(
      details.map((d) => d.verdict),
      details
        .map(
          (d) =>
            `${d.state} ${d.failure} ${d.status}: ${d.result?.message} ${d.result?.run.stderr.slice(0, 300)}`,
        )
        .join('\n'),
    ).toEqual(Array(4).fill('pass'));
  }, 240_000);

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    // Two a minute per address, four creations each "from" another client: had the header been
    // believed, all four would pass. Four, not three, so that a minute ending between two of
    // them (the window began with the lab above) still leaves the last one refused.
    const answers = [];
    for (const client of ['198.51.100.7', '198.51.100.8', '198.51.100.9', '198.51.100.10'])
      answers.push(await http(server.base, 'POST', '/api/labs', settings(), undefined, from(client)));
    expect(answers.at(-1)!.status).toBe(429);
    expect(answers.at(-1)!.body.error).toBe('rate_limited');
  });
});

describe('behind a trusted proxy, with a small join allowance', () => {
  let server: Server;

  beforeAll(async () => {
    server = await start('proxied', {
      LOCKSTEP_TRUSTED_PROXIES: '10.9.8.7, 127.0.0.1',
      LOCKSTEP_LAB_CREATE_PER_MINUTE: '2',
      LOCKSTEP_LAB_JOIN_BURST: '3',
      LOCKSTEP_LAB_JOIN_PER_MINUTE: '1',
    });
  }, 60_000);
  afterAll(async () => {
    if (server) await stopServer(server.process);
  });

  const create = (forwardedFor: string) =>
    http<CreatedLab>(server.base, 'POST', '/api/labs', settings(), undefined, from(forwardedFor));

  it('counts a per-address limit against the client the proxy names', async () => {
    expect((await create('203.0.113.7')).status).toBe(201);
    expect((await create('203.0.113.7')).status).toBe(201);
    const third = await create('203.0.113.7');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The proxy appends the address it saw; what the client wrote before it is not believed.
    expect((await create('192.0.2.55, 203.0.113.7')).status).toBe(429);
    expect((await create('203.0.113.8')).status).toBe(201);
  });

  it('limits joins per lab: a full lab refuses with Retry-After, another lab is unaffected', async () => {
    const first = (await create('203.0.113.20')).body;
    const second = (await create('203.0.113.21')).body;
    // Students from different addresses share their lab's allowance.
    for (let i = 0; i < 3; i++)
      expect((await join_(server, first.lab.id, i, `192.0.2.${i + 1}`)).status).toBe(201);
    const refused = await join_(server, first.lab.id, 3, '192.0.2.99');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('rate_limited');
    // One join a minute: the next one is a minute away at most.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((refused.body as { params?: unknown }).params).toEqual({
      retryAfterS: Number(refused.headers.get('retry-after')),
    });
    expect((await join_(server, second.lab.id, 0, '192.0.2.1')).status).toBe(201);
    // An unknown lab is a 404, not a refusal, and takes nothing.
    expect((await join_(server, 'nolab0000', 0)).status).toBe(404);
  });
});

describe('anonymous runs behind a trusted proxy', () => {
  let server: Server;
  const cancel = new AbortController();

  beforeAll(async () => {
    server = await start('runs', {
      LOCKSTEP_TRUSTED_PROXIES: 'loopback',
      // One run at a time, one waiting per client, and runs that do not end by themselves.
      LOCKSTEP_CONCURRENCY: '1',
      LOCKSTEP_QUEUE_PER_CLIENT: '1',
      LOCKSTEP_RUN_TIMEOUT_MS: '120000',
    });
  }, 60_000);
  afterAll(async () => {
    cancel.abort();
    if (server) await stopServer(server.process);
  });

  const sleeper = mainProgram(
    'package main\n\nimport "time"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Second)\n\t}\n}\n',
  );
  /** Starts a run that holds its place until the test ends (then it is cancelled). */
  const hold = (forwardedFor: string): void => {
    void fetch(`${server.base}/api/run`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify(sleeper),
      signal: cancel.signal,
    }).catch(() => undefined);
  };
  /** Waits until the queue holds this many runs (event-driven: the health endpoint's counts). */
  const queueReaches = async (running: number, waiting: number): Promise<void> => {
    for (;;) {
      const { queue } = (await http<Health>(server.base, 'GET', '/api/health')).body;
      if (queue.running === running && queue.waiting === waiting) return;
      if (queue.running > running || queue.waiting > waiting)
        throw new Error(`the queue went past ${running}+${waiting}: ${JSON.stringify(queue)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('keeps per-address fairness, applied to the client the proxy names', async () => {
    hold('203.0.113.30');
    await queueReaches(1, 0);
    hold('203.0.113.30');
    await queueReaches(1, 1);
    // 203.0.113.30 has a run going and one waiting: a third is refused...
    const third = await http(server.base, 'POST', '/api/run', sleeper, undefined, from('203.0.113.30'));
    expect(third.status).toBe(429);
    expect(third.body.error).toBe('queue_full');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(third.body.params).toEqual({ retryAfterS: Number(third.headers.get('retry-after')) });
    // ...while another client behind the same proxy still gets its place in line.
    hold('203.0.113.31');
    await queueReaches(1, 2);
  }, 120_000);
});

describe('LOCKSTEP_TRUSTED_PROXIES', () => {
  it('stops the server with the variable and the bad entry named', async () => {
    await expect(
      startServerProcess({
        LOCKSTEP_SITE_DIR: site,
        LOCKSTEP_LABS_DB: join(tmp, 'bad.sqlite'),
        LOCKSTEP_NO_WARMUP: '1',
        LOCKSTEP_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/33',
      }),
    ).rejects.toThrow(/LOCKSTEP_TRUSTED_PROXIES: "10\.0\.0\.0\/33" is not an IP address/);
  });
});
