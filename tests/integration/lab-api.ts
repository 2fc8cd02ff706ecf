/**
 * A small client of the lab API for integration tests, so that every test speaks to the labs the
 * same way: `http()` for any request (over real sockets to a server's base URL, or through
 * `app.inject` when handed a Fastify app), and typed helpers for the usual steps — lab settings,
 * create a lab, join a class, submit with a token and an Idempotency-Key, read the gradebook.
 *
 * The helpers throw (with the server's answer) when a step that a test builds on fails; a test
 * that asserts on the answer itself calls `http()` or `submit()`, which never throw on a status.
 * `checkAnswersAgainstOpenApi(base)` makes every later JSON answer from that server a contract
 * check against its own OpenAPI document.
 */
import type { FastifyInstance } from 'fastify';
import type {
  CreatedLab,
  Gradebook,
  Joined,
  LabSettings,
  SubmissionDetail,
  SubmissionSummary,
} from '../../playground/src/contract/labs.ts';
import { openApiChecker, type Answer, type OpenApiDoc } from './openapi-check.ts';

/** The exercise the lab tests grade unless they say otherwise. */
export const EXERCISE = 'lost-update-counter';

/** A server's base URL (http://127.0.0.1:port), or an app answered in-process through inject. */
export type Base = string | Pick<FastifyInstance, 'inject'>;

/** An answer: the parsed JSON body ({} when the body is not JSON: CSV, HTML) and the raw text. */
export interface Res<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: string; message?: string };
  text: string;
  headers: Headers;
}

export interface HttpOptions {
  /** Extra request headers (Idempotency-Key, Origin, X-Forwarded-For…). */
  headers?: Record<string, string>;
  /**
   * Over sockets only: abort a request that has no answer after this long, so a hung server
   * fails the test instead of stalling it (the abort rejects with a TimeoutError).
   */
  timeoutMs?: number;
}

/** Contract checks by base URL: see checkAnswersAgainstOpenApi. */
const checks = new Map<string, { check: (answer: Answer) => string[]; violations: string[] }>();
/** By base URL: the document's route (/api/labs/{labId}) that a request path (/api/labs/ab12cd) is. */
const routeOf = new Map<string, (path: string) => string | undefined>();

/**
 * From now on, checks every JSON answer `http()` gets from `base` against the server's own OpenAPI
 * document (GET /api/openapi.json); returns the list the answers that break it are added to.
 */
