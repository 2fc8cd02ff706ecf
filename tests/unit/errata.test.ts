/**
 * Every P0/P1 erratum of the source articles (../shared/reference/seed-errata.md, section 3) stays
 * visibly corrected: the chapter that fixes it must carry the correction's evidence, in both
 * locales. The markers are code and source names, identical in English and Chinese, so a rewrite
 * that drops a correction in either language fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const DOCS = 'content/docs';

/** ID → chapter and the evidence (every pattern must match) of its correction. */
const ERRATA: Record<string, { chapter: string; evidence: RegExp[] }> = {
  E1: { chapter: 'maps/prelaunch-audit', evidence: [/set -euo pipefail/, /go test -race -count=1/, /\\d/] },
  E2: { chapter: 'locks/optimization-under-load', evidence: [/sync\.Pool/, /expect=race/, /copylocks/] },
  E3: { chapter: 'locks/optimization-under-load', evidence: [/maphash/, /uint/] },
  E4: {
    chapter: 'locks/production-lockup',
    evidence: [/test timed out/, /all goroutines are asleep/, /expect=deadlock/],
  },
  E5: { chapter: 'maps/sync-map', evidence: [/hashtriemap\.go/, /nosynchashtriemap/, /misses/] },
  E6: {
    chapter: 'locks/internals-and-memory-model',
    evidence: [/cansemacquire/, /goparkunlock/, /semacquire1/],
  },
  E7: {
    chapter: 'locks/internals-and-memory-model',
    evidence: [/mutexStarving/, /mutexWaiterShift|state>>3/, /CompareAndSwapInt32/],
  },
  E8: { chapter: 'maps/rwmutex-maps', evidence: [/RLock/, /expect=deadlock/] },
  E9: { chapter: 'maps/prelaunch-audit', evidence: [/maps\.DeleteFunc/] },
  E10: { chapter: 'locks/misuse-and-diagnosis', evidence: [/-pprof=sync/, /SetMutexProfileFraction/] },
  E11: { chapter: 'maps/race-detector', evidence: [/\+0x/, /WARNING: DATA RACE/, /created at/] },
  E12: { chapter: 'maps/race-detector', evidence: [/go build -race/, /gcc/, /-vettool/] },
  E13: { chapter: 'locks/optimization-under-load', evidence: [/atomic\.Pointer/, /CompareAndSwap/] },
  E14: { chapter: 'locks/misuse-and-diagnosis', evidence: [/goleak|leak/, /expect=test_failed/] },
  E15: { chapter: 'maps/sync-map', evidence: [/CompareAndSwap/, /CompareAndDelete/, /Go 1\.20/] },
  E16: {
    chapter: 'locks/internals-and-memory-model',
    evidence: [/go\.dev\/ref\/mem/, /synchronized before/],
  },
};

const page = (locale: 'en' | 'zh-cn', chapter: string) =>
  readFileSync(join(DOCS, locale === 'en' ? '' : 'zh-cn', `${chapter}.mdx`), 'utf8');

/**
 * The course's own errata (issue #20 §1), each checked against the Go 1.26 source: the pages that
 * carry the correction, its evidence, and the old wording (English and Chinese) that must not come
 * back. Evidence is code, paths and names, identical in both locales.
 */
