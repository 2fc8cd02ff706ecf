import { afterEach, describe, expect, it } from 'vitest';
import { setTimeout as delay } from 'node:timers/promises';
import { IdleWork } from './idle-work.ts';

/** A task with `units` units of work that records when each ran. */
function counter(units: number, fail = false) {
  const ran: number[] = [];
  return {
    ran,
    step(): boolean {
      if (fail) throw new Error('broken task');
      ran.push(Date.now());
      return ran.length < units;
    },
  };
}

describe('IdleWork', () => {
  let idle: IdleWork;
  afterEach(() => idle.close());

  it('waits for a quiet moment after the last job, then does every unit', async () => {
    idle = new IdleWork({ idleGraceMs: 30, maxDeferMs: 60_000 });
    const task = counter(3);
    idle.jobStarted();
    idle.request(task);
    await delay(80);
    expect(task.ran).toHaveLength(0); // a job is running and the work is not overdue
    const ended = Date.now();
    idle.jobEnded();
    await expect.poll(() => task.ran.length).toBe(3);
    expect(task.ran[0]! - ended).toBeGreaterThanOrEqual(25);
  });

  it('runs overdue work while jobs keep running', async () => {
    idle = new IdleWork({ idleGraceMs: 30, maxDeferMs: 40 });
    const task = counter(2);
    idle.jobStarted();
    idle.request(task);
    await expect.poll(() => task.ran.length).toBe(2);
  });

  it('survives a task that throws and still runs the others', async () => {
    idle = new IdleWork({ idleGraceMs: 1 });
    const broken = counter(5, true);
    const good = counter(2);
    idle.request(broken);
    idle.request(good);
    await expect.poll(() => good.ran.length).toBe(2);
  });

  it('does nothing after close', async () => {
    idle = new IdleWork({ idleGraceMs: 1 });
    const task = counter(1);
    idle.close();
    idle.request(task);
    await delay(30);
    expect(task.ran).toHaveLength(0);
  });
});
