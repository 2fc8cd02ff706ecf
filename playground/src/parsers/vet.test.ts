import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVetJson, parseVetStep } from './vet.ts';

const W = '/sandbox/src';
const fixture = (name: string): string => readFileSync(new URL(`testdata/${name}`, import.meta.url), 'utf8');

describe('parseVetJson', () => {
  it('reads copylocks and printf findings, sorted by position', () => {
    expect(parseVetJson(fixture('vet_findings.txt'), W)).toEqual(JSON.parse(fixture('vet_findings.json')));
  });

  it('returns nothing for a clean package', () => {
    expect(parseVetJson(fixture('vet_clean.txt'), W)).toEqual([]);
    expect(parseVetJson('', W)).toEqual([]);
  });

  it('turns the type-check failure shape into compiler diagnostics', () => {
    expect(parseVetJson(fixture('vet_builderr.txt'), W)).toEqual([
      {
        file: 'helper.go',
        line: 4,
        column: 9,
        message: 'cannot use n * 2 (value of type int) as string value in return statement',
        source: 'compiler',
      },
    ]);
    expect(parseVetJson(fixture('vet_syntax.txt'), W)).toEqual([
      {
        file: 'main.go',
        line: 6,
        column: 18,
        message: "missing ',' before newline in argument list (and 2 more errors)",
        source: 'compiler',
      },
    ]);
  });

  it('reports an analyzer error object and survives broken JSON', () => {
    const text =
      '{\n\t"sandbox": {\n\t\t"printf": { "error": "/sandbox/src/main.go:3:1: analysis failed" }\n\t}\n}\n{ "broken": \n';
    expect(parseVetJson(text, W)).toEqual([
      { file: 'main.go', line: 3, column: 1, message: 'printf: analysis failed', source: 'vet' },
    ]);
  });

  it('reads one object per package when vet prints several', () => {
    const one =
      '{\n\t"a": {\n\t\t"printf": [ { "posn": "/sandbox/src/a.go:1:1", "message": "m1" } ]\n\t}\n}\n';
    const two = one.replace('"a"', '"b"').replace('a.go', 'b.go').replace('m1', 'm2');
    expect(parseVetJson(one + two, W).map((d) => `${d.file}:${d.message}`)).toEqual(['a.go:m1', 'b.go:m2']);
  });

  describe('parseVetStep: the step as the sandbox ran it', () => {
    type Capture = { step: { stdout: string; stderr: string } };
    const capture = (name: string): Capture => JSON.parse(fixture(name)) as Capture;

    it('reads findings from stdout (Go ≥ 1.25)', () => {
      const { step } = capture('vet_step_findings.json');
      expect(step.stderr).toBe('');
      expect(parseVetStep(step, W).map((d) => `${d.file}:${d.line}:${d.column} ${d.source}`)).toEqual([
        'main.go:13:13 vet',
        'main.go:13:33 vet',
        'main.go:17:7 vet',
      ]);
    });

    it('reads findings from stderr (older Go) once, not twice', () => {
      const { step } = capture('vet_step_findings.json');
      const old = { stdout: '', stderr: `# sandbox\n${step.stdout}` };
      expect(parseVetStep(old, W)).toEqual(parseVetStep(step, W));
    });

    it('reads the compiler errors of a package that does not type-check from stderr', () => {
      const { step } = capture('vet_step_builderr.json');
      expect(parseVetStep(step, W)).toEqual([
        {
          file: 'main.go',
          line: 4,
          column: 17,
          message: 'cannot use 1 (untyped int constant) as string value in variable declaration',
          source: 'compiler',
        },
      ]);
    });
  });
});
