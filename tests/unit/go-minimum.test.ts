/**
 * Every example and exercise declares the oldest Go that builds it: a snippet or exercise using a
 * standard-library API newer than its declared minimum (go=1.25 on a fence, "go" in snippet.json or
 * exercise.json; absent means the oldest Go the course supports) fails here, without network, with
 * the API, the file and the line. The API lists are Go's own, $GOROOT/api/go1.N.txt of the Go on PATH.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFenceSnippets, loadSnippetFolders } from '../../integrations/snippets/collect.ts';
import { loadExercises } from '../../contract/exercise/load.ts';
import { OLDEST_SUPPORTED_GO } from '../../contract/go-version.ts';
import { apiFileVersion, buildApiIndex } from '../../scripts/go-api/api-lists.ts';
import { newerApiUses } from '../../scripts/go-api/audit.ts';

const goroot = spawnSync('go', ['env', 'GOROOT'], {
  encoding: 'utf8',
  env: { ...process.env, GOTOOLCHAIN: 'local' },
}).stdout?.trim();
const apiDir = goroot ? join(goroot, 'api') : '';
// A Go unpacked from the module proxy's toolchain zip has no api/ folder; go.dev's archives and
// distributions' packages do.
const noLists = !apiDir || !existsSync(apiDir);

interface Unit {
  where: string;
  declared: string | undefined;
  files: Record<string, string>;
}

function units(): Unit[] {
  const snippets = [...loadSnippetFolders('content/snippets'), ...loadFenceSnippets('content/docs')];
  const out: Unit[] = snippets.map((s) => ({ where: s.location, declared: s.go, files: s.files }));
  for (const e of loadExercises()) {
    const graded = { ...e.tests, ...e.hidden };
    out.push({ where: `${e.dir} (starter)`, declared: e.go, files: { ...e.starter, ...graded } });
    out.push({
      where: `${e.dir} (solution)`,
      declared: e.go,
      files: { ...e.starter, ...e.solution, ...graded },
    });
  }
  return out;
}

describe('minimum Go of the course content', () => {
  it.skipIf(noLists)(`uses no API newer than it declares (API lists: ${apiDir || 'no Go on PATH'})`, () => {
    const index = buildApiIndex(
      readdirSync(apiDir).flatMap((name) => {
        const version = apiFileVersion(name);
        return version ? [{ version, text: readFileSync(join(apiDir, name), 'utf8') }] : [];
      }),
    );
    const all = units();
    expect(all.length).toBeGreaterThan(100);
    const problems = all.flatMap((u) => {
      const declared = u.declared ?? OLDEST_SUPPORTED_GO;
      return newerApiUses(u.files, index, declared).map(
        (use) =>
          `${u.where}: ${use.file}:${use.line} uses ${use.api} (Go ${use.version}) but declares Go ${declared}` +
          (u.declared ? '' : ' (nothing declared)'),
      );
    });
    expect(problems).toEqual([]);
  });
});
