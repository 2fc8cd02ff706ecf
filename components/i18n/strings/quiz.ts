/**
 * UI strings of the quiz island, in every locale; looked up through components/i18n/t.ts.
 * N.B. IMPORTED BY BROWSER CODE (and by Quiz.astro at build time).
 */
import type { Locale } from '../locale.ts';

const en = {
  'quiz.label': 'Quiz: {count} questions',
  'quiz.label.one': 'Quiz question',
  'quiz.question': 'Question {n} of {total}',
  'quiz.kind.choice': 'Choose one answer.',
  'quiz.kind.multi': 'Choose every answer that is true.',
  'quiz.kind.output': 'Predict the output.',
  'quiz.kind.order': 'Put the events in order, first at the top.',
  'quiz.reveal': 'Show the answer and explanation',
  'quiz.answer': 'Answer',
  'quiz.answer.order': 'Correct order',
  'quiz.answer.output': 'The program prints',
  'quiz.source': 'Go source:',
  'quiz.output.label': 'Your prediction of everything the program prints',
  'quiz.output.hint': 'Type the output exactly; trailing spaces and blank lines at the end are ignored.',
  'quiz.order.hint': 'Move the events with the Up and Down buttons; the first event goes at the top.',
  'quiz.order.up': 'Up',
  'quiz.order.down': 'Down',
  'quiz.order.up.label': 'Move up: {item}',
  'quiz.order.down.label': 'Move down: {item}',
  'quiz.order.moved': 'Moved to position {position} of {total}: {item}',
  'quiz.check': 'Check',
  'quiz.tryAgain': 'Try again',
  'quiz.correct': 'Correct.',
  'quiz.incorrect': 'Not quite.',
  'quiz.empty.choice': 'Choose an answer first.',
  'quiz.empty.multi': 'Choose at least one answer first.',
  'quiz.empty.output': 'Type the output you expect first.',
  'quiz.status.correct': 'Answered correctly',
  'quiz.status.tried': 'Tried, not yet correct',
  'quiz.summary': '{correct} of {total} answered correctly',
};

/** A key of the quiz UI strings. */
export type QuizKey = keyof typeof en;

const zhCN: Record<QuizKey, string> = {
  'quiz.label': '测验：共 {count} 题',
  'quiz.label.one': '测验题',
  'quiz.question': '第 {n} 题，共 {total} 题',
  'quiz.kind.choice': '选择一个答案。',
  'quiz.kind.multi': '选出所有正确的答案。',
  'quiz.kind.output': '预测程序的输出。',
  'quiz.kind.order': '把事件按发生顺序排列，最先发生的放在最上面。',
  'quiz.reveal': '显示答案和解析',
  'quiz.answer': '答案',
  'quiz.answer.order': '正确顺序',
  'quiz.answer.output': '程序输出',
  'quiz.source': 'Go 源码：',
  'quiz.output.label': '你预测的程序完整输出',
  'quiz.output.hint': '请准确输入输出内容；行尾空格和末尾空行会被忽略。',
  'quiz.order.hint': '用“上移”和“下移”按钮调整事件顺序，最先发生的放在最上面。',
  'quiz.order.up': '上移',
  'quiz.order.down': '下移',
  'quiz.order.up.label': '上移：{item}',
  'quiz.order.down.label': '下移：{item}',
  'quiz.order.moved': '已移到第 {position} 位（共 {total} 位）：{item}',
  'quiz.check': '检查答案',
  'quiz.tryAgain': '再试一次',
  'quiz.correct': '回答正确。',
  'quiz.incorrect': '还不对。',
  'quiz.empty.choice': '请先选择一个答案。',
  'quiz.empty.multi': '请至少选择一个答案。',
  'quiz.empty.output': '请先输入你预测的输出。',
  'quiz.status.correct': '已答对',
  'quiz.status.tried': '已作答，尚未答对',
  'quiz.summary': '已答对 {correct} / {total} 题',
};

export const QUIZ_STRINGS: Record<Locale, Record<QuizKey, string>> = { en, 'zh-cn': zhCN };