export async function checkAnswersAgainstOpenApi(base: string): Promise<string[]> {
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApiDoc;
  const violations: string[] = [];
  checks.set(base, { check: openApiChecker(() => doc), violations });
  // The document's routes as patterns, most literal first: /x/{id}/gradebook.csv before /x/{id}.
  const routes = Object.keys(doc.paths)
    .map((route) => ({
      route,
      pattern: new RegExp(`^${route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
      literal: route.replace(/\{\w+\}/g, '').length,
    }))
    .sort((a, b) => b.literal - a.literal);
  routeOf.set(base, (path) => routes.find((r) => r.pattern.test(path))?.route);
  return violations;
}

/** One request; never throws on a status (a network failure or a timeout rejects). */
export async function http<T = Record<string, unknown>>(
  base: Base,
  method: string,
  path: string,
  body?: unknown,
  secret?: string,
  options: HttpOptions = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = {
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(secret ? { authorization: `Bearer ${secret}` } : {}),
    ...options.headers,
  };
  const payload = body === undefined ? undefined : JSON.stringify(body);
  let status: number;
  let text: string;
  let answerHeaders: Headers;
  if (typeof base === 'string') {
    const res = await fetch(base + path, {
      method,
      headers,
      body: payload,
      ...(options.timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(options.timeoutMs) }),
    });
    status = res.status;
    text = await res.text();
    answerHeaders = res.headers;
  } else {
    const res = await base.inject({
      method: method as 'GET',
      url: path,
      ...(payload === undefined ? {} : { payload }),
      headers,
    });
    status = res.statusCode;
    text = res.body;
    answerHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers))
      if (value !== undefined)
        answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : String(value));
  }
  let parsed = {} as Res<T>['body'];
  if ((answerHeaders.get('content-type') ?? '').startsWith('application/json')) {
    try {
      parsed = JSON.parse(text) as Res<T>['body'];
    } catch {
      /* a broken body: the test sees the text */
    }
    const checked = typeof base === 'string' ? checks.get(base) : undefined;
    const route = typeof base === 'string' ? routeOf.get(base)?.(path.split('?')[0]!) : undefined;
    if (checked && route)
      checked.violations.push(
        ...checked.check({
          method,
          path: route,
          status,
          body: text,
          header: (name) => answerHeaders.get(name) ?? undefined,
        }),
      );
  }
  return { status, body: parsed, text, headers: answerHeaders };
}

/** Throws with the answer unless its status is `want`. */
function expectStatus(res: Res<unknown>, want: number, what: string): void {
  if (res.status !== want)
    throw new Error(`${what}: expected ${want}, got ${res.status} ${res.text.slice(0, 300)}`);
}

/** Settings for a lab that is open now (opened an hour ago, due in an hour), with `overrides`. */
export function labSettings(overrides: Partial<LabSettings> = {}): LabSettings {
  return {
    title: 'Week 1, locks',
    exercises: [EXERCISE],
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    dueAt: new Date(Date.now() + 3600_000).toISOString(),
    latePolicy: 'accept',
    latePenaltyPercent: 0,
    hints: true,
    solutions: false,
    attemptLimit: 3,
    ...overrides,
  };
}

/** Creates a lab (201 or it throws); resolves with the lab and the instructor key. */
export async function createLab(base: Base, overrides: Partial<LabSettings> = {}): Promise<CreatedLab> {
  const res = await http<CreatedLab>(base, 'POST', '/api/labs', labSettings(overrides));
  expectStatus(res, 201, 'create a lab');
  return res.body;
}

/**
 * Joins `n` students to the lab at once, named `Student <i>` with student IDs `<prefix>-000`,
 * `<prefix>-001`…; throws unless every join is a 201. Resolves in the same order.
 */
export async function joinStudents(base: Base, labId: string, n: number, prefix = 's'): Promise<Joined[]> {
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      http<Joined>(base, 'POST', `/api/labs/${labId}/students`, {
        name: `Student ${i}`,
        studentId: `${prefix}-${String(i).padStart(3, '0')}`,
      }),
    ),
  );
  const refused = answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.text.slice(0, 200)}`);
  if (refused.length > 0) throw new Error(`joins refused: ${refused.join('; ')}`);
  return answers.map((a) => a.body);
}

export interface SubmitOptions {
  /** Default: EXERCISE. */
  exerciseId?: string;
  /** Sent as the Idempotency-Key header: the same key on every retry of one Submit. */
  idempotencyKey?: string;
  timeoutMs?: number;
}

/** Submits `files` as the student with `token`; the answer as it is (202 with the summary, or a refusal). */
export function submit(
  base: Base,
  labId: string,
  token: string,
  files: Record<string, string>,
  opts: SubmitOptions = {},
): Promise<Res<SubmissionSummary>> {
  return http<SubmissionSummary>(
    base,
    'POST',
    `/api/labs/${labId}/submissions`,
    { exerciseId: opts.exerciseId ?? EXERCISE, files },
    token,
    {
      ...(opts.idempotencyKey === undefined ? {} : { headers: { 'idempotency-key': opts.idempotencyKey } }),
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    },
  );
}

/** One submission as its student (or the instructor) sees it; throws unless 200. */
export async function submission(
  base: Base,
  labId: string,
  submissionId: string,
  secret: string,
): Promise<SubmissionDetail> {
  const res = await http<SubmissionDetail>(
    base,
    'GET',
    `/api/labs/${labId}/submissions/${submissionId}`,
    undefined,
    secret,
  );
  expectStatus(res, 200, `read submission ${submissionId}`);
  return res.body;
}

/** The lab's gradebook with the instructor key; throws unless 200. */
export async function gradebook(base: Base, labId: string, key: string): Promise<Gradebook> {
  const res = await http<Gradebook>(base, 'GET', `/api/labs/${labId}/gradebook`, undefined, key);
  expectStatus(res, 200, 'read the gradebook');
  return res.body;
}
