/**
 * The one check of a run request and the one wording of what is wrong with it, for both
 * transports: POST /api/run (the route's body validator) and the first message of the WebSocket
 * /api/run/stream. Each route keeps its transport (a 4xx JSON body; an `error` message), both
 * with the same code and the same words. Pure: no I/O.
 */
import { Compile } from 'typebox/compile';
import { RunRequest } from '../contract/run.ts';
import { RequestError } from '../errors.ts';

/** One schema error, as TypeBox and Ajv both report it. */
export interface SchemaProblem {
  keyword: string;
  instancePath: string;
  params?: unknown;
  message?: string | undefined;
}

/** A request that is not JSON at all: the POST body, or the stream's first message. */
export const NOT_JSON_MESSAGE = 'The request is not valid JSON.';

/** The file-name rule in words (the schema's FILE_NAME_PATTERN). */
export function fileNameMessage(name: string): string {
  return `File name "${name}" is not allowed: use letters, digits, "_", "-" and "." ending in .go, .mod, .sum or .txt, with no folders.`;
}

/** Returns the names an additionalProperties error is about (Ajv names one, TypeBox a list). */
function extraNames(params: unknown): string[] {
  if (typeof params !== 'object' || params === null) return [];
  const p = params as { additionalProperty?: unknown; additionalProperties?: unknown };
  if (typeof p.additionalProperty === 'string') return [p.additionalProperty];
  if (Array.isArray(p.additionalProperties)) return p.additionalProperties.map(String);
  return [];
}

/** A JSON pointer as a person reads it: "/files/../x.go" rather than "/files/..~1x.go". */
function readablePath(pointer: string): string {
  return pointer.replaceAll('~1', '/').replaceAll('~0', '~');
}

/**
 * Returns the sentence for the first problem a person can act on: a file name the rule refuses
 * or a field the request may not have, before the schema's own wording of the first error.
 */
export function problemMessage(problems: readonly SchemaProblem[], what = 'request'): string {
  const extra = problems.find((p) => p.keyword === 'additionalProperties' && extraNames(p.params).length > 0);
  if (extra) {
    const name = extraNames(extra.params)[0] ?? '';
    if (extra.instancePath === '/files') return fileNameMessage(name);
    const where = extra.instancePath ? ` in ${readablePath(extra.instancePath)}` : '';
    return `Invalid ${what}: unknown field "${name}"${where}.`;
  }
  // TypeBox adds a "schema is false" error under each extra property; the one above says more.
  const first = problems.find((p) => p.keyword !== 'boolean') ?? problems[0];
  const where = first?.instancePath ? `${readablePath(first.instancePath)}: ` : '';
  return `Invalid ${what}: ${where}${first?.message ?? 'wrong shape'}.`;
}

const runRequest = Compile(RunRequest);

/** Returns the body as a RunRequest, or throws the 400 RequestError both transports answer. */
export function checkRunRequest(body: unknown): RunRequest {
  if (runRequest.Check(body)) return body;
  throw new RequestError(400, 'bad_request', problemMessage([...runRequest.Errors(body)], 'run request'));
}

/** Returns the text (the stream's first message) as a RunRequest, or throws as checkRunRequest. */
export function runRequestFromText(text: string): RunRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'bad_request', NOT_JSON_MESSAGE);
  }
  return checkRunRequest(body);
}

/** POST /api/run's body validator (Fastify's validatorCompiler): the same check as the stream's. */
export function runRequestValidator(): (body: unknown) => { value?: RunRequest; error?: Error } {
  return (body) => {
    try {
      return { value: checkRunRequest(body) };
    } catch (error) {
      return { error: error as Error };
    }
  };
}
