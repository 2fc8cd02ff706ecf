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
  'pr.exercise.status': '{title} ({difficulty}): {state}',
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
  'pr.import.problem.not_json': 'it is not JSON.',
  'pr.import.problem.not_export': 'it is not a Lockstep progress export.',
  'pr.import.problem.version': 'it is version {found}, and this site reads version {expected}.',
  'pr.import.problem.field': 'the entry {field} {rule}.',
  'pr.import.rule.object': 'is missing or not a set of entries',
  'pr.import.rule.whole_number': 'must be a whole number',
  'pr.import.rule.number': 'must be a number, 0 or more',
  'pr.import.rule.boolean': 'must be true or false',
  'pr.import.rule.date': 'must be a date',
  'pr.import.rule.file_map': 'must map file names to text',
  'pr.import.rule.last': 'must have a path, a title and a date',
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
  'pr.exercise.status': '{title}（{difficulty}）：{state}',
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
  'pr.import.problem.not_json': '它不是 JSON。',
  'pr.import.problem.not_export': '它不是 Lockstep 的进度导出文件。',
  'pr.import.problem.version': '它的版本是 {found}，而本站读取的是版本 {expected}。',
  'pr.import.problem.field': '条目 {field} {rule}。',
  'pr.import.rule.object': '缺失，或不是一组条目',
  'pr.import.rule.whole_number': '必须是整数',
  'pr.import.rule.number': '必须是大于或等于 0 的数',
  'pr.import.rule.boolean': '必须是 true 或 false',
  'pr.import.rule.date': '必须是日期',
  'pr.import.rule.file_map': '必须把文件名映射到文本',
  'pr.import.rule.last': '必须包含路径、标题和日期',
  'pr.reset': '重置进度',
  'pr.reset.confirm': '删除本浏览器中保存的全部进度？除非你已导出，否则无法恢复。',
  'pr.reset.done': '进度已重置。',
  'pr.stored': '进度只保存在本浏览器中。导出一份即可备份，或转移到另一个浏览器。',
};

export const PROGRESS_STRINGS: Record<Locale, Record<ProgressKey, string>> = { en, 'zh-cn': zhCN };
