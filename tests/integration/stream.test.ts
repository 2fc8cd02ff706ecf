/**
 * The streaming endpoint over a real WebSocket: queue position, phases and output arrive as the
 * program writes, then the same result object as POST /api/run; closing the socket stops the run.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startRunner, mainProgram, type Runner } from './harness.ts';
import { Value } from 'typebox/value';
import { StreamMessage } from '../../contract/stream.ts';
import type { RunRequest } from '../../contract/run.ts';
import { stopText } from '../../components/i18n/run-texts.ts';

let runner: Runner;
let base: string;

beforeAll(async () => {
  runner = await startRunner({ LOCKSTEP_RUN_TIMEOUT_MS: '8000', LOCKSTEP_CONCURRENCY: '1' });
  await runner.waitWarm();
  await runner.app.listen({ port: 0, host: '127.0.0.1' });
  const address = runner.app.server.address();
  base = `ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}, 240_000);
afterAll(async () => runner?.close());

/** Opens a stream, sends the request, and collects messages with their arrival times. */
function stream(
  request: RunRequest | string,
  client: string,
  onMessage?: (m: StreamMessage, ws: WebSocket) => void,
) {
  return new Promise<{ messages: { at: number; m: StreamMessage }[]; closeCode: number }>(
    (resolve, reject) => {
      const ws = new WebSocket(`${base}/api/run/stream?client=${client}`);
      const messages: { at: number; m: StreamMessage }[] = [];
      const t0 = performance.now();
      ws.onopen = () => ws.send(typeof request === 'string' ? request : JSON.stringify(request));
      ws.onmessage = (event) => {
        const m = JSON.parse(String(event.data)) as StreamMessage;
        messages.push({ at: performance.now() - t0, m });
        onMessage?.(m, ws);
      };
      ws.onerror = () => reject(new Error('websocket error'));
      ws.onclose = (event) => {
        // Every message must match the published contract (contract/stream.ts).
        const invalid = messages.filter((x) => !Value.Check(StreamMessage, x.m));
        if (invalid.length > 0) reject(new Error(`messages off the contract: ${JSON.stringify(invalid)}`));
        else resolve({ messages, closeCode: event.code });
      };
    },
  );
}

const SLOW_PRINTER = `package main

import (
	"fmt"
	"time"
)

func main() {
	for i := 0; i < 3; i++ {
		fmt.Println("tick", i)
		time.Sleep(400 * time.Millisecond)
	}
}
`;

/** Prints a number every 50 ms until it is stopped. */
const FOREVER = mainProgram(
  'package main\n\nimport (\n\t"fmt"\n\t"time"\n)\n\nfunc main() {\n\tfor i := 0; ; i++ {\n\t\tfmt.Println(i)\n\t\ttime.Sleep(50 * time.Millisecond)\n\t}\n}\n',
);

