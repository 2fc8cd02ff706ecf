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

/** Where one throw-away server lives, and whether its programs run as `postgres`. */
interface Instance {
  bin: string;
  dir: string;
  data: string;
  log: string;
  asPostgres: boolean;
}

function pgCtl(inst: Instance, args: string[]): Promise<string> {
  return runProgram([join(inst.bin, 'pg_ctl'), '-D', inst.data, ...args], inst.dir, inst.asPostgres);
}

/** Starts the server on port; a failure carries the end of server.log, where PostgreSQL says why. */
async function startServer(inst: Instance, port: number, extra: string[]): Promise<void> {
  const serverOptions = ['-p', String(port), '-k', inst.dir, '-c', 'listen_addresses=127.0.0.1', ...extra];
  try {
    await pgCtl(inst, ['-l', inst.log, '-w', '-t', '60', '-o', serverOptions.join(' '), 'start']);
  } catch (error) {
    const tail = existsSync(inst.log) ? readFileSync(inst.log, 'utf8').split('\n').slice(-15).join('\n') : '';
    throw new Error(`${(error as Error).message}\nserver.log:\n${tail}`, { cause: error });
  }
}

/** Starts the server on a free port and returns it. */
async function startOnFreePort(inst: Instance, extra: string[]): Promise<number> {
  // A free port can be taken between the probe and the bind: try another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await startServer(inst, port, extra);
      return port;
    } catch (error) {
      if (attempt >= 3 || !/could not bind|Address already in use/.test((error as Error).message))
        throw error;
    }
  }
}

/** initdb into data/, the directory handed to `postgres` first when we are root. */
async function initDataDir(inst: Instance): Promise<void> {
  if (inst.asPostgres) {
    const { uid, gid } = postgresUser();
    chownSync(inst.dir, uid, gid);
  }
  await runProgram(
    [
      join(inst.bin, 'initdb'),
      '-D',
      inst.data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ],
    inst.dir,
    inst.asPostgres,
  );
}

/** Stops a running server at once and deletes its directory, synchronously: what process exit allows. */
function removeNow(inst: Instance, running: boolean): void {
  if (running) {
    const [cmd, ...args] = argvFor(
      [join(inst.bin, 'pg_ctl'), '-D', inst.data, '-m', 'immediate', '-w', 'stop'],
      inst.asPostgres,
    );
    spawnSync(cmd!, args, { cwd: inst.dir, stdio: 'ignore' });
  }
  rmSync(inst.dir, { recursive: true, force: true });
}

/** Creates database `name` on the server whose maintenance database is at maintenanceUrl. */
async function createDatabaseAt(maintenanceUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/** The server programs' directory, or an error saying how to install them. */
function requireBinDir(): string {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error(
      `PostgreSQL is not installed: these tests start a real PostgreSQL server from Debian's postgresql package (looked in ${process.env.LOCKSTEP_PG_BIN ?? '/usr/lib/postgresql/<version>/bin'}). Install it with: ${installCommand()}`,
    );
  return bin;
}

/** initdb in a new temporary directory, start the server, create database `lockstep`. */
export async function startPostgres(options: StartOptions = {}): Promise<PostgresServer> {
  const bin = requireBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-pg-'));
  const inst: Instance = {
    bin,
    dir,
    data: join(dir, 'data'),
    log: join(dir, 'server.log'),
    asPostgres: process.getuid?.() === 0,
  };
  const extra = Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  let port = 0;
  let running = false;
  // If the test process ends without remove() (a crash, a timeout), the server must not outlive it.
  const onExit = (): void => removeNow(inst, running);
  process.once('exit', onExit);
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
    async createDatabase(name) {
      await createDatabaseAt(urlOf('postgres'), name);
      return urlOf(name);
    },
    async start() {
      await startServer(inst, port, extra);
      running = true;
    },
    async stop(mode = 'fast') {
      if (!running) return;
      await pgCtl(inst, ['-m', mode, '-w', 'stop']);
      running = false;
    },
    async restart(mode = 'fast') {
      await server.stop(mode);
      await server.start();
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
    await initDataDir(inst);
    port = await startOnFreePort(inst, extra);
    running = true;
    await server.createDatabase('lockstep');
    return server;
  } catch (error) {
    await server.remove().catch(() => undefined);
    throw error;
  }
}
