/**
 * Opening the embedded lab database: the file in WAL mode with synchronous=FULL, and its schema
 * brought up to date in one write transaction, safe when two processes (a web and a worker
 * server) open the same new file at the same moment.
 */
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';

type Row = Record<string, SQLInputValue>;

const userVersion = (db: DatabaseSync): number =>
  Number((db.prepare('PRAGMA user_version').get() as Row).user_version);

/** Brings the database to the latest schema; returns the version it is at. */
function migrate(db: DatabaseSync): number {
  for (;;) {
    // The version is read inside the write transaction: a second process opening the same file
    // at the same moment waits here and then sees the migration the first one applied.
    db.exec('BEGIN IMMEDIATE');
    try {
      const current = userVersion(db);
      if (current > SQLITE_MIGRATIONS.length)
        throw new Error(
          `The lab database has schema version ${current}, newer than this server knows (${SQLITE_MIGRATIONS.length}).`,
        );
      if (current === SQLITE_MIGRATIONS.length) {
        db.exec('COMMIT');
        return current;
      }
      db.exec(SQLITE_MIGRATIONS[current]!);
      db.exec(`PRAGMA user_version = ${current + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}

const BUSY_TIMEOUT_MS = 5000;
const SQLITE_BUSY = 5;

/**
 * Sets WAL mode, trying again while another process holds the file: SQLite answers a journal-mode
 * change with SQLITE_BUSY at once, without calling the busy handler, so busy_timeout does not
 * cover it (two servers starting on one new file failed this way about one time in six).
 */
function switchToWal(db: DatabaseSync): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { errcode?: number }).errcode !== SQLITE_BUSY || Date.now() + pause > deadline)
        throw error;
      // node:sqlite is synchronous and this runs once at startup: a blocking pause is the honest wait.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}

/** Opens the file durably (WAL, synchronous=FULL) and brings its schema up to date. */
export function openDatabase(file: string): { db: DatabaseSync; version: number } {
  mkdirSync(dirname(file), { recursive: true });
  const db = new DatabaseSync(file);
  // First: a second process opening the file at the same moment (a web and a worker server)
  // waits for the first one's transactions instead of failing with "database is locked".
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  switchToWal(db);
  // FULL: a commit is on disk before the insert returns, so an acknowledged submission survives.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  try {
    return { db, version: migrate(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}
