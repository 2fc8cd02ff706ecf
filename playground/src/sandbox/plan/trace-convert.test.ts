import { describe, expect, it } from 'vitest';
import { converterFlags, MAX_JSON_BYTES, TRACE_FILE_BYTES } from './trace-convert.ts';
import { buildArgs, buildFlags, traceRunParts } from './commands.ts';

describe('converterFlags', () => {
  it('strips the build dir and GOROOT/src and keeps the JSON inside the output limit', () => {
    const flags = converterFlags({
      srcDir: '/sandbox/src',
      goroot: '/usr/local/go/',
      outputBytes: 128 << 10,
      wallMs: 10_000,
    });
    expect(flags).toEqual([
      '-strip',
      '/sandbox/src/',
      '-strip',
      '/usr/local/go/src/',
      '-max-bytes',
      String((128 << 10) - 4096),
      '-max-input-bytes',
      String(TRACE_FILE_BYTES),
      '-timeout',
      '5s',
    ]);
  });

  it('never asks for less than the converter accepts, nor more than the 200 KB budget of a timeline', () => {
    const at = (outputBytes: number) => {
      const flags = converterFlags({ srcDir: '/s', goroot: '/g', outputBytes, wallMs: 500 });
      return [Number(flags[flags.indexOf('-max-bytes') + 1]), flags[flags.indexOf('-timeout') + 1]];
    };
    expect(at(1000)).toEqual([4096, '1s']);
    expect(MAX_JSON_BYTES).toBe(200_000);
    expect(at(1 << 20)).toEqual([200_000, '1s']);
    expect(at(64 << 20)).toEqual([200_000, '1s']);
  });
});

describe('traced builds and runs', () => {
  it('adds the overlay and the link flag to a traced run, the overlay alone to a test build', () => {
    expect(buildArgs('run', true, '/o', '/o/overlay.json')).toEqual([
      'build',
      '-race',
      '-overlay=/o/overlay.json',
      '-ldflags=-w -checklinkname=0',
      '-o',
      '/o/prog',
      '.',
    ]);
    // The stall watcher's test file needs no go:linkname.
    expect(buildArgs('test', true, '/o', '/o/overlay.json')).toEqual([
      'test',
      '-c',
      '-race',
      '-overlay=/o/overlay.json',
      '-ldflags=-w',
      '-o',
      '/o/prog',
      '.',
    ]);
    expect(buildFlags('run', true, true)).not.toEqual(buildFlags('run', true, false));
  });

  it('traces run through the wrapper environment and test through -test.trace', () => {
    const run = traceRunParts('run', '/sandbox/trace/trace.out');
    expect(run.args).toEqual([]);
    expect(run.env.LOCKSTEP_TRACE).toBe('/sandbox/trace/trace.out');
    expect(run.env.GODEBUG).toMatch(/^traceadvanceperiod=\d+$/);
    const test = traceRunParts('test', '/sandbox/trace/trace.out');
    expect(test.args).toEqual(['-test.trace=/sandbox/trace/trace.out']);
    expect(test.env).toEqual({ GODEBUG: run.env.GODEBUG });
  });
});
