/**
 * Renders the structured part of a result beside the terminal: a plain-language explanation,
 * the race panel (accesses and creation sites, each frame a button that jumps to its line), test
 * results and blocked goroutines. DOM only; what to show comes from the result.
 * N.B. BROWSER CODE.
 */
import type { Frame, Goroutine, Race, RunResult, TestCase } from '../../contract/run.ts';
import { t, type Locale, type UiKey } from '../i18n/index.ts';
import { lessonFor } from './lesson-links.ts';
import { el } from '../dom/el.ts';

export type JumpTo = (file: string, line: number) => void;

/** Frames worth showing: the first one outside the runtime (where a wait shows in the learner's
 * terms, e.g. sync.(*Mutex).Lock), then the learner's own; testing and runtime plumbing are left out. */
export function usefulFrames(frames: Frame[], files: ReadonlySet<string>): Frame[] {
  const plumbing = (f: Frame) => /^(runtime\.|internal\/|testing\.)/.test(f.func);
  const first = frames.find((f) => !plumbing(f));
  const mine = frames.filter((f) => files.has(f.file));
  const picked =
    first && !files.has(first.file)
      ? [first, ...mine]
      : mine.length > 0
        ? mine
        : frames.filter((f) => !plumbing(f));
  return picked.slice(0, 5);
}

function frameList(
  frames: Frame[],
  files: ReadonlySet<string>,
  locale: Locale,
  jump: JumpTo,
): HTMLOListElement {
  const list = el('ol', { class: 'pg-frames' });
  for (const f of usefulFrames(frames, files)) {
    const item = el('li');
    const where = `${f.file}:${f.line}`;
    if (files.has(f.file)) {
      const button = el('button', {
        type: 'button',
        class: 'pg-frame',
        'aria-label': `${t(locale, 'pg.jump', { file: f.file, line: f.line })} (${f.func})`,
      });
      button.append(
        el('code', {}, f.func),
        document.createTextNode(' '),
        el('span', { class: 'pg-where' }, where),
      );
      button.addEventListener('click', () => jump(f.file, f.line));
      item.append(button);
    } else {
      item.append(
        el('code', { class: 'pg-std' }, f.func),
        document.createTextNode(' '),
        el('span', { class: 'pg-where pg-std' }, where),
      );
    }
    list.append(item);
  }
  return list;
}

/** Races shown in full; more are summarised (a racy loop can report dozens of the same pair). */
export const MAX_RACES_SHOWN = 3;

/** The plain-language verdict of a run that did not end ok, with a link to the lesson about it. */
function explanation(result: RunResult, locale: Locale): HTMLElement {
  const box = el('div', { class: `pg-explain pg-explain-${result.status}` });
  // A runner refusal is not the compiler's doing: it is "not run", explained by its code.
  const refusal = result.diagnostics.find((d) => d.code !== undefined)?.code;
  const verdict = refusal ? 'pg.verdict.refused' : (`pg.verdict.${result.status}` as UiKey);
  box.append(el('strong', {}, t(locale, 'pg.verdict.lead', { verdict: t(locale, verdict) })));
  const key = result.cause
    ? `pg.explain.${result.status}.${result.cause.code}`
    : `pg.explain.${result.status}`;
  const explain = refusal ? t(locale, `pg.refused.${refusal}`) : t(locale, key as UiKey);
  box.append(document.createTextNode(explain));
  const lesson = lessonFor(result.status, locale);
  if (lesson) {
    box.append(document.createTextNode(' '));
    box.append(el('a', { href: lesson }, t(locale, 'pg.explain.more')));
  }
  return box;
}

