/**
 * /api/labs: instructor labs. Thin: validate, authenticate the bearer secret, call the lab
 * service. State-changing requests are JSON with an Authorization header (neither can be sent by
 * a cross-site form without a CORS preflight, which this server never grants) and are refused
 * when the browser says they come from another origin.
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
  SubmitRequest,
} from '../contract/labs.ts';
import { ErrorBody } from '../contract/run.ts';
import { RequestError } from '../errors.ts';
import type { LabService } from '../labs/service.ts';
import { bearer } from '../labs/secrets.ts';
import { clientKey } from './client-id.ts';

export interface LabRoutesOptions {
  labs: LabService;
}

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
  /** The lab database cannot be reached right now (code database_unavailable). */
  503: ErrorBody,
};
/** Routes that take a JSON body can also refuse another content type. */
const bodyErrors = { ...errors, 415: ErrorBody };
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
  const { labs } = opts;
  const caller = (request: FastifyRequest<{ Params: { labId: string } }>) =>
    labs.authenticate(request.params.labId, bearer(request.headers.authorization));
  const noStore = { 'cache-control': 'no-store' };

  api.post(
    '/api/labs',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
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
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      onRequest: async (request) => sameOrigin(request),
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
      schema: {
        summary: 'The calling student’s standing and own submissions',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: StudentStanding, ...errors },
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
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      onRequest: async (request) => sameOrigin(request),
      schema: {
        summary: 'Submit code for one of the lab’s exercises: graded in the sandbox, stored, then answered',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        body: SubmitRequest,
        response: { 201: SubmissionDetail, ...bodyErrors, 413: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const who = await caller(request);
      const controller = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      const stored = await labs.submit(who, request.body, {
        client: clientKey(request),
        signal: controller.signal,
      });
      reply.code(201).headers(noStore);
      return stored;
    },
  );

  api.get(
    '/api/labs/:labId/submissions/:submissionId',
    {
      schema: {
        summary: 'One submission with its code and grade: the student’s own, or any for the instructor',
        tags: ['labs'],
        security: auth,
        params: SubmissionParams,
        response: { 200: SubmissionDetail, ...errors },
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
      schema: {
        summary: 'Instructor: students × exercises with best score, attempts, last submission and late flags',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        querystring: LocaleQuery,
        response: { 200: Gradebook, ...errors },
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
      schema: {
        summary:
          'Instructor: the gradebook as CSV (lab, student_id, name, email, exercise, score, max_score, attempts, submitted_at, late)',
        tags: ['labs'],
        security: auth,
        params: LabParams,
        response: { 200: Type.String(), ...errors },
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
