/**
 * The lab API client the integration tests share (scripts/cluster/lab-api.ts, which the cluster
 * benchmark uses too), and `checkAnswersAgainstOpenApi(base)`, which makes every later JSON answer
 * from that server a contract check against its own OpenAPI document.
 */
import { observeAnswers } from '../../scripts/cluster/lab-api.ts';
import { openApiChecker, type OpenApiDoc } from './openapi-check.ts';

export * from '../../scripts/cluster/lab-api.ts';

/**
 * From now on, checks every JSON answer `http()` gets from `base` against the server's own OpenAPI
 * document (GET /api/openapi.json); returns the list the answers that break it are added to.
 */
export async function checkAnswersAgainstOpenApi(base: string): Promise<string[]> {
  const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as OpenApiDoc;
  const violations: string[] = [];
  const check = openApiChecker(() => doc);
  // The document's routes as patterns, most literal first: /x/{id}/gradebook.csv before /x/{id}.
  const routes = Object.keys(doc.paths)
    .map((route) => ({
      route,
      pattern: new RegExp(`^${route.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
      literal: route.replace(/\{\w+\}/g, '').length,
    }))
    .sort((a, b) => b.literal - a.literal);
  observeAnswers(base, (answer) => {
    const route = routes.find((r) => r.pattern.test(answer.path))?.route;
    if (route)
      violations.push(
        ...check({
          method: answer.method,
          path: route,
          status: answer.status,
          body: answer.text,
          header: (name) => answer.headers.get(name) ?? undefined,
        }),
      );
  });
  return violations;
}
