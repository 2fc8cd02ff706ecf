/**
 * Everything the parsers can tell about one RawOutcome, before any verdict is chosen.
 * status.ts then picks the verdict by precedence; keeping the two apart lets every verdict's
 * evidence (races[], goroutines[], diagnostics[]) be reported even when another verdict wins.
 */
import type { Diagnostic, Frame, Race } from '../../../contract/run.ts';
import type { RawOutcome, StepOutcome } from '../sandbox/plan/outcome.ts';
import { parseCompilerErrors } from './compiler.ts';
import { judgeStall, type StallVerdict } from './deadlock.ts';
import { detectFatal, type FatalError } from './fatal.ts';
import { parseGoroutineDump, type ParsedGoroutine } from './goroutines.ts';
import { mainGoexitCalls } from './goexit-calls.ts';
import { detectPanic, type PanicInfo } from './panic.ts';
import { parseRaceReports } from './race.ts';
import { parseTestEvents, type TestRun } from './test2json.ts';
import { parseVetStep } from './vet.ts';

export interface Evidence {
  /** The job was refused before anything ran. */
  refused: string | null;
  /** The build step (compile, vet type-check, gofmt parse) failed on the learner's code. */
  buildFailed: boolean;
  /** Raw text of a failed build, for a message when no diagnostic could be parsed. */
  buildText: string;
  diagnostics: Diagnostic[];
  races: Race[];
  testRun: TestRun | null;
  fatal: FatalError | null;
  /** An unrecovered panic; a test binary's -timeout alarm is in `testTimeout` instead. */
  panic: PanicInfo | null;
  testTimeout: string | null;
  /** The judged dump, when the program was stopped for not finishing (stall, timeout). */
  stall: StallVerdict | null;
  /** The goroutine dump that explains the end of the run (fatal, panic or stall), all goroutines. */
  dump: ParsedGoroutine[];
  /**
   * main called runtime.Goexit and the program could not go on: the runtime said so itself (no
   * goroutine left), or the judged deadlock dump lacks main's goroutine.
   */
  mainGoexit: boolean;
  /** Where main called runtime.Goexit, found in the sources (set only with mainGoexit). */
  goexitAt: Frame[];
  memoryLimited: boolean;
  outputLimited: boolean;
  /** The sandbox's wall clock expired, or its watchdog stopped a program making no progress. */
  timedOut: boolean;
  stalled: boolean;
  /** Exit code of the last step; -1 when the sandbox stopped it. */
  exitCode: number;
}

/** Returns true when the sandbox, not the program, ended the step. */
export function killedBySandbox(step: StepOutcome | undefined): boolean {
  return !!step && (step.timedOut || step.memoryLimited || step.outputLimited || step.stalled);
}

/** Returns the build diagnostics and whether the learner's code failed to build. */
function buildEvidence(o: RawOutcome): {
  buildFailed: boolean;
  diagnostics: Diagnostic[];
  buildText: string;
} {
  if (o.refused) {
    // Nothing was built; the refusal is marked where the refused code is, like a compile error.
    const { reason, code, at } = o.refused;
    const diagnostics = at.map((p) => ({ ...p, message: reason, source: 'compiler' as const, code }));
    return { buildFailed: false, diagnostics, buildText: '' };
  }
  const b = o.build;
  const buildText = b ? [b.stderr, b.stdout].filter((t) => t !== '').join('\n') : '';
  if (o.action === 'vet') {
    const diagnostics = b ? parseVetStep(b, o.workDir) : [];
    const compiler = diagnostics.some((d) => d.source === 'compiler');
    const unexplained = !!b && b.exitCode !== 0 && !killedBySandbox(b) && diagnostics.length === 0;
    return { buildFailed: compiler || unexplained, diagnostics, buildText };
  }
  const failed = !!b && b.exitCode !== 0 && !killedBySandbox(b);
  return {
    buildFailed: failed,
    diagnostics: failed ? parseCompilerErrors(buildText, o.workDir) : [],
    buildText,
  };
}

/**
 * Returns the parsed evidence of a RawOutcome. Pure: reads only its arguments. `files` are the
 * sources the job ran; they are needed only to find lines no output names (runtime.Goexit in main).
 */
export function gatherEvidence(o: RawOutcome, files: Readonly<Record<string, string>> = {}): Evidence {
  const steps = [o.build, o.run].filter((s): s is StepOutcome => s !== undefined);
  const last = o.run ?? o.build;
  const build = buildEvidence(o);
  const run = o.run;
  const testRun = o.action === 'test' && run ? parseTestEvents(run.stdout, o.workDir) : null;
  if (testRun) {
    if (testRun.buildFailed) build.buildFailed = true;
    build.diagnostics.push(...parseCompilerErrors(testRun.buildOutput, o.workDir));
    if (testRun.buildOutput !== '')
      build.buildText = [build.buildText, testRun.buildOutput].join('\n').trim();
  }

  // What the program said while it ran or crashed: stderr, and for tests the event stream's text.
  const crashText = run ? [testRun?.text ?? '', run.stderr].filter((t) => t !== '').join('\n') : '';
  const races = [...(testRun?.races ?? []), ...(run ? parseRaceReports(run.stderr, o.workDir) : [])];
  const fatal = run ? detectFatal(crashText, o.workDir) : null;
  const anyPanic = run ? detectPanic(crashText, o.workDir) : null;
  const testTimeout = anyPanic?.testTimeout ?? null;
  const panic = testTimeout === null ? anyPanic : null;

  // A stopped program gets its dump judged; a runtime-detected deadlock already has its verdict.
  let stall: StallVerdict | null = null;
  let dump: ParsedGoroutine[] = fatal?.goroutines ?? panic?.goroutines ?? [];
  if (run && fatal === null && panic === null && (run.stalled || run.timedOut || testTimeout !== null)) {
    dump = anyPanic?.goroutines ?? parseGoroutineDump(crashText, o.workDir);
    stall = dump.length > 0 ? judgeStall(dump, { timerMayBePending: !run.stalled }) : null;
  } else if (fatal?.kind === 'deadlock') {
    // Judged too, only so the message names the blocked goroutines the same way.
    stall = judgeStall(dump);
  }
  const deadlocked = fatal?.kind === 'deadlock' || stall?.deadlocked === true;
  const mainGoexit = fatal?.cause === 'main_goexit' || (deadlocked && stall?.mainExited === true);

  return {
    refused: o.refused?.reason ?? null,
    ...build,
    races,
    testRun,
    fatal,
    panic,
    testTimeout,
    stall,
    dump,
    mainGoexit,
    goexitAt: mainGoexit ? mainGoexitCalls(files) : [],
    memoryLimited: steps.some((s) => s.memoryLimited),
    outputLimited: steps.some((s) => s.outputLimited),
    timedOut: steps.some((s) => s.timedOut),
    stalled: steps.some((s) => s.stalled),
    exitCode: last === undefined ? 0 : killedBySandbox(last) ? -1 : last.exitCode,
  };
}
