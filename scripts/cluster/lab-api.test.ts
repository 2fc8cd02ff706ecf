/**
 * The browser-like Submit of lab-api.ts against a real local HTTP server that misbehaves the way
 * a load balancer in front of a dying replica does: a gateway error, a dropped connection.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { submitUntilAnswered } from './lab-api.ts';

let server: Server | null = null;
afterEach(async () => {
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = null;
});

/** Serves the scripted answers in order (a number: that status; 'drop': close the socket unanswered). */
async function serve(script: (number | 'drop')[]): Promise<{ base: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    req.on('end', () => {
      const step = script.shift() ?? 500;
      if (step === 'drop') return req.socket.destroy();
      res.writeHead(step, { 'content-type': 'application/json' });
      res.end(JSON.stringify(step === 202 ? { id: 'sub1', state: 'queued' } : { error: 'gateway' }));
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { base: `http://127.0.0.1:${address.port}`, seen };
}

const files = { 'counter.go': 'package counter\n' };

describe('submitUntilAnswered', () => {
  it('sends the same Submit with the same key after gateway errors and a dropped connection', async () => {
    const { base, seen } = await serve([502, 'drop', 503, 202]);
    const d = await submitUntilAnswered(base, 'lab1', 'tok', files, {
      idempotencyKey: 'click-1',
      pauseMs: 1,
    });
    expect(d.res.status).toBe(202);
    expect(d.res.body.id).toBe('sub1');
    expect(d.sends).toBe(4);
    expect(d.retried.slice(0, 1)).toEqual(['502']);
    expect(d.retried[2]).toBe('503');
    expect(seen.map((r) => r.headers['idempotency-key'])).toEqual(Array(4).fill('click-1'));
    expect(seen.map((r) => r.url)).toEqual(Array(4).fill('/api/labs/lab1/submissions'));
  });

  it('takes a refusal from the application as the answer', async () => {
    const { base, seen } = await serve([403]);
    const d = await submitUntilAnswered(base, 'lab1', 'tok', files, {
      idempotencyKey: 'click-2',
      pauseMs: 1,
    });
    expect(d).toMatchObject({ sends: 1, retried: [] });
    expect(d.res.status).toBe(403);
    expect(seen).toHaveLength(1);
  });

  it('gives up after maxSends gateway errors, with the last one', async () => {
    const { base, seen } = await serve([502, 502, 504]);
    const d = await submitUntilAnswered(base, 'lab1', 'tok', files, {
      idempotencyKey: 'click-3',
      pauseMs: 1,
      maxSends: 3,
    });
    expect(d.res.status).toBe(504);
    expect(seen).toHaveLength(3);
  });
});
