/**
 * A small client of the lab API for the cluster failover test and `npm run bench:classroom`:
 * what a browser sends (JSON, the secret in Authorization: Bearer, a submission's Idempotency-Key),
 * and the browser's answer to a dropped connection or a gateway error — the same Submit again with
 * the same key, which stores nothing twice.
 * The names and signatures are those of tests/integration/lab-api.ts (the integration tests' shared
 * client), so a test can import either; this one lives in scripts/ for the benchmark.
 */
import type {
  CreatedLab,
  Gradebook,
  Joined,
  LabSettings,
  SubmissionSummary,
} from '../../playground/src/contract/labs.ts';

/** The exercise the lab is about unless told otherwise. */
export const EXERCISE = 'lost-update-counter';

/** An answer: the parsed JSON body ({} when it is not JSON: CSV, HTML, HAProxy's error page). */
export interface Res<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: string; message?: string };
  text: string;
  headers: Headers;
}

export interface HttpOptions {
  /** Extra request headers (Idempotency-Key…). */
  headers?: Record<string, string>;
}

/** One request; a body is sent as JSON, a secret as a bearer token. Never throws on a status. */
export async function http<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  secret?: string,
  options: HttpOptions = {},
): Promise<Res<T>> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...options.headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = {} as Res<T>['body'];
  try {
    parsed = JSON.parse(text) as Res<T>['body'];
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** A lab open now and due in an hour, with no attempt limit; `overrides` changes any field. */
export function labSettings(overrides: Partial<LabSettings> = {}): LabSettings {
  return {
    title: 'Cluster class',
    exercises: [EXERCISE],
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    dueAt: new Date(Date.now() + 3600_000).toISOString(),
    latePolicy: 'accept',
    latePenaltyPercent: 0,
    hints: false,
    solutions: false,
    attemptLimit: null,
    ...overrides,
  };
}

/** Creates a lab (201 or it throws); resolves with the lab and the instructor key. */
export async function createLab(base: string, overrides: Partial<LabSettings> = {}): Promise<CreatedLab> {
  const res = await http<CreatedLab>(base, 'POST', '/api/labs', labSettings(overrides));
  if (res.status !== 201)
    throw new Error(`create a lab: expected 201, got ${res.status} ${res.text.slice(0, 300)}`);
  return res.body;
}

/** `n` students join at once (`<prefix>-000`, `<prefix>-001`…); throws unless all are 201. In order. */
export async function joinStudents(base: string, labId: string, n: number, prefix = 's'): Promise<Joined[]> {
  const joined = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      http<Joined>(base, 'POST', `/api/labs/${labId}/students`, {
        name: `Student ${i}`,
        studentId: `${prefix}-${String(i).padStart(3, '0')}`,
      }),
    ),
  );
  const refused = joined.filter((j) => j.status !== 201).map((j) => `${j.status} ${j.text.slice(0, 200)}`);
  if (refused.length > 0) throw new Error(`joins refused: ${refused.join('; ')}`);
  return joined.map((j) => j.body);
}

export interface SubmitOptions {
  /** Default: EXERCISE. */
  exerciseId?: string;
  /** Sent as the Idempotency-Key header: the same key on every retry of one Submit. */
  idempotencyKey?: string;
}

/** One Submit; the answer as it is (202 with the summary, or a refusal). */
export function submit(
  base: string,
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
    opts.idempotencyKey === undefined ? {} : { headers: { 'idempotency-key': opts.idempotencyKey } },
  );
}

/** Gateway answers after which the browser sends a Submit again (worthSendingAgain in components/labs/lab-client.ts). */
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
  base: string,
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

/** The instructor's gradebook. */
export async function gradebook(base: string, labId: string, key: string): Promise<Gradebook> {
  const res = await http<Gradebook>(base, 'GET', `/api/labs/${labId}/gradebook`, undefined, key);
  if (res.status !== 200)
    throw new Error(`read the gradebook: expected 200, got ${res.status} ${res.text.slice(0, 300)}`);
  return res.body;
}
