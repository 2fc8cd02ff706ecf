/**
 * deploy/haproxy.cfg in Debian's real HAProxy, in front of two stand-in replicas that die the way
 * a SIGKILLed server does: they read a request, then drop the connection without an answer (the
 * first time they see that request; a later delivery of it is answered). What the configuration
 * promises is checked request by request, deterministically:
 *   - a submission under an Idempotency-Key is replayed on the other replica with the same key,
 *     and the client gets the answer;
 *   - one too large for HAProxy's buffer, a POST without a key (joining a class) and a run are
 *     not replayed: the client gets 502 and decides (a submission is sent again by the client,
 *     as the lab page does, with the same key);
 *   - a GET is replayed;
 *   - the runner API goes to the runners backend and the lab API to web, and every answer names
 *     the replica in X-Lockstep-Replica;
 *   - health checks sort replicas by role: one whose sandbox cannot run code is out of runners,
 *     a worker is out of web.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHaproxy, type Haproxy } from '../../scripts/cluster/haproxy-process.ts';
import { allUp, statusByServer } from '../../scripts/cluster/haproxy-stats.ts';
import { submitUntilAnswered } from '../../scripts/cluster/lab-api.ts';

interface Delivery {
  replica: string;
  method: string;
  url: string;
  key: string | undefined;
  bytes: number;
}

/** What each stand-in's /api/health says; a test changes it. */
const healthOf: Record<string, Record<string, unknown>> = {};
const deliveries: Delivery[] = [];
/** Requests seen so far by any replica (method, path, key): the first delivery is dropped. */
const seen = new Set<string>();
const servers: Server[] = [];
const dir = mkdtempSync(join(tmpdir(), 'lockstep-haproxy-cfg-'));
let lb: Haproxy;

const HEALTHY = { status: 'ok', role: 'all', sandbox: { mode: 'bwrap', available: true, reason: 'ok' } };

function standIn(name: string): Promise<string> {
  healthOf[name] = HEALTHY;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/api/health') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(healthOf[name]));
      }
      const key = req.headers['idempotency-key'] as string | undefined;
      deliveries.push({
        replica: name,
        method: req.method!,
        url: req.url!,
        key,
        bytes: Buffer.concat(chunks).length,
      });
      const identity = `${req.method} ${req.url} ${key ?? ''}`;
      if (!seen.has(identity)) {
        seen.add(identity);
        return req.socket.destroy(); // read, maybe stored, then gone before answering
      }
      res.writeHead(req.method === 'POST' ? 202 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ answeredBy: name }));
    });
  });
  servers.push(server);
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? `127.0.0.1:${address.port}` : '');
    }),
  );
}

const bothUp = () => lb.waitFor((s) => allUp(s, ['runners', 'web'], ['replica-1', 'replica-2']));

beforeAll(async () => {
  const addresses = [await standIn('replica-1'), await standIn('replica-2')];
  lb = await startHaproxy(addresses, dir);
  await bothUp();
});
afterEach(async () => {
  healthOf['replica-1'] = HEALTHY;
  healthOf['replica-2'] = HEALTHY;
  await bothUp(); // a drop can take a replica out until its health checks bring it back
  deliveries.length = 0;
});
afterAll(async () => {
  await lb?.stop();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

/** One request on a connection of its own (a dropped upstream must not spoil a pooled one). */
function send(
  method: string,
  path: string,
  body?: string,
  key?: string,
): Promise<{ status: number; replica: string | null; text: string }> {
  return new Promise((done, fail) => {
    const req = request(
      lb.base + path,
      {
        method,
        agent: false,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(key ? { 'idempotency-key': key } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            replica: (res.headers['x-lockstep-replica'] as string | undefined) ?? null,
            text,
          }),
        );
      },
    );
    req.once('error', fail);
    req.end(body);
  });
}

const submission = (size: number) => JSON.stringify({ exerciseId: 'x', files: { 'a.go': 'a'.repeat(size) } });

