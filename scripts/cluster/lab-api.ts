/**
 * A small client of the lab API for the cluster failover test and `npm run bench:classroom`:
 * what a browser sends (JSON, the secret in Authorization: Bearer, a submission's Idempotency-Key),
 * and the browser's answer to a dropped connection or a gateway error — the same Submit again with
 * the same key, which stores nothing twice.
 * (Named like tests/integration/lab-api.ts, which another branch is extracting; the two can become one.)
 */
import type { CreatedLab, Gradebook } from '../../playground/src/contract/labs.ts';

export interface Res {
  status: number;
  body: Record<string, unknown> & { error?: string };
  text: string;
  headers: Headers;
}

/** One request; a body is sent as JSON, a secret as a bearer token. */
export async function http(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  secret?: string,
  headers: Record<string, string> = {},
): Promise<Res> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(secret ? { authorization: `Bearer ${secret}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Res['body'] = {};
  try {
    parsed = JSON.parse(text) as Res['body'];
  } catch {
    // HTML, CSV, or HAProxy's own error page
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/** A lab open now and due in an hour, with no attempt limit; `overrides` changes any field. */
export function labSettings(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Cluster class',
    exercises: ['lost-update-counter'],
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

/** Creates a lab; resolves with its id and the instructor's key. */
export async function createLab(
  base: string,
  overrides: Record<string, unknown> = {},
): Promise<{ labId: string; key: string }> {
  const res = await http(base, 'POST', '/api/labs', labSettings(overrides));
  if (res.status !== 201) throw new Error(`creating a lab answered ${res.status}: ${res.text.slice(0, 300)}`);
  const { lab, instructorKey } = res.body as unknown as CreatedLab;
  return { labId: lab.id, key: instructorKey };
}

/** `n` students join at once (s-000, s-001, …); resolves with their tokens in that order. */
export async function joinStudents(base: string, labId: string, n: number): Promise<string[]> {
  const joined = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      http(base, 'POST', `/api/labs/${labId}/students`, {
        name: `Student ${i}`,
        studentId: `s-${String(i).padStart(3, '0')}`,
      }),
    ),
  );
  const refused = joined.filter((j) => j.status !== 201);
  if (refused.length > 0)
    throw new Error(
      `${refused.length} joins refused, e.g. ${refused[0]!.status} ${refused[0]!.text.slice(0, 200)}`,
    );
  return joined.map((j) => j.body.token as string);
}

/** One Submit, under an Idempotency-Key when one is given. */
export function submit(
  base: string,
  labId: string,
  token: string,
  files: Record<string, string>,
  idempotencyKey?: string,
  exerciseId = 'lost-update-counter',
): Promise<Res> {
  return http(
    base,
    'POST',
    `/api/labs/${labId}/submissions`,
    { exerciseId, files },
    token,
    idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  );
}

/** Gateway answers after which the browser sends a Submit again (worthSendingAgain in components/labs/lab-client.ts). */
export const RETRYABLE_STATUSES: readonly number[] = [502, 503, 504];

export interface Delivered {
  /** The answer that ended it (202, or a refusal that is not worth repeating). */
  res: Res;
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
  idempotencyKey: string,
  exerciseId?: string,
  { pauseMs = 250, maxSends = 20 } = {},
): Promise<Delivered> {
  const retried: string[] = [];
  for (;;) {
    let res: Res | null = null;
    try {
      res = await submit(base, labId, token, files, idempotencyKey, exerciseId);
      if (!RETRYABLE_STATUSES.includes(res.status)) return { res, sends: retried.length + 1, retried };
      retried.push(String(res.status));
    } catch (error) {
      if (retried.length + 1 >= maxSends) throw error;
      retried.push((error as Error).message);
    }
    // A browser gives up at some point too; the caller then sees the last gateway answer.
    if (res && retried.length >= maxSends) return { res, sends: retried.length, retried };
    await new Promise((r) => setTimeout(r, pauseMs));
  }
}

/** The instructor's gradebook. */
export async function gradebook(base: string, labId: string, key: string): Promise<Gradebook> {
  const res = await http(base, 'GET', `/api/labs/${labId}/gradebook`, undefined, key);
  if (res.status !== 200) throw new Error(`gradebook answered ${res.status}: ${res.text.slice(0, 300)}`);
  return res.body as unknown as Gradebook;
}