/** One race: each access with its stack, then where the goroutines involved were created. */
function raceSection(
  race: Race,
  n: number,
  files: ReadonlySet<string>,
  locale: Locale,
  jump: JumpTo,
): HTMLElement {
  const section = el('section', { class: 'pg-race', 'aria-label': t(locale, 'pg.race.title', { n }) });
  section.append(el('h4', {}, t(locale, 'pg.race.title', { n })));
  race.accesses.forEach((a, j) => {
    const op = t(locale, a.op === 'write' ? 'pg.op.Write' : 'pg.op.Read');
    const label =
      j === 0
        ? t(locale, 'pg.race.access', { op, goroutine: a.goroutine })
        : t(locale, 'pg.race.previous', {
            op: t(locale, a.op === 'write' ? 'pg.op.write' : 'pg.op.read'),
            goroutine: a.goroutine,
          });
    section.append(
      el('p', { class: j === 0 ? 'pg-access pg-current' : 'pg-access pg-previous' }, label),
      frameList(a.stack, files, locale, jump),
    );
  });
  for (const g of race.goroutines) {
    section.append(
      el('p', { class: 'pg-created' }, t(locale, 'pg.race.created', { id: g.id })),
      frameList(g.createdAt, files, locale, jump),
    );
  }
  return section;
}

/** Each test with its outcome; a failed or timed-out one with its own output, runner chatter removed. */
function testsSection(tests: TestCase[], locale: Locale): HTMLElement {
  const section = el('section', { class: 'pg-tests', 'aria-label': t(locale, 'pg.tests.title') });
  section.append(el('h4', {}, t(locale, 'pg.tests.title')));
  const list = el('ul');
  for (const test of tests) {
    const item = el('li', { class: `pg-test pg-test-${test.status}` });
    const mark = { pass: '✓', fail: '✗', skip: '–', timeout: '⏱' }[test.status];
    item.append(
      el('span', { 'aria-hidden': 'true' }, `${mark} `),
      el('code', {}, test.name),
      document.createTextNode(` — ${t(locale, `pg.test.${test.status}` as UiKey)}`),
    );
    if (test.race) item.append(el('span', { class: 'pg-badge' }, t(locale, 'pg.test.race')));
    if (test.status === 'fail' || test.status === 'timeout') {
      const out = test.output
        .split('\n')
        .filter((l) => !/^(=== RUN|--- FAIL|=== PAUSE|=== CONT)/.test(l.trim()))
        .join('\n')
        .trim();
      if (out) item.append(el('pre', { class: 'pg-test-output' }, out.slice(0, 2000)));
    }
    list.append(item);
  }
  section.append(list);
  return section;
}

/** The goroutines still alive at a deadlock or timeout, each with its stack. */
function goroutinesSection(
  goroutines: Goroutine[],
  files: ReadonlySet<string>,
  locale: Locale,
  jump: JumpTo,
): HTMLElement {
  const section = el('section', { class: 'pg-goroutines', 'aria-label': t(locale, 'pg.goroutines.title') });
  section.append(el('h4', {}, t(locale, 'pg.goroutines.title')));
  for (const g of goroutines) {
    section.append(
      el('p', {}, t(locale, 'pg.goroutine', { id: g.id, state: g.state })),
      frameList(g.frames, files, locale, jump),
    );
  }
  return section;
}

/** Fills container with the report of result; empties it for an ok run without tests. */
export function renderReport(
  container: HTMLElement,
  result: RunResult,
  files: ReadonlySet<string>,
  locale: Locale,
  jump: JumpTo,
  options: { tests?: boolean } = {},
): void {
  container.replaceChildren();
  if (result.status !== 'ok') container.append(explanation(result, locale));
  result.races.slice(0, MAX_RACES_SHOWN).forEach((race, i) => {
    container.append(raceSection(race, i + 1, files, locale, jump));
  });
  if (result.races.length > MAX_RACES_SHOWN) {
    container.append(
      el('p', { class: 'pg-more' }, t(locale, 'pg.race.more', { n: result.races.length - MAX_RACES_SHOWN })),
    );
  }
  if (result.tests.length > 0 && options.tests !== false) {
    container.append(testsSection(result.tests, locale));
  }
  if (result.cause?.code === 'main_goexit' && result.cause.at.length > 0) {
    const section = el('section', { class: 'pg-goexit', 'aria-label': t(locale, 'pg.goexit.title') });
    section.append(
      el('h4', {}, t(locale, 'pg.goexit.title')),
      frameList(result.cause.at, files, locale, jump),
    );
    container.append(section);
  }
  if ((result.status === 'deadlock' || result.status === 'timeout') && result.goroutines.length > 0) {
    container.append(goroutinesSection(result.goroutines, files, locale, jump));
  }
}
