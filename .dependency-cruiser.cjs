/**
 * The layering of docs/ARCHITECTURE.md, checked on every `npm run check`:
 * `routes | cli | jobs → service → queries | rules`. Tests and test helpers may reach any layer.
 * A type-only import carries no call, so the layer rules look at value imports only.
 */
const test = '(\\.test\\.ts|\\.test-helper\\.ts)$|^src/server/test/';
const queries = '\\.queries\\.ts$';
const service = '\\.service\\.ts$';
const callers = '\\.routes\\.ts$|^src/server/http/|^src/cli/|^src/server/(app|main|bootstrap)\\.ts$';
const renderers = '\\.(export|documents)\\.ts$|^src/server/(export|documents)/';
const values = { dependencyTypesNot: ['type-only'] };

module.exports = {
  forbidden: [
    {
      name: 'rules-are-pure',
      comment:
        'A .rules.ts file (and a seed or pure helper it reads) imports only src/shared, other rules, seeds and pure helpers: no I/O, so rules are tested as tables.',
      severity: 'error',
      from: { path: ['\\.rules\\.ts$', '\\.seed\\.ts$', '^src/server/domains/imports/(cell-values|column-mapping|legacy-encoding)\\.ts$'], pathNot: test },
      to: {
        pathNot: [
          '^src/shared/',
          '\\.rules\\.ts$',
          '\\.seed\\.ts$',
          '^src/server/domains/imports/(cell-values|column-mapping|legacy-encoding)\\.ts$',
          '^(node:)?crypto$',
        ],
        ...values,
      },
    },
    {
      name: 'queries-call-nothing-above',
      comment: 'Queries never import services, renderers, routes or the CLI.',
      severity: 'error',
      from: { path: queries },
      to: { path: [service, renderers, callers] },
    },
    {
      name: 'services-do-not-import-routes',
      comment: 'Services never import routes, the HTTP layer, the CLI or the composition root.',
      severity: 'error',
      from: { path: service },
      to: { path: callers },
    },
    {
      name: 'only-services-call-queries',
      comment: 'Routes, the CLI, the composition root and the renderers (.export.ts, .documents.ts) call services, never queries.',
      severity: 'error',
      from: { path: [callers, renderers], pathNot: test },
      to: { path: queries, ...values },
    },
    {
      name: 'sql-only-in-queries',
      comment: 'Only queries files, db/ and scope.ts (the scope as an SQL condition) use drizzle-orm or the tables; a service reaches SQL through queries.',
      severity: 'error',
      from: { path: '^src/', pathNot: [queries, '^src/server/db/', '^src/server/scope\\.ts$', test] },
      to: { path: ['^node_modules/drizzle-orm/', '^src/server/db/schema(\\.ts$|/)'], ...values },
    },
    {
      name: 'db-does-not-import-bootstrap',
      comment: 'db/ is the bottom layer: it imports neither the bootstrap, the composition root nor any domain.',
      severity: 'error',
      from: { path: '^src/server/db/' },
      to: { path: ['^src/server/(bootstrap|app|main)\\.ts$', '^src/server/(domains|http)/'] },
    },
    {
      name: 'web-does-not-import-server',
      comment: 'The web app talks to the server over HTTP only (api.ts); it shares src/shared.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: ['^src/server/', '^src/cli/'] },
    },
    {
      name: 'shared-imports-no-side',
      comment: 'src/shared is imported by server, web and CLI, and imports none of them.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: ['^src/server/', '^src/web/', '^src/cli/'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the cruiser cannot resolve would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test-results|bench/results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};
