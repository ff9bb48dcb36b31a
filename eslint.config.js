import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The contract between routes and modules (ADR 0020): what app/routes may not write. */
const ROUTE_CONTRACT = [
  {
    selector:
      'ExportNamedDeclaration > FunctionDeclaration[id.name=/^(loader|action)$/], ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[id.name=/^(loader|action)$/]:not([init.callee.name=/^route(Loader|Action)$/])',
    message:
      'A loader or action is made by routeLoader/routeAction (app/utils/route.server.ts): they answer every refusal (ADR 0020).',
  },
  {
    selector: 'TryStatement[handler], CallExpression[callee.property.name=/^(catch|then)$/][arguments.length>0]',
    message:
      'No try/catch in a route: a module throws a DomainError and the wrapper answers it (ADR 0020). An exception says why in an eslint-disable comment.',
  },
  {
    selector: 'ClassDeclaration[superClass]',
    message: 'Routes declare no error classes: refusals are DomainErrors (app/utils/domain-errors.ts).',
  },
];

/** Imports that reach the database. */
const DATABASE = ['**/generated/prisma/client*', '@prisma/*', 'pg', '@electric-sql/*', '**/utils/db.server*'];
const NO_DATABASE_IN_UI = { group: DATABASE, message: 'Routes call modules; they never touch the database.' };

export default tseslint.config(
  { ignores: ['node_modules', 'build', 'public/build', 'data', 'app/generated', 'tests/.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSNonNullExpression[expression.name='actor'], TSNonNullExpression[expression.property.name='actor']",
          message: 'enforce() asserts the actor is a member: no `actor!` (issue 16).',
        },
      ],
    },
  },
  {
    files: ['app/routes/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSNonNullExpression[expression.name='actor'], TSNonNullExpression[expression.property.name='actor']",
          message: 'enforce() asserts the actor is a member: no `actor!` (issue 16).',
        },
        ...ROUTE_CONTRACT,
      ],
    },
  },
  {
    // No code file over 350 lines (issue 16, ADR 0041): a longer one is split along a seam (reads and commands, one
    // concept a file), never trimmed to fit. Counted like the routes' rule below: every line, blank and comment too.
    // Routes have their own, lower ceiling (next block). Data files are not code, and are left out:
    files: ['app/**', 'server/**'],
    ignores: [
      'app/routes/**', // held at 250 by the next block
      'app/i18n/{en,fr,es}.ts', // the message catalogs: one line a message, as long as the interface has words
      'app/modules/privacy/text/**', // the privacy page's words, one line a column of the schema, per language
      'app/modules/privacy/inventory-data.ts', // the privacy inventory's table: one line a column of the schema
      'app/generated/**', // Prisma's generated client (also ignored everywhere above)
      '**/*.test.{ts,tsx}', // tests: one file per behaviour, as long as its cases
      '**/*.fixtures.ts', // test data
    ],
    rules: { 'max-lines': ['error', { max: 350 }] },
  },
  {
    // A route stays thin (issue 16, ADR 0041): loader, action, meta and a short page; its markup is components.
    // 250 lines leaves room above the longest route of today (217); a route that reaches it moves markup out.
    files: ['app/routes/**'],
    rules: { 'max-lines': ['error', { max: 250 }] },
  },
  {
    // One family of refusals (ADR 0020): modules, policies and the kernel throw DomainErrors, never their own Error.
    files: ['app/modules/**', 'app/policies/**', 'app/rich-text/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSNonNullExpression[expression.name='actor'], TSNonNullExpression[expression.property.name='actor']",
          message: 'enforce() asserts the actor is a member: no `actor!` (issue 16).',
        },
        {
          selector: "ClassDeclaration[superClass.name='Error']",
          message: 'A refusal is a DomainError of app/utils/domain-errors.ts, with its kind (ADR 0020).',
        },
      ],
    },
  },
  {
    // Routes and components run in the browser too: they must never import the database or other server code.
    files: ['app/routes/**', 'app/components/**', 'app/root.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [NO_DATABASE_IN_UI],
        },
      ],
    },
  },
  {
    // Routes also never ask the policies themselves: a module's read model says what the actor may do (issue 16).
    // Same rule as above (a later block replaces it for these files), plus the policies.
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_DATABASE_IN_UI,
            {
              group: ['~/policies/*', '**/policies/*', '!~/policies/actor.ts'],
              message: "Routes take abilities from a module's read model; they never call the policies.",
            },
          ],
          paths: [
            {
              name: '~/utils/errors.server.ts',
              importNames: ['refusalPage', 'refusalData'],
              message: 'Routes do not answer refusals themselves: routeLoader/routeAction do (ADR 0020).',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared kernel and the policies are pure: no database, no module (everything else builds on them).
    files: ['app/rich-text/**', 'app/policies/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: DATABASE, message: 'The kernel and the policies are pure: no database.' },
            { group: ['~/modules/**', '**/modules/**'], message: 'The kernel and the policies import no module.' },
          ],
        },
      ],
    },
  },
  {
    // The editor runs in the browser: no database, no server code (it reads live-text's shared files only).
    files: ['app/editor/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: DATABASE, message: 'The editor runs in the browser: no database.' },
            {
              group: ['**/*.server', '**/*.server.ts', '**/*.server.tsx'],
              message: 'The editor imports no server code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Utilities sit under the modules: they never import one (a module may use any utility, never the reverse).
    files: ['app/utils/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['~/modules/**', '**/modules/**'], message: 'Utilities never import a module.' }] },
      ],
    },
  },
);
