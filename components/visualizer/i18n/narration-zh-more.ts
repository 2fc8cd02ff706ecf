/**
 * 简体中文 narration for the other models: counter++, map checks, WaitGroup, wait-for graph,
 * happens-before, false sharing, both sync.Map generations and the scheduler.
 */
import { n, s, type P, type Template } from './format.ts';

const lockLabel = (p: P): string => (p.mode === 'read' ? `${s(p.lock)}（读）` : s(p.lock));

/** Templates for every model except Mutex/RWMutex. */
export const MORE_ZH: Record<string, Template> = {
  'counter.lock.blocked': (p) => `${s(p.g)} 阻塞在 mu.Lock()：${s(p.holder)} 持有它。`,
  'counter.lock': (p) => `${s(p.g)} 锁住 mu。`,
  'counter.load': (p) => `${s(p.g)} 把 counter = ${s(p.value)} 载入自己的寄存器。`,
  'counter.add': (p) => `${s(p.g)} 在寄存器中加 1：${s(p.value)}。`,
  'counter.store.lost': (p) =>
    `${s(p.g)} 写回 ${s(p.value)}，覆盖了另一个 goroutine 的自增：一次更新丢失了。`,
  'counter.store': (p) => `${s(p.g)} 写回 counter = ${s(p.value)}。`,
  'counter.unlock': (p) => `${s(p.g)} 解锁 mu${p.woken ? `；${s(p.woken)} 可以再试` : ''}。`,
  'counter.atomic': (p) => `${s(p.g)} 执行 atomic.AddInt64(&counter, 1)：一步得到 counter = ${s(p.value)}。`,

  'map.fatal': (p) => `${s(p.g)} 看到 writing = ${s(p.writing)}：fatal error: ${s(p.message)}`,
  'map.write.check': (p) => `${s(p.g)} 开始写键 "${s(p.key)}"：writing 为 0，没有看到其他写者。`,
  'map.write.toggle': (p) => `${s(p.g)} 计算键的哈希并翻转 writing：现在为 ${s(p.writing)}。`,
  'map.write.insert': (p) => `${s(p.g)} 更新键 "${s(p.key)}" 所在的槽位。`,
  'map.write.done': (p) => `${s(p.g)} 写完，并把 writing 翻回 ${s(p.writing)}。`,
  'map.read.check': (p) => `${s(p.g)} 开始读 m["${s(p.key)}"]：writing 为 0。`,
  'map.read.done': (p) => `${s(p.g)} 读到 m["${s(p.key)}"] = ${p.value ? `"${s(p.value)}"` : '零值'}。`,
  'map.range.init': (p) => `${s(p.g)} 开始遍历 ${s(p.count)} 个条目。`,
  'map.range.next': (p) => `${s(p.g)} 访问键 "${s(p.key)}"。`,
  'map.range.done': (p) => `${s(p.g)} 遍历结束。`,

  'wg.panic': (p) => `${s(p.g)}：panic: ${s(p.message)}`,
  'wg.add': (p) =>
    `${s(p.g)}：${n(p.delta) === -1 ? 'Done()' : `Add(${s(p.delta)})`} → counter = ${s(p.counter)}，waiters = ${s(p.waiters)}。`,
  'wg.release': (p) =>
    `${s(p.g)}：计数器归零且有 ${s(p.waiters)} 个等待者：state 重置为 0，放行 ${s(p.waiters)} 个等待者。`,
  'wg.work': (p) => `${s(p.g)} 执行一步普通代码。`,
  'wg.wait.zero': (p) => `${s(p.g)}：Wait 看到 counter = 0，立即返回。`,
  'wg.wait.register': (p) =>
    `${s(p.g)}：Wait 看到 counter = ${s(p.counter)}，登记为第 ${s(p.waiters)} 个等待者。`,
  'wg.wait.park': (p) => `${s(p.g)} 休眠 [sync.WaitGroup.Wait]。`,
  'wg.wait.return': (p) => `${s(p.g)}：Wait 返回；每个 Done 之前发生的一切都 happens-before 这一点。`,

  'waitfor.acquire': (p) => `${s(p.g)} 获得 ${lockLabel(p)}。`,
  'waitfor.wait': (p) => `${s(p.g)} 等待 ${lockLabel(p)}。`,
  'waitfor.release': (p) => `${s(p.g)} 释放 ${lockLabel(p)}。`,
  'waitfor.cycle': (p) => `等待环：${s(p.goroutines).split(',').join(' → ')}。`,

  'hb.release': (p) => `${s(p.g)} 释放 ${s(p.sync)}：${s(p.sync)} 现在携带 ${s(p.g)} 的向量时钟。`,
  'hb.acquire': (p) => `${s(p.g)} 获取 ${s(p.sync)}：它的时钟与 ${s(p.sync)} 携带的时钟合并。`,
  'hb.go': (p) =>
    `${s(p.parent)} 启动 ${s(p.child)}；${s(p.parent)} 此前做的一切都 happens-before ${s(p.child)} 开始运行。`,
  'hb.read': (p) => `${s(p.g)} 读取 ${s(p.variable)}。`,
  'hb.write': (p) => `${s(p.g)} 写入 ${s(p.variable)}。`,
  'hb.race': (p) =>
    `${s(p.variable)} 上的数据竞争（DATA RACE）：${s(p.previous)} 的访问与 ${s(p.current)} 的访问之间没有 happens-before 顺序。`,

  'fs.read.hit': (p) => `核心 ${s(p.core)} 从自己的第 ${s(p.line)} 行副本读取 ${s(p.variable)}。`,
  'fs.read.miss': (p) =>
    `核心 ${s(p.core)} 在第 ${s(p.line)} 行未命中${n(p.from) >= 0 ? `；核心 ${s(p.from)} 发来它修改过的副本` : ''}。`,
  'fs.write.hit': (p) => `核心 ${s(p.core)} 写 ${s(p.variable)}：它已经独占第 ${s(p.line)} 行。`,
  'fs.write.own': (p) =>
    `核心 ${s(p.core)} 写 ${s(p.variable)}，必须独占第 ${s(p.line)} 行：${s(p.invalidated)} 个其他副本被置为失效。`,

  'legacy.miss': (p) => `misses = ${s(p.misses)}（< len(dirty) = ${s(p.dirtyLen)}）。`,
  'legacy.promote': (p) =>
    `misses = ${s(p.misses)} ≥ len(dirty) = ${s(p.dirtyLen)}：dirty 被提升为 read；dirty = nil，misses = 0。`,
  'legacy.dirtyLocked': (p) =>
    `dirty 为 nil，于是把 read 复制成新的 dirty map（${s(p.copied)} 个条目）${p.expunged ? `；已删除的键 ${s(p.expunged)} 被标记为 expunged` : ''}。`,
  'legacy.load.slow': (p) =>
    `Load(${s(p.key)})：read 中没有且 read.amended 为 true，于是加锁 mu 去 dirty 中查找。`,
  'legacy.load.fast': (p) => `Load(${s(p.key)})：直接从 read 得到答案，无需加锁。`,
  'legacy.store.fast': (p) => `Store(${s(p.key)})：键在 read 中，用 CAS 更新它的条目，无需加锁。`,
  'legacy.store.unexpunge': (p) =>
    `Store(${s(p.key)})：条目曾被 expunged；在 mu 保护下恢复它并重新加入 dirty。`,
  'legacy.store.dirty': (p) => `Store(${s(p.key)})：在 mu 保护下更新已在 dirty 中的条目。`,
  'legacy.store.new': (p) => `Store(${s(p.key)})：新键在 mu 保护下写入 dirty；read.amended = true。`,
  'legacy.delete.slow': (p) =>
    `Delete(${s(p.key)})：read 中没有；在 mu 保护下从 dirty 删除（并记一次 miss）。`,
  'legacy.delete.entry': (p) =>
    `Delete(${s(p.key)})：条目的指针变为 nil（该键留在 read 中，直到下次复制 dirty 时被 expunge）。`,
  'legacy.range.promote': () => 'Range：read 不完整，于是加锁 mu，先把 dirty 提升为 read。',
  'legacy.range': (p) => `Range 访问 ${s(p.count)} 个键：${s(p.keys)}。`,

  'trie.load': (p) =>
    `${s(p.g)}：Load(${s(p.key)}) 不加锁地沿哈希走到节点 ${s(p.node)} 的槽 ${s(p.slot)}：${p.found ? '找到了' : '没有找到'}。`,
  'trie.delete.absent': (p) => `${s(p.g)}：Delete(${s(p.key)}) 没有可删除的内容；不加锁。`,
  'trie.walk': (p) => `${s(p.g)}：沿 ${s(p.key)} 的哈希走到节点 ${s(p.node)} 的槽 ${s(p.slot)}。`,
  'trie.lock.blocked': (p) => `${s(p.g)} 等待节点 ${s(p.node)} 的互斥锁，它由 ${s(p.holder)} 持有。`,
  'trie.lock.retry': (p) =>
    `${s(p.g)} 锁住节点 ${s(p.node)}，但槽已改变（或节点已被剪除）：解锁并从根重新开始。`,
  'trie.lock': (p) => `${s(p.g)} 锁住节点 ${s(p.node)}；槽与它看到的一致。`,
  'trie.store.swap': (p) => `${s(p.g)} 为 ${s(p.key)} 换入一个新条目。`,
  'trie.store.insert': (p) => `${s(p.g)} 在空槽中存入新条目。`,
  'trie.delete': (p) => `${s(p.g)} 删除 ${s(p.key)}。`,
  'trie.unlock': (p) => `${s(p.g)} 解锁节点 ${s(p.node)}。`,
  'trie.overflow': (p) => `${s(p.key)} 与另一个键的完整哈希相同：它加入该条目的溢出链。`,
  'trie.expand': (p) =>
    `${s(p.key)} 与 ${s(p.other)} 落在同一个槽：新的间接节点 ${s(p.from)}…${s(p.to)} 用更深的哈希位把它们分开。`,
  'trie.prune': (p) => `节点 ${s(p.node)} 已空：它被标记为死亡，并从节点 ${s(p.parent)} 中移除。`,

  'sched.go': (p) => `${s(p.parent)} 启动 ${s(p.g)}；它在 ${s(p.p)} 的 runnext 槽中等待。`,
  'sched.park': (p) => `${s(p.g)} 休眠 [${s(p.reason)}]；${s(p.p)} 可以去运行别的 goroutine。`,
  'sched.ready': (p) =>
    `${s(p.g)} 变为可运行（${p.where === 'global' ? '全局运行队列' : `${s(p.where)} 的 runnext`}）。`,
  'sched.gosched': (p) => `${s(p.g)} 让出 ${s(p.p)}，进入全局运行队列。`,
  'sched.timer': (p) => `${s(p.g)} 的定时器触发；它再次可运行。`,
  'sched.exit.main': () => 'main 返回：程序退出，其他 goroutine 随之消失。',
  'sched.exit': (p) => `${s(p.g)} 结束。`,
  'sched.deadlock': () => 'fatal error: all goroutines are asleep - deadlock!',
  'sched.run': (p) => `${s(p.p)} 运行 ${s(p.g)}。`,
  'sched.idle': (p) => `${s(p.p)} 找不到工作，保持空闲。`,
};
