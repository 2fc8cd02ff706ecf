/**
 * The playground area's words for a run's summary codes (RunResult.summary, worded by
 * components/i18n/run-texts.ts) and for a program the sandbox stopped (RunResult.stop), kept apart
 * from the toolbar's and the editor's words only for size; playground.ts spreads them into its
 * table, so they are looked up with t() like every other playground key.
 * N.B. IMPORTED BY BROWSER CODE. Keep it free of Node APIs.
 */

export const RUN_SUMMARIES_EN = {
  'pg.summary.compile.refused': 'The code was not run: the runner refuses it (found in {files}).',
  'pg.summary.compile.errors': 'The code did not compile. Compiler errors: {count}.',
  'pg.summary.compile.failed': 'The code did not compile.',
  'pg.summary.compile.failed.detail': 'The code did not compile: {detail}',
  'pg.summary.memory_limit': 'The program used more memory than the sandbox allows and was stopped.',
  'pg.summary.output_limit':
    'The program printed more output than the sandbox allows; the output was cut and the program stopped.',
  'pg.summary.concurrent_map.writes':
    'fatal error: {value}: two goroutines wrote to the same map at the same time without synchronization, so the Go runtime stopped the program.',
  'pg.summary.concurrent_map.read_write':
    'fatal error: {value}: one goroutine read a map while another wrote to it without synchronization, so the Go runtime stopped the program.',
  'pg.summary.concurrent_map.iteration_write':
    'fatal error: {value}: one goroutine ranged over a map while another wrote to it without synchronization, so the Go runtime stopped the program.',
  'pg.summary.concurrent_map.clone_write':
    'fatal error: {value}: one goroutine cloned a map while another wrote to it without synchronization, so the Go runtime stopped the program.',
  'pg.summary.concurrent_map.other':
    'fatal error: {value}: goroutines used the same map at the same time without synchronization, so the Go runtime stopped the program.',
  'pg.summary.deadlock.blocked':
    'Deadlock: every goroutine is asleep, each waiting for another (blocked goroutines: {count}).',
  'pg.summary.deadlock.goexit':
    'Deadlock: main called runtime.Goexit ({at}), so the program could only go on in other goroutines, and none was left to run.',
  'pg.summary.deadlock.goexit.blocked':
    'Deadlock: main called runtime.Goexit ({at}), so the program could only go on in other goroutines, and every one left is blocked (blocked goroutines: {count}).',
  'pg.summary.race.one':
    'Data race detected: {goroutines} goroutines accessed the same memory without synchronization.',
  'pg.summary.race.many':
    'Data races detected: {races}. Goroutines accessed the same memory without synchronization ({goroutines} goroutines involved).',
  'pg.summary.panic': 'The program panicked: {value}.',
  'pg.summary.panic.at': 'The program panicked: {value} ({at}).',
  'pg.summary.fatal': 'Fatal error: {value}.',
  'pg.summary.fatal.at': 'Fatal error: {value} ({at}).',
  'pg.summary.timeout.tests': 'The tests did not finish within {after}.',
  'pg.summary.timeout.tests.running': 'The tests did not finish within {after}; still running: {names}.',
  'pg.summary.timeout.stalled': 'The program stopped making progress and was stopped.',
  'pg.summary.timeout.limit': 'The program ran longer than the time limit and was stopped.',
  'pg.summary.test_failed': 'Tests failed: {failed} of {total} ({names}).',
  'pg.summary.vet_findings': 'go vet reported problems: {count}.',
  'pg.summary.exit_error': 'The program exited with status {code}.',
  'pg.stop.deadlock':
    '(found by Lockstep: the program stopped making progress with every goroutine blocked. Go reports this itself only in builds without -race; see golang/go#20588.)',
  'pg.stop.deadlock_no_goroutines':
    '(found by Lockstep: main called runtime.Goexit and no goroutine of the program was left. Go reports this itself only in builds without -race; see golang/go#20588.)',
  'pg.stop.stopped': '[stopped by the sandbox: goroutines at that moment]',
} as const;

export type RunSummaryKey = keyof typeof RUN_SUMMARIES_EN;

