import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { CachePool } from './cache-pool.ts';
import { IdleWork } from './idle-work.ts';

describe('CachePool as idle work', () => {
  let root: string;
  let pool: CachePool;
  let idle: IdleWork;
  let jobs: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pool-'));
    jobs = join(root, 'jobs');
    const base = join(root, 'base');
    mkdirSync(jobs);
    mkdirSync(join(base, '00'), { recursive: true });
    writeFileSync(join(base, '00', 'entry-d'), 'cached');
    idle = new IdleWork({ maxDeferMs: 60_000 });
    pool = new CachePool({ jobsDir: jobs, base, owner: null, size: 2, idle });
  });
  afterEach(() => {
    idle.close();
    pool.close();
    rmSync(root, { recursive: true, force: true });
  });

  const tree = (name: string): string => {
    const dir = join(jobs, name);
    mkdirSync(join(dir, 'deep'), { recursive: true });
    writeFileSync(join(dir, 'deep', 'f'), 'x');
    return dir;
  };

  it('removes finished job trees only once no job is running', async () => {
    idle.jobStarted();
    idle.jobStarted();
    const first = tree('job-1');
    pool.removeLater(first);
    idle.jobEnded();
    await delay(100); // one job still runs, and the work is far from overdue
    expect(existsSync(first)).toBe(true);
    idle.jobEnded();
    await expect.poll(() => existsSync(first)).toBe(false);
  });

  it('does overdue work even while jobs keep running, so disk use stays bounded', async () => {
    idle.close();
    pool.close();
    idle = new IdleWork({ maxDeferMs: 20 });
    pool = new CachePool({ jobsDir: jobs, base: join(root, 'base'), owner: null, size: 2, idle });
    idle.jobStarted();
    const dir = tree('job-2');
    pool.removeLater(dir);
    await expect.poll(() => existsSync(dir)).toBe(false);
    idle.jobEnded();
  });

  it('fills ready caches when idle and hands one out by rename', async () => {
    pool.fill();
    await expect.poll(() => readdirSync(jobs).filter((n) => n.includes('-pool-'))).toHaveLength(2);
    const dest = join(root, 'dest');
    mkdirSync(dest);
    pool.provide(dest);
    expect(readdirSync(join(dest, '00'))).toEqual(['entry-d']);
  });
});
