/**
 * The HTTP application, assembled from explicit dependencies so tests can build it and call
 * inject() without a port. Routes stay thin: validate, call one service, map the result.
 */
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifySwagger from '@fastify/swagger';
import fastifyWebsocket from '@fastify/websocket';
import fastifyRateLimit from '@fastify/rate-limit';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { RunService } from './run-service-types.ts';
import { RequestError } from './errors.ts';
import { EMPTY_MESSAGE, NOT_JSON_MESSAGE, schemaRefusal } from './routes/request-check.ts';
import { ErrorParamsByCode } from '../../contract/errors.ts';
import type { OpenAPIV3 } from 'openapi-types';
import { StreamMessage } from '../../contract/stream.ts';
import { GradeStreamMessage } from '../../contract/grade-stream.ts';
import { siteRoutes } from './routes/site.ts';
import { runRoutes } from './routes/run.ts';
import { healthRoutes } from './routes/health.ts';
import { gradeRoutes } from './routes/grade.ts';
import { exerciseCatalog, loadExercises } from '../../contract/exercise/load.ts';
import type { Exercise } from '../../contract/exercise/types.ts';
import { labRoutes } from './routes/labs.ts';
import { createLabService, type LabService } from './labs/service.ts';
import { limitsFromConfig } from './sandboxed-run-service.ts';
import type { LabStore } from './labs/store.ts';
import { openLabStore } from './labs/open-store.ts';
import { createGradingWorker } from './labs/grading-worker.ts';
import { labLimitsFromConfig, labLimitsSummary } from './limits/lab-limits.ts';
import { parseTrustedProxies, trustProxyOption } from './limits/trusted-proxies.ts';

export interface AppDeps {
  config: Config;
  service: RunService;
  /** Serve the built site too (the server does; API-only tests don't). */
  serveSite?: boolean;
  /** Loaded exercises by id; default: content/exercises of the working directory. */
  exercises?: ReadonlyMap<string, Exercise>;
  /**
   * Run the grading worker in this process: it grades the lab submissions the queue holds.
   * Default: on unless LOCKSTEP_ROLE is web.
   */
  gradingWorker?: boolean;
  /** Lab storage; default: PostgreSQL at LOCKSTEP_DATABASE_URL or SQLite at LOCKSTEP_LABS_DB, closed with the app. */
  labStore?: LabStore;
}

/** Request bodies above this are refused with 413 before parsing (sources are capped lower). */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Fastify's own 4xx errors (body parsing, @fastify/rate-limit) as the contract's codes;
 * `retryAfterS` is the Retry-After the rate limit already set. Unknown 4xx become bad_request.
 */
export function fastifyRefusal(error: FastifyError, retryAfterS: number): RequestError {
  const status = error.statusCode ?? 400;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new RequestError(400, 'not_json', NOT_JSON_MESSAGE);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new RequestError(400, 'empty_body', EMPTY_MESSAGE);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new RequestError(
        413,
        'too_large',
        `The request is larger than ${BODY_LIMIT_BYTES / 1024} KiB.`,
        {
          limitBytes: BODY_LIMIT_BYTES,
        },
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new RequestError(415, 'unsupported_media_type', 'Send the request as application/json.');
  }
  if (status === 429) return new RequestError(429, 'rate_limited', error.message, { retryAfterS });
  if (status === 413)
    return new RequestError(413, 'too_large', error.message, { limitBytes: BODY_LIMIT_BYTES });
  if (status === 415) return new RequestError(415, 'unsupported_media_type', error.message);
  return new RequestError(status, 'bad_request', error.message, { path: '', rule: error.code ?? 'request' });
}

/** The 404 of a path no route answers. */
const routeNotFound = (method: string, path: string): RequestError =>
  new RequestError(404, 'not_found', `No route ${method} ${path}`, { method, path });

/**
 * Schemas with no HTTP response to hang on: the WebSockets' messages and each error code's params.
 * (TypeBox's Unsafe unions are plain JSON Schema, which the OpenAPI types cannot see through.)
 */
const PUBLISHED_SCHEMAS = { StreamMessage, GradeStreamMessage, ErrorParamsByCode } as unknown as Record<
  string,
  OpenAPIV3.SchemaObject
>;

/** Maps any error to a JSON answer; input problems are 4xx with a code, faults a bare 500. */
function errorHandler(
  error: FastifyError,
  request: { log: FastifyInstance['log'] },
  reply: import('fastify').FastifyReply,
): void {
  const send = (refusal: RequestError): void => {
    if (refusal.retryAfterS !== undefined) reply.header('retry-after', String(refusal.retryAfterS));
    void reply.code(refusal.statusCode).send(refusal.body());
  };
  if (error instanceof RequestError) return send(error);
  if (error.validation) {
    // Routes validated by Ajv (grade, labs) get the codes and words of the run routes' own check.
    const what = error.validationContext ? `${error.validationContext}` : 'request';
    return send(schemaRefusal(error.validation, what));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const retryAfterS = Math.max(1, Number(reply.getHeader('retry-after')) || 60);
    return send(fastifyRefusal(error, retryAfterS));
  }
  request.log.error(error);
  send(new RequestError(500, 'internal', 'The server failed unexpectedly; please try again.'));
}

