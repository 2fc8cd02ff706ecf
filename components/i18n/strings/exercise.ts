/**
 * UI strings of the exercise island, in every locale; looked up through components/i18n/t.ts.
 * N.B. BROWSER CODE.
 */
import type { Locale } from '../locale.ts';

const en = {
  'ex.check': 'Check',
  'ex.check.title': 'Grade your code on the server with the hidden tests and the race detector',
  'ex.checking': 'Checking with the hidden tests…',
  'ex.queued': 'Waiting for a checker: number {position} in the queue.',
  'ex.busy': 'Every checker is busy, or this tab already has runs waiting. Try again in {seconds} s.',
  'ex.invalidMessage':
    'The check was stopped: the runner sent a message this page cannot read. Reload the page; if it happens again, the site and the runner are of different versions.',
  'ex.hint.next': 'Show a hint ({left} left)',
  'ex.hint.none': 'No more hints',
  'ex.hint.title': 'Hint {n}',
  'ex.solution': 'Show solution',
  'ex.solution.locked': 'The solution unlocks after your first attempt.',
  'ex.solution.confirm': 'Replace your code with the reference solution? Your attempts so far are kept.',
  'ex.solution.shown': 'The reference solution is in the editor. Run Check to see it pass.',
  'ex.score': 'Score: {score} / {max}',
  'ex.passed': 'Passed — every test, including the hidden ones, passes with the race detector on.',
  'ex.failed': 'Not yet: {failing} of {total} tests do not pass.',
  'ex.error': 'The grader could not grade this: {message}',
  'ex.unreachable': 'the runner cannot be reached (is `npm start` running?)',
  'ex.test.hidden': 'hidden test',
  'ex.test.pass': 'passed',
  'ex.test.fail': 'failed',
  'ex.test.skip': 'skipped',
  'ex.test.timeout': 'did not finish',
  'ex.test.missing': 'did not run',
  'ex.test.race': 'data race during this test',
  'ex.results': 'Results',
  'ex.attempts': 'Attempts: {n}',
  'ex.best': 'Best score: {score} / {max}',
  'ex.restored': 'Your last code for this exercise was restored.',
  'ex.explanation': 'Why this works',
  'ex.difficulty.beginner': 'Beginner',
  'ex.difficulty.intermediate': 'Intermediate',
  'ex.difficulty.advanced': 'Advanced',
  'ex.objective': 'You will',
  'ex.hidden.summary': 'Plus {count} hidden tests (worth {weight} points) that run only on the server.',
  'ex.go.needs': 'This exercise needs Go {need} or later; this runner has Go {have}.',
} as const;

export type ExerciseKey = keyof typeof en;

const zhCN: Record<ExerciseKey, string> = {
  'ex.check': '检查',
  'ex.check.title': '在服务器上用隐藏测试和竞态检测器为你的代码评分',
  'ex.checking': '正在用隐藏测试检查…',
  'ex.queued': '正在等待检查器：排在第 {position} 位。',
  'ex.busy': '检查器都在忙，或者本标签页已有运行在排队。请在 {seconds} 秒后重试。',
  'ex.invalidMessage':
    '检查已停止：运行器发来了本页面无法读取的消息。请刷新页面；如果再次出现，说明站点与运行器的版本不一致。',
  'ex.hint.next': '显示提示（还剩 {left} 条）',
  'ex.hint.none': '没有更多提示了',
  'ex.hint.title': '提示 {n}',
  'ex.solution': '查看答案',
  'ex.solution.locked': '至少尝试一次之后才能查看答案。',
  'ex.solution.confirm': '用参考答案替换你的代码？你之前的尝试记录会保留。',
  'ex.solution.shown': '参考答案已放入编辑器。点击“检查”看看它如何通过。',
  'ex.score': '得分：{score} / {max}',
  'ex.passed': '通过——包括隐藏测试在内的所有测试，在开启竞态检测器的情况下全部通过。',
  'ex.failed': '还没完成：{total} 个测试中有 {failing} 个未通过。',
  'ex.error': '评分程序无法完成评分：{message}',
  'ex.unreachable': '无法连接到运行器（`npm start` 是否在运行？）',
  'ex.test.hidden': '隐藏测试',
  'ex.test.pass': '通过',
  'ex.test.fail': '失败',
  'ex.test.skip': '跳过',
  'ex.test.timeout': '未完成',
  'ex.test.missing': '未运行',
  'ex.test.race': '该测试运行期间发生数据竞争',
  'ex.results': '结果',
  'ex.attempts': '尝试次数：{n}',
  'ex.best': '最高得分：{score} / {max}',
  'ex.restored': '已恢复你上次在这道练习中的代码。',
  'ex.explanation': '为什么这样是对的',
  'ex.difficulty.beginner': '入门',
  'ex.difficulty.intermediate': '进阶',
  'ex.difficulty.advanced': '高级',
  'ex.objective': '你将会',
  'ex.hidden.summary': '另有 {count} 个只在服务器上运行的隐藏测试（共 {weight} 分）。',
  'ex.go.needs': '此练习需要 Go {need} 或更高版本；此运行器的 Go 是 {have}。',
};

export const EXERCISE_STRINGS: Record<Locale, Record<ExerciseKey, string>> = { en, 'zh-cn': zhCN };
