/**
 * Words of the home page's race demo (components/home/RaceDemo.astro), in every locale; looked up
 * through components/i18n/t.ts.
 */
import type { Locale } from '../locale.ts';

const en = {
  'home.demo.label': 'A data race caught by Lockstep, drawn on the code',
  'home.demo.command': 'Built and run with the race detector on',
  'home.demo.current': '{op} by goroutine {goroutine}',
  'home.demo.current.main': '{op} by the main goroutine',
  'home.demo.previous': 'earlier {op} by goroutine {goroutine}',
  'home.demo.previous.main': 'earlier {op} by the main goroutine',
  'home.demo.created': 'goroutine {id} starts here',
  'home.demo.read': 'Read',
  'home.demo.write': 'Write',
  'home.demo.read.lower': 'read',
  'home.demo.write.lower': 'write',
  'home.demo.verdict': 'Data race.',
  'home.demo.summary':
    'It printed {output}, the right answer, yet two goroutines used the same variable with nothing ordering them. The race detector saw it happen and named both lines.',
  'home.demo.report': 'The race detector’s report',
  'home.demo.provenance': 'Captured from a real run in Lockstep’s sandbox ({go}).',
  'home.demo.run': 'Run it yourself',
} as const;

export type HomeKey = keyof typeof en;

const zhCN: Record<HomeKey, string> = {
  'home.demo.label': 'Lockstep 捕获的一次数据竞争，直接标注在代码上',
  'home.demo.command': '开启竞态检测器构建并运行',
  'home.demo.current': 'goroutine {goroutine} {op}',
  'home.demo.current.main': '主 goroutine {op}',
  'home.demo.previous': '此前 goroutine {goroutine} {op}',
  'home.demo.previous.main': '此前主 goroutine {op}',
  'home.demo.created': 'goroutine {id} 从这里启动',
  'home.demo.read': '读取',
  'home.demo.write': '写入',
  'home.demo.read.lower': '读取',
  'home.demo.write.lower': '写入',
  'home.demo.verdict': '数据竞争。',
  'home.demo.summary':
    '程序输出了 {output}，答案是对的；但两个 goroutine 在没有任何同步的情况下访问了同一个变量。竞态检测器当场发现了它，并指出了这两行。',
  'home.demo.report': '竞态检测器的报告',
  'home.demo.provenance': '取自 Lockstep 沙箱中的一次真实运行（{go}）。',
  'home.demo.run': '亲自运行',
};

export const HOME_STRINGS: Record<Locale, Record<HomeKey, string>> = { en, 'zh-cn': zhCN };