/** The bare Fastify instance: timeouts, the body limit, trusted proxies and strict validation. */
function createFastify(config: Config) {
  return Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: BODY_LIMIT_BYTES,
    connectionTimeout: 60_000,
    requestTimeout: 120_000,
    keepAliveTimeout: 10_000,
    // request.ip is the peer, or the client a configured proxy names in X-Forwarded-For; every
    // per-address limit and the run queue's fairness go by it.
    trustProxy: trustProxyOption(parseTrustedProxies(config.LOCKSTEP_TRUSTED_PROXIES)),
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
}

type App = ReturnType<typeof createFastify>;

/** Unknown paths: the site's 404 page when this process serves the site, JSON otherwise and under /api/. */
function setNotFound(app: App, servesSite: boolean, siteDir: string): void {
  const notFoundPage = join(siteDir, '404.html');
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (servesSite && !path.startsWith('/api/') && existsSync(notFoundPage)) {
      return reply.code(404).type('text/html; charset=utf-8').sendFile('404.html', siteDir);
    }
    return reply.code(404).send(routeNotFound(request.method, path).body());
  });
}

/** The plugins every route may use: the OpenAPI description, WebSockets and per-route rate limits. */
async function registerPlugins(app: App): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lockstep runner API',
        version: '1.0.0',
        description: 'Runs learners’ Go in a sandbox with the race detector and returns structured results.',
      },
      components: {
        schemas: PUBLISHED_SCHEMAS,
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'A lab’s instructor key (lsk_…) or a student’s token (lst_…).',
          },
        },
      },
    },
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: BODY_LIMIT_BYTES } });
  await app.register(fastifyRateLimit, {
    global: false,
    max: 120,
    timeWindow: '1 minute',
  });
}

/** The labs' store (opened here unless given), their service, and the grading worker when this process grades. */
function setUpLabs(app: App, deps: AppDeps, exercises: ReadonlyMap<string, Exercise>) {
  const opened = deps.labStore
    ? { store: deps.labStore, where: 'the given store' }
    : openLabStore(deps.config, { warn: (m) => app.log.warn(m) });
  const store = opened.store;
  // Say at start where the labs live and whether that works, without waiting for it: the site and
  // the runner serve while a database is away, and lab routes answer 503 until it returns.
  app.addHook('onListen', async () => {
    store.version().then(
      (v) => app.log.info(`labs: ${opened.where}, schema version ${v}`),
      (error: unknown) =>
        app.log.warn(
          `labs: ${opened.where} cannot be used yet (${(error as Error).message}); lab routes answer 503 until it can`,
        ),
    );
  });
  const labs: LabService = createLabService({
    store,
    exercises,
    limits: limitsFromConfig(deps.config),
  });
  const grades = deps.gradingWorker ?? deps.config.LOCKSTEP_ROLE !== 'web';
  const worker = grades
    ? createGradingWorker({
        store,
        runner: deps.service,
        exercises,
        concurrency: deps.config.LOCKSTEP_CONCURRENCY,
        leaseMs: deps.config.LOCKSTEP_GRADE_LEASE_S * 1000,
        log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
      })
    : null;
  app.addHook('onReady', async () => worker?.start());
  return { store, labs, worker };
}

/** Returns a ready-to-listen Fastify instance. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const role = deps.config.LOCKSTEP_ROLE;
  // A worker has no site: its unknown paths answer JSON, like the API's.
  const servesSite = deps.serveSite !== false && role !== 'worker';
  const app = createFastify(deps.config);

  app.setErrorHandler(errorHandler);
  // Only JSON is accepted: anything else gets 415 instead of being parsed as a string.
  app.removeContentTypeParser('text/plain');
  setNotFound(app, servesSite, deps.config.LOCKSTEP_SITE_DIR);
  await registerPlugins(app);

  const exercises = deps.exercises ?? exerciseCatalog(loadExercises());
  const { store: labStore, labs, worker } = setUpLabs(app, deps, exercises);
  const labLimits = labLimitsFromConfig(deps.config);
  await app.register(async (api) => {
    await api.register(runRoutes, { service: deps.service });
    await api.register(healthRoutes, {
      service: deps.service,
      role,
      limits: labLimitsSummary(labLimits),
      grading: () => labStore.queue.counts(),
    });
    await api.register(gradeRoutes, { service: deps.service, exercises });
    // A worker serves no lab API: browsers reach labs through the web servers.
    if (role !== 'worker') await api.register(labRoutes, { labs, limits: labLimits });
    api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });

  if (servesSite) {
    await app.register(siteRoutes, { siteDir: deps.config.LOCKSTEP_SITE_DIR });
  }
  app.addHook('onClose', async () => {
    // Grades in progress finish or give their leases back before the runner and the store go.
    await worker?.stop();
    await deps.service.close();
    if (!deps.labStore) await labStore.close();
  });
  return app;
}
