/**
 * What a Go code block's <lockstep-playground> element carries: the files and options as one
 * data attribute (base64 JSON, so no quoting or MDX braces can break it). The highlighted code
 * inside stays readable without JavaScript.
 */
import type { FenceOptions } from './meta.ts';

export interface PlaygroundData {
  files: Record<string, string>;
  action: 'run' | 'test';
  expect: string | undefined;
  title: string | undefined;
  height: number | undefined;
  readonly: boolean;
  norace: boolean;
  /** The oldest Go that builds it; the browser compares it with the runner's Go. */
  go?: string;
}

/** Returns base64 of the UTF-8 JSON of value (safe inside any attribute). */
export function encodeAttr(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

/** Returns the playground data of one fenced block. */
export function fenceData(code: string, options: FenceOptions): PlaygroundData {
  return {
    files: { [options.file]: code.endsWith('\n') ? code : `${code}\n` },
    action: options.action,
    expect: options.expect,
    title: options.title,
    height: options.height,
    readonly: options.readonly,
    norace: options.norace,
    ...(options.go ? { go: options.go } : {}),
  };
}
