/**
 * A small client of the lab API, as a browser speaks it (JSON, the secret in Authorization:
 * Bearer, a submission's Idempotency-Key), for the integration tests, the cluster failover test and
 * `npm run bench:classroom`: `http()` for any request (over real sockets to a base URL, or through
 * `app.inject` when handed a Fastify app), typed helpers for the usual steps (lab settings, create a
 * lab, join a class, submit, read a submission or the gradebook), and `submitUntilAnswered()`, the
 * browser's answer to a dropped connection or a gateway error: the same Submit with the same key.
 *
 * The helpers throw (with the server's answer) when a step that a caller builds on fails; `http()`
 * and `submit()` never throw on a status. `observeAnswers()` lets a test see every JSON answer
 * (tests/integration/lab-api.ts checks them against the server's OpenAPI document).
 */
import type { FastifyInstance } from 'fastify';
import type {
  CreatedLab,
  Gradebook,
  Joined,
  LabSettings,
  SubmissionDetail,
  SubmissionSummary,
} from '../../contract/labs.ts';

/** The exercise the lab is about unless told otherwise. */
export const EXERCISE = 'lost-update-counter';

/** A server's base URL (http://127.0.0.1:port), or an app answered in-process through inject. */
export type Base = string | Pick<FastifyInstance, 'inject'>;

/** An answer: the parsed JSON body ({} when the body is not JSON: CSV, HTML, a proxy's error page) and the raw text. */
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
   * fails the caller instead of stalling it (the abort rejects with a TimeoutError).
   */
  timeoutMs?: number;
}

/** A JSON answer from a base URL, as `http()` saw it. */
export interface Observed {
  method: string;
  /** The request path without its query. */
  path: string;
  status: number;
  text: string;
  headers: Headers;
}

/** Observers of JSON answers by base URL: see observeAnswers. */
const observers = new Map<string, (answer: Observed) => void>();

/** From now on, hands every JSON answer `http()` gets from `base` to `observe`. */
export function observeAnswers(base: string, observe: (answer: Observed) => void): void {
  observers.set(base, observe);
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
    const observe = typeof base === 'string' ? observers.get(base) : undefined;
    observe?.({ method, path: path.split('?')[0]!, status, text, headers: answerHeaders });
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

/** Gateway answers after which the browser sends a Submit again (worthSendingAgain in components/api/api-error.ts). */
export const RETRYABLE_STATUSES: readonly number[] = [502, 503, 504];

export interface Delivered {
  /** The answer that ended it (202, or a refusal that is not worth repeating). */
  res: Res<SubmissionSummary>;
  /** Requests sent: 1 when the first was answered. */
  sends: number;
  /** Why each earlier send was repeated: a status, or the network error's message. */
  retried: string[];
}

/**
 * Submits like the browser: one key per Submit click, sent again with the same key until a
 * real answer comes (a connection error or 502/503/504 from the load balancer is not one).
 */
export async function submitUntilAnswered(
  base: Base,
  labId: string,
  token: string,
  files: Record<string, string>,
  opts: SubmitOptions & { idempotencyKey: string; pauseMs?: number; maxSends?: number },
): Promise<Delivered> {
  const { pauseMs = 250, maxSends = 20 } = opts;
  const retried: string[] = [];
  for (;;) {
    let res: Res<SubmissionSummary> | null = null;
    try {
      res = await submit(base, labId, token, files, opts);
      if (!RETRYABLE_STATUSES.includes(res.status)) return { res, sends: retried.length + 1, retried };
      retried.push(String(res.status));
    } catch (error) {
      if (retried.length + 1 >= maxSends) throw error;
      retried.push((error as Error).message);
    }
    // A browser gives up at some point too; the caller then sees the last gateway answer.
    if (res !== null && retried.length >= maxSends) return { res, sends: retried.length, retried };
    await new Promise((r) => setTimeout(r, pauseMs));
  }
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
