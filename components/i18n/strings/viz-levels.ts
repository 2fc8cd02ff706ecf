/**
 * UI strings of the visualizer's levels (goal, moves against par, outcome, hints, lesson, predict
 * answers), in every locale; spread into the visualizer's table in visualizer.ts.
 * N.B. IMPORTED BY BROWSER CODE.
 */

export const LEVEL_EN = {
  'viz.level.scheduler': 'You are the scheduler',
  'viz.level.predict': 'Predict the state',
  'viz.level.goal': 'Goal: {goal}',
  'viz.level.playing': 'Choose which goroutine runs next: press its button or its number key.',
  'viz.level.won': 'You broke it! This schedule is possible in a real program.',
  'viz.level.lost':
    'Every goroutine finished without breaking anything. Undo (←) or reset (R) and try another order.',
  'viz.level.solved': 'Solved before.',
  'viz.level.hint': 'Show a hint',
  'viz.level.hintN': 'Hint {n} of {total}',
  'viz.level.noHints': 'No more hints.',
  'viz.level.moves': 'Moves: {moves} · par {par}',
  'viz.level.wonPar': 'You broke it in {moves} moves, at par: the star is yours ★.',
  'viz.level.wonOver': 'You broke it in {moves} moves. Par is {par}: win in {par} for the star.',
  'viz.level.solvedStar': 'Solved before, at par ★.',
  'viz.level.sharedWin':
    'This position came from a shared link, so it is not recorded as your win. Reset (R) and find the schedule yourself.',
  'viz.level.lessonLink': 'Read about it in the chapter',
  'viz.predict.hidden':
    'The state and the step narration stay hidden until you check your answer. Your first answer is the one that counts.',
  'viz.predict.stepHidden': 'Step {step} made. The state stays hidden until you check your answer.',
  'viz.predict.rightLate': 'Right: {value}. Only your first answer counts, so this one is not recorded.',
  'viz.predict.wrongLate':
    'Not quite: {value} is not it either. Retries are not counted; the state is shown now.',
  'viz.predict.revealed': 'Revealed: this attempt is over and is not counted as solved.',
  'viz.predict.check': 'Check',
  'viz.predict.reveal': 'Show the steps',
  'viz.predict.right': 'Right: {value}.',
  'viz.predict.wrong':
    'Not quite: {value} is not it. That first answer is the one that counts; the state is shown now, and you may try again.',
  'viz.predict.yours': 'Your answer: {value}',
  'viz.predict.bits': 'Set the bits (press a bit to toggle it)',
  'viz.predict.readers': 'Active readers',
  'viz.predict.pending': 'A writer is pending',
  'viz.predict.number': 'Value',
  'viz.predict.sequence': 'The steps that run: {moves}',
};

export const LEVEL_ZH: Record<keyof typeof LEVEL_EN, string> = {
  'viz.level.scheduler': '你来当调度器',
  'viz.level.predict': '预测状态',
  'viz.level.goal': '目标：{goal}',
  'viz.level.playing': '选择下一个运行的 goroutine：按它的按钮或数字键。',
  'viz.level.won': '你把程序弄坏了！真实程序中确实可能出现这种调度。',
  'viz.level.lost': '所有 goroutine 都顺利结束，什么也没坏。撤销（←）或重置（R），换一种顺序试试。',
  'viz.level.solved': '之前已解决。',
  'viz.level.hint': '显示提示',
  'viz.level.hintN': '提示 {n}/{total}',
  'viz.level.noHints': '没有更多提示了。',
  'viz.level.moves': '步数：{moves} · 标准 {par}',
  'viz.level.wonPar': '你用 {moves} 步把程序弄坏了，达到标准步数：获得星标 ★。',
  'viz.level.wonOver': '你用 {moves} 步把程序弄坏了。标准是 {par} 步：用 {par} 步获胜可得星标。',
  'viz.level.solvedStar': '之前已解决，且达到标准步数 ★。',
  'viz.level.sharedWin': '这个局面来自分享链接，因此不算作你的胜利。重置（R）后自己找出这种调度。',
  'viz.level.lessonLink': '在本章中阅读相关内容',
  'viz.predict.hidden': '在你检查答案之前，状态面板和步骤说明都会隐藏。只有第一次作答才计入成绩。',
  'viz.predict.stepHidden': '已执行第 {step} 步。在你检查答案之前，状态保持隐藏。',
  'viz.predict.rightLate': '正确：{value}。只有第一次作答计入成绩，这次不会被记录。',
  'viz.predict.wrongLate': '不对：也不是 {value}。重试不计入成绩；现在已显示状态。',
  'viz.predict.revealed': '已揭晓：这次作答结束，不算作已解决。',
  'viz.predict.check': '检查',
  'viz.predict.reveal': '显示执行过程',
  'viz.predict.right': '正确：{value}。',
  'viz.predict.wrong': '不对：不是 {value}。计入成绩的是这第一次作答；现在已显示状态，你可以再试。',
  'viz.predict.yours': '你的答案：{value}',
  'viz.predict.bits': '设置各个位（按下某一位即可切换）',
  'viz.predict.readers': '活跃读者',
  'viz.predict.pending': '有写者在等待',
  'viz.predict.number': '数值',
  'viz.predict.sequence': '将要执行的步骤：{moves}',
};