const COURSE_ERRATA: Record<string, { chapters: string[]; evidence: RegExp[]; absent: RegExp[] }> = {
  // The package is golang.org/x/tools/go/analysis/passes/copylock; its analyzer is named copylocks.
  'copylock package path': {
    chapters: ['glossary', 'locks/summary-and-capstone', 'locks/misuse-and-diagnosis'],
    evidence: [/go\/analysis\/passes\/copylock\)/],
    absent: [/passes\/copylocks/],
  },
  // A -race build is a different test binary, so no cached non-race pass could stand in; -count=1
  // buys a re-run of unchanged tests, and -shuffle is outside the cacheable flags (go help test).
  'what -count=1 buys': {
    chapters: ['maps/race-detector'],
    evidence: [/\(cached\)/, /-shuffle=on/, /go help test/, /src\/cmd\/go\/internal\/test\/test\.go/],
    absent: [/can never stand in for this run\./, /这样不带竞态检测的构建留下的缓存结果永远不能冒充/],
  },
  // Go 1.19 left windows/amd64 and openbsd/amd64 on TSan v2; Go 1.26's runtime/race/README builds
  // race_windows.syso from the same LLVM commit as Linux's.
  'TSan v3 exceptions': {
    chapters: ['maps/race-detector'],
    evidence: [
      /windows\/amd64 and openbsd\/amd64|windows\/amd64 和 openbsd\/amd64/,
      /race_windows\.syso/,
      /src\/runtime\/race\/README/,
    ],
    absent: [/except windows\/amd64 to/, /除 windows\/amd64 之外的所有/],
  },
  // runtime/iface.go: convT16/32/64 point values below 256 into staticuint64s, computed or not.
  'interface boxing below 256': {
    chapters: ['maps/sync-map'],
    evidence: [/staticuint64s/, /convT64/, /src\/runtime\/iface\.go/, /256/],
    absent: [/small integer constant/, /较小的整数常量/],
  },
  // vet names the type by its package path; the runner's module is sandbox.
  'vet copylocks output in the playground': {
    chapters: ['maps/prelaunch-audit'],
    evidence: [/`Get passes lock by value: sandbox\.Hits contains sync\.Mutex`/],
    absent: [/main\.Hits contains/],
  },
  // internal/platform.RaceDetectorSupported, and cmd/go/internal/work/init.go, which does not
  // require cgo for -race on darwin (since Go 1.20).
  'race platforms and cgo': {
    chapters: ['maps/race-detector'],
    evidence: [
      /RaceDetectorSupported/,
      /src\/internal\/platform\/supported\.go/,
      /loong64/,
      /ppc64le/,
      /s390x/,
      /freebsd/,
      /netbsd/,
      /macOS/,
      /Go 1\.20/,
      /src\/cmd\/go\/internal\/work\/init\.go/,
    ],
    absent: [/and it needs a C toolchain/, /还需要 C 工具链/],
  },
};

type QuizQuestion = {
  id: string;
  explanation: Record<string, string>;
  options: { text: Record<string, string> }[];
};
const quizQuestion = (chapter: string, id: string) => {
  const questions = JSON.parse(
    readFileSync(join('content/quizzes', `${chapter}.json`), 'utf8'),
  ) as QuizQuestion[];
  const question = questions.find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id} in ${chapter}`);
  return question;
};

describe('P0/P1 errata stay corrected in both locales', () => {
  test.each(Object.entries(ERRATA))('%s', (id, { chapter, evidence }) => {
    for (const locale of ['en', 'zh-cn'] as const) {
      const text = page(locale, chapter);
      for (const pattern of evidence)
        expect(pattern.test(text), `${id} ${locale} ${chapter}: ${pattern}`).toBe(true);
    }
  });
});

describe('the course errata of issue #20 stay corrected in both locales', () => {
  test.each(Object.entries(COURSE_ERRATA))('%s', (id, { chapters, evidence, absent }) => {
    for (const locale of ['en', 'zh-cn'] as const) {
      for (const chapter of chapters) {
        const text = page(locale, chapter);
        for (const pattern of evidence)
          expect(pattern.test(text), `${id} ${locale} ${chapter}: ${pattern}`).toBe(true);
        for (const pattern of absent)
          expect(pattern.test(text), `${id} ${locale} ${chapter} still says ${pattern}`).toBe(false);
      }
    }
  });

  // runtime/iface.go: an int64 computed at run time is boxed unless it is below 256.
  test('quiz syncmap-store-allocations', () => {
    const { explanation, options } = quizQuestion('maps/sync-map', 'syncmap-store-allocations');
    for (const locale of ['en', 'zh-cn']) {
      expect(explanation[locale]).toMatch(/staticuint64s/);
      expect(explanation[locale]).toMatch(/255/);
      expect(explanation[locale]).not.toMatch(/small constant|小常量/);
      expect(options[0]?.text[locale]).toMatch(/255/);
    }
  });
});
