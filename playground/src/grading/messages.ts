/**
 * Pure: every grading text a learner can read (per-test notes, the grade's summary), in every
 * locale; refusals of submitted files are error codes, worded by components/i18n/error-text.ts.
 * The Chinese table must have every English key, and each of its texts must keep the English
 * {placeholders}: both are TypeScript errors otherwise (tests/unit/ui-strings.test.ts and
 * messages.test.ts check the same at run time).
 * Texts that come from the run (RunResult.message) are filled in as they are.
 */
import type { Locale } from '../../../contract/grade.ts';
import { fill } from '../../../contract/template.ts';

const en = {
  // Why a test that started did not pass.
  'test.race': 'A data race was reported while this test ran (see the race report).',
  'test.skipped': 'Skipped.',
  'test.skippedWith': 'Skipped: {lines}',
  'test.noMessage': 'The test failed without a message.',
  'test.neverFinished': 'Never finished. {why}',
  'test.neverFinishedAt': 'Never finished. Waiting in your code: {places}. {why}',
  'test.stopped': 'Stopped while running. {why}',
  'test.runnerStopped': 'the runner stopped the test binary',
  'blocked.at': '{file}:{line} in {func} ({state})',
  // Why a graded test never ran.
  'missing.notRun': 'Not run. {reason}',
  'missing.noCompile': 'The code did not compile.',
  'missing.noSuchTest': 'Not run: the package has no test of this name (the exercise is misconfigured).',
  'missing.stopped': 'Not run: the test binary stopped before reaching it ({status}).',
  // The grade's one-line summary.
  'summary.pass': 'All {n} tests pass.',
  'summary.passRace': 'All {n} tests pass with the race detector on.',
  'summary.error':
    'This exercise could not be graded: {tests} did not run although the tests finished. Please report it.',
  'summary.statusNotOk': 'Every test passed, but the run ended with status {status}.',
  'summary.failed': '{failed} of {n} tests did not pass.',
  // The binary ended before the grader's end test (end-test.ts).
  'end.unverified':
    'No points: the test binary ended before its last test, so the results it printed cannot be trusted. Fix the crash first; if your code exits the process (os.Exit, syscall.Exit) or prints lines that look like test results, remove that.',
  'end.notCounted':
    'Not counted: the test binary ended before its last test, so the results it printed cannot be trusted (a crash, os.Exit, or printed lines that look like test results).',
  // Output the grader rewrote (redact.ts).
  redacted: '[hidden test source removed]',
  // Punctuation differs between the languages, so joins are texts too.
  'join.sentences': '{first} {second}',
  'list.separator': ', ',
  'list.places': '; ',
} as const;

export type GradingKey = keyof typeof en;

/** The {names} in a template. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A string that contains each of the names as {name} (no placeholders: any string). */
type WithPlaceholders<Names extends string> = [Names] extends [never]
  ? string
  : Intersect<Names extends string ? `${string}{${Names}}${string}` : never>;

/** The parameters a key takes: none, or one value per placeholder. */
export type GradingParams<K extends GradingKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof en)[K]>, string | number>];

const zhCN: { readonly [K in GradingKey]: WithPlaceholders<Placeholders<(typeof en)[K]>> } = {
  'test.race': '这个测试运行期间报告了数据竞争（见竞态报告）。',
  'test.skipped': '已跳过。',
  'test.skippedWith': '已跳过：{lines}',
  'test.noMessage': '测试失败了，但没有输出任何信息。',
  'test.neverFinished': '测试没有运行完。{why}',
  'test.neverFinishedAt': '测试没有运行完。卡在你的代码中：{places}。{why}',
  'test.stopped': '运行中被中止。{why}',
  'test.runnerStopped': '运行器中止了测试二进制。',
  'blocked.at': '{file}:{line} 处的 {func}（{state}）',
  'missing.notRun': '未运行。{reason}',
  'missing.noCompile': '代码未能通过编译。',
  'missing.noSuchTest': '未运行：包中没有这个名字的测试（练习的配置有误）。',
  'missing.stopped': '未运行：测试二进制在运行到这个测试之前就停止了（{status}）。',
  'summary.pass': '全部 {n} 个测试通过。',
  'summary.passRace': '在开启竞态检测器的情况下，全部 {n} 个测试通过。',
  'summary.error': '这个练习无法评分：测试已经结束，{tests} 却没有运行。请报告这个问题。',
  'summary.statusNotOk': '所有测试都通过了，但这次运行以状态 {status} 结束。',
  'summary.failed': '{n} 个测试中有 {failed} 个未通过。',
  'end.unverified':
    '不得分：测试二进制在运行到最后一个测试之前就结束了，因此它打印的结果不可信。请先修复崩溃；如果你的代码会退出进程（os.Exit、syscall.Exit），或者会打印看起来像测试结果的内容，请把这些代码删掉。',
  'end.notCounted':
    '不计分：测试二进制在运行到最后一个测试之前就结束了，因此它打印的结果不可信（原因可能是崩溃、os.Exit，或者打印了看起来像测试结果的内容）。',
  redacted: '[已移除隐藏测试的源码]',
  'join.sentences': '{first}{second}',
  'list.separator': '、',
  'list.places': '；',
};

export const GRADING_MESSAGES: Readonly<Record<Locale, Readonly<Record<GradingKey, string>>>> = {
  en,
  'zh-cn': zhCN,
};

/** Returns the text of key in locale with its {placeholders} filled in. */
export function gradingText<K extends GradingKey>(
  locale: Locale,
  key: K,
  ...params: GradingParams<K>
): string {
  return fill(GRADING_MESSAGES[locale][key], params[0]);
}

/** Returns gradingText bound to one locale. */
export function textIn(locale: Locale) {
  return <K extends GradingKey>(key: K, ...params: GradingParams<K>): string =>
    gradingText(locale, key, ...params);
}

export type GradingText = ReturnType<typeof textIn>;
