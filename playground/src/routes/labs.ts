/**
 * /api/labs: instructor labs. Thin: validate, authenticate the bearer secret, call the lab
 * service. State-changing requests are JSON with an Authorization header (neither can be sent by
 * a cross-site form without a CORS preflight, which this server never grants) and are refused
 * when the browser says they come from another origin.
 *
 * Limits go by identity, not address (a class shares one address): a verified student or
 * instructor has their own allowance, joins are limited per lab by a token bucket sized for a
 * lecture hall, and only lab creation, which has no identity yet, is counted per address.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CreatedLab,
  Gradebook,
  JoinRequest,
  Joined,
  LabParams,
  LabSettings,
  LabView,
  LocaleQuery,
  OverrideRequest,
  StudentStanding,
  SubmissionDetail,
  SubmissionParams,
  SubmissionSummary,
  SubmitHeaders,
  SubmitRequest,
} from '../contract/labs.ts';
import { ErrorBody, RetryLater } from '../contract/run.ts';
import { RequestError } from '../errors.ts';
import type { LabCaller, LabService } from '../labs/service.ts';
import { bearer } from '../labs/secrets.ts';
import { callerKey } from '../limits/identity.ts';
import type { LabLimits } from '../limits/lab-limits.ts';
import { TokenBuckets } from '../limits/token-bucket.ts';

export interface LabRoutesOptions {
  labs: LabService;
  limits: LabLimits;
}

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  /** The lab database cannot be reached right now (code database_unavailable). */
  503: ErrorBody,
};
/** Routes with a request limit answer 429 with Retry-After when it is reached. */
const limitedErrors = { ...errors, 429: RetryLater };
/** Routes that take a JSON body can also refuse another content type. */
const bodyErrors = { ...limitedErrors, 415: ErrorBody };
const auth = [{ bearerAuth: [] }];

/** Refuses a state-changing request that a browser marks as coming from another site. */
function sameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site')
    throw new RequestError(403, 'cross_site', 'Cross-site requests are not accepted.');
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new RequestError(403, 'cross_site', 'Cross-site requests are not accepted.');
  }
  if (host !== request.headers.host)
    throw new RequestError(403, 'cross_site', 'Cross-site requests are not accepted.');
}

