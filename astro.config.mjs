// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import starlight from '@astrojs/starlight';
import mermaidDiagrams from './integrations/mermaid/index.ts';
import goPlaygrounds from './integrations/snippets/index.ts';
import scrollableTables from './integrations/tables/index.ts';

// srcDir is the repository root so that content/ and components/ are top-level folders.
export default defineConfig({
  srcDir: '.',
  site: 'http://localhost:4321',
  vite: {
    resolve: {
      alias: [
        {
          // Monaco's whole stylesheet, injected by the lazy editor chunk (see components/editor/monaco.ts).
          find: /^lockstep:monaco-css/,
          replacement: fileURLToPath(
            new URL('./node_modules/monaco-editor/min/vs/editor/editor.main.css', import.meta.url),
          ),
        },
      ],
    },
    plugins: [
      {
        // Monaco's ESM modules import their own CSS; Astro would hoist it onto every page as a
        // render-blocking stylesheet. Drop those imports: the lazy chunk injects the bundled CSS.
        name: 'lockstep-monaco-css',
        enforce: 'pre',
        resolveId(source, importer) {
          if (source.endsWith('.css') && importer && importer.includes('/monaco-editor/esm/'))
            return '\0monaco-css-stub';
          return null;
        },
        load(id) {
          return id === '\0monaco-css-stub' ? 'export default "";' : null;
        },
      },
    ],
  },
  integrations: [
    mermaidDiagrams(),
    goPlaygrounds(),
    scrollableTables(),
    starlight({
      title: 'Lockstep',
      description:
        'An interactive course and playground for Go concurrency: locks, sync.Mutex and RWMutex internals, maps under concurrency, sync.Map and the race detector.',
      logo: { src: './public/favicon.svg', replacesTitle: false },
      favicon: '/favicon.svg',
      // Long Go lines wrap instead of scrolling: no keyboard-unreachable scroll areas, and code
      // stays readable on narrow screens and at 200% zoom.
      expressiveCode: { defaultProps: { wrap: true } },
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      customCss: [
        './components/site/lockstep.css',
        './components/site/controls.css',
        './components/playground/playground.css',
        './components/timeline/timeline.css',
        './components/exercise/exercise.css',
        './components/progress/progress.css',
        './components/labs/labs.css',
      ],
      components: {
        MarkdownContent: './components/site/MarkdownContent.astro',
        Hero: './components/site/Hero.astro',
      },
      lastUpdated: false,
      sidebar: [
        { slug: 'playground' },
        { slug: 'sandbox' },
        { slug: 'progress' },
        { slug: 'levels' },
        { slug: 'labs', label: 'Labs for instructors', translations: { 'zh-CN': '教师实验' } },
        { slug: 'glossary', label: 'Glossary', translations: { 'zh-CN': '术语表' } },
        {
          label: 'Part I — Locks in Go',
          translations: { 'zh-CN': '第一部分 — Go 中的锁' },
          items: [{ autogenerate: { directory: 'locks' } }],
        },
        {
          label: 'Part II — Maps and the race detector',
          translations: { 'zh-CN': '第二部分 — map 与竞态检测器' },
          items: [{ autogenerate: { directory: 'maps' } }],
        },
      ],
    }),
  ],
});
