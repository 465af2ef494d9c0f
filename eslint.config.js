// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'net',
  'tls',
  'http',
  'https',
  'worker_threads',
  'stream',
  'events',
  'util',
  'url',
];
const nodeOnly = [...NODE_BUILTINS, 'better-sqlite3', 'imapflow', 'nodemailer', 'mailparser', 'ws', 'electron'];

/** Layering (docs/ARCHITECTURE.md): the folder says where code runs and what it may import. */
const layering = [
  {
    files: ['src/shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeOnly, message: 'src/shared runs in the renderer too: no Node-only modules.' },
            {
              group: ['**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'src/shared imports nothing from the other folders.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeOnly,
              message: 'The renderer runs in a sandboxed page: no Node-only modules. Go through api.ts.',
            },
            {
              group: ['**/main/**', '**/preload/**'],
              message: 'The renderer never imports from src/main: use the contract through api.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/shell/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message:
                'Only src/main/shell and src/main/index.ts may import electron, so the engine runs under plain Node.',
            },
            { group: ['**/renderer/**', '**/preload/**'], message: 'Main never imports renderer or preload code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/policy/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeOnly, '**/store/**', '**/mail/**', '**/service/**', '**/shell/**'],
              message: 'policy is pure: data and `now` in, values out.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'policy takes `now` as an argument.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/api.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'promptly', message: 'Only api.ts talks to window.promptly.' },
      ],
    },
  },
];

/**
 * The layers of src/main (docs/ARCHITECTURE.md, "Layers"): each folder and the folders it must
 * not import. `policy` is pure and may be imported by anyone; `shared` likewise.
 */
const ENGINE_TOP = ['service', 'cli', 'bridge', 'shell', 'index.ts'];
/** Files at the root of src/main that every layer may use (docs/ARCHITECTURE.md, "Layers"). */
const ROOT_HELPERS = ['appError.ts', 'paths.ts', 'privateFiles.ts', 'secrets.ts', 'version.ts'];
const MAIN_LAYERS = {
  store: ['team', 'mail', 'auth', 'outbox', 'demo', ...ENGINE_TOP],
  team: ['store', 'mail', 'auth', 'outbox', 'demo', ...ENGINE_TOP],
  mail: ['auth', 'outbox', 'demo', ...ENGINE_TOP],
  auth: ['outbox', 'demo', ...ENGINE_TOP],
  outbox: ['demo', ...ENGINE_TOP],
  demo: ['outbox', 'auth', 'mail/imap', 'mail/smtp', ...ENGINE_TOP],
  service: ['cli', 'bridge', 'shell', 'index.ts'],
  cli: ['bridge', 'shell', 'index.ts', 'store/repos', 'store/ingest.ts', 'store/statements.ts'],
  bridge: ['cli', 'shell', 'index.ts', 'store', 'mail', 'team', 'outbox', 'demo'],
  shell: ['cli', 'bridge', 'store', 'mail', 'team', 'outbox', 'demo', 'auth'],
};
const LAYER_WHY = {
  store: 'store imports nothing above it: its input types live in the store or in src/shared.',
  team: 'team is pure (the event format and the fold): I/O belongs in mail/ or the service.',
  mail: 'mail talks to servers and writes the store; it never calls auth, the outbox, demo or service.',
  auth: 'auth signs in and keeps tokens (it implements mail/login.ts); the service wires it in.',
  outbox: 'the outbox sits below the service: pass what it needs in (see service/outboxWiring.ts).',
  demo: 'the demo generator fills a store; the service folds it (service/demoMailbox.ts).',
  service: 'the service is the composition root; transports (cli, bridge, shell) call it.',
  cli: 'the CLI goes through the service (service.call), not around it to the store.',
  bridge: 'the bridge is a transport: it dispatches to the service only.',
  shell: 'the shell is the Electron transport: it talks to the service only.',
};
const PURE_NODE = [
  ...NODE_BUILTINS.filter((m) => m !== 'node:*'),
  'node:fs',
  'node:fs/*',
  'node:net',
  'node:child_process',
];
/**
 * The renderer's layers (docs/ARCHITECTURE.md): components talk to stores, stores talk to
 * api.ts. A component never calls the engine itself, so every call has one home to test and change.
 */
const rendererLayering = [
  {
    files: ['src/renderer/src/**/*.tsx'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: 'src/renderer/src/**/*.tsx',
              from: 'src/renderer/src/api.ts',
              message: 'Components talk to stores and stores talk to api.ts: call a store function instead.',
            },
          ],
        },
      ],
    },
  },
];
const mainLayering = [
  {
    files: ['src/main/**/*.{ts,mts,mjs}'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...Object.entries(MAIN_LAYERS).map(([layer, banned]) => ({
              target: `src/main/${layer}`,
              from: banned.map((b) => `src/main/${b}`),
              message: LAYER_WHY[layer],
            })),
            {
              target: 'src/main/policy',
              from: 'src/main',
              except: ['./policy'],
              message: 'policy is pure: data and `now` in, values out.',
            },
            {
              target: [
                'src/main/mail/parse.ts',
                'src/main/mail/mailShape.mjs',
                'src/main/mail/parse-worker.mjs',
                'src/main/mail/undeclaredCharset.mjs',
                'src/main/mail/simpleBody.mjs',
              ],
              from: 'src/main',
              except: [
                './policy',
                './mail/parse.ts',
                './mail/mailShape.mjs',
                './mail/mailShape.d.mts',
                './mail/undeclaredCharset.mjs',
                './mail/undeclaredCharset.d.mts',
                './mail/simpleBody.mjs',
                './mail/simpleBody.d.mts',
              ],
              message: 'MIME parsing is pure: bytes in, a ParsedMessage out.',
            },
            {
              // The root helpers sit below every layer: any layer may use them.
              target: ROOT_HELPERS.map((f) => `src/main/${f}`),
              from: 'src/main',
              except: ROOT_HELPERS.map((f) => `./${f}`),
              message: 'The root helpers of src/main sit below every layer: they import only Node and src/shared.',
            },
            {
              target: 'src/main',
              from: 'src/main/store/statements.ts',
              except: [],
              message: 'Only src/main/store holds SQL: add a function to the right store/repos module.',
            },
          ],
        },
      ],
    },
  },
  {
    // store/ may use its own statement cache; the zone above bans it everywhere else.
    files: ['src/main/store/**/*.ts'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['src/main/store/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: 'src/main/store',
              from: MAIN_LAYERS.store.map((b) => `src/main/${b}`),
              message: LAYER_WHY.store,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          message: 'Only src/main/store holds SQL: add a function to the right store/repos module.',
        },
        {
          selector: "CallExpression[callee.property.name='exec'][callee.object.name='db']",
          message: 'Only src/main/store holds SQL: add a function to the right store/repos module.',
        },
      ],
    },
  },
  {
    files: ['src/main/team/**/*.ts', 'src/main/mail/parse.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...PURE_NODE, 'better-sqlite3', 'imapflow', 'ws', 'electron'],
              message: 'This layer is pure: no I/O (pass data in, return values).',
            },
          ],
          // nodemailer's transport is I/O; its encoders (nodemailer/lib/qp ...) are pure functions.
          paths: [{ name: 'nodemailer', message: 'This layer is pure: no I/O (pass data in, return values).' }],
        },
      ],
    },
  },
];

/**
 * Small files and small functions (docs/ARCHITECTURE.md, "Size"): a file over 400 lines or a
 * function over 80 lines of code does two jobs. A React component's body holds its markup, so
 * components get more room.
 */
const sizeLimits = [
  {
    files: ['src/**/*.{ts,tsx,mts,mjs}'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['src/renderer/**/*.tsx'],
    rules: {
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
];

/** No import cycles anywhere (type-only imports do not count: they vanish at build time). */
const noCycles = {
  files: ['src/**/*.{ts,tsx,mts,mjs}'],
  plugins: { 'import-x': importX },
  rules: { 'import-x/no-cycle': 'error' },
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['src/renderer/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  {
    settings: {
      // So import-x parses TypeScript modules when it follows imports (no-cycle).
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.d.mts', '.mjs', '.js', '.json'] }),
      ],
    },
  },
  ...layering,
  ...mainLayering,
  ...rendererLayering,
  ...sizeLimits,
  noCycles,
);
