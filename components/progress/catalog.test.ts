import { describe, expect, test } from 'vitest';
import { continueTarget, neutralPath, type Catalog } from './catalog.ts';

const CATALOG: Catalog = [
  {
    path: '/maps/sync-map/',
    title: { en: 'How sync.Map works', 'zh-cn': 'sync.Map 的工作原理' },
    exercises: [],
    quizzes: [],
    levels: [],
  },
];

describe('catalog', () => {
  test('neutralPath drops the locale prefix and keeps the trailing slash', () => {
    expect(neutralPath('/zh-cn/maps/sync-map/')).toBe('/maps/sync-map/');
    expect(neutralPath('/maps/sync-map')).toBe('/maps/sync-map/');
  });

  test('continueTarget names and links a known chapter in the page’s language', () => {
    const readInEnglish = { path: '/maps/sync-map/', title: 'How sync.Map works' };
    expect(continueTarget(readInEnglish, CATALOG, 'zh-cn')).toEqual({
      href: '/zh-cn/maps/sync-map/',
      title: 'sync.Map 的工作原理',
    });
    const readInChinese = { path: '/zh-cn/maps/sync-map/', title: 'sync.Map 的工作原理' };
    expect(continueTarget(readInChinese, CATALOG, 'en')).toEqual({
      href: '/maps/sync-map/',
      title: 'How sync.Map works',
    });
  });

  test('continueTarget keeps what was recorded for a page the catalog does not list', () => {
    expect(continueTarget({ path: '/glossary/', title: 'Glossary' }, CATALOG, 'zh-cn')).toEqual({
      href: '/glossary/',
      title: 'Glossary',
    });
  });
});
