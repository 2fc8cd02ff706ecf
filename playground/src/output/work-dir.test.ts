import { describe, expect, it } from 'vitest';
import { stripWorkDir, WorkDirStream, WORK_DIR_PREFIX } from './work-dir.ts';

/** The stream's text for chunks cut at `cuts`. */
function streamed(text: string, cuts: number[]): string {
  const s = new WorkDirStream();
  let out = '';
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out += s.push(text.slice(from, cut));
    from = cut;
  }
  return out + s.end();
}

const RACE_LINES =
  'Write at 0x00c000012345 by goroutine 7:\n  main.main.func1()\n      /sandbox/src/main.go:18 +0x44\n\nPrevious write at 0x00c000012345 by goroutine 6:\n  main.main.func1()\n      /sandbox/src/main.go:18 +0x5a\n';

describe('stripWorkDir', () => {
  it('removes the sandbox source directory from paths', () => {
    expect(WORK_DIR_PREFIX).toBe('/sandbox/src/');
    expect(stripWorkDir('/sandbox/src/main.go:12: x\n')).toBe('main.go:12: x\n');
  });
});

describe('WorkDirStream', () => {
  it('strips a prefix split across two chunks (it used to survive on the stream)', () => {
    const s = new WorkDirStream();
    expect(s.push('      /sandbox/sr')).toBe('      ');
    expect(s.push('c/main.go:18 +0x44\n')).toBe('main.go:18 +0x44\n');
    expect(s.end()).toBe('');
  });

  it('gives back held text that turned out not to be the prefix', () => {
    const s = new WorkDirStream();
    expect(s.push('cd /sandbox')).toBe('cd ');
    expect(s.push('/other\n')).toBe('/sandbox/other\n');
    expect(s.push('ends in /sand')).toBe('ends in ');
    expect(s.end()).toBe('/sand');
  });

  it('equals stripWorkDir of the whole text for every cut, and for every pair of cuts', () => {
    const texts = [
      RACE_LINES,
      '/sandbox/src//sandbox/src/sandbox/src/x',
      '/sand/sandbox/src/box/src/x',
      '/sandbox/src',
      'no paths here',
    ];
    for (const text of texts) {
      const whole = stripWorkDir(text);
      for (let a = 0; a <= text.length; a++) {
        expect(streamed(text, [a])).toBe(whole);
        for (let b = a; b <= text.length; b += 3) expect(streamed(text, [a, b])).toBe(whole);
      }
      const bytes = Array.from({ length: text.length }, (_, i) => i);
      expect(streamed(text, bytes)).toBe(whole);
    }
  });
});
