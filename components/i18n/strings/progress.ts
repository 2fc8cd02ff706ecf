/**
 * UI strings of the progress islands (home "continue", the progress page), in every locale; looked
 * up through components/i18n/t.ts. N.B. BROWSER CODE.
 */
import type { Locale } from '../locale.ts';

const en = {
  'pr.continue': 'Continue where you left off',
  'pr.summary': '{chapters} of {totalChapters} chapters read · {passed} of {totalExercises} exercises passed',
  'pr.page.link': 'Your progress',
  'pr.chapter': 'Chapter',
  'pr.read': 'Read',
  'pr.read.yes': 'read',
  'pr.read.no': 'not yet',
  'pr.exercises': 'Exercises',
  'pr.quizzes': 'Quiz answers',
  'pr.levels': 'Scheduler levels',
  'pr.exercise.status': '{title}: {state}',
  'pr.exercise.passed': 'passed ({score}/{max}, {attempts} attempts, {hints} hints)',
  'pr.exercise.tried': '{attempts} attempts, best {score}/{max}',
  'pr.exercise.new': 'not started',
  'pr.count': '{done} of {total}',
  'pr.none': '—',
  'pr.export': 'Export progress',
  'pr.import': 'Import progress',
  'pr.import.confirm': 'Replace your progress in this browser with the imported file?',
  'pr.import.done': 'Progress imported.',
  'pr.import.error': 'That file could not be imported: {reason}',
  'pr.reset': 'Reset progress',
  'pr.reset.confirm':
    'Delete all progress stored in this browser? This cannot be undone unless you exported it.',
  'pr.reset.done': 'Progress reset.',
  'pr.stored':
    'Progress is stored only in this browser. Export it to keep a copy or move it to another browser.',
} as const;

export type ProgressKey = keyof typeof en;

const zhCN: Record<ProgressKey, string> = {
  'pr.continue': '从上次离开的地方继续',
  'pr.summary': '已读 {chapters}/{totalChapters} 章 · 已通过 {passed}/{totalExercises} 道练习',
  'pr.page.link': '你的学习进度',
  'pr.chapter': '章节',
  'pr.read': '阅读',
  'pr.read.yes': '已读',
  'pr.read.no': '未读',
  'pr.exercises': '练习',
  'pr.quizzes': '测验答对',
  'pr.levels': '调度器关卡',
  'pr.exercise.status': '{title}：{state}',
  'pr.exercise.passed': '已通过（{score}/{max}，尝试 {attempts} 次，使用 {hints} 条提示）',
  'pr.exercise.tried': '尝试 {attempts} 次，最高 {score}/{max}',
  'pr.exercise.new': '未开始',
  'pr.count': '{done}/{total}',
  'pr.none': '—',
  'pr.export': '导出进度',
  'pr.import': '导入进度',
  'pr.import.confirm': '用导入的文件替换本浏览器中的进度？',
  'pr.import.done': '进度已导入。',
  'pr.import.error': '无法导入该文件：{reason}',
  'pr.reset': '重置进度',
  'pr.reset.confirm': '删除本浏览器中保存的全部进度？除非你已导出，否则无法恢复。',
  'pr.reset.done': '进度已重置。',
  'pr.stored': '进度只保存在本浏览器中。导出一份即可备份，或转移到另一个浏览器。',
};

export const PROGRESS_STRINGS: Record<Locale, Record<ProgressKey, string>> = { en, 'zh-cn': zhCN };
