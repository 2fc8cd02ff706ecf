/**
 * `npm run lab -- backup <file>` against a running server's SQLite file (WAL mode, with rows still
 * in the write-ahead log): the copy opens on its own and holds every lab, student and submission;
 * an existing file is never overwritten; with PostgreSQL configured it names pg_dump instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import { editableStarter } from '../../playground/src/grading/submission.ts';
import { makeSiteDir, startServerProcess, stopServer, type ServerProcess } from './server-process.ts';
import { EXERCISE, createLab, joinStudents, submit } from './lab-api.ts';

const tmp = mkdtempSync(join(tmpdir(), 'lockstep-backup-'));
const site = makeSiteDir();
const database = join(tmp, 'labs.sqlite');
let server: ServerProcess | null = null;

afterAll(async () => {
  if (server) await stopServer(server);
  rmSync(tmp, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
});

function lab(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['scripts/lab.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOCKSTEP_LABS_DB: database, LOCKSTEP_DATABASE_URL: '', ...env },
  });
}

const counts = (file: string) => {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return ['labs', 'students', 'submissions'].map(
      (table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    );
  } finally {
    db.close();
  }
};

describe('npm run lab -- backup', () => {
  it('copies the lab database of a running server into a new file that holds every row', async () => {
    const started = await startServerProcess({
      LOCKSTEP_SITE_DIR: site,
      LOCKSTEP_DATA_DIR: resolve('.data/it'),
      LOCKSTEP_LABS_DB: database,
      LOCKSTEP_NO_WARMUP: '1',
    });
    server = started.server;
    const { lab: created } = await createLab(started.base);
    const students = await joinStudents(started.base, created.id, 3, 'b');
    const exercise = exerciseCatalog(loadExercises()).get(EXERCISE)!;
    for (const { token } of students)
      expect((await submit(started.base, created.id, token, editableStarter(exercise))).status).toBe(202);
    // The server holds the file open in WAL mode: the latest rows may be only in labs.sqlite-wal.
    expect(existsSync(`${database}-wal`)).toBe(true);

    const copy = join(tmp, 'copy.sqlite');
    const result = lab(['backup', copy]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`backed up ${database}`);
    expect(existsSync(`${copy}-wal`)).toBe(false);
    expect(counts(copy)).toEqual([1, 3, 3]);
    expect(counts(copy)).toEqual(counts(database));

    // A second backup to the same name refuses and leaves the first one as it was.
    const before = readFileSync(copy);
    const again = lab(['backup', copy]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists; name a new file');
    expect(readFileSync(copy).equals(before)).toBe(true);
  }, 120_000);

  it('says what to do instead for PostgreSQL, and when there is no database to copy', () => {
    const pg = lab(['backup', join(tmp, 'pg.dump')], {
      LOCKSTEP_DATABASE_URL: 'postgres://lockstep@127.0.0.1:5432/lockstep',
    });
    expect(pg.status).toBe(2);
    expect(pg.stderr).toContain('pg_dump --format=custom');
    expect(pg.stderr).not.toContain('lockstep@127.0.0.1');

    const none = lab(['backup', join(tmp, 'none.sqlite')], { LOCKSTEP_LABS_DB: join(tmp, 'missing.sqlite') });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('there is no lab database at');
    expect(existsSync(join(tmp, 'none.sqlite'))).toBe(false);
  });
});
