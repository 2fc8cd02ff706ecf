/**
 * Checks every JSON answer of an app against its own OpenAPI document (GET /api/openapi.json): the
 * route and status must be documented, the body must match the schema, and every header the
 * document gives the answer (Retry-After on a 429) must be sent and match. Installed by the
 * integration harness, so every integration test that goes through it is also a contract test.
 */
import type { FastifyInstance } from 'fastify';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      {
        responses?: Record<
          string,
          { content?: Record<string, { schema: object }>; headers?: Record<string, { schema: object }> }
        >;
      }
    >
  >;
}

interface Documented {
  /** null: the status is not documented. */
  body: ValidateFunction | null;
  headers: [name: string, validate: ValidateFunction][];
}

/** "/api/exercises/:id" (Fastify) → "/api/exercises/{id}" (OpenAPI). */
export function openApiPath(route: string): string {
  return route.replace(/:(\w+)/g, '{$1}');
}

/** One JSON answer as the checker needs it. */
export interface Answer {
  method: string;
  /** The route as the document names it, e.g. /api/labs/{labId}/students. */
  path: string;
  status: number;
  body: string;
  header: (name: string) => string | undefined;
}

/**
 * Returns a function that checks one answer against the document `getDoc` returns and says what
 * breaks it (nothing for an undocumented route: the site, the document itself).
 */
export function openApiChecker(getDoc: () => OpenApiDoc): (answer: Answer) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const compiled = new Map<string, Documented>();

  const validatorFor = (path: string, method: string, status: number): Documented | undefined => {
    const key = `${method} ${path} ${status}`;
    if (!compiled.has(key)) {
      const responses = getDoc().paths[path]?.[method]?.responses;
      if (!responses) return undefined;
      const response = responses[String(status)];
      const schema = response?.content?.['application/json']?.schema;
      compiled.set(key, {
        body: schema ? ajv.compile(schema) : null,
        headers: Object.entries(response?.headers ?? {}).map(([name, h]) => [
          name.toLowerCase(),
          ajv.compile(h.schema),
        ]),
      });
    }
    return compiled.get(key);
  };

  /** A header's text as its schema's type: "7" is the integer 7 when the schema says integer. */
  const headerValue = (text: string): unknown => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

  return (answer) => {
    const method = answer.method.toLowerCase();
    const documented = validatorFor(answer.path, method, answer.status);
    if (documented === undefined) return [];
    const where = `${answer.method.toUpperCase()} ${answer.path} → ${answer.status}`;
    const found: string[] = [];
    const validate = documented.body;
    if (validate === null) {
      found.push(`${where}: this status is not in the OpenAPI document`);
    } else if (!validate(JSON.parse(answer.body))) {
      found.push(`${where}: ${ajv.errorsText(validate.errors)}`);
    }
    for (const [name, check] of documented.headers) {
      const sent = answer.header(name);
      if (sent === undefined) found.push(`${where}: the documented header ${name} is missing`);
      else if (!check(headerValue(sent)))
        found.push(`${where}: header ${name} "${sent}": ${ajv.errorsText(check.errors)}`);
    }
    return found;
  };
}

/** Adds an onSend hook that records every answer that breaks the document; returns the records. */
export function checkResponsesAgainstOpenApi(app: FastifyInstance): string[] {
  const violations: string[] = [];
  const check = openApiChecker(() => app.swagger() as unknown as OpenApiDoc);
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!route || !type.startsWith('application/json') || typeof payload !== 'string') return payload;
    violations.push(
      ...check({
        method: request.method,
        path: openApiPath(route),
        status: reply.statusCode,
        body: payload,
        header: (name) => {
          const value = reply.getHeader(name);
          return value === undefined ? undefined : String(value);
        },
      }),
    );
    return payload;
  });
  return violations;
}
