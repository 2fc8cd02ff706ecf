/**
 * The playground options of a ```go fence, read from its meta string:
 * ```go expect=race title="Lost update" action=test height=14 readonly file=counter.go go=1.25
 * Pure; used by the Markdown plugin, the snippet checker and the example picker.
 */
import { STATUS_PRECEDENCE, type RunStatus } from '../../contract/run.ts';
import { GO_MINIMUM_PATTERN } from '../../contract/go-version.ts';

/** Every outcome a snippet can declare: the contract's one status list. */
export const OUTCOMES: readonly RunStatus[] = STATUS_PRECEDENCE;

export interface FenceOptions {
  expect: RunStatus | undefined;
  action: 'run' | 'test';
  title: string | undefined;
  /** File name shown on the tab and sent to the runner. */
  file: string;
  /** Editor height in lines (the code's own length when absent, capped). */
  height: number | undefined;
  readonly: boolean;
  /** Build without -race (the runtime's own checks, e.g. its deadlock detector). */
  norace: boolean;
  /** The oldest Go that builds it ("1.25"), when newer than the oldest the course supports. */
  go: string | undefined;
}

/** Splits a meta string into key=value / key="quoted value" / bare flags. */
export function parseMetaPairs(meta: string): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (const m of meta.matchAll(/([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g)) {
    out.set(m[1]!, m[2] ?? m[3] ?? m[4] ?? true);
  }
  return out;
}

/** Returns the options, or throws a message naming the bad key (the build reports it with the file). */
export function parseFenceMeta(meta: string | null | undefined): FenceOptions {
  const pairs = parseMetaPairs(meta ?? '');
  const expect = pairs.get('expect');
  if (expect !== undefined && (expect === true || !OUTCOMES.includes(expect as RunStatus))) {
    throw new Error(`expect=${String(expect)} is not an outcome; use one of ${OUTCOMES.join(', ')}`);
  }
  const action = pairs.get('action') ?? 'run';
  if (action !== 'run' && action !== 'test') throw new Error(`action=${String(action)} must be run or test`);
  const height = pairs.get('height');
  if (height !== undefined && (height === true || !/^\d+$/.test(height)))
    throw new Error('height must be a number of lines');
  const file = pairs.get('file');
  if (file !== undefined && (file === true || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.go$/.test(file)))
    throw new Error('file must be a Go file name');
  const go = pairs.get('go');
  if (go !== undefined && (go === true || !new RegExp(GO_MINIMUM_PATTERN).test(go)))
    throw new Error(`go=${String(go)} must be a Go language version such as go=1.25`);
  const title = pairs.get('title');
  return {
    expect: expect as RunStatus | undefined,
    action,
    title: typeof title === 'string' ? title : undefined,
    file: (file as string | undefined) ?? (action === 'test' ? 'main_test.go' : 'main.go'),
    height: height === undefined ? undefined : Number(height),
    readonly: pairs.get('readonly') === true,
    norace: pairs.get('norace') === true,
    go: go as string | undefined,
  };
}
