/**
 * Limits set by environment variable reach the real sandbox: the health endpoint shows them and
 * a program meets them (output cap, /tmp size, thread count, standard input).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRunner, mainProgram, type Runner } from './harness.ts';
import { hostileSource } from './sandbox-support.ts';

let runner: Runner;
beforeAll(async () => {
  runner = await startRunner({
    LOCKSTEP_NO_WARMUP: '1',
    LOCKSTEP_PROCESSES: '64',
    LOCKSTEP_OUTPUT_KIB: '16',
    LOCKSTEP_TMP_MIB: '8',
    LOCKSTEP_STDIN_KIB: '1',
    LOCKSTEP_BUILD_TIMEOUT_MS: '45000',
  });
}, 120_000);
afterAll(async () => runner?.close());

describe('limits from the environment', () => {
  test('are reported by /api/health', async () => {
    expect((await runner.health()).limits).toMatchObject({
      processes: 64,
      outputKiB: 16,
      tmpMiB: 8,
      stdinKiB: 1,
      buildWallSeconds: 45,
    });
  });

  test('cut the output at the configured size', async () => {
    const res = await runner.run(
      mainProgram(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println("flood")\n\t}\n}\n',
      ),
    );
    expect(res.body.status).toBe('output_limit');
    expect(res.body.stdout).toContain('[output truncated: the program printed more than 16 KiB]');
    expect(Buffer.byteLength(res.body.stdout)).toBeLessThan(16 * 1024 + 200);
  }, 60_000);

  test('cap /tmp at the configured size', async () => {
    const res = await runner.run(mainProgram(hostileSource('fill_tmp.go')));
    expect(res.body.status).toBe('ok');
    const m = /stopped after (\d+) MiB/.exec(res.body.stdout);
    expect(m, res.body.stdout).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(8);
  }, 60_000);

  test('cap threads at the configured count', async () => {
    const res = await runner.run(mainProgram(hostileSource('thread_bomb.go')));
    expect(res.body.stderr).toContain('pthread_create failed: Resource temporarily unavailable');
    const counts = [...res.body.stdout.matchAll(/threads: (\d+)/g)].map((m) => Number(m[1]));
    expect(Math.max(...counts)).toBeLessThan(64);
  }, 60_000);

  test('refuse standard input over the configured size', async () => {
    const res = await runner.post({
      ...mainProgram('package main\n\nfunc main() {}\n'),
      stdin: 'x'.repeat(2048),
    });
    expect([400, 413]).toContain(res.statusCode);
    expect(String(res.json.message)).toContain('Standard input is limited to 1 KiB');
    expect(res.json).toMatchObject({ error: 'stdin_too_large', params: { maxBytes: 1024 } });
  });

  test('out of range values stop the server with the variable named', async () => {
    await expect(startRunner({ LOCKSTEP_PROCESSES: '4' })).rejects.toThrow(/LOCKSTEP_PROCESSES/);
  });
});
