/**
 * What the lanes show, also said in words under them: each race access, for a deadlock the
 * wait-for picture (who waits on what, and who holds it), and the learner's own runtime/trace
 * tasks, regions and logs (user-marks.ts), which have no drawing of their own on the lanes.
 * N.B. BROWSER CODE.
 */
import type { RunResult } from '../../contract/run.ts';
import { t, type Locale } from '../i18n/index.ts';
import { h } from '../visualizer/render/dom.ts';
import type { TimelineModel } from './model.ts';
import { raceMarkPhrase, type RaceMark } from './race-marks.ts';
import { waitForPicture } from './sentences.ts';
import { userMarks } from './user-marks.ts';
import { say } from './words.ts';

export function buildExtra(
  locale: Locale,
  model: TimelineModel,
  marks: readonly RaceMark[],
  result: Pick<RunResult, 'goroutines' | 'status'>,
): HTMLElement {
  const extra = h('div', { class: 'tl-extra' });
  if (marks.length) {
    extra.append(
      h(
        'ul',
        { class: 'tl-races' },
        marks.map((m) => h('li', {}, say(locale, raceMarkPhrase(m)))),
      ),
      h('p', { class: 'tl-note' }, t(locale, 'tl.race.note')),
    );
  }
  if (result.status === 'deadlock' && result.goroutines.length) {
    const picture = waitForPicture(model, result);
    extra.append(
      h('p', { class: 'tl-subtitle' }, t(locale, 'tl.deadlock.title')),
      h(
        'ul',
        { class: 'tl-waitfor' },
        picture.map((p) =>
          h(
            'li',
            {},
            say(locale, p.waits),
            p.holder ? h('span', { class: 'tl-holder' }, ` — ${say(locale, p.holder)}`) : null,
          ),
        ),
      ),
      h('p', {}, t(locale, 'tl.deadlock.none')),
    );
  }
  extra.append(...userList(locale, model));
  return extra;
}

/** The tasks, regions and logs, one item per task with its regions and logs nested in it. */
function userList(locale: Locale, model: TimelineModel): HTMLElement[] {
  const { groups, more } = userMarks(model.timeline);
  if (!groups.length) return [];
  const list = h(
    'ul',
    { class: 'tl-user' },
    groups.map((group) =>
      h(
        'li',
        {},
        group.head ? say(locale, group.head) : t(locale, 'tl.user.notask'),
        group.items.length
          ? h(
              'ul',
              {},
              group.items.map((item) => h('li', {}, say(locale, item))),
            )
          : null,
      ),
    ),
  );
  return [
    h('p', { class: 'tl-subtitle' }, t(locale, 'tl.user.title')),
    list,
    ...(more ? [h('p', {}, t(locale, 'tl.user.more', { count: more }))] : []),
  ];
}
