/**
 * Pure: the one pipeline between the sandbox's pipes and the learner's terminal. The runner
 * pushes each decoded chunk of the run step as it is read and sends on what comes out; at the end
 * it hands over the classified result (finish) and gets back the result as learners see it with the
 * last pieces that match it. What comes out is text for people, the same text the result's stdout
 * and stderr hold:
 * - a test binary's test2json stream becomes what `go test -v` prints (test2json-text.ts);
 * - the sandbox's source directory is removed from paths, even when split across chunks (work-dir.ts);
 * - a SIGQUIT dump is cut (quit-dump.ts); at the end a `stopped` piece gives the result's stop code
 *   and goroutines as data, which the reader words in its own language.
 */
import type { Goroutine, RunResult, StopCode } from '../../../contract/run.ts';
import { TestTextStream } from '../parsers/test2json-text.ts';
import type { StreamName } from '../sandbox/plan/output.ts';
import { QuitDumpStream } from './quit-dump.ts';
import { stripWorkDir, WorkDirStream } from './work-dir.ts';

/** A piece of text for one stream of the learner's terminal. */
export interface TextPiece {
  stream: StreamName;
  data: string;
}

/** The account of a program the sandbox stopped, as data, shown after its stderr. */
export interface StoppedPiece {
  stopped: StopCode;
  goroutines: Goroutine[];
}

export type OutputPiece = TextPiece | StoppedPiece;

export class LearnerOutput {
  private readonly tests: TestTextStream | null;
  private readonly paths: Record<StreamName, WorkDirStream> = {
    stdout: new WorkDirStream(),
    stderr: new WorkDirStream(),
  };
  private readonly quit = new QuitDumpStream();

  /** `test`: stdout is the test binary's test2json stream (the sandbox runs it under test2json). */
  constructor(action: 'run' | 'test' | 'vet' | 'fmt') {
    this.tests = action === 'test' ? new TestTextStream() : null;
  }

  /** Adds a chunk read from the step; returns what to show now (possibly nothing). */
  push(stream: StreamName, chunk: string): TextPiece[] {
    if (stream === 'stdout') {
      const text = this.tests ? this.tests.push(chunk) : chunk;
      return pieces('stdout', this.paths.stdout.push(text));
    }
    return pieces('stderr', this.quit.push(this.paths.stderr.push(chunk)));
  }

  /**
   * Ends both streams with the classified result: returns it with the sandbox's paths removed
   * from its stdout and stderr (the one place they are, as on the stream), and the last pieces.
   */
  finish(classified: RunResult): { result: RunResult; pieces: OutputPiece[] } {
    const result = {
      ...classified,
      stdout: stripWorkDir(classified.stdout),
      stderr: stripWorkDir(classified.stderr),
    };
    return { result, pieces: this.end(result) };
  }

  /** Ends both streams with the result as learners see it (paths removed); returns the last pieces. */
  end(result: Pick<RunResult, 'stderr' | 'stop' | 'goroutines'>): OutputPiece[] {
    const stdout = this.tests ? this.paths.stdout.push(this.tests.end()) : '';
    const stderr = this.quit.push(this.paths.stderr.end());
    return [
      ...pieces('stdout', stdout + this.paths.stdout.end()),
      ...pieces('stderr', stderr + this.quit.end(result.stderr)),
      ...(result.stop ? [{ stopped: result.stop.code, goroutines: result.goroutines }] : []),
    ];
  }
}

function pieces(stream: StreamName, data: string): TextPiece[] {
  return data === '' ? [] : [{ stream, data }];
}
