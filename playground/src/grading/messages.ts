/**
 * Pure: the refusals of submitted files (submission.ts), in every locale: request errors, still
 * worded here until they become codes like every other HTTP error. The grade itself is codes that
 * the browser words (components/i18n/strings/grading.ts); its English for API users is
 * api-message.ts. The Chinese table must have every English key, and each of
 * its texts must keep the English {placeholders}: both are TypeScript errors otherwise
 * (tests/unit/ui-strings.test.ts and messages.test.ts check the same at run time).
 */
import type { Locale } from '../../../contract/grade.ts';
import { fill } from '../../../contract/template.ts';

const en = {
  // Submitted files that are refused (submission.ts).
  'files.embed': '{file}: //go:embed is not available in exercises.',
  'files.readOnly': '{file} is provided by the exercise and cannot be changed; you may send: {allowed}.',
  'files.notAllowed': '"{file}" is not a file of this exercise; you may send: {allowed}.',
  // Punctuation differs between the languages, so joins are texts too.
  'list.separator': ', ',
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
  'files.embed': '{file}：练习中不能使用 //go:embed。',
  'files.readOnly': '{file} 由练习提供，不能修改；你可以提交的文件：{allowed}。',
  'files.notAllowed': '“{file}”不是这个练习的文件；你可以提交的文件：{allowed}。',
  'list.separator': '、',
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
