/**
 * npm run check:snippets: every runnable snippet of the course — ```go fences in the chapters and
 * folders in content/snippets/ — goes through the real runner (queue, sandbox, parsers: the code
 * behind POST /api/run) and must end with the outcome it declares. Snippets that should race,
 * deadlock or crash are run several times: a lesson's bug must show on every run, not by luck.
 * A snippet that declares a newer Go than the runner's (go=1.25 on a fence, "go" in snippet.json)
 * is not run: its row says "skipped" with the reason, and it counts as neither a pass nor a failure.
 * Prints a table; exits 1 on any mismatch or undeclared outcome, 2 when code cannot run here.
 * Uses LOCKSTEP_DATA_DIR (default .data/it, the integration tests' warm build cache).
 * Arguments narrow the run while authoring: `npm run check:snippets -- locks/internals` checks only
 * snippets whose id or location contains one of them.
 */
import type { RunService } from '../playground/src/run-service-types.ts';
import { printTable, withWarmRunner } from './warm-runner.ts';
import { loadFenceSnippets, loadSnippetFolders, type Snippet } from '../integrations/snippets/collect.ts';
import { summaryText } from '../components/i18n/run-texts.ts';
import { skipReasonForGo } from '../contract/go-version.ts';

/** Outcomes that depend on an interleaving: checked on every one of these runs. */
const REPEATS_FOR_BUGS = 3;
const BUG_OUTCOMES = new Set(['race', 'deadlock', 'concurrent_map']);

interface Row {
  id: string;
  expect: string;
  got: string;
  ms: number;
  problem: string | null;
  /** Why it was not run (a Go older than it declares), else null. */
  skipped: string | null;
}

async function check(service: RunService, s: Snippet, goVersion: string): Promise<Row> {
  if (!s.expect)
    return {
      id: s.id,
      expect: '(none)',
      got: '-',
      ms: 0,
      problem: `${s.location}: declare the expected outcome, e.g. expect=ok`,
      skipped: null,
    };
  // A missing declaration is a problem on any Go; a Go older than the snippet declares cannot judge it.
  const skipped = skipReasonForGo(s.go, goVersion);
  if (skipped) return { id: s.id, expect: s.expect, got: 'skipped', ms: 0, problem: null, skipped };
  const repeats = BUG_OUTCOMES.has(s.expect) ? REPEATS_FOR_BUGS : 1;
  const seen: string[] = [];
  let slowest = 0;
  for (let i = 0; i < repeats; i++) {
    const result = await service.run(
      { files: s.files, action: s.action, race: s.race },
      'check-snippets',
      {},
    );
    seen.push(result.status);
    slowest = Math.max(slowest, result.timings.totalMs);
    if (result.status !== s.expect) {
      // The run's summary as the English page words it (the same table), else what it printed.
      const detail = result.summary
        ? summaryText('en', result.summary)
        : result.stderr.split('\n').slice(0, 3).join(' ');
      return {
        id: s.id,
        expect: s.expect,
        got: seen.join(','),
        ms: slowest,
        problem: `${s.location}: expected ${s.expect}, run ${i + 1} gave ${result.status}: ${detail}`,
        skipped: null,
      };
    }
  }
  return {
    id: s.id,
    expect: s.expect,
    got: `${seen[0]} ×${repeats}`,
    ms: slowest,
    problem: null,
    skipped: null,
  };
}

async function main(): Promise<number> {
  let snippets: Snippet[];
  try {
    snippets = [...loadSnippetFolders('content/snippets'), ...loadFenceSnippets('content/docs')];
    const only = process.argv.slice(2);
    if (only.length > 0)
      snippets = snippets.filter((s) => only.some((o) => s.id.includes(o) || s.location.includes(o)));
  } catch (error) {
    console.error(`check:snippets: ${(error as Error).message}`);
    return 1;
  }
  return withWarmRunner('check:snippets', async (service) => {
    const goVersion = (await service.health()).go.version;
    const rows: Row[] = [];
    for (const s of snippets) rows.push(await check(service, s, goVersion));
    printTable(
      ['snippet', 'expected', 'got', 'slowest'],
      rows.map((r) => [r.id, r.expect, r.skipped ? `skipped: ${r.skipped}` : r.got, `${r.ms} ms`]),
    );
    const problems = rows.flatMap((r) => (r.problem ? [r.problem] : []));
    const skipped = rows.filter((r) => r.skipped).length;
    const ran = rows.length - skipped;
    for (const p of problems) console.error(`✗ ${p}`);
    console.log(`\nGo on this runner: ${goVersion}.`);
    if (skipped > 0)
      console.log(
        `- ${skipped} snippet(s) skipped, not checked: they declare a newer Go than this runner's.`,
      );
    console.log(
      problems.length === 0 ? `✓ ${ran} snippets end as they declare.` : `${problems.length} problem(s).`,
    );
    return problems.length === 0 ? 0 : 1;
  });
}

process.exitCode = await main();
