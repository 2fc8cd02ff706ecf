import { readFileSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { describe, expect, it } from 'vitest';
import { parseTestEvents } from './test2json.ts';
import { cutEventOutput, lineText, TestTextStream } from './test2json-text.ts';

const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');
const FIXTURES = [
  'test_mixed.txt',
  'test_panic.txt',
  'test_hang.txt',
  'test_compile.txt',
  'test_forged.txt',
  'test_forged_exit.txt',
  'test_killed.json',
];

/** The text of a stream given in byte chunks cut at `cuts`, decoded as the sandbox decodes pipes. */
function streamed(bytes: Buffer, cuts: number[]): string {
  const decoder = new StringDecoder('utf8');
  const text = new TestTextStream();
  let out = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    out += text.push(decoder.write(bytes.subarray(from, cut)));
    from = cut;
  }
  return out + text.push(decoder.end()) + text.end();
}

describe('lineText', () => {
  it('is the Output of an output event and nothing for the other events', () => {
    expect(
      lineText('{"Action":"output","Package":"sandbox","Test":"TestA","Output":"=== RUN   TestA\\n"}'),
    ).toBe('=== RUN   TestA\n');
    expect(lineText('{"Action":"pass","Package":"sandbox","Test":"TestA","Elapsed":0}')).toBe('');
    expect(
      lineText('{"ImportPath":"sandbox [sandbox.test]","Action":"build-output","Output":"# x\\n"}'),
    ).toBe('');
  });
  it('keeps a line that is no event, and drops blank lines', () => {
    expect(lineText('test2json: exit status 2')).toBe('test2json: exit status 2\n');
    expect(lineText('  ')).toBe('');
  });
  it('shows what a cut output event printed, never its JSON', () => {
    const line =
      '{"Time":"2026-11-22T00:20:02Z","Action":"output","Package":"sandbox","Test":"TestA","Output":"0123\\t45\\u00';
    expect(cutEventOutput(line)).toBe('0123\t45');
    expect(lineText(line)).toBe('0123\t45\n');
    expect(lineText('{"Time":"2026-11-22T00:20:02Z","Action":"output","Pack')).toBe('\n');
    expect(lineText('{"Time":"2026-11-22T00:20:02Z","Act')).toBe('\n');
    expect(lineText('{"Time":"2026-11-22T00:20:02Z","Action":"pass","Test":"TestA","Elap')).toBe('\n');
    expect(lineText('{')).toBe('\n');
  });
});

describe('TestTextStream', () => {
  it('prints what go test -v prints, with no JSON', () => {
    const text = streamed(Buffer.from(fixture('test_mixed.txt')), []);
    expect(text).toContain('=== RUN   TestInc\n--- PASS: TestInc (0.00s)\n');
    expect(text).toContain('    counter_test.go:26: Value() = 1, want 2\n--- FAIL: TestWrong (0.00s)\n');
    expect(text).toMatch(/\nFAIL\n/);
    expect(text).not.toContain('{"Time":');
    expect(text).not.toContain('"Action"');
  });

  it.each(FIXTURES)('%s cut at every byte gives the text of parseTestEvents', (name) => {
    const raw = fixture(name);
    const bytes = Buffer.from(raw);
    const whole = parseTestEvents(raw, '/sandbox/src').text;
    expect(whole).not.toBe('');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const text = streamed(bytes, [cut]);
      if (text !== whole) expect({ cut, text }).toEqual({ cut, text: whole });
    }
  });

  it('byte by byte, multi-byte characters and CRLF included', () => {
    const raw =
      '{"Action":"output","Test":"TestZh","Output":"=== RUN   TestZh\\n"}\r\n' +
      '{"Action":"output","Test":"TestZh","Output":"    zh_test.go:9: 你好，世界\\n"}\r\n' +
      '{"Action":"output","Output":"FAIL\\n"}';
    const bytes = Buffer.from(raw);
    const every = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    expect(streamed(bytes, every)).toBe('=== RUN   TestZh\n    zh_test.go:9: 你好，世界\nFAIL\n');
    expect(parseTestEvents(raw, '/sandbox/src').text).toBe(streamed(bytes, every));
  });

  it('gives a finished line at once and holds only the unfinished one', () => {
    const s = new TestTextStream();
    expect(s.push('{"Action":"output","Test":"TestA","Output":"=== RUN   TestA\\n"}\n{"Action":"out')).toBe(
      '=== RUN   TestA\n',
    );
    expect(s.push('put","Test":"TestA","Output":"--- PASS: TestA (0.00s)\\n"}\n')).toBe(
      '--- PASS: TestA (0.00s)\n',
    );
    expect(s.end()).toBe('');
  });
});
