/** 简体中文 narration of the sandbox program's own steps, keyed like narration-en.ts. */
import { s, type Template } from '../../i18n/format.ts';
import type { ProgramKey } from './narration-en.ts';

/** Templates by narration key. */
export const NARRATION_ZH: Record<ProgramKey, Template> = {
  'prog.work': (p) => `${s(p.g)} 执行普通代码（或休眠）：不碰共享数据，也不建立任何顺序。`,
  'prog.label.work': () => '工作',
  'prog.x.load': (p) => `${s(p.g)} 把 x = ${s(p.reg)} 读入寄存器（x++ 的前半步）。`,
  'prog.x.store': (p) => `${s(p.g)} 写回寄存器 + 1：x = ${s(p.value)}。`,
  'prog.x.read': (p) => `${s(p.g)} 读取 x = ${s(p.reg)}。`,
  'prog.label.load': () => 'x++：读取 x',
  'prog.label.store': () => 'x++：写回 x',
  'prog.label.read': () => '读取 x',
  'prog.race': (p) =>
    `WARNING: DATA RACE，位置 ${s(p.loc)}：${s(p.second)} 的${p.secondWrite ? '写' : '读'}与 ${s(p.first)} 先前的${p.firstWrite ? '写' : '读'}之间没有任何 happens-before 关系。`,
};
