import { describe, expect, test } from 'vitest';
import { decodeShare, encodeShare, playgroundUrl } from './share.ts';

describe('share links', () => {
  test('round-trips several files, including non-ASCII text', async () => {
    const files = {
      'main.go': 'package main\n\n// 数据竞争 ✓\nfunc main() {}\n',
      'main_test.go': 'package main\n',
    };
    const fragment = await encodeShare(files);
    expect(fragment).toMatch(/^code=[A-Za-z0-9_-]+$/);
    expect(await decodeShare(`#${fragment}`)).toEqual(files);
  });

  test('compresses repetitive code well below its size', async () => {
    const big = 'package main\n' + 'func f() { println("hello, lockstep") }\n'.repeat(200);
    const fragment = await encodeShare({ 'main.go': big });
    expect(fragment.length).toBeLessThan(big.length / 5);
  });

  test('rejects damaged, foreign and unsafe fragments', async () => {
    expect(await decodeShare('#section-2')).toBeNull();
    expect(await decodeShare('#code=!!!!')).toBeNull();
    const unsafe = await encodeShare({ 'main.go': 'x' }).then((f) => f);
    expect(await decodeShare(unsafe.slice(0, unsafe.length - 4))).toBeNull();
  });

  test('refuses file names a runner would refuse', async () => {
    const fragment = await encodeShare({ '../evil.go': 'package main' });
    expect(await decodeShare(fragment)).toBeNull();
  });

  test('links to the full-page playground in the learner’s language', () => {
    expect(playgroundUrl('en')).toBe('/playground/');
    expect(playgroundUrl('zh-cn', 'code=abc')).toBe('/zh-cn/playground/#code=abc');
  });
});