describe('deploy/haproxy.cfg when a replica dies with a request in flight', () => {
  it('replays a submission under an Idempotency-Key on the other replica, with the same key', async () => {
    const res = await send('POST', '/api/labs/lab1/submissions', submission(2_000), 'click-small');
    expect(res.status).toBe(202);
    expect(deliveries.map((d) => d.key)).toEqual(['click-small', 'click-small']);
    const [dropped, answered] = deliveries;
    expect(answered!.replica).not.toBe(dropped!.replica);
    expect(res.replica).toBe(answered!.replica);
    expect(JSON.parse(res.text)).toEqual({ answeredBy: answered!.replica });
  });

  it('does not replay a submission larger than its buffer: the client sends it again with the same key', async () => {
    const d = await submitUntilAnswered(
      lb.base,
      'lab1',
      'token',
      { 'a.go': 'a'.repeat(40_000) },
      {
        idempotencyKey: 'click-large',
        pauseMs: 10,
      },
    );
    // HAProxy answered the first delivery with 502 (or closed the connection mid-answer): no replay.
    expect(d.retried).toHaveLength(1);
    expect(d.retried[0]).toMatch(/^502$|fetch failed/);
    expect(d.res.status).toBe(202);
    expect(deliveries.map((x) => x.key)).toEqual(['click-large', 'click-large']);
    expect(deliveries[0]!.bytes).toBeGreaterThan(40_000);
  });

  it('does not replay a POST without a key (a join) or a run', async () => {
    const join = await send(
      'POST',
      '/api/labs/lab1/students',
      JSON.stringify({ name: 'Ada', studentId: 's1' }),
    );
    const run = await send('POST', '/api/run', JSON.stringify({ action: 'run', files: {} }));
    expect([join.status, run.status]).toEqual([502, 502]);
    expect(deliveries.map((d) => `${d.method} ${d.url}`)).toEqual([
      'POST /api/labs/lab1/students',
      'POST /api/run',
    ]);
  });

  it('replays a GET', async () => {
    const res = await send('GET', '/api/labs/lab1');
    expect(res.status).toBe(200);
    expect(deliveries).toHaveLength(2);
  });

  it('routes the runner API to runners and the rest to web, and names the replica', async () => {
    await send('POST', '/api/run', JSON.stringify({ n: 1 })); // dropped, then answered below
    const run = await send('POST', '/api/run', JSON.stringify({ n: 1 }));
    const page = await send('GET', '/labs/');
    await send('GET', '/labs/');
    expect(run.status).toBe(202);
    expect([run.replica, page.replica].every((r) => r === 'replica-1' || r === 'replica-2')).toBe(true);
    const log = readFileSync(lb.log, 'utf8');
    expect(log).toMatch(/ runners\/replica-\d .*"POST \/api\/run HTTP\/1\.1"/);
    expect(log).toMatch(/ web\/replica-\d .*"GET \/labs\/ HTTP\/1\.1"/);
    expect(log).not.toMatch(/ web\/replica-\d .*"POST \/api\/run /);
  });
});

describe('deploy/haproxy.cfg health checks', () => {
  it('keeps a replica whose sandbox cannot run code out of runners, and a worker out of web', async () => {
    healthOf['replica-1'] = {
      ...HEALTHY,
      role: 'web',
      sandbox: { mode: 'none', available: false, reason: 'no' },
    };
    healthOf['replica-2'] = { ...HEALTHY, role: 'worker' };
    const stats = await lb.waitFor(
      (s) =>
        statusByServer(s, 'runners')['replica-1'] === 'DOWN' &&
        statusByServer(s, 'web')['replica-2'] === 'DOWN',
    );
    expect(statusByServer(stats, 'runners')['replica-2']).toBe('UP');
    expect(statusByServer(stats, 'web')['replica-1']).toBe('UP');
  });
});
