// Module boundaries of the server (README "Module rules", STYLE §10), checked by `npm run check:boundaries`
// in CI. A module is a folder of apps/server/src/modules/. Tests, fixtures and seed data may reach anywhere.
const SERVER = '^apps/server/src/';
const MODULE = `${SERVER}modules/([^/]+)/`;
const NOT_CHECKED = '\\.(test|fixtures)\\.ts$';
// A module's public entry: its service functions and the events it emits (plus @steerco/contract types).
const PUBLIC = '\\.(service|events)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-through-its-service',
      comment:
        'Another module is used only through its *.service.ts functions and *.events.ts event types, never ' +
        'its repos, tables, policies or helpers. Need its data? Add a small named function to its service.',
      severity: 'error',
      from: { path: MODULE, pathNot: [NOT_CHECKED, '\\.schema\\.ts$'] },
      to: { path: `${SERVER}modules/`, pathNot: [`${SERVER}modules/$1/`, PUBLIC] },
    },
    {
      name: 'schema-to-schema-only',
      comment: "A table definition may name another module's table only for a foreign key: schema → schema.",
      severity: 'error',
      from: { path: `${MODULE}.+\\.schema\\.ts$` },
      to: { path: `${SERVER}modules/`, pathNot: [`${SERVER}modules/$1/`, '\\.schema\\.ts$'] },
    },
    {
      name: 'sql-only-in-repos',
      comment:
        'SQL lives in *.repo.ts (and tables in *.schema.ts): a service, route, policy or job builds no query. ' +
        'Types of rows (import type) are fine.',
      severity: 'error',
      from: { path: MODULE, pathNot: [NOT_CHECKED, '\\.(repo|schema)\\.ts$'] },
      to: {
        path: ['^node_modules/drizzle-orm/', `${MODULE}.+\\.schema\\.ts$`],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'lower-layers-know-no-module',
      comment:
        'http/, db/, jobs/, events/ and clock.ts know no module (nor the wiring): modules register what those ' +
        'layers need (policies, the session lookup, job handlers, reactions) in src/wiring.ts and app.ts.',
      severity: 'error',
      from: { path: `${SERVER}(http|db|jobs|events)/|${SERVER}clock\\.ts$` },
      to: { path: `${SERVER}(modules/|wiring\\.ts$|app\\.ts$|seed/)` },
    },
    {
      name: 'modules-do-not-reach-up',
      comment: 'A module does not import the composition root (app.ts, wiring.ts, main.ts) or the seed data.',
      severity: 'error',
      from: { path: MODULE, pathNot: NOT_CHECKED },
      to: { path: `${SERVER}(app|wiring|main)\\.ts$|${SERVER}(seed|cli)/` },
    },
    {
      name: 'no-circular',
      comment:
        'Files do not import each other in a circle; two tables that point at each other (foreign keys) are ' +
        'the one exception.',
      severity: 'error',
      from: { path: SERVER, pathNot: [NOT_CHECKED, '\\.schema\\.ts$'] },
      to: { circular: true, pathNot: '\\.schema\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^apps/server/src/', '^node_modules/drizzle-orm/'],
    exclude: { path: NOT_CHECKED },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.js'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
