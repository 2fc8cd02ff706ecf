import { describe, expect, it } from 'vitest';
import {
  callsTraceStart,
  TRACE_ENV,
  TRACE_LDFLAGS,
  traceEnv,
  traceModeFor,
  traceWrapper,
  WRAPPER_FUNC_PREFIX,
  WRAPPER_SAVE_FUNC,
  wrapperSource,
} from './wrapper.ts';

const MAIN = 'package main\n\nfunc main() {}\n';

/** Top-level Go names a source declares (func, type, var and const, grouped or not). */
function topLevelNames(source: string): string[] {
  const names: string[] = [];
  let group: 'var' | 'const' | null = null;
  for (const line of source.split('\n')) {
    if (group) {
      if (line === ')') group = null;
      else if (/^\t\w/.test(line)) names.push(/^\t(\w+)/.exec(line)![1]!);
      continue;
    }
    const decl = /^(func|type|var|const)\s+(\(|\w+)/.exec(line);
    if (!decl || (decl[1] === 'func' && decl[2] === '(')) continue; // methods live in their type
    if (decl[2] === '(') group = decl[1] as 'var' | 'const';
    else names.push(decl[2]!);
  }
  return names;
}

describe('traceWrapper', () => {
  it('adds one generated file through the overlay and leaves every learner file alone', () => {
    const files = { 'main.go': MAIN, 'util.go': 'package main\n' };
    const w = traceWrapper(files, '/sandbox/src/', '/sandbox/gen/trace.go');
    expect(w.fileName).toBe('0lockstep_trace.go');
    // Only the new file is replaced, so no learner line can move.
    expect(w.overlay).toEqual({ Replace: { '/sandbox/src/0lockstep_trace.go': '/sandbox/gen/trace.go' } });
  });

  it('sorts its file before every name a learner can choose, so its init runs first', () => {
    const learnerNames = ['A.go', 'a.go', '_x.go', '1main.go', '00.go', 'main.go'];
    const w = traceWrapper(Object.fromEntries(learnerNames.map((n) => [n, MAIN])), '/s', '/g.go');
    const first = [...learnerNames, w.fileName].sort()[0];
    // 00.go and 0lockstep… compare at '0' then '0' < 'l': a learner may sort first only with a
    // leading "00"; every ordinary name sorts after.
    expect(['00.go', w.fileName]).toContain(first);
    expect([...learnerNames.filter((n) => n !== '00.go'), w.fileName].sort()[0]).toBe(w.fileName);
  });

  it('picks another name when a learner file has taken it', () => {
    const w = traceWrapper(
      { 'main.go': MAIN, '0lockstep_trace.go': MAIN, '0lockstep_trace_1.go': MAIN },
      '/s',
      '/g',
    );
    expect(w.fileName).toBe('0lockstep_trace_2.go');
  });

  it('streams unless the program calls trace.Start itself', () => {
    expect(traceWrapper({ 'main.go': MAIN }, '/s', '/g').mode).toBe('stream');
    const own =
      'package main\n\nimport (\n\t"os"\n\t"runtime/trace"\n)\n\nfunc main() { trace.Start(os.Stderr) }\n';
    const w = traceWrapper({ 'main.go': MAIN, 'own.go': own }, '/s', '/g');
    expect(w.mode).toBe('flight');
    expect(w.source).toContain('trace.NewFlightRecorder');
    expect(w.source).not.toContain('trace.Start(');
  });

  it('refuses sizes that are not positive integers', () => {
    expect(() => traceWrapper({}, '/s', '/g', { maxBytes: 0 })).toThrow(RangeError);
    expect(() => traceWrapper({}, '/s', '/g', { maxBytes: 1.5 })).toThrow(RangeError);
    expect(() => traceWrapper({}, '/s', '/g', { minAgeSeconds: -1 })).toThrow(RangeError);
  });
});

describe('traceModeFor', () => {
  const own = {
    'main.go':
      'package main\n\nimport (\n\t"os"\n\t"runtime/trace"\n)\n\nfunc main() { trace.Start(os.Stderr) }\n',
  };

  it('streams a program that does not trace itself, on every supported Go', () => {
    for (const go of ['go1.24.0', 'go1.25.3', 'go1.26.8'])
      expect(traceModeFor({ 'main.go': MAIN }, go)).toBe('stream');
  });

  it('records a program that traces itself with the flight recorder from Go 1.25, and not at all before', () => {
    expect(traceModeFor(own, 'go1.24.13')).toBeNull();
    expect(traceModeFor(own, 'go1.25.0')).toBe('flight');
    expect(traceModeFor(own, 'go1.26rc1')).toBe('flight');
    expect(traceModeFor(own, 'devel go1.27-abcdef')).toBe('flight');
  });
});

describe('callsTraceStart', () => {
  const withImport = (spec: string, body: string) => ({
    'main.go': `package main\n\nimport ${spec}\n\nfunc main() { ${body} }\n`,
  });
  it('finds the call under the name the file imports the package as', () => {
    expect(callsTraceStart(withImport('"runtime/trace"', 'trace.Start(f)'))).toBe(true);
    expect(callsTraceStart(withImport('rt "runtime/trace"', 'rt.Start(f)'))).toBe(true);
    expect(callsTraceStart(withImport('. "runtime/trace"', 'Start(f)'))).toBe(true);
    expect(callsTraceStart(withImport('(\n\t"fmt"\n\t"runtime/trace"\n)', 'trace.Start(w)'))).toBe(true);
  });
  it('is not fooled by the annotations, other packages or other names', () => {
    expect(callsTraceStart(withImport('"runtime/trace"', 'trace.WithRegion(ctx, "x", f)'))).toBe(false);
    expect(callsTraceStart(withImport('rt "runtime/trace"', 'trace.Start(f)'))).toBe(false);
    expect(callsTraceStart(withImport('"example.com/trace"', 'trace.Start(f)'))).toBe(false);
    expect(callsTraceStart(withImport('_ "runtime/trace"', 'server.Start()'))).toBe(false);
    expect(callsTraceStart({ 'notes.txt': 'import "runtime/trace"\ntrace.Start(f)' })).toBe(false);
  });
});

describe('wrapperSource', () => {
  for (const mode of ['stream', 'flight'] as const) {
    it(`${mode}: every name it declares starts with the wrapper prefix (none can meet a learner's)`, () => {
      const source = wrapperSource(mode, 1024, 60);
      const prefix = WRAPPER_FUNC_PREFIX.replace(/^main\./, '');
      const names = topLevelNames(source).filter((n) => n !== 'init');
      expect(names.length).toBeGreaterThan(4);
      for (const name of names) expect(name.startsWith(prefix), name).toBe(true);
    });

    it(`${mode}: is package main, reads ${TRACE_ENV}, hooks the exit and SIGQUIT, and names its save function as the converter expects`, () => {
      const source = wrapperSource(mode, 1024, 60);
      expect(source).toMatch(/^\/\/ Code generated .*DO NOT EDIT\.\n\npackage main\n/);
      expect(source).toContain(`os.Getenv("${TRACE_ENV}")`);
      expect(source).toContain('//go:linkname lockstepTraceAddExitHook internal/runtime/exithook.Add');
      expect(source).toContain('signal.Notify(quit, syscall.SIGQUIT)');
      expect(source).toContain(`func ${WRAPPER_SAVE_FUNC.replace(/^main\./, '')}() {`);
      expect(source).toContain('1024');
    });
  }

  it('needs the linker to allow its go:linkname', () => {
    expect(TRACE_LDFLAGS).toEqual(['-checklinkname=0']);
  });
});

describe('traceEnv', () => {
  it('names the file and sets the generation length in ns', () => {
    expect(traceEnv('/tmp/t.out', 50)).toEqual({
      [TRACE_ENV]: '/tmp/t.out',
      GODEBUG: 'traceadvanceperiod=50000000',
    });
  });
  it('keeps a GODEBUG the caller sets', () => {
    expect(traceEnv('/t', 10, 'asyncpreemptoff=1').GODEBUG).toBe(
      'asyncpreemptoff=1,traceadvanceperiod=10000000',
    );
  });
  it('refuses a length the runtime cannot hold (an int32 of ns)', () => {
    expect(() => traceEnv('/t', 0)).toThrow(RangeError);
    expect(() => traceEnv('/t', 2001)).toThrow(RangeError);
    expect(() => traceEnv('/t', 1.5)).toThrow(RangeError);
  });
});
