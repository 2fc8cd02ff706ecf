import { describe, expect, test } from 'vitest';
import { FairQueue, QueueAbortedError, QueueFullError } from './fair-queue.ts';

/** A task that finishes when the test says so. */
function gate<T>(value: T) {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  let started = false;
  const task = async () => {
    started = true;
    await opened;
    return value;
  };
  return { task, open, started: () => started };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('FairQueue', () => {
  test('never runs more than the concurrency limit', async () => {
    const q = new FairQueue({ concurrency: 2, perClientWaiting: 2, maxWaiting: 10 });
    const gates = ['a', 'b', 'c'].map((c) => gate(c));
    const results = gates.map((g, i) => q.submit(`client${i}`, g.task));
    await tick();
    expect(gates.map((g) => g.started())).toEqual([true, true, false]);
    expect(q.stats()).toEqual({ running: 2, waiting: 1, clients: 2 });
    gates[0]!.open();
    await tick();
    expect(gates[2]!.started()).toBe(true);
    gates[1]!.open();
    gates[2]!.open();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(q.stats()).toEqual({ running: 0, waiting: 0, clients: 0 });
  });

  test('one running job per client: a second client overtakes the first client’s backlog', async () => {
    const q = new FairQueue({ concurrency: 2, perClientWaiting: 2, maxWaiting: 10 });
    const a1 = gate('a1');
    const a2 = gate('a2');
    const b1 = gate('b1');
    const order: string[] = [];
    const p = [
      q.submit('A', a1.task).then((v) => order.push(v)),
      q.submit('A', a2.task).then((v) => order.push(v)),
      q.submit('B', b1.task).then((v) => order.push(v)),
    ];
    await tick();
    // A's second job waits although a slot is free; B starts at once.
    expect([a1.started(), a2.started(), b1.started()]).toEqual([true, false, true]);
    b1.open();
    a1.open();
    await tick();
    expect(a2.started()).toBe(true);
    a2.open();
    await Promise.all(p);
    expect(order).toEqual(['b1', 'a1', 'a2']);
  });

  test('reports places in line, then 0 when started', async () => {
    const q = new FairQueue({ concurrency: 1, perClientWaiting: 2, maxWaiting: 10 });
    const first = gate(1);
    const seenB: number[] = [];
    const seenC: number[] = [];
    const p1 = q.submit('A', first.task);
    const p2 = q.submit('B', async () => 2, { onPosition: (n) => seenB.push(n) });
    const p3 = q.submit('C', async () => 3, { onPosition: (n) => seenC.push(n) });
    await tick();
    expect(seenB).toEqual([1]);
    expect(seenC).toEqual([2]);
    first.open();
    await Promise.all([p1, p2, p3]);
    expect(seenB).toEqual([1, 0]);
    expect(seenC).toEqual([2, 1, 0]);
  });

  test('refuses a client over its waiting allowance, and everyone over the global one', async () => {
    const q = new FairQueue({ concurrency: 1, perClientWaiting: 1, maxWaiting: 2 });
    const g = gate(0);
    const running = q.submit('A', g.task);
    const waiting = q.submit('A', async () => 1);
    await expect(q.submit('A', async () => 2)).rejects.toMatchObject({ scope: 'client' });
    const other = q.submit('B', async () => 3);
    const err = await q.submit('C', async () => 4).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueueFullError);
    expect((err as QueueFullError).scope).toBe('server');
    expect((err as QueueFullError).retryAfterS).toBeGreaterThanOrEqual(1);
    g.open();
    expect(await Promise.all([running, waiting, other])).toEqual([0, 1, 3]);
  });

  test('aborting a waiting job removes it; aborting a running one reaches the task', async () => {
    const q = new FairQueue({ concurrency: 1, perClientWaiting: 2, maxWaiting: 10 });
    let sawAbort = false;
    const ctl1 = new AbortController();
    const running = q.submit(
      'A',
      (signal) =>
        new Promise<string>((resolve) => {
          signal.addEventListener('abort', () => {
            sawAbort = true;
            resolve('stopped');
          });
        }),
      { signal: ctl1.signal },
    );
    const ctl2 = new AbortController();
    const waiting = q.submit('B', async () => 'never', { signal: ctl2.signal });
    await tick();
    ctl2.abort();
    await expect(waiting).rejects.toBeInstanceOf(QueueAbortedError);
    expect(q.stats().waiting).toBe(0);
    ctl1.abort();
    expect(await running).toBe('stopped');
    expect(sawAbort).toBe(true);
  });

  test('a task that throws frees its slot', async () => {
    const q = new FairQueue({ concurrency: 1, perClientWaiting: 1, maxWaiting: 5 });
    await expect(q.submit('A', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await q.submit('A', async () => 'next')).toBe('next');
  });
});
