/**
 * Turns model narration and scheduler choices into the page's language. English narration is the
 * model's own text (written for learners); 简体中文 comes from templates keyed like the models.
 * N.B. IMPORTED BY BROWSER CODE.
 */
import type { MapState } from '../models/map-check.ts';
import type { Narration } from '../models/types.ts';
import { applyMove, enabledMoves, sameMove, startRun, type EnabledMove, type Run } from '../engine/run.ts';
import type { Scenario } from '../engine/types.ts';
import type { Locale } from '../strings.ts';
import type { Template } from './format.ts';
import { LOCKS_ZH } from './narration-zh-locks.ts';
import { MORE_ZH } from './narration-zh-more.ts';

/** Every 简体中文 narration template by key. */
export const NARRATION_ZH: Record<string, Template> = { ...LOCKS_ZH, ...MORE_ZH };

/** A narration sentence in `locale` (English, or a missing template, falls back to the model's text). */
export function narrationText(locale: Locale, x: Narration): string {
  if (locale === 'en') return x.text;
  const tpl = NARRATION_ZH[x.key];
  return tpl ? tpl(x.params) : x.text;
}

/** 简体中文 names of the models' micro-steps, keyed like EnabledEvent.key. */
export const LABEL_ZH: Record<string, string> = {
  'mutex.label.lock': 'Lock：快速路径 CAS',
  'mutex.label.unlock': 'Unlock：AddInt32(-1)',
  'mutex.label.tryLock': 'TryLock',
  'mutex.label.work': '普通代码',
  'mutex.label.loopTop': 'lockSlow：自旋或计算新状态',
  'mutex.label.cas': 'lockSlow：CAS old → new',
  'mutex.label.semacquire': 'runtime_SemacquireMutex',
  'mutex.label.woken': '从 semacquire 醒来',
  'mutex.label.unlockSlow': 'unlockSlow：要唤醒等待者吗？',
  'mutex.label.semrelease': 'runtime_Semrelease',
  'rw.label.rlock': 'RLock',
  'rw.label.runlock': 'RUnlock',
  'rw.label.lock': 'Lock',
  'rw.label.unlock': 'Unlock',
  'rw.label.work': '普通代码',
  'rw.label.rlockSem': 'RLock：等待 readerSem',
  'rw.label.runlockSlow': 'rUnlockSlow',
  'rw.label.lockAnnounce': 'Lock：readerCount 减去 2^30',
  'rw.label.lockWait': 'Lock：等待读者离开',
  'rw.label.unlockRelease': 'Unlock：释放 readerSem',
  'rw.label.unlockW': 'Unlock：解锁 w',
  'rw.label.woken': '醒来',
  'counter.label.lock': 'mu.Lock()',
  'counter.label.load': '载入（load）',
  'counter.label.add': '加一（add）',
  'counter.label.store': '写回（store）',
  'counter.label.unlock': 'mu.Unlock()',
  'counter.label.atomicAdd': 'atomic.AddInt64',
  'map.label.start': '检查 writing',
  'map.label.toggle': '翻转 writing',
  'map.label.insert': '更新槽位',
  'map.label.finish': '检查并翻回 writing',
  'map.label.lookup': '查找',
  'map.label.iterNext': '下一个键',
  'wg.label.add': 'Add',
  'wg.label.done': 'Done',
  'wg.label.wait': 'Wait',
  'wg.label.work': '普通代码',
};

const MAP_KIND_ZH: Record<string, string> = { write: '写', delete: '删除', read: '读', range: '遍历' };

/** The event of an event-driven model written as the Go call (or plain words) it stands for. */
export function eventText(locale: Locale, model: Scenario['model'], event: unknown): string {
  const e = event as Record<string, string | number | boolean | undefined>;
  const zh = locale === 'zh-cn';
  switch (model) {
    case 'wait-for': {
      const read = e.mode === 'read';
      const verb = e.type === 'lock' ? (read ? 'RLock' : 'Lock') : read ? 'RUnlock' : 'Unlock';
      return `${String(e.lock)}.${verb}()`;
    }
    case 'happens-before': {
      const t = String(e.type);
      if (t === 'lock' || t === 'unlock') return `${String(e.mutex)}.${t === 'lock' ? 'Lock' : 'Unlock'}()`;
      if (t === 'write') return `${String(e.variable)} = ${String(e.value ?? '…')}`;
      if (t === 'read') return zh ? `读取 ${String(e.variable)}` : `read ${String(e.variable)}`;
      if (t === 'go') return `go ${String(e.child)}`;
      if (t === 'send') return `${String(e.ch)} <- v`;
      if (t === 'recv') return `<-${String(e.ch)}`;
      if (t === 'done') return `${String(e.wg)}.Done()`;
      if (t === 'waitReturn') return `${String(e.wg)}.Wait()`;
      return `${t} ${String(e.sync)}`;
    }
    case 'false-sharing':
      return zh
        ? `核心 ${String(e.core)} ${e.type === 'write' ? '写' : '读'} ${String(e.variable)}`
        : `core ${String(e.core)} ${e.type === 'write' ? 'writes' : 'reads'} ${String(e.variable)}`;
    case 'syncmap-legacy':
      if (e.type === 'store') return `m.Store("${String(e.key)}", "${String(e.value)}")`;
      if (e.type === 'range') return 'm.Range(…)';
      return `m.${e.type === 'load' ? 'Load' : 'Delete'}("${String(e.key)}")`;
    default:
      return JSON.stringify(event);
  }
}

/** The label of a scheduler button: `G2: lockSlow: CAS old → new`. */
export function moveLabel(locale: Locale, s: Scenario, run: Run, m: EnabledMove): string {
  const g = m.goroutine ?? '';
  if (m.key === null) return `${g}${locale === 'zh-cn' ? '：' : ': '}${eventText(locale, s.model, m.event)}`;
  if (locale === 'en') return m.label;
  if (s.model === 'map-check') {
    const mg = (run.state as MapState).goroutines.find((x) => x.id === g);
    const kind = mg?.program[mg.ip]?.kind ?? '';
    return `${g}：${MAP_KIND_ZH[kind] ?? kind} ${LABEL_ZH[m.key] ?? ''}`.trim();
  }
  return `${g}：${LABEL_ZH[m.key] ?? m.label.replace(/^[^:]*:\s*/, '')}`;
}

/** A predict level's script as the scheduler labels it would show: `G1: Lock: fast-path CAS → …`. */
export function scriptText(locale: Locale, s: Scenario): string {
  let run = startRun(s);
  const out: string[] = [];
  for (const m of s.script) {
    const em = enabledMoves(s, run).find((e) => sameMove(e.move, m));
    out.push(em ? moveLabel(locale, s, run, em) : typeof m === 'string' ? m : `+${m.tick} ns`);
    run = applyMove(s, run, m);
  }
  return out.join(' → ');
}
