/**
 * The process: read the configuration, build the app, listen, and shut down cleanly on signals.
 * Started by `npm start` (after the site build) and by the e2e tests.
 */
import { loadConfig } from './config.ts';
import { buildApp } from './app.ts';
import { createSandboxedRunService } from './sandboxed-run-service.ts';
import { createWebNodeService } from './web-run-service.ts';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  let app;
  let service;
  try {
    // A malformed exercise stops the server here, with the file and field named.
    const exercises = exerciseCatalog(loadExercises());
    // A web server has no sandbox: it never probes for bubblewrap or warms a Go build cache.
    service = config.LOCKSTEP_ROLE === 'web' ? createWebNodeService() : createSandboxedRunService(config);
    app = await buildApp({ config, service, exercises });
  } catch (error) {
    console.error(`Lockstep cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
  const shutdown = (signal: string): void => {
    app.log.info(`${signal}: closing`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const hint =
      e.code === 'EADDRINUSE' ? ` Port ${config.PORT} is in use: stop the other server or set PORT.` : '';
    console.error(`Lockstep cannot listen on ${config.HOST}:${config.PORT}: ${e.message}.${hint}`);
    process.exit(1);
  }
  const where = `http://${config.HOST === '127.0.0.1' ? 'localhost' : config.HOST}:${config.PORT}`;
  console.log(
    config.LOCKSTEP_ROLE === 'all'
      ? `Lockstep is running at ${where}`
      : `Lockstep (${config.LOCKSTEP_ROLE} server) is running at ${where}`,
  );
  if (config.LOCKSTEP_ROLE === 'web') return;
  // The site is up either way; whoever started it must see at once when code cannot run, and why.
  try {
    const { sandbox } = await service.health();
    if (!sandbox.available) {
      console.warn(
        `The Go runner is off: ${sandbox.reason}\nThe course is served, but every run is refused with this reason until it is fixed.`,
      );
    } else if (sandbox.mode === 'none') {
      console.warn(sandbox.reason);
    }
  } catch (error) {
    console.warn(`Cannot tell whether the Go runner works: ${(error as Error).message}`);
  }
}

void main();
