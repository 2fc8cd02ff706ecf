import { describe, expect, it } from 'vitest';
import { apiFileVersion, buildApiIndex, parseApiLine } from './api-lists.ts';
import { goImports, newerApiUses, newestNeeded, scanGo } from './audit.ts';

// Lines as Go's api/go1.N.txt files write them.
const index = buildApiIndex([
  {
    version: '1',
    text: 'pkg sync, type WaitGroup struct\npkg sync, method (*WaitGroup) Add(int)\npkg sync, method (*WaitGroup) Wait()\npkg fmt, func Println(...interface{}) (int, error)\npkg testing, type T struct\n',
  },
  { version: '1.19', text: 'pkg sync/atomic, type Pointer[$0 interface{}] struct\n' },
  {
    version: '1.25',
    text: 'pkg sync, method (*WaitGroup) Go(func()) #63796\npkg testing/synctest, func Test(*testing.T, func(*testing.T)) #67434\npkg testing/synctest, func Wait() #67434\npkg testing, type TB interface, Output() io.Writer #59928\n',
  },
  { version: '1.24', text: 'pkg log/syslog (linux-386-cgo), const LOG_ALERT Priority\n' },
]);

describe('Go API lists', () => {
  it('reads funcs, types, methods, interface members and platform lines', () => {
    expect(parseApiLine('pkg sync, method (*WaitGroup) Go(func()) #63796')).toEqual({
      pkg: 'sync',
      name: 'WaitGroup',
      member: 'Go',
    });
    expect(
      parseApiLine(
        'pkg maps, func Keys[$0 interface{ ~map[$1]$2 }, $1 comparable, $2 interface{}]($0) iter.Seq[$1]',
      ),
    ).toEqual({ pkg: 'maps', name: 'Keys' });
    expect(parseApiLine('pkg testing, type TB interface, Output() io.Writer #59928')).toEqual({
      pkg: 'testing',
      name: 'TB',
      member: 'Output',
    });
    expect(parseApiLine('pkg log/syslog (linux-386-cgo), const LOG_ALERT Priority')).toEqual({
      pkg: 'log/syslog',
      name: 'LOG_ALERT',
    });
    expect(parseApiLine('')).toBeNull();
    expect(apiFileVersion('go1.25.txt')).toBe('1.25');
    expect(apiFileVersion('go1.txt')).toBe('1');
    expect(apiFileVersion('except.txt')).toBeNull();
  });

  it('keeps the oldest version that lists a name, and the newest list read', () => {
    expect(index.packages.get('testing/synctest')).toBe('1.25');
    expect(index.members.get('sync.WaitGroup.Go')).toBe('1.25');
    expect(index.names.get('sync.WaitGroup')).toBe('1');
    expect(index.newest).toBe('1.25');
  });
});

describe('the API audit', () => {
  it('blanks comments and literals but keeps lines', () => {
    const { code, noComments } = scanGo('x := "wg.Go(" // wg.Go(\n/* a\nb */ y := `c`\n');
    expect(code.split('\n')).toHaveLength(4);
    expect(code).not.toContain('wg.Go');
    expect(noComments).toContain('"wg.Go("');
  });

  it('reads single, grouped, named and versioned imports', () => {
    const src = 'import "fmt"\nimport (\n\tst "testing/synctest"\n\t"math/rand/v2"\n\t_ "embed"\n)\n';
    expect([...goImports(scanGo(src).noComments)]).toEqual([
      ['testing/synctest', 'st'],
      ['math/rand/v2', 'rand'],
      ['embed', '_'],
      ['fmt', 'fmt'],
    ]);
  });

  it('finds sync.WaitGroup.Go and testing/synctest with their files and lines', () => {
    const uses = newerApiUses(
      {
        'main.go':
          'package main\n\nimport "sync"\n\nfunc main() {\n\tvar wg sync.WaitGroup\n\twg.Go(func() {})\n\twg.Wait()\n}\n',
        'main_test.go':
          'package main\n\nimport (\n\t"testing"\n\t"testing/synctest"\n)\n\nfunc TestX(t *testing.T) { synctest.Test(t, func(t *testing.T) {}) }\n',
      },
      index,
      '1.24',
    );
    expect(uses).toEqual([
      { api: 'testing/synctest', version: '1.25', file: 'main_test.go', line: 5 },
      { api: 'testing/synctest.Test', version: '1.25', file: 'main_test.go', line: 8 },
      { api: 'sync.WaitGroup.Go', version: '1.25', file: 'main.go', line: 7 },
    ]);
    expect(newestNeeded(uses)).toBe('1.25');
  });

  it('is not fooled by comments, strings, own methods or APIs no newer than the floor', () => {
    const uses = newerApiUses(
      {
        'pool.go':
          'package pool\n\nimport "sync"\n\n// wg.Go(f) would do.\ntype Pool struct{ wg sync.WaitGroup }\n\nfunc (p *Pool) Go(f func()) { p.wg.Add(1); s := "wg.Go("; _ = s }\n',
        'pool_test.go':
          'package pool\n\nimport "sync/atomic"\n\nvar p atomic.Pointer[int]\n\nfunc use(x *Pool) { x.Go(nil) }\n',
      },
      index,
      '1.24',
    );
    expect(uses).toEqual([]);
    expect(newestNeeded(uses)).toBe('1');
  });

  it('a package function of the same name is not the method', () => {
    const files = {
      'main.go':
        'package main\n\nimport (\n\t"sync"\n\tg "example.com/group"\n)\n\nvar wg sync.WaitGroup\n\nfunc main() { g.Go(nil) }\n',
    };
    expect(newerApiUses(files, index, '1.24')).toEqual([]);
    files['main.go'] += 'func more() { wg.Go(nil) }\n';
    expect(newerApiUses(files, index, '1.24').map((u) => u.api)).toEqual(['sync.WaitGroup.Go']);
  });

  it('counts a standard import missing from every list as newer than the newest list', () => {
    const uses = newerApiUses(
      {
        'go.mod': 'module cache\n\ngo 1.24\n',
        'c_test.go': 'package cache\n\nimport (\n\t"iter/next"\n\t"cache/inner"\n\t"example.com/x"\n)\n',
      },
      index,
      '1.24',
    );
    expect(uses).toEqual([{ api: 'iter/next', version: '>1.25', file: 'c_test.go', line: 4 }]);
    expect(newestNeeded(uses)).toBe('>1.25');
  });
});
