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

describe('P0/P1 errata stay corrected in both locales', () => {
  test.each(Object.entries(ERRATA))('%s', (id, { chapter, evidence }) => {
    for (const locale of ['en', 'zh-cn'] as const) {
      const text = page(locale, chapter);
      for (const pattern of evidence)
        expect(pattern.test(text), `${id} ${locale} ${chapter}: ${pattern}`).toBe(true);
    }
  });
});
