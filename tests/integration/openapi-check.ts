/**
 * Checks every JSON answer of an app against its own OpenAPI document (GET /api/openapi.json): the
 * route and status must be documented and the body must match the schema. Installed by the
 * integration harness, so every integration test that goes through it is also a contract test.
 */
import type { FastifyInstance } from 'fastify';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface OpenApiDoc {
  paths: Record<
    string,
    Record<string, { responses?: Record<string, { content?: Record<string, { schema: object }> }> }>
  >;
}

/** "/api/exercises/:id" (Fastify) → "/api/exercises/{id}" (OpenAPI). */
export function openApiPath(route: string): string {
  return route.replace(/:(\w+)/g, '{$1}');
}

/** Adds an onSend hook that records every answer that breaks the document; returns the records. */
export function checkResponsesAgainstOpenApi(app: FastifyInstance): string[] {
  const violations: string[] = [];
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const compiled = new Map<string, ValidateFunction | null>();

  const validatorFor = (
    path: string,
    method: string,
    status: number,
  ): ValidateFunction | null | undefined => {
    const key = `${method} ${path} ${status}`;
    if (!compiled.has(key)) {
      const doc = app.swagger() as unknown as OpenApiDoc;
      const responses = doc.paths[path]?.[method]?.responses;
      if (!responses) return undefined; // not a documented route (the site, the document itself)
      const schema = responses[String(status)]?.content?.['application/json']?.schema;
      compiled.set(key, schema ? ajv.compile(schema) : null);
    }
    return compiled.get(key);
  };

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!route || !type.startsWith('application/json') || typeof payload !== 'string') return payload;
    const method = request.method.toLowerCase();
    const validate = validatorFor(openApiPath(route), method, reply.statusCode);
    if (validate === undefined) return payload;
    const where = `${request.method} ${route} → ${reply.statusCode}`;
    if (validate === null) {
      violations.push(`${where}: this status is not in the OpenAPI document`);
    } else if (!validate(JSON.parse(payload))) {
      violations.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    }
    return payload;
  });
  return violations;
}
