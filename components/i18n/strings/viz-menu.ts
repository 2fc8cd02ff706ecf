/**
 * UI strings of the level menu (the campaign page listing every visualizer level with this
 * browser's standing), in every locale; spread into the visualizer's table in visualizer.ts.
 * N.B. IMPORTED BY BROWSER CODE.
 */

export const MENU_EN = {
  'viz.menu.summary': '{won} of {total} levels won · ★ {stars} of {starrable} break levels at par',
  'viz.menu.next': 'Next level: ',
  'viz.menu.allDone':
    'Every level is won or answered. A break level without its star can still be won in fewer moves.',
  'viz.menu.kind.break': 'Break it',
  'viz.menu.kind.predict': 'Predict the state',
  'viz.menu.par': 'Par: {par} moves',
  'viz.menu.standing': 'Your result: {standing}',
  'viz.menu.standing.new': 'not played yet',
  'viz.menu.standing.won': 'won in {moves} moves',
  'viz.menu.standing.wonPredict': 'answered right',
  'viz.menu.standing.star': 'won at par ★',
  'viz.menu.standing.missed': 'first answer wrong (only the first answer counts)',
  'viz.menu.play': 'Play “{title}”',
  'viz.menu.levels': 'Levels in this chapter',
  'viz.menu.all': 'All levels and your results',
} as const;

/** A level-menu string key. */
export type MenuKey = keyof typeof MENU_EN;

export const MENU_ZH: Record<MenuKey, string> = {
  'viz.menu.summary': '已通过 {won}/{total} 关 · 破坏关卡中 {stars}/{starrable} 关以标准步数通过 ★',
  'viz.menu.next': '下一关：',
  'viz.menu.allDone': '所有关卡都已通过或作答。没有拿到星的破坏关卡仍可以用更少的步数再赢一次。',
  'viz.menu.kind.break': '把它弄坏',
  'viz.menu.kind.predict': '预测状态',
  'viz.menu.par': '标准步数：{par}',
  'viz.menu.standing': '你的结果：{standing}',
  'viz.menu.standing.new': '尚未挑战',
  'viz.menu.standing.won': '用 {moves} 步通过',
  'viz.menu.standing.wonPredict': '回答正确',
  'viz.menu.standing.star': '以标准步数通过 ★',
  'viz.menu.standing.missed': '第一次回答错误（只计第一次回答）',
  'viz.menu.play': '挑战“{title}”',
  'viz.menu.levels': '本章的关卡',
  'viz.menu.all': '全部关卡与你的结果',
};