export const RUN_SUMMARIES_ZH_CN: Record<RunSummaryKey, string> = {
  'pg.summary.compile.refused': '代码没有运行：运行器拒绝运行它（见 {files}）。',
  'pg.summary.compile.errors': '代码没有通过编译，编译错误 {count} 处。',
  'pg.summary.compile.failed': '代码没有通过编译。',
  'pg.summary.compile.failed.detail': '代码没有通过编译：{detail}',
  'pg.summary.memory_limit': '程序使用的内存超过了沙箱的上限，已被终止。',
  'pg.summary.output_limit': '程序的输出超过了沙箱的上限；输出已被截断，程序已被终止。',
  'pg.summary.concurrent_map.writes':
    'fatal error: {value}：两个 goroutine 在没有同步的情况下同时写同一个 map，Go 运行时因此终止了程序。',
  'pg.summary.concurrent_map.read_write':
    'fatal error: {value}：一个 goroutine 在读 map 的同时，另一个 goroutine 在没有同步的情况下写它，Go 运行时因此终止了程序。',
  'pg.summary.concurrent_map.iteration_write':
    'fatal error: {value}：一个 goroutine 在遍历 map 的同时，另一个 goroutine 在没有同步的情况下写它，Go 运行时因此终止了程序。',
  'pg.summary.concurrent_map.clone_write':
    'fatal error: {value}：一个 goroutine 在复制 map 的同时，另一个 goroutine 在没有同步的情况下写它，Go 运行时因此终止了程序。',
  'pg.summary.concurrent_map.other':
    'fatal error: {value}：多个 goroutine 在没有同步的情况下同时使用同一个 map，Go 运行时因此终止了程序。',
  'pg.summary.deadlock.blocked':
    '死锁：所有 goroutine 都在休眠，互相等待（被阻塞的 goroutine：{count} 个）。',
  'pg.summary.deadlock.goexit':
    '死锁：main 调用了 runtime.Goexit（{at}），程序只能依靠其他 goroutine 继续运行，而已经没有可运行的 goroutine。',
  'pg.summary.deadlock.goexit.blocked':
    '死锁：main 调用了 runtime.Goexit（{at}），程序只能依靠其他 goroutine 继续运行，而剩下的都被阻塞了（被阻塞的 goroutine：{count} 个）。',
  'pg.summary.race.one': '检测到数据竞争：{goroutines} 个 goroutine 在没有同步的情况下访问了同一块内存。',
  'pg.summary.race.many':
    '检测到 {races} 处数据竞争：多个 goroutine 在没有同步的情况下访问了同一块内存（涉及 {goroutines} 个 goroutine）。',
  'pg.summary.panic': '程序发生了 panic：{value}。',
  'pg.summary.panic.at': '程序发生了 panic：{value}（{at}）。',
  'pg.summary.fatal': '致命错误：{value}。',
  'pg.summary.fatal.at': '致命错误：{value}（{at}）。',
  'pg.summary.timeout.tests': '测试没有在 {after} 内完成。',
  'pg.summary.timeout.tests.running': '测试没有在 {after} 内完成；仍在运行：{names}。',
  'pg.summary.timeout.stalled': '程序不再有任何进展，已被终止。',
  'pg.summary.timeout.limit': '程序运行超过了时间限制，已被终止。',
  'pg.summary.test_failed': '测试失败：{total} 个中有 {failed} 个（{names}）。',
  'pg.summary.vet_findings': 'go vet 报告的问题：{count} 个。',
  'pg.summary.exit_error': '程序以状态 {code} 退出。',
  'pg.stop.deadlock':
    '（由 Lockstep 发现：程序不再有任何进展，所有 goroutine 都被阻塞。只有在不开启 -race 的构建中，Go 才会自己报告这一点；见 golang/go#20588。）',
  'pg.stop.deadlock_no_goroutines':
    '（由 Lockstep 发现：main 调用了 runtime.Goexit，程序已经没有任何 goroutine。只有在不开启 -race 的构建中，Go 才会自己报告这一点；见 golang/go#20588。）',
  'pg.stop.stopped': '[沙箱终止了程序：以下是当时的 goroutine]',
};
