import { describe, expect, it } from 'vitest';
import { firstUserFrame, normalizePath, parseFuncName, parseLocation, parseStack } from './frames.ts';

const W = '/sandbox/src';

describe('normalizePath', () => {
  it('strips the sandbox prefix and ./', () => {
    expect(normalizePath('/sandbox/src/main.go', W)).toBe('main.go');
    expect(normalizePath('/sandbox/src/main.go', W + '/')).toBe('main.go');
    expect(normalizePath('./helper.go', W)).toBe('helper.go');
    expect(normalizePath('main.go', W)).toBe('main.go');
  });
  it('shortens GOROOT and module-cache paths', () => {
    expect(normalizePath('/usr/local/go/src/sync/mutex.go', W)).toBe('sync/mutex.go');
    expect(normalizePath('/usr/lib/go-1.26/src/internal/runtime/maps/table.go', W)).toBe(
      'internal/runtime/maps/table.go',
    );
    expect(normalizePath('/root/go/pkg/mod/golang.org/x/sync@v0.10.0/errgroup/errgroup.go', W)).toBe(
      'golang.org/x/sync@v0.10.0/errgroup/errgroup.go',
    );
  });
  it('never hard-codes the work directory', () => {
    expect(normalizePath('/tmp/job42/main.go', '/tmp/job42')).toBe('main.go');
    expect(normalizePath('/tmp/job42/main.go', '/tmp/job7')).toBe('/tmp/job42/main.go');
  });
});

describe('frame lines', () => {
  it('reads traceback and race-report locations', () => {
    expect(parseLocation('\t/sandbox/src/main.go:7 +0x36', W)).toEqual({ file: 'main.go', line: 7 });
    expect(parseLocation('      /sandbox/src/main.go:15 +0x7b', W)).toEqual({ file: 'main.go', line: 15 });
    expect(
      parseLocation(
        '\t/usr/local/go/src/sync/mutex.go:46 +0x15 fp=0xc000051f30 sp=0xc000051f18 pc=0x4b3e55',
        W,
      ),
    ).toEqual({
      file: 'sync/mutex.go',
      line: 46,
    });
    expect(parseLocation('\t/sandbox/src/main.go:7', W)).toEqual({ file: 'main.go', line: 7 });
    expect(parseLocation('main.main()', W)).toBeNull();
  });
  it('drops printed arguments but keeps receivers', () => {
    expect(parseFuncName('main.(*Account).Deposit(0xc000094038, 0x1)')).toBe('main.(*Account).Deposit');
    expect(parseFuncName('  main.main.func1()')).toBe('main.main.func1');
    expect(parseFuncName('sync.(*Mutex).Lock(...)')).toBe('sync.(*Mutex).Lock');
    expect(parseFuncName('panic({0x618460?, 0x7c3260?})')).toBe('panic');
  });
});

describe('parseStack', () => {
  it('pairs lines, skips created-by, elisions and runtime.goexit', () => {
    const lines = [
      'main.get(...)',
      '\t/sandbox/src/main.go:6',
      'main.main()',
      '\t/sandbox/src/main.go:11 +0xa',
      'runtime.goexit({})',
      '\t/usr/local/go/src/runtime/asm_amd64.s:1771 +0x1',
      '...additional frames elided...',
      'created by main.main in goroutine 1',
      '\t/sandbox/src/main.go:13 +0x1a',
    ];
    const frames = parseStack(lines, W);
    expect(frames).toEqual([
      { func: 'main.get', file: 'main.go', line: 6 },
      { func: 'main.main', file: 'main.go', line: 11 },
    ]);
    expect(
      firstUserFrame([{ func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 }, ...frames]),
    ).toEqual(frames[0]);
  });
  it('returns no frames for an unrestorable stack', () => {
    expect(parseStack(['  [failed to restore the stack]'], W)).toEqual([]);
  });
});
