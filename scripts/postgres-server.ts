/**
 * A real, throw-away PostgreSQL server for tests, from Debian's `postgresql` package: initdb in a
 * temporary directory, `pg_ctl start` on a free loopback port with its unix socket in that
 * directory, databases made on demand, and everything stopped and removed at the end — also when
 * a test fails or the test process exits early.
 *
 * PostgreSQL refuses to run as root. Tests run as root here, so the directory is handed to the
 * `postgres` user (which the package creates) and every server program runs through
 * `runuser -u postgres`; as any other user the programs run as that user.
 *
 *   const pg = await startPostgres();       // initdb + start; pg.url is a fresh database
 *   const other = await pg.createDatabase('other');
 *   await pg.stop(); await pg.start();      // the same data, the same port (restart() does both)
 *   await pg.stop('immediate');             // as a crash would: no shutdown checkpoint
 *   await pg.remove();                      // stop and delete; call it in afterAll
 *
 * No PostgreSQL installed is an error naming the install command, never a skipped test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { POSTGRESQL_INSTALL, postgresBinDir } from './postgresql.ts';

export type StopMode = 'fast' | 'immediate';

export interface PostgresServer {
  /** The connection URL of the database made at start (`lockstep`). */
  readonly url: string;
  readonly port: number;
  /** The temporary directory: data/, the socket, server.log. */
  readonly dir: string;
  readonly running: boolean;
  /** The URL of database `name` on this server (it need not exist). */
  urlOf(name: string): string;
  /** Creates database `name` (letters, digits, _) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Starts the stopped server again on the same port with the same data. */
  start(): Promise<void>;
  /** fast: disconnect clients and shut down cleanly; immediate: stop at once, as a crash would. */
  stop(mode?: StopMode): Promise<void>;
  restart(mode?: StopMode): Promise<void>;
  /** Stops the server if it runs and deletes the directory. */
  remove(): Promise<void>;
}

export interface StartOptions {
  /** Extra server settings, passed as -c name=value. */
  settings?: Record<string, string>;
}

/** The exact command a person runs to get the server programs. */
export function installCommand(): string {
  return process.getuid?.() === 0 ? POSTGRESQL_INSTALL : `sudo ${POSTGRESQL_INSTALL}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** uid and gid of the `postgres` user, for running as root. */
function postgresUser(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error(
      `PostgreSQL cannot run as root, and there is no "postgres" user to run it as (the postgresql package creates one: ${installCommand()}).`,
    );
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** The command line that runs a server program, through runuser when we are root. */
function argvFor(argv: string[], asPostgres: boolean): string[] {
  return asPostgres ? ['runuser', '-u', 'postgres', '--', ...argv] : argv;
}

/** Runs a server program (as `postgres` when we are root); resolves with its output or rejects with it. */
function runProgram(argv: string[], cwd: string, asPostgres: boolean): Promise<string> {
  const [cmd, ...args] = argvFor(argv, asPostgres);
  return new Promise((resolve, reject) => {
    // pg_ctl's server keeps no pipe of ours open (it logs to a file), so 'close' comes when pg_ctl exits.
    const child = spawn(cmd!, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${argv.join(' ')} exited with ${code}:\n${out}`)),
    );
  });
}

/** The PostgreSQL programs' folder; throws naming the install command when there is none. */
function requirePostgresBin(): string {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      `PostgreSQL is not installed: these tests start a real PostgreSQL server from Debian's postgresql package (looked in ${process.env.LOCKSTEP_PG_BIN ?? '/usr/lib/postgresql/<version>/bin'}). Install it with: ${installCommand()}`,
    );
  return bin;
}

/** initdb into `data`: trust authentication for local tests, UTF-8, the C locale, no fsync. */
async function initDataDir(bin: string, dir: string, data: string, asPostgres: boolean): Promise<void> {
  if (asPostgres) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  await runProgram(
    [
      join(bin, 'initdb'),
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ],
    dir,
    asPostgres,
  );
}

/** Starts on a free port; one taken between the probe and the bind is retried with another. */
async function startOnFreePort(start: (port: number) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await start(await freePort());
      return;
    } catch (error) {
      if (attempt >= 3 || !/could not bind|Address already in use/.test((error as Error).message))
        throw error;
    }
  }
}

/** pg_ctl stop -m immediate, synchronously: for a process that is exiting. */
function stopImmediatelySync(bin: string, data: string, dir: string, asPostgres: boolean): void {
  const [cmd, ...args] = argvFor(
    [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'],
    asPostgres,
  );
  spawnSync(cmd!, args, { cwd: dir, stdio: 'ignore' });
}

/** CREATE DATABASE `name` (a plain name only); returns its URL. */
async function createDatabase(urlOf: (name: string) => string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: urlOf('postgres') });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return urlOf(name);
}

/** initdb in a new temporary directory, start the server, create database `lockstep`. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const bin = requirePostgresBin();
  const asPostgres = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  let port = 0;
  let running = false;

  const pgCtl = (args: string[]) => runProgram([join(bin, 'pg_ctl'), '-D', data, ...args], dir, asPostgres);
  const stopNow = (mode: StopMode) => pgCtl(['-m', mode, '-w', 'stop']);
  // If the test process ends without remove() (a crash, a timeout), the server must not outlive it.
  const onExit = (): void => {
    if (running) stopImmediatelySync(bin, data, dir, asPostgres);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  const extra = Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const serverOptions = () =>
    ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...extra].join(' ');
  const startServer = async (): Promise<void> => {
    try {
      await pgCtl(['-l', log, '-w', '-t', '60', '-o', serverOptions(), 'start']);
    } catch (error) {
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`${(error as Error).message}\nserver.log:\n${tail}`, { cause: error });
    }
    running = true;
  };
  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;

  const server: PostgresServer = {
    get url() {
      return urlOf('lockstep');
    },
    get port() {
      return port;
    },
    dir,
    get running() {
      return running;
    },
    urlOf,
    createDatabase: (name) => createDatabase(urlOf, name),
    start: startServer,
    async stop(mode = 'fast') {
      if (!running) return;
      await stopNow(mode);
      running = false;
    },
    async restart(mode = 'fast') {
      await server.stop(mode);
      await startServer();
    },
    async remove() {
      try {
        await server.stop('immediate');
      } finally {
        process.removeListener('exit', onExit);
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };

  try {
    await initDataDir(bin, dir, data, asPostgres);
    await startOnFreePort(async (free) => {
      port = free;
      await startServer();
    });
    await server.createDatabase('lockstep');
    return server;
  } catch (error) {
    await server.remove().catch(() => undefined);
    throw error;
  }
}
