/**
 * UI strings of the visualizer's clock and CPU controls (the learner's ticks, GOMAXPROCS and idle Ps,
 * what runtime_canSpin decides) and of hints that cost the star, in every locale; spread into the
 * visualizer's table in visualizer.ts. N.B. IMPORTED BY BROWSER CODE.
 */

export const CLOCK_EN = {
  'viz.clock.group': 'Time and CPUs',
  'viz.clock.title': 'Move the clock',
  'viz.clock.plus': '+{amount}',
  'viz.clock.plusTick': '+{amount} (one tick)',
  'viz.clock.now': 'Clock {now} ns: {elapsed} passed, {left} of the {limit} this level allows still to go.',
  'viz.clock.why':
    'A tick is a move like a goroutine’s. Time matters once a goroutine has queued: a woken waiter compares now − waitStartTime with starvationThresholdNs = 1 ms (lockSlow, internal/sync/mutex.go).',
  'viz.clock.nobody': 'No goroutine has queued, so time passing changes nothing yet.',
  'viz.clock.spent': 'The time this level allows has passed.',
  'viz.clock.stuck': 'Nothing can run, so time passing changes nothing.',
  'viz.unit.ms': '{n} ms',
  'viz.unit.us': '{n} µs',
  'viz.unit.ns': '{n} ns',
  'viz.spin.title': 'CPUs for this run',
  'viz.spin.procs': 'GOMAXPROCS',
  'viz.spin.idle': 'The other Ps are idle',
  'viz.spin.restart': 'Changing these restarts the run from the first move.',
  'viz.spin.changed': 'GOMAXPROCS = {procs}, {others}. The run restarts.',
  'viz.spin.othersIdle': 'the other Ps idle',
  'viz.spin.othersBusy': 'another P running',
  'viz.spin.oneP': 'no other P',
  'viz.spin.yes':
    'runtime_canSpin says yes: numCPUStartup {cpus} > 1, GOMAXPROCS {procs} > npidle {idle} + nmspinning {spinning} + 1, and the local run queue is empty. A goroutine in lockSlow that finds the mutex locked in normal mode spins up to active_spin = 4 times before it queues.',
  'viz.spin.noCpus':
    'runtime_canSpin says no: numCPUStartup is {cpus}, one CPU at start-up. A goroutine in lockSlow queues without spinning.',
  'viz.spin.noProcs':
    'runtime_canSpin says no: GOMAXPROCS {procs} ≤ npidle {idle} + nmspinning {spinning} + 1, so no other P is running. A goroutine in lockSlow queues without spinning.',
  'viz.spin.noRunq':
    'runtime_canSpin says no: this P has goroutines in its local run queue. A goroutine in lockSlow queues without spinning.',
  'viz.spin.source':
    'From internal_sync_runtime_canSpin in runtime/proc.go and active_spin in runtime/lock_spinbit.go, Go 1.26; since Go 1.25 it tests numCPUStartup, the CPU count read at start-up (Go 1.24 tests ncpu there).',
  'viz.level.hintCost': 'Using a hint gives up the star ★ for this level.',
  'viz.level.hintUsed': 'You have seen {n} hint(s) for this level: a win here no longer earns the star.',
  'viz.level.wonParHinted': 'You broke it in {moves} moves, at par, but after a hint: no star.',
  'viz.level.solvedHinted': 'Solved before, after a hint.',
};

export const CLOCK_ZH: Record<keyof typeof CLOCK_EN, string> = {
  'viz.clock.group': '时间与 CPU',
  'viz.clock.title': '推进时钟',
  'viz.clock.plus': '+{amount}',
  'viz.clock.plusTick': '+{amount}（一个刻度）',
  'viz.clock.now': '时钟 {now} ns：已过去 {elapsed}，本关允许的 {limit} 中还剩 {left}。',
  'viz.clock.why':
    '推进时钟和让 goroutine 走一步一样，都算一步。只有在某个 goroutine 排队之后时间才有意义：被唤醒的等待者会把 now − waitStartTime 与 starvationThresholdNs = 1 毫秒比较（internal/sync/mutex.go 中的 lockSlow）。',
  'viz.clock.nobody': '还没有 goroutine 排队，所以时间流逝暂时不会改变任何东西。',
  'viz.clock.spent': '本关允许的时间已经用完。',
  'viz.clock.stuck': '没有任何 goroutine 能运行，时间流逝不会改变任何东西。',
  'viz.unit.ms': '{n} 毫秒',
  'viz.unit.us': '{n} 微秒',
  'viz.unit.ns': '{n} 纳秒',
  'viz.spin.title': '本次运行的 CPU',
  'viz.spin.procs': 'GOMAXPROCS',
  'viz.spin.idle': '其他 P 都空闲',
  'viz.spin.restart': '修改这些设置会让运行从第一步重新开始。',
  'viz.spin.changed': 'GOMAXPROCS = {procs}，{others}。运行重新开始。',
  'viz.spin.othersIdle': '其他 P 空闲',
  'viz.spin.othersBusy': '另有一个 P 在运行',
  'viz.spin.oneP': '没有其他 P',
  'viz.spin.yes':
    'runtime_canSpin 的结论是可以自旋：numCPUStartup {cpus} > 1，GOMAXPROCS {procs} > npidle {idle} + nmspinning {spinning} + 1，且本地运行队列为空。在正常模式下发现锁已被持有的 lockSlow 中的 goroutine 最多自旋 active_spin = 4 次，然后才排队。',
  'viz.spin.noCpus':
    'runtime_canSpin 的结论是不能自旋：numCPUStartup 为 {cpus}，启动时只有一个 CPU。lockSlow 中的 goroutine 不自旋，直接排队。',
  'viz.spin.noProcs':
    'runtime_canSpin 的结论是不能自旋：GOMAXPROCS {procs} ≤ npidle {idle} + nmspinning {spinning} + 1，没有其他正在运行的 P。lockSlow 中的 goroutine 不自旋，直接排队。',
  'viz.spin.noRunq':
    'runtime_canSpin 的结论是不能自旋：本 P 的本地运行队列中还有 goroutine。lockSlow 中的 goroutine 不自旋，直接排队。',
  'viz.spin.source':
    '依据 Go 1.26 runtime/proc.go 中的 internal_sync_runtime_canSpin 和 runtime/lock_spinbit.go 中的 active_spin；自 Go 1.25 起这里检查启动时读取的 CPU 数 numCPUStartup（Go 1.24 检查 ncpu）。',
  'viz.level.hintCost': '使用提示将放弃本关的星标 ★。',
  'viz.level.hintUsed': '你已查看本关的 {n} 条提示：之后在这里获胜不再获得星标。',
  'viz.level.wonParHinted': '你用 {moves} 步把程序弄坏了，达到标准步数，但用过提示：没有星标。',
  'viz.level.solvedHinted': '之前已解决，用过提示。',
};