describe('streaming', () => {
  test('phases, then output as it is written, then the result', async () => {
    // A new comment each time: a program never seen before is built, not taken from the binary cache.
    const fresh = `${SLOW_PRINTER}\n// ${Date.now()}-${Math.random()}\n`;
    const { messages } = await stream(mainProgram(fresh), 'stream-a');
    const types = messages.map((x) => x.m.type);
    expect(types.at(-1)).toBe('result');
    const phases = messages.flatMap((x) => (x.m.type === 'phase' ? [x.m.phase] : []));
    expect(phases).toEqual(['queued', 'building', 'running']);
    const outputs = messages.filter((x) => x.m.type === 'output');
    expect(outputs.map((x) => (x.m.type === 'output' ? x.m.data : '')).join('')).toBe(
      'tick 0\ntick 1\ntick 2\n',
    );
    // Output streamed: the first tick arrived well before the result.
    const resultAt = messages.at(-1)!.at;
    expect(resultAt - outputs[0]!.at).toBeGreaterThan(600);
    const final = messages.at(-1)!.m;
    expect(final.type === 'result' && final.result.status).toBe('ok');
  }, 120_000);

  test('Test streams what go test -v prints, never test2json, and it adds up to the result', async () => {
    const { messages } = await stream(
      {
        action: 'test',
        files: {
          'go.mod': 'module sandbox\n\ngo 1.24\n',
          'add.go': 'package sandbox\n\nfunc Add(a, b int) int { return a + b }\n',
          'add_test.go':
            'package sandbox\n\nimport "testing"\n\nfunc TestAdd(t *testing.T) {\n\tif Add(2, 2) != 4 {\n\t\tt.Fatal("2+2")\n\t}\n}\n\n' +
            'func TestWrong(t *testing.T) {\n\tt.Log("about to fail")\n\tif got := Add(1, 1); got != 3 {\n\t\tt.Errorf("Add(1, 1) = %d, want 3", got)\n\t}\n}\n',
        },
      },
      'stream-test',
    );
    const final = messages.at(-1)!.m;
    if (final.type !== 'result') throw new Error(`no result: ${JSON.stringify(final)}`);
    const text = messages
      .map((x) => (x.m.type === 'output' && x.m.stream === 'stdout' ? x.m.data : ''))
      .join('');
    expect(text).toContain('=== RUN   TestAdd\n--- PASS: TestAdd (');
    expect(text).toContain('=== RUN   TestWrong\n    add_test.go:12: about to fail\n');
    expect(text).toContain('    add_test.go:14: Add(1, 1) = 2, want 3\n--- FAIL: TestWrong (');
    expect(text).toMatch(/\nFAIL\n$/);
    expect(text).not.toMatch(/\{"Time":|"Action"/);
    // The stream is the result's text; the per-test results are only in the result.
    expect(text).toBe(final.result.stdout);
    expect(final.result.status).toBe('test_failed');
    expect(final.result.tests.map((t) => `${t.name}:${t.status}`)).toEqual([
      'TestAdd:pass',
      'TestWrong:fail',
    ]);
  }, 120_000);

  test('a Test cut by the output limit streams its text up to the cut, never a JSON fragment', async () => {
    const { messages } = await stream(
      {
        action: 'test',
        files: {
          'go.mod': 'module sandbox\n\ngo 1.24\n',
          'flood_test.go':
            'package sandbox\n\nimport (\n\t"fmt"\n\t"testing"\n)\n\nfunc TestFlood(t *testing.T) {\n\tfor i := 0; ; i++ {\n\t\tfmt.Printf("line %d: 你好\\n", i)\n\t}\n}\n',
        },
      },
      'stream-flood',
    );
    const final = messages.at(-1)!.m;
    if (final.type !== 'result') throw new Error(`no result: ${JSON.stringify(final)}`);
    const text = messages
      .map((x) => (x.m.type === 'output' && x.m.stream === 'stdout' ? x.m.data : ''))
      .join('');
    expect(final.result.status).toBe('output_limit');
    expect(text).toMatch(/^=== RUN {3}TestFlood\nline 0: 你好\nline 1: 你好\n/);
    expect(text).toMatch(/\n\[output truncated: [^\n]*\]\n$/);
    expect(text).not.toMatch(/\{"Time":|"Action"|"Output"/);
    expect(text).toBe(final.result.stdout);
  }, 120_000);

  test('a program the sandbox stops streams the summary of its goroutines, not the runtime dump', async () => {
    const { messages } = await stream(
      mainProgram(
        'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"sync"\n)\n\nfunc main() {\n\tvar mu sync.Mutex\n\tfmt.Fprintln(os.Stderr, "locking twice")\n\tmu.Lock()\n\tmu.Lock()\n}\n',
      ),
      'stream-stall',
    );
    const final = messages.at(-1)!.m;
    if (final.type !== 'result') throw new Error(`no result: ${JSON.stringify(final)}`);
    const stderr = messages
      .map((x) => (x.m.type === 'output' && x.m.stream === 'stderr' ? x.m.data : ''))
      .join('');
    // One typed message stands for the cut dump, after the output: the result's stop and goroutines.
    const stopped = messages.filter((x) => x.m.type === 'stopped').map((x) => x.m);
    expect(stopped).toEqual([{ type: 'stopped', code: 'deadlock', goroutines: final.result.goroutines }]);
    expect(messages.findIndex((x) => x.m.type === 'stopped')).toBeGreaterThan(
      messages.findLastIndex((x) => x.m.type === 'output'),
    );
    expect(final.result.status).toBe('deadlock');
    expect(final.result.stop).toEqual({ code: 'deadlock' });
    expect(stderr).toBe(final.result.stderr);
    // What an English reader's terminal shows: the text, then the stop worded.
    const shown = stderr + stopText('en', 'deadlock', final.result.goroutines);
    expect(shown).toMatch(/^locking twice\nfatal error: all goroutines are asleep - deadlock!\n/);
    expect(shown).toContain('main.go:13');
    expect(shown).not.toMatch(/SIGQUIT: quit|gp=0x|\/sandbox\/src\//);
  }, 120_000);

  test('a second client waits in line and is told its position', async () => {
    const first = stream(mainProgram(SLOW_PRINTER.replace('tick', 'first')), 'stream-b');
    await new Promise((r) => setTimeout(r, 300));
    const second = await stream(mainProgram(SLOW_PRINTER.replace('tick', 'second')), 'stream-c');
    await first;
    expect(second.messages.some((x) => x.m.type === 'queued' && x.m.position === 1)).toBe(true);
    expect(second.messages.at(-1)!.m.type).toBe('result');
  }, 120_000);

  test('a client with a run and a full line gets 429 with Retry-After, over HTTP and the stream', async () => {
    let running!: () => void;
    const started = new Promise<void>((r) => (running = r));
    let socket: WebSocket | undefined;
    const first = stream(FOREVER, 'busy', (m, ws) => {
      socket = ws;
      if (m.type === 'phase' && m.phase === 'running') running();
    });
    await started;
    // One running and two waiting are allowed per client (LOCKSTEP_QUEUE_PER_CLIENT defaults to 2).
    const waiting = [1, 2].map((i) =>
      runner.run(mainProgram(`package main\n\nfunc main() { println(${i}) }\n`), 'busy'),
    );
    await new Promise((r) => setTimeout(r, 200));
    const refused = await runner.app.inject({
      method: 'POST',
      url: '/api/run',
      headers: { 'content-type': 'application/json', 'x-lockstep-client': 'busy' },
      payload: JSON.stringify(mainProgram('package main\n\nfunc main() {}\n')),
    });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json()).toMatchObject({ error: 'queue_full', message: expect.any(String) });
    const overStream = await stream(mainProgram('package main\n\nfunc main() {}\n'), 'busy');
    expect(overStream.messages).toHaveLength(1);
    expect(overStream.messages[0]!.m).toMatchObject({ type: 'error', error: 'queue_full' });
    const m = overStream.messages[0]!.m;
    expect(m.type === 'error' && m.retryAfterS).toBeGreaterThanOrEqual(1);
    // Another client is not refused because of this one.
    const other = runner.run(mainProgram('package main\n\nfunc main() {}\n'), 'someone-else');
    socket!.close();
    await first;
    for (const done of [...waiting, other]) expect((await done).body.status).toBe('ok');
    await expect.poll(() => runner.leftovers(), { timeout: 3_000 }).toEqual([]);
  }, 120_000);

  test('closing the socket stops the run', async () => {
    await stream(FOREVER, 'stream-d', (m, ws) => {
      if (m.type === 'output') ws.close();
    });
    // The program never ends by itself and holds its job until the 8 s limit; killed, the job
    // and its cgroup are gone and the slot takes a new run.
    await expect.poll(() => runner.leftovers(), { timeout: 3_000 }).toEqual([]);
    const after = await runner.run(mainProgram('package main\n\nfunc main() {}\n'), 'stream-d2');
    expect(after.body.status).toBe('ok');
  }, 120_000);

  test('the OpenAPI document publishes the stream messages and says output is text for people', async () => {
    const doc = (await runner.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      components: { schemas: Record<string, unknown> };
    };
    const published = JSON.stringify(doc.components.schemas.StreamMessage);
    expect(published).toContain('go test -v');
    expect(published).toContain('never test2json events');
    expect(published).toContain('WebSocket GET /api/run/stream');
  });

  test('a malformed first message gets an error message and a close', async () => {
    const { messages, closeCode } = await stream('{not json', 'stream-e');
    expect(messages[0]?.m).toMatchObject({ type: 'error', error: 'not_json' });
    expect(closeCode).toBe(1008);
    const invalid = await stream(JSON.stringify({ action: 'run', files: { '../x.go': '' } }), 'stream-f');
    expect(invalid.messages[0]?.m).toMatchObject({
      type: 'error',
      error: 'bad_file_name',
      params: { file: '../x.go' },
    });
  });
});
