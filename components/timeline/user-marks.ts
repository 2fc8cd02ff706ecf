/**
 * The learner's own annotations (runtime/trace tasks, regions and logs) as the page says them
 * under the lanes: one group per task, holding the regions and logs made in it in time order, then
 * a group for those made in no task. Keys and facts only (words.ts words them). Pure: no DOM.
 */
import type { Timeline, TimelineLog, TimelineRegion, TimelineTask } from '../../contract/timeline.ts';
import type { Ns, Phrase } from './sentences.ts';

/** A task's line (null: the regions and logs made in no task) and its regions and logs. */
export interface UserGroup {
  head: Phrase | null;
  items: Phrase[];
}

export interface UserMarks {
  groups: UserGroup[];
  /** Tasks, regions and logs beyond the cap, counted rather than listed. */
  more: number;
}

/**
 * At most this many tasks, regions and logs are listed: a region inside a loop would otherwise
 * bury the lanes under thousands of lines, and the first ones already show the pattern.
 */
export const USER_ITEMS_MAX = 60;

const phrase = (key: Phrase['key'], params: Phrase['params'] = {}): Phrase => ({ key, params });

/** When a task or region ran; either end may lie outside the trace. */
function when(start: number | null, end: number | null): Phrase {
  if (start !== null && end !== null)
    return phrase('tl.user.when', { from: { ns: start }, to: { ns: end }, duration: { ns: end - start } });
  if (end !== null) return phrase('tl.user.when.early', { to: { ns: end } });
  if (start !== null) return phrase('tl.user.when.open', { from: { ns: start } });
  return phrase('tl.user.when.all');
}

function taskPhrase(task: TimelineTask, known: ReadonlySet<number>): Phrase {
  const span = when(task.start, task.end);
  if (!task.type) return phrase('tl.user.task.unnamed', { id: task.id, when: span });
  return known.has(task.parent)
    ? phrase('tl.user.task.child', { id: task.id, type: task.type, parent: task.parent, when: span })
    : phrase('tl.user.task', { id: task.id, type: task.type, when: span });
}

interface Item {
  t: number;
  say: Phrase;
}

function regionItem(r: TimelineRegion): Item {
  return {
    t: r.start ?? -1,
    say: phrase('tl.user.region', { g: r.g, type: r.type, when: when(r.start, r.end) }),
  };
}

function logItem(l: TimelineLog): Item {
  const params = { g: l.g, time: { ns: l.t } as Ns, message: l.message };
  return {
    t: l.t,
    say: l.category
      ? phrase('tl.user.log', { ...params, category: l.category })
      : phrase('tl.user.log.plain', params),
  };
}

/** The timeline's tasks, regions and logs, grouped by task in time order, capped. */
export function userMarks(timeline: Pick<Timeline, 'tasks' | 'regions' | 'logs'>): UserMarks {
  const tasks = [...timeline.tasks].sort((a, b) => (a.start ?? -1) - (b.start ?? -1) || a.id - b.id);
  const known = new Set(tasks.map((task) => task.id));
  const byTask = new Map<number, Item[]>();
  const add = (task: number, item: Item) => {
    const key = known.has(task) ? task : 0;
    byTask.set(key, [...(byTask.get(key) ?? []), item]);
  };
  for (const r of timeline.regions) add(r.task, regionItem(r));
  for (const l of timeline.logs) add(l.task, logItem(l));

  let budget = USER_ITEMS_MAX;
  let more = 0;
  const take = (items: Item[] | undefined): Phrase[] => {
    const sorted = [...(items ?? [])].sort((a, b) => a.t - b.t);
    const shown = sorted.slice(0, Math.max(budget, 0));
    budget -= shown.length;
    more += sorted.length - shown.length;
    return shown.map((i) => i.say);
  };
  const groups: UserGroup[] = [];
  for (const task of tasks) {
    // A task counts against the cap too: NewTask in a loop makes as many tasks as regions.
    if (budget <= 0) {
      more += 1 + (byTask.get(task.id)?.length ?? 0);
      continue;
    }
    budget -= 1;
    groups.push({ head: taskPhrase(task, known), items: take(byTask.get(task.id)) });
  }
  const loose = take(byTask.get(0));
  if (loose.length) groups.push({ head: null, items: loose });
  return { groups, more };
}
