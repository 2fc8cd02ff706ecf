/**
 * POST /api/run: validate, run through the queue and sandbox, answer the RunResult.
 * GET /api/run/stream: the same over a WebSocket, with queue position, phases and output as they happen.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, RetryLater, RunRequest, RunResult } from '../../../contract/run.ts';
import type { StreamMessage } from '../../../contract/stream.ts';
import type { RunService } from '../run-service-types.ts';
import { runRequestFromText, runRequestValidator } from './request-check.ts';
import { clientKey } from './client-id.ts';
import { serveExchange } from './socket-exchange.ts';

/** Registers the run routes. */
export async function runRoutes(app: FastifyInstance, opts: { service: RunService }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/run',
    {
      // The stream's check and words (request-check.ts) instead of Ajv's: one validator for both.
      validatorCompiler: () => runRequestValidator(),
      schema: {
        summary: 'Run, test, vet or format a Go package in the sandbox',
        body: RunRequest,
        response: {
          200: RunResult,
          400: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
          429: RetryLater,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const controller = new AbortController();
      // A client that goes away before the answer is written stops its run.
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      return opts.service.run(request.body, clientKey(request), { signal: controller.signal });
    },
  );

  api.get(
    '/api/run/stream',
    {
      websocket: true,
      schema: {
        summary:
          'WebSocket: send one RunRequest as JSON; receive queued/phase/output messages, then result or error',
        description:
          'Messages are StreamMessage (published in the OpenAPI components). `output` carries text for people as the program ' +
          'writes it — for action `test`, what `go test -v` prints, not test2json — and its pieces joined are ' +
          'the stdout and stderr of the final `result`, which also holds the structured per-test results.',
        querystring: { type: 'object', properties: { client: { type: 'string', maxLength: 64 } } },
      },
    },
    (socket, request) =>
      serveExchange<RunRequest, StreamMessage>(socket, request.log, {
        read: runRequestFromText,
        work: (body, send, signal) =>
          opts.service
            .run(body, clientKey(request), {
              signal,
              onQueue: (position) => send({ type: 'queued', position }),
              onPhase: (phase) => send({ type: 'phase', phase }),
              onOutput: (stream, data) => send({ type: 'output', stream, data }),
              onStopped: (code, goroutines) => send({ type: 'stopped', code, goroutines }),
            })
            .then((result) => ({ type: 'result', result })),
        failure: 'The runner failed unexpectedly; please try again.',
      }),
  );
}
