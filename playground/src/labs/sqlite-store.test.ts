/**
 * The lab store suite (store-suite.ts) against the embedded SQLite backend, plus what only SQLite
 * has: WAL mode and the schema version in PRAGMA user_version. The same suite runs against
 * PostgreSQL in tests/integration/postgres-store.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createSqliteLabStore } from './sqlite-store.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';
import { lab, labStoreSuite } from './store-suite.ts';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-labs-'));
  dirs.push(dir);
  return join(dir, 'labs.sqlite');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

labStoreSuite({
  name: 'SQLite',
  migrations: SQLITE_MIGRATIONS.length,
  async fresh() {
    const file = tempFile();
    return {
      open: () => createSqliteLabStore(file),
      async markNewer(version) {
        const raw = new DatabaseSync(file);
        raw.exec(`PRAGMA user_version = ${version}`);
        raw.close();
      },
    };
  },
});

describe('SQLite lab store file', () => {
  it('is in WAL mode with the schema version in user_version', async () => {
    const file = tempFile();
    const store = createSqliteLabStore(file);
    await store.createLab(lab, 'hash');
    await store.close();
    const raw = new DatabaseSync(file);
    expect((raw.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    expect((raw.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBe(
      SQLITE_MIGRATIONS.length,
    );
    raw.close();
  });
});
