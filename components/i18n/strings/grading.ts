/**
 * UI strings of a grade (the exercise's Check, a lab's gradebook and student views): why each test
 * did not pass and the verdict's summary, worded from the codes of contract/grade.ts by
 * components/i18n/grade-texts.ts. Typed as a Translation, so a Chinese text that drops an English
 * {placeholder} is a TypeScript error. The run's own summary ({why}) is worded by run-texts.ts.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */
import type { Locale } from '../locale.ts';
import type { Translation } from '../placeholders.ts';

const en = {
  // Why a test that started did not pass (GradeNote codes).
  'grade.note.race': 'A data race was reported while this test ran (see the race report).',
  'grade.note.noMessage': 'The test failed without a message.',
  'grade.note.skipped': 'Skipped.',
  'grade.note.skippedWith': 'Skipped: {lines}',
  'grade.note.neverFinished': 'Never finished. {why}',
  'grade.note.neverFinishedAt': 'Never finished. Waiting in your code: {places}. {why}',
  'grade.note.stopped': 'Stopped while running. {why}',
  'grade.note.notCounted':
    'Not counted: the test binary ended before its last test, so the results it printed cannot be trusted (a crash, os.Exit, or printed lines that look like test results).',
  // Why a graded test never ran.
  'grade.note.notRun.compile': 'Not run. {why}',
  'grade.note.notRun.noSuchTest':
    'Not run: the package has no test of this name (the exercise is misconfigured).',
  'grade.note.notRun.stopped': 'Not run: the test binary stopped before reaching it ({status}).',
  // A {why} when the run has no summary of its own.
  'grade.why.runnerStopped': 'The runner stopped the test binary.',
  'grade.why.noCompile': 'The code did not compile.',
  'grade.blocked.at': '{file}:{line} in {func} ({state})',
  // The grade's summary (GradeSummary codes).
  'grade.summary.pass': 'All {n} tests pass.',
  'grade.summary.passRace': 'All {n} tests pass with the race detector on.',
  'grade.summary.error':
    'This exercise could not be graded: {tests} did not run although the tests finished. Please report it.',
  'grade.summary.statusNotOk': 'Every test passed, but the run did not end cleanly: {status}.',
  'grade.summary.failed': '{failed} of {n} tests did not pass.',
  'grade.summary.unverified':
    'No points: the test binary ended before its last test, so the results it printed cannot be trusted. Fix the crash first; if your code exits the process (os.Exit, syscall.Exit) or prints lines that look like test results, remove that.',
  // What stands where the grader removed hidden test source from output (HIDDEN_SOURCE_MARK).
  'grade.hiddenSource': '[hidden test source removed]',
  // Punctuation differs between the languages, so joins are texts too.
  'grade.join.sentences': '{first} {second}',
  'grade.list.separator': ', ',
  'grade.list.places': '; ',
} as const;

export type GradingKey = keyof typeof en;

const zhCN: Translation<typeof en> = {
  'grade.note.race': '这个测试运行期间报告了数据竞争（见竞态报告）。',
  'grade.note.noMessage': '测试失败了，但没有输出任何信息。',
  'grade.note.skipped': '已跳过。',
  'grade.note.skippedWith': '已跳过：{lines}',
  'grade.note.neverFinished': '测试没有运行完。{why}',
  'grade.note.neverFinishedAt': '测试没有运行完。卡在你的代码中：{places}。{why}',
  'grade.note.stopped': '运行中被中止。{why}',
  'grade.note.notCounted':
    '不计分：测试二进制在运行到最后一个测试之前就结束了，因此它打印的结果不可信（原因可能是崩溃、os.Exit，或者打印了看起来像测试结果的内容）。',
  'grade.note.notRun.compile': '未运行。{why}',
  'grade.note.notRun.noSuchTest': '未运行：包中没有这个名字的测试（练习的配置有误）。',
  'grade.note.notRun.stopped': '未运行：测试二进制在运行到这个测试之前就停止了（{status}）。',
  'grade.why.runnerStopped': '运行器中止了测试二进制。',
  'grade.why.noCompile': '代码未能通过编译。',
  'grade.blocked.at': '{file}:{line} 处的 {func}（{state}）',
  'grade.summary.pass': '全部 {n} 个测试通过。',
  'grade.summary.passRace': '在开启竞态检测器的情况下，全部 {n} 个测试通过。',
  'grade.summary.error': '这个练习无法评分：测试已经结束，{tests} 却没有运行。请报告这个问题。',
  'grade.summary.statusNotOk': '所有测试都通过了，但这次运行没有正常结束：{status}。',
  'grade.summary.failed': '{n} 个测试中有 {failed} 个未通过。',
  'grade.summary.unverified':
    '不得分：测试二进制在运行到最后一个测试之前就结束了，因此它打印的结果不可信。请先修复崩溃；如果你的代码会退出进程（os.Exit、syscall.Exit），或者会打印看起来像测试结果的内容，请把这些代码删掉。',
  'grade.hiddenSource': '[已移除隐藏测试的源码]',
  'grade.join.sentences': '{first}{second}',
  'grade.list.separator': '、',
  'grade.list.places': '；',
};

export const GRADING_STRINGS: Record<Locale, Record<GradingKey, string>> = { en, 'zh-cn': zhCN };
