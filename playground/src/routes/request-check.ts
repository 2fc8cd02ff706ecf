/**
 * The one check of a request and the one refusal of what is wrong with it (a code with params,
 * and an English message for API users), for both transports:
 * POST /api/run and POST /api/grade (the routes' body validators) and the first message of the
 * WebSockets /api/run/stream and /api/grade/stream. Each route keeps its transport (a 4xx JSON
 * body; an `error` message), both with the same code and the same words. Pure: no I/O.
 */
import { Compile } from 'typebox/compile';
import type { TSchema } from 'typebox';
import { RunRequest } from '../../../contract/run.ts';
import { GradeRequest } from '../../../contract/grade.ts';
import { RequestError } from '../errors.ts';
import { fileNameMessage } from '../../../contract/file-name.ts';

/** One schema error, as TypeBox and Ajv both report it. */
export interface SchemaProblem {
  keyword: string;
  instancePath: string;
  params?: unknown;
  message?: string | undefined;
}

/** A request that is not JSON at all: the POST body, or the stream's first message. */
export const NOT_JSON_MESSAGE = 'The request is not valid JSON.';

/** A request with nothing in it: the POST body, or the stream's first message. */
export const EMPTY_MESSAGE = 'The body is empty; send a JSON request.';

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

/** The number a rule is about (maxLength, maxProperties, …), as TypeBox and Ajv both name it. */
function ruleLimit(params: unknown): number | undefined {
  const limit = (params as { limit?: unknown } | null)?.limit;
  return typeof limit === 'number' ? limit : undefined;
}

/** The property a required error is about: Ajv names one, TypeBox a list. */
function missingName(params: unknown): string | undefined {
  const p = (params ?? {}) as { missingProperty?: unknown; requiredProperties?: unknown };
  if (typeof p.missingProperty === 'string') return p.missingProperty;
  if (Array.isArray(p.requiredProperties)) return String(p.requiredProperties[0]);
  return undefined;
}

/**
 * The 400 of a request the schema refuses, about the same problem problemMessage words: a file
 * name the rule refuses (bad_file_name), else bad_request with the path, the rule and its facts.
 */
export function schemaRefusal(problems: readonly SchemaProblem[], what = 'request'): RequestError {
  const message = problemMessage(problems, what);
  const extra = problems.find((p) => p.keyword === 'additionalProperties' && extraNames(p.params).length > 0);
  if (extra) {
    const field = extraNames(extra.params)[0] ?? '';
    if (extra.instancePath === '/files')
      return new RequestError(400, 'bad_file_name', message, { file: field });
    const path = readablePath(extra.instancePath);
    return new RequestError(400, 'bad_request', message, { path, rule: 'additionalProperties', field });
  }
  const first = problems.find((p) => p.keyword !== 'boolean') ?? problems[0];
  const path = readablePath(first?.instancePath ?? '');
  // A value outside a union (action: "nope") fails each member's const first; the union says it.
  const union = problems.find((p) => p.keyword === 'anyOf' && p.instancePath === first?.instancePath);
  const rule = union ? 'anyOf' : (first?.keyword ?? 'type');
  const limit = ruleLimit(first?.params);
  const field = rule === 'required' ? missingName(first?.params) : undefined;
  return new RequestError(400, 'bad_request', message, {
    path,
    rule,
    ...(limit === undefined ? {} : { limit }),
    ...(field === undefined ? {} : { field }),
  });
}

/** The check of one request shape, for a route's body validator and a stream's first message. */
export interface RequestCheck<T> {
  /** Returns the body as T, or throws the 400 RequestError both transports answer. */
  check(body: unknown): T;
  /** Returns the text (a stream's first message) as T, or throws as check. */
  fromText(text: string): T;
  /** The POST route's body validator (Fastify's validatorCompiler): the same check as the stream's. */
  validator(): (body: unknown) => { value?: T; error?: Error };
}

/** Returns the check of a schema, its refusals coded by schemaRefusal. */
export function requestCheck<S extends TSchema>(
  schema: S,
  what: string,
): RequestCheck<import('typebox').Static<S>> {
  type T = import('typebox').Static<S>;
  const compiled = Compile(schema);
  const check = (body: unknown): T => {
    if (compiled.Check(body)) return body as T;
    throw schemaRefusal([...compiled.Errors(body)], what);
  };
  return {
    check,
    fromText(text) {
      // As Fastify's parser answers an empty POST body, so the two transports share the code.
      if (text.trim() === '') throw new RequestError(400, 'empty_body', EMPTY_MESSAGE);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new RequestError(400, 'not_json', NOT_JSON_MESSAGE);
      }
      return check(body);
    },
    validator() {
      return (body) => {
        try {
          return { value: check(body) };
        } catch (error) {
          return { error: error as Error };
        }
      };
    },
  };
}

const runRequest = requestCheck(RunRequest, 'run request');

/** Returns the body as a RunRequest, or throws the 400 RequestError both transports answer. */
export const checkRunRequest = (body: unknown): RunRequest => runRequest.check(body);

/** Returns the text (the stream's first message) as a RunRequest, or throws as checkRunRequest. */
export const runRequestFromText = (text: string): RunRequest => runRequest.fromText(text);

/** POST /api/run's body validator (Fastify's validatorCompiler): the same check as the stream's. */
export const runRequestValidator = (): ((body: unknown) => { value?: RunRequest; error?: Error }) =>
  runRequest.validator();

/** The check of POST /api/grade's body and of /api/grade/stream's first message. */
export const gradeRequestCheck: RequestCheck<GradeRequest> = requestCheck(GradeRequest, 'grade request');
