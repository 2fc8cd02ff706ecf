/**
 * UI strings of the playground island (run, verdicts, summaries), in every locale. Starlight
 * translates its chrome; these are ours. Looked up through components/i18n/t.ts; a missing key in a
 * locale is a TypeScript error and fails tests/unit/ui-strings.test.ts.
 * N.B. IMPORTED BY BROWSER CODE. Keep it small and free of Node APIs.
 */
import type { Locale } from '../locale.ts';

const en = {
  'pg.run': 'Run',
  'pg.run.title': 'Run the program with the race detector (Ctrl+Enter)',
  'pg.test': 'Test',
  'pg.test.title': 'Run go test (Ctrl+Shift+Enter)',
  'pg.stop': 'Stop',
  'pg.format': 'Format',
  'pg.vet': 'Vet',
  'pg.race': 'Race detector',
  'pg.reset': 'Reset',
  'pg.reset.confirm': 'Replace your edits with the lesson’s code?',
  'pg.copy': 'Copy',
  'pg.copied': 'Copied',
  'pg.share': 'Share',
  'pg.shared': 'Link copied: {url}',
  'pg.open': 'Open in playground',
  'pg.files': 'Files',
  'pg.editor.label': 'Go source: {file}',
  'pg.editor.hint':
    'In the editor, Tab inserts a tab. Press Ctrl+M (Cmd+M on macOS) to make Tab move focus instead; press Ctrl+Enter to run.',
  'pg.editor.loading': 'Loading the editor…',
  'pg.terminal.label': 'Program output',
  'pg.status.idle': 'Ready',
  'pg.status.connecting': 'Connecting…',
  'pg.status.queued': 'Waiting in line (position {position})',
  'pg.status.starting': 'Starting…',
  'pg.status.building': 'Building with -race…',
  'pg.status.building.norace': 'Building…',
  'pg.status.running': 'Running…',
  'pg.status.elapsed': '{seconds} s',
  'pg.status.stopped': 'Stopped',
  'pg.status.done': 'Finished in {seconds} s',
  'pg.verdict.ok': 'OK',
  'pg.verdict.compile_error': 'Does not compile',
  'pg.verdict.race': 'Data race',
  'pg.verdict.deadlock': 'Deadlock',
  'pg.verdict.concurrent_map': 'Concurrent map access',
  'pg.verdict.panic': 'Panic',
  'pg.verdict.test_failed': 'Tests failed',
  'pg.verdict.exit_error': 'Exited with an error',
  'pg.verdict.timeout': 'Time limit',
  'pg.verdict.memory_limit': 'Memory limit',
  'pg.verdict.output_limit': 'Output limit',
  'pg.verdict.vet_findings': 'Vet findings',
  'pg.explain.compile_error': 'The Go compiler rejected the program. The marked lines show where.',
  'pg.verdict.refused': 'Not run',
  'pg.refused.not_main_package':
    'There is nothing to run: no file here is package main, and a program starts at func main in package main. This is a package to test: press Test.',
  'pg.refused.cgo_refused':
    'This playground does not run cgo: remove import "C". The race detector still works; it needs no cgo in your code.',
  'pg.explain.race':
    'Two goroutines accessed the same memory at the same time and at least one access was a write, with nothing ordering them. The race detector saw it happen; the two accesses are marked in the code.',
  'pg.explain.deadlock':
    'Every goroutine is blocked waiting for something only another blocked goroutine could provide, so the program can never continue. The blocked goroutines and their lines are listed below.',
  'pg.explain.deadlock.main_goexit':
    'main called runtime.Goexit, which ends main’s goroutine without returning from main. From then on the program could only go on in its other goroutines, and none of them could run: they had all finished, or are blocked for good. So the program could never end. The runtime.Goexit call is marked in the code; let main return instead, after waiting for the goroutines it needs (for example with a sync.WaitGroup).',
  'pg.explain.concurrent_map':
    'The Go runtime stopped the program because a map was written while another goroutine was reading or writing it. Built-in maps are not safe for concurrent use; protect them with a mutex or use sync.Map where it fits.',
  'pg.explain.panic': 'The program panicked. The message and the goroutine’s stack show where.',
  'pg.explain.timeout':
    'The program was still running when its time ran out, so the sandbox stopped it. A loop that never ends, or waiting for something that never comes, are the usual causes.',
  'pg.explain.memory_limit':
    'The program used more memory than the sandbox allows (programs built with -race need several times more than usual).',
  'pg.explain.output_limit':
    'The program printed more than the sandbox keeps; the output was cut where the limit was reached.',
  'pg.explain.test_failed': 'Some tests failed. Each failing test and its message is listed below.',
  'pg.explain.exit_error': 'The program ended with a non-zero exit status.',
  'pg.explain.vet_findings': 'go vet reported likely mistakes; they are marked in the code.',
  'pg.explain.more': 'Read more in the lesson',
  'pg.race.title': 'Data race {n}',
  'pg.race.access': '{op} by goroutine {goroutine}',
  'pg.race.previous': 'Previous {op} by goroutine {goroutine}',
  'pg.race.created': 'Goroutine {id} created at',
  'pg.race.more': '{n} more race reports are in the output above.',
  'pg.race.hover': '{op} by goroutine {goroutine} — {otherOp} by goroutine {otherGoroutine}',
  'pg.op.read': 'read',
  'pg.op.write': 'write',
  'pg.op.Read': 'Read',
  'pg.op.Write': 'Write',
  'pg.goroutines.title': 'Blocked goroutines',
  'pg.goroutine': 'Goroutine {id}: {state}',
  'pg.goexit.title': 'Where main called runtime.Goexit',
  'pg.goexit.hover': 'main called runtime.Goexit here: its goroutine ended without main returning',
  'pg.tests.title': 'Tests',
  'pg.test.pass': 'passed',
  'pg.test.fail': 'failed',
  'pg.test.skip': 'skipped',
  'pg.test.timeout': 'did not finish',
  'pg.test.race': 'race',
  'pg.jump': 'Go to {file}:{line}',
  'pg.unavailable': 'The Go runner is not available: {reason}',
  'pg.unreachable':
    'Cannot reach the Go runner. Start it with `npm start` (it serves this site and the runner on http://localhost:4321).',
  'pg.invalidMessage':
    'The run was stopped: the runner sent a message this page cannot read. Reload the page; if it happens again, the site and the runner are of different versions.',
  'pg.busy': 'The runner is busy. Try again in {seconds} s.',
  'pg.error': 'The run failed: {message}',
  'pg.formatted': 'Formatted with gofmt.',
  'pg.share.restored': 'Opened code from a shared link.',
  'pg.example': 'Example',
  'pg.example.label': 'Choose an example',
  'pg.newfile': 'Add file',
  'pg.newfile.prompt': 'File name (ending in .go):',
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

export type PlaygroundKey = keyof typeof en;

const zhCN: Record<PlaygroundKey, string> = {
  'pg.run': '运行',
  'pg.run.title': '开启竞态检测器运行程序（Ctrl+Enter）',
  'pg.test': '测试',
  'pg.test.title': '运行 go test（Ctrl+Shift+Enter）',
  'pg.stop': '停止',
  'pg.format': '格式化',
  'pg.vet': 'Vet 检查',
  'pg.race': '竞态检测器',
  'pg.reset': '重置',
  'pg.reset.confirm': '用课程中的原始代码替换你的修改？',
  'pg.copy': '复制',
  'pg.copied': '已复制',
  'pg.share': '分享',
  'pg.shared': '链接已复制：{url}',
  'pg.open': '在练习场中打开',
  'pg.files': '文件',
  'pg.editor.label': 'Go 源代码：{file}',
  'pg.editor.hint':
    '在编辑器中按 Tab 会插入制表符。按 Ctrl+M（macOS 上为 Cmd+M）可让 Tab 改为切换焦点；按 Ctrl+Enter 运行。',
  'pg.editor.loading': '正在加载编辑器…',
  'pg.terminal.label': '程序输出',
  'pg.status.idle': '就绪',
  'pg.status.connecting': '正在连接…',
  'pg.status.queued': '排队中（第 {position} 位）',
  'pg.status.starting': '正在启动…',
  'pg.status.building': '正在以 -race 构建…',
  'pg.status.building.norace': '正在构建…',
  'pg.status.running': '正在运行…',
  'pg.status.elapsed': '{seconds} 秒',
  'pg.status.stopped': '已停止',
  'pg.status.done': '用时 {seconds} 秒',
  'pg.verdict.ok': '成功',
  'pg.verdict.compile_error': '编译失败',
  'pg.verdict.race': '数据竞争',
  'pg.verdict.deadlock': '死锁',
  'pg.verdict.concurrent_map': 'map 并发访问',
  'pg.verdict.panic': 'panic',
  'pg.verdict.test_failed': '测试失败',
  'pg.verdict.exit_error': '以错误状态退出',
  'pg.verdict.timeout': '超出时间限制',
  'pg.verdict.memory_limit': '超出内存限制',
  'pg.verdict.output_limit': '超出输出限制',
  'pg.verdict.vet_findings': 'vet 发现问题',
  'pg.explain.compile_error': 'Go 编译器拒绝了这个程序，出错的位置已在代码中标出。',
  'pg.verdict.refused': '未运行',
  'pg.refused.not_main_package':
    '没有可运行的程序：这里没有一个文件属于 package main，而程序从 package main 的 func main 开始。这是一个需要测试的包：请点击“测试”。',
  'pg.refused.cgo_refused': '本练习场不运行 cgo：请删除 import "C"。竞态检测器照常工作，你的代码不需要 cgo。',
  'pg.explain.race':
    '两个 goroutine 在没有任何同步的情况下同时访问了同一块内存，且至少有一次是写操作。竞态检测器在运行中捕获到了这一点，两次访问已在代码中标出。',
  'pg.explain.deadlock':
    '所有 goroutine 都在等待只有其他被阻塞的 goroutine 才能提供的东西，程序永远无法继续。下面列出了被阻塞的 goroutine 及其所在行。',
  'pg.explain.deadlock.main_goexit':
    'main 调用了 runtime.Goexit：它结束了 main 所在的 goroutine，但 main 函数并没有返回。此后程序只能依靠其他 goroutine 继续运行，而它们都无法运行：要么已经结束，要么永远阻塞。因此程序永远无法结束。代码中已标出调用 runtime.Goexit 的位置；请让 main 正常返回，并在返回前等待它需要的 goroutine（例如使用 sync.WaitGroup）。',
  'pg.explain.concurrent_map':
    'Go 运行时终止了程序：一个 goroutine 在写 map 的同时，另一个 goroutine 正在读或写它。内置 map 不支持并发使用，请用互斥锁保护，或在合适的场景使用 sync.Map。',
  'pg.explain.panic': '程序发生了 panic。错误信息和 goroutine 的调用栈指出了位置。',
  'pg.explain.timeout':
    '时间用完时程序仍在运行，沙箱终止了它。常见原因是永不结束的循环，或等待一个永远不会到来的事件。',
  'pg.explain.memory_limit': '程序使用的内存超过了沙箱的上限（以 -race 构建的程序需要比平时多数倍的内存）。',
  'pg.explain.output_limit': '程序输出超过了沙箱保留的上限，输出在达到上限处被截断。',
  'pg.explain.test_failed': '部分测试失败。下面列出了每个失败的测试及其信息。',
  'pg.explain.exit_error': '程序以非零状态退出。',
  'pg.explain.vet_findings': 'go vet 报告了可能的错误，已在代码中标出。',
  'pg.explain.more': '在课程中阅读详情',
  'pg.race.title': '数据竞争 {n}',
  'pg.race.access': 'goroutine {goroutine} 的{op}',
  'pg.race.previous': '此前 goroutine {goroutine} 的{op}',
  'pg.race.created': 'goroutine {id} 的创建位置',
  'pg.race.more': '另有 {n} 份竞态报告，见上方输出。',
  'pg.race.hover': 'goroutine {goroutine} 的{op} — goroutine {otherGoroutine} 的{otherOp}',
  'pg.op.read': '读',
  'pg.op.write': '写',
  'pg.op.Read': '读',
  'pg.op.Write': '写',
  'pg.goroutines.title': '被阻塞的 goroutine',
  'pg.goroutine': 'goroutine {id}：{state}',
  'pg.goexit.title': 'main 调用 runtime.Goexit 的位置',
  'pg.goexit.hover': 'main 在这里调用了 runtime.Goexit：它的 goroutine 结束了，但 main 函数没有返回',
  'pg.tests.title': '测试',
  'pg.test.pass': '通过',
  'pg.test.fail': '失败',
  'pg.test.skip': '跳过',
  'pg.test.timeout': '未完成',
  'pg.test.race': '数据竞争',
  'pg.jump': '跳转到 {file}:{line}',
  'pg.unavailable': 'Go 运行器不可用：{reason}',
  'pg.unreachable':
    '无法连接 Go 运行器。请用 `npm start` 启动它（它会在 http://localhost:4321 同时提供本站点和运行器）。',
  'pg.invalidMessage':
    '运行已停止：运行器发来了本页面无法读取的消息。请刷新页面；如果再次出现，说明站点与运行器的版本不一致。',
  'pg.busy': '运行器繁忙，请在 {seconds} 秒后重试。',
  'pg.error': '运行失败：{message}',
  'pg.formatted': '已用 gofmt 格式化。',
  'pg.share.restored': '已打开分享链接中的代码。',
  'pg.example': '示例',
  'pg.example.label': '选择一个示例',
  'pg.newfile': '添加文件',
  'pg.newfile.prompt': '文件名（以 .go 结尾）：',
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

export const PLAYGROUND_STRINGS: Record<Locale, Record<PlaygroundKey, string>> = { en, 'zh-cn': zhCN };
