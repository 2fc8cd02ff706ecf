/**
 * Defence-in-depth checks of a job before anything touches the disk. The HTTP schema checks the
 * same things; this module must hold on its own because file names become paths on the host.
 */
import { FILE_NAME, fileNameMessage } from '../../../../contract/file-name.ts';
import type { Action } from '../../../../contract/run.ts';
import { formatBytes, type Limits } from './limits.ts';
import { RequestError, type ParamsArg } from '../../errors.ts';
import type { ErrorCode } from '../../../../contract/errors.ts';

/** What the sandbox executes: one flat package. */
export interface Job {
  files: Record<string, string>;
  action: Action;
  race: boolean;
  stdin?: string | undefined;
  args?: string[] | undefined;
  /** Run the binary without the sources mounted (graders set this so hidden tests stay hidden). */
  hideSources?: boolean | undefined;
  /** Action test: run only the tests matching this -test.run pattern (set by the grader only). */
  testRun?: string | undefined;
  /** run and test: record an execution trace and convert it to a timeline (RawOutcome.trace). */
  trace?: boolean | undefined;
}

/** A job the sandbox refuses to touch: a 400 with its code and params, and English for API users. */
export class SandboxInputError<C extends ErrorCode = ErrorCode> extends RequestError<C> {
  constructor(code: C, message: string, ...params: ParamsArg<C>) {
    super(400, code, message, ...params);
    this.name = 'SandboxInputError';
  }
}

const ACTIONS: readonly string[] = ['run', 'test', 'vet', 'fmt'];
const MAX_ARGS = 32;
const MAX_ARG_LENGTH = 256;

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Throws SandboxInputError unless the job is within the limits and every name is safe. */
export function validateJob(job: Job, limits: Limits): void {
  if (!ACTIONS.includes(job.action))
    throw new SandboxInputError('bad_request', `Unknown action "${job.action}".`, {
      path: '/action',
      rule: 'anyOf',
    });
  if (job.trace === true && job.action !== 'run' && job.action !== 'test')
    throw new SandboxInputError(
      'trace_not_for_action',
      `A trace is recorded for run and test only, not for ${job.action}.`,
      { action: job.action },
    );
  const names = Object.keys(job.files);
  if (names.length === 0)
    throw new SandboxInputError('bad_request', 'No files to run.', {
      path: '/files',
      rule: 'minProperties',
      limit: 1,
    });
  if (names.length > limits.maxFiles) {
    throw new SandboxInputError(
      'too_many_files',
      `At most ${limits.maxFiles} files are allowed (got ${names.length}).`,
      { count: names.length, max: limits.maxFiles },
    );
  }
  let total = 0;
  for (const name of names) {
    // The pattern already excludes "/" and "..", the explicit tests keep that true if it is ever loosened.
    if (!FILE_NAME.test(name) || name.includes('/') || name.includes('..') || name.includes('\0')) {
      throw new SandboxInputError('bad_file_name', fileNameMessage(name), { file: name });
    }
    const content = job.files[name];
    if (typeof content !== 'string')
      throw new SandboxInputError('bad_request', `File "${name}" has no text.`, {
        path: `/files/${name}`,
        rule: 'type',
      });
    if (content.includes('\0'))
      throw new SandboxInputError('nul_byte', `File "${name}" contains a NUL byte.`, { file: name });
    total += utf8Length(content);
  }
  if (total > limits.sourceBytes) {
    throw new SandboxInputError(
      'source_too_large',
      `The source is ${formatBytes(total)}; at most ${formatBytes(limits.sourceBytes)} is allowed.`,
      { bytes: total, maxBytes: limits.sourceBytes },
    );
  }
  if (!names.some((n) => n.endsWith('.go')))
    throw new SandboxInputError('no_go_file', 'There is no .go file.');
  if (job.stdin !== undefined && utf8Length(job.stdin) > limits.stdinBytes) {
    throw new SandboxInputError(
      'stdin_too_large',
      `Standard input is limited to ${formatBytes(limits.stdinBytes)}.`,
      { maxBytes: limits.stdinBytes },
    );
  }
  const args = job.args ?? [];
  if (args.length > MAX_ARGS)
    throw new SandboxInputError('bad_request', `At most ${MAX_ARGS} arguments are allowed.`, {
      path: '/args',
      rule: 'maxItems',
      limit: MAX_ARGS,
    });
  for (const arg of args) {
    if (typeof arg !== 'string' || arg.length > MAX_ARG_LENGTH || arg.includes('\0')) {
      throw new SandboxInputError(
        'bad_request',
        `Each argument must be text of at most ${MAX_ARG_LENGTH} characters.`,
        { path: '/args', rule: 'maxLength', limit: MAX_ARG_LENGTH },
      );
    }
  }
}

/** `go 1.26` for go1.26.8: the language version for a go.mod written on the learner's behalf. */
export function languageVersion(goVersion: string): string {
  const m = /^go(\d+)\.(\d+)/.exec(goVersion);
  if (!m) throw new Error(`cannot read a Go version from "${goVersion}"`);
  return `${m[1]}.${m[2]}`;
}

/** The files as compiled: the learner's, plus a go.mod when they sent none. */
export function withGoMod(files: Record<string, string>, goVersion: string): Record<string, string> {
  if (Object.hasOwn(files, 'go.mod')) return { ...files };
  return { ...files, 'go.mod': `module sandbox\n\ngo ${languageVersion(goVersion)}\n` };
}
