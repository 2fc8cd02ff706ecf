/**
 * UI strings of failed API requests, worded by components/api/error-text.ts for every island
 * (playground, exercise, labs), in every locale; looked up through components/i18n/t.ts.
 * N.B. BROWSER CODE.
 */
import type { Locale } from '../locale.ts';

const en = {
  'api.unreachable': 'The server cannot be reached (is `npm start` running?).',
  'api.busy': 'Too many requests at this moment. Try again in {seconds} s.',
  'api.invalid':
    'The server answered something this page does not understand. Reload the page and try again.',
  'api.aborted': 'The request was cancelled.',
};

export type ApiKey = keyof typeof en;

const zhCN: Record<ApiKey, string> = {
  'api.unreachable': '无法连接服务器（`npm start` 是否在运行？）。',
  'api.busy': '此刻请求过多，请在 {seconds} 秒后重试。',
  'api.invalid': '服务器的回答本页面无法理解。请刷新页面后重试。',
  'api.aborted': '请求已取消。',
};

export const API_STRINGS: Record<Locale, Record<ApiKey, string>> = { en, 'zh-cn': zhCN };
