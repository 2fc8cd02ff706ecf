/**
 * npm run capture:home-demo: runs the home page's racy program (content/home/race-demo/main.go)
 * through the real runner — queue, sandbox, `go run -race`, parsers: the code behind POST /api/run —
 * and writes what it answered to content/home/race-demo/capture.json. The home page draws that
 * capture on the code at build time, so the page ships no runner call and no invented report.
 * Re-run it after changing main.go; tests/unit/home-demo.test.ts fails while the capture is of
 * another source, and tests/integration/home-demo.test.ts proves the runner still reports the
 * same two lines. Exits 1 when the program does not race, 2 when code cannot run here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEMO_DIR, DEMO_FILE, sourceDigest, type DemoCapture } from '../components/home/demo-capture.ts';
import { withWarmRunner } from './warm-runner.ts';

async function main(): Promise<number> {
  const source = readFileSync(`${DEMO_DIR}/${DEMO_FILE}`, 'utf8');
  return withWarmRunner('capture:home-demo', async (service) => {
    const health = await service.health();
    const result = await service.run(
      { files: { [DEMO_FILE]: source }, action: 'run', race: true },
      'capture-home-demo',
      {},
    );
    if (result.status !== 'race') {
      console.error(`capture:home-demo: expected a race, the runner answered ${result.status}`);
      console.error(result.stderr.split('\n').slice(0, 10).join('\n'));
      return 1;
    }
    const capture: DemoCapture = {
      source: sourceDigest(source),
      go: health.go.version,
      capturedAt: new Date().toISOString(),
      status: result.status,
      exitCode: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
      races: result.races,
    };
    writeFileSync(`${DEMO_DIR}/capture.json`, `${JSON.stringify(capture, null, 2)}\n`);
    const lines = result.races.flatMap((r) => r.accesses.map((a) => `${a.op}@${a.stack[0]?.line}`));
    console.log(`capture:home-demo: ${result.status}, ${result.races.length} race(s): ${lines.join(', ')}`);
    return 0;
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
