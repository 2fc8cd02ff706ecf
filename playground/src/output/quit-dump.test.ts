import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { QuitDumpStream } from './quit-dump.ts';

const stall = readFileSync(new URL('../parsers/testdata/stall_mutex.txt', import.meta.url), 'utf8');
/** Whatever the result's stderr holds from the dump on (today nothing: cutQuitDump cuts it). */
const ACCOUNT = '[an account of the stop]\n';

function streamed(text: string, cuts: number[], result: string): string {
  const s = new QuitDumpStream();
  let out = '';
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    out += s.push(text.slice(from, cut));
    from = cut;
  }
  return out + s.end(result);
}

describe('QuitDumpStream', () => {
  it('shows stderr up to the dump, then the result account instead of the dump, at every cut', () => {
    const before = 'starting\nwaiting for the lock\n';
    const raw = before + stall;
    const result = before + ACCOUNT;
    for (let cut = 0; cut <= raw.length; cut++) {
      const text = streamed(raw, [cut], result);
      if (text !== result) expect({ cut, text }).toEqual({ cut, text: result });
    }
  });

  it('recognises a dump at the very start, and holds nothing after it began', () => {
    const s = new QuitDumpStream();
    expect(s.push('SIGQUIT: qu')).toBe('');
    expect(s.push('it\nPC=0x4b22e1 m=0 sigcode=0\n')).toBe('');
    expect(s.push('goroutine 0 gp=0x585ec0 m=0 mp=0x586c80 [idle]:\n')).toBe('');
    expect(s.end(ACCOUNT)).toBe(ACCOUNT);
  });

  it('passes through what only looks like the start of the mark, and a mark inside a line', () => {
    const text = 'SIGQUIT: quitting is fine\nsaid "SIGQUIT: quit\n" here\n';
    for (let cut = 0; cut <= text.length; cut++) expect(streamed(text, [cut], text)).toBe(text);
    const s = new QuitDumpStream();
    expect(s.push('line\nSIGQ')).toBe('line\n');
    expect(s.end('line\nSIGQ')).toBe('SIGQ');
  });
});