export async function labRoutes(app: FastifyInstance, opts: LabRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { labs, limits } = opts;
  type LabRequest = FastifyRequest<{ Params: { labId: string } }>;
  /** Callers verified by the rate limit's key, so the handler does not look them up again. */
  const verified = new WeakMap<FastifyRequest, LabCaller>();
  const caller = async (request: LabRequest): Promise<LabCaller> =>
    verified.get(request) ?? labs.authenticate(request.params.labId, bearer(request.headers.authorization));
  /**
   * The rate-limit key of an authenticated route: the verified student or instructor, else the
   * address (a wrong or missing secret is then refused by the handler with 401 or 404).
   */
  const identity = async (request: FastifyRequest): Promise<string> => {
    const labRequest = request as LabRequest;
    try {
      const who = await labs.authenticate(labRequest.params.labId, bearer(request.headers.authorization));
      verified.set(request, who);
      return callerKey(who, request.ip);
    } catch (error) {
      if (error instanceof RequestError) return callerKey(null, request.ip);
      throw error;
    }
  };
  const perCaller = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', keyGenerator: identity } });
  const joins = new TokenBuckets({ burst: limits.joinBurst, perMinute: limits.joinPerMinute });
  /** Takes a join from the lab's bucket; only labs that exist get one, so the map stays small. */
  const joinAllowance = async (request: LabRequest): Promise<void> => {
    const { labId } = request.params;
    await labs.view(labId, 'en'); // throws 404 for an unknown lab
    const taken = joins.take(labId, Date.now());
    if (!taken.ok)
      throw new RequestError(
        429,
        'rate_limited',
        `This lab is taking many joins at once; try again in ${taken.retryAfterS} s.`,
        taken.retryAfterS,
      );
  };
  const noStore = { 'cache-control': 'no-store' };

  api.post(
    '/api/labs',
    {
      // No identity exists before the lab does: this one is per address (the real client's
      // address behind a trusted proxy, see LOCKSTEP_TRUSTED_PROXIES).
      config: { rateLimit: { max: limits.createPerMinute, timeWindow: '1 minute' } },
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary: 'Create a lab: returns its id and the instructor key (shown once)',
        tags: ['labs'],
        body: LabSettings,
        querystring: LocaleQuery,
        response: { 201: CreatedLab, ...bodyErrors },
      },
    },
    async (request, reply) => {
      reply.code(201).headers(noStore);
      return labs.create(request.body, request.query.locale ?? 'en');
    },
  );

  api.get(
    '/api/labs/:labId',
    {
      schema: {
        summary: 'A lab as anyone with its join link sees it: title, dates, policy, exercises',
        tags: ['labs'],
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: LabView, ...errors },
      },
    },
    async (request) => labs.view(request.params.labId, request.query.locale ?? 'en'),
  );

  api.post(
    '/api/labs/:labId/students',
    {
      onRequest: [async (request) => sameOrigin(request), joinAllowance],
      schema: {
        summary: 'Join a lab as a student: returns the student’s own token (shown once)',
        tags: ['labs'],
        params: LabParams,
        body: JoinRequest,
        response: { 201: Joined, ...bodyErrors },
      },
    },
    async (request, reply) => {
      reply.code(201).headers(noStore);
      return labs.join(request.params.labId, request.body);
    },
  );

  api.get(
    '/api/labs/:labId/me',
    {
      config: perCaller(limits.requestsPerMinute),
      schema: {
        summary: 'The calling student’s standing and own submissions',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: StudentStanding, ...limitedErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return labs.standing(await caller(request), request.query.locale ?? 'en');
    },
  );

  api.post(
    '/api/labs/:labId/submissions',
    {
      config: perCaller(limits.submitPerMinute),
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary:
          'Submit code for one of the lab’s exercises: stored durably and acknowledged at once (202, state queued), then graded by the grading queue',
        description:
          'The answer comes as soon as the submission is committed to the database; submittedAt is the receipt time the due date and late policy judge. Load never refuses a submission, it only delays the grade: follow it with GET /api/labs/{labId}/submissions/{submissionId} (the browser polls once a second while the state is queued or grading). Send an Idempotency-Key header, one per Submit click and the same on every retry of that click: a repeated key stores nothing and answers with the submission the first request stored (Idempotent-Replayed: true).',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        headers: SubmitHeaders,
        body: SubmitRequest,
        response: { 202: SubmissionSummary, ...bodyErrors, 413: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const who = await caller(request);
      const { submission, replayed } = await labs.submit(who, request.body, {
        idempotencyKey: request.headers['idempotency-key'],
      });
      reply.code(202).headers(noStore);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return submission;
    },
  );

  api.post(
    '/api/labs/:labId/submissions/:submissionId/requeue',
    {
      config: perCaller(limits.requestsPerMinute),
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary: 'Instructor: put a submission that failed to grade back in the grading queue',
        description:
          'Only a submission in state failed (the queue gave up after its retries) can be re-queued; it goes to the back of the queue with its attempts reset. 409 not_failed otherwise.',
        tags: ['labs'],
        security: auth,
        params: SubmissionParams,
        response: { 202: SubmissionSummary, ...limitedErrors },
      },
    },
    async (request, reply) => {
      const summary = await labs.requeue(await caller(request), request.params.submissionId);
      reply.code(202).headers(noStore);
      return summary;
    },
  );

  api.get(
    '/api/labs/:labId/submissions/:submissionId',
    {
      config: perCaller(limits.requestsPerMinute),
      schema: {
        summary:
          'One submission with its code, its state (queued with its position, grading, graded, failed) and, once graded, its grade: the student’s own, or any for the instructor',
        tags: ['labs'],
        security: auth,
        params: SubmissionParams,
        response: { 200: SubmissionDetail, ...limitedErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return labs.submission(await caller(request), request.params.submissionId);
    },
  );

  api.post(
    '/api/labs/:labId/submissions/:submissionId/override',
    {
      config: perCaller(limits.requestsPerMinute),
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary: 'Instructor: set (or clear, with score null) the score that counts for a submission',
        tags: ['labs'],
        security: auth,
        params: SubmissionParams,
        body: OverrideRequest,
        response: { 200: SubmissionDetail, ...bodyErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return labs.override(
        await caller(request),
        request.params.submissionId,
        request.body.score,
        request.body.comment,
      );
    },
  );

  api.get(
    '/api/labs/:labId/gradebook',
    {
      config: perCaller(limits.requestsPerMinute),
      schema: {
        summary: 'Instructor: students × exercises with best score, attempts, last submission and late flags',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: Gradebook, ...limitedErrors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return labs.gradebook(await caller(request), request.query.locale ?? 'en');
    },
  );

  api.get(
    '/api/labs/:labId/gradebook.csv',
    {
      config: perCaller(limits.requestsPerMinute),
      schema: {
        summary:
          'Instructor: the gradebook as CSV (lab, student_id, name, email, exercise, score, max_score, attempts, submitted_at, late)',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        response: { 200: Type.String(), ...limitedErrors },
      },
    },
    async (request, reply) => {
      const csv = await labs.csv(await caller(request));
      const lab = await labs.view(request.params.labId, 'en');
      const name = lab.title.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'lab';
      reply
        .headers(noStore)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}-gradebook.csv"`);
      return csv;
    },
  );
}
