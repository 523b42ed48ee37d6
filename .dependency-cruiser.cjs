/**
 * The layering rules of docs/ARCHITECTURE.md, checked by `npm run lint` (part of `npm test`).
 * Paths are relative to the repository root.
 */
const server = '^apps/server/src/';
module.exports = {
  forbidden: [
    {
      name: 'module-through-index',
      comment: 'A module uses another only through its index.ts (a table may reference another module\'s table for a foreign key).',
      severity: 'error',
      from: { path: `${server}modules/([^/]+)/`, pathNot: '\\.tables\\.ts$' },
      to: { path: `${server}modules/([^/]+)/`, pathNot: [`${server}modules/$1/`, `${server}modules/[^/]+/index\\.ts$`] },
    },
    {
      name: 'tables-reference-tables',
      comment: 'Table files import only other table files and platform/db.',
      severity: 'error',
      from: { path: '\\.tables\\.ts$' },
      to: { path: `${server}`, pathNot: ['\\.tables\\.ts$', `${server}platform/db/`] },
    },
    {
      name: 'platform-knows-no-module',
      comment: 'platform/ is what every module uses; it never depends on a module or on the composition root (types excepted).',
      severity: 'error',
      from: { path: `${server}platform/`, pathNot: '\\.test\\.ts$' },
      to: { path: [`${server}modules/`, `${server}(app|services|cli)\\.ts$`, `${server}(cli|demo)/`], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'repository-is-the-bottom',
      comment: 'routes → services → repositories → db, never backwards.',
      severity: 'error',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|routes)\\.ts$' },
    },
    {
      name: 'service-knows-no-route',
      severity: 'error',
      from: { path: '\\.service\\.ts$' },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'sql-only-in-repositories',
      comment: 'Only repositories, table definitions and platform/db speak SQL (tests may inspect the database).',
      severity: 'error',
      from: { path: server, pathNot: ['\\.repository\\.ts$', '\\.tables\\.ts$', `${server}platform/db/`, '\\.test\\.ts$', `${server}test/`] },
      to: { path: 'node_modules/(drizzle-orm|pg|@electric-sql/pglite)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'packages/domain imports only zod and itself.',
      severity: 'error',
      from: { path: '^packages/domain/src/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^packages/domain/src/', 'node_modules/zod/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'web-reaches-server-by-api-only',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^apps/[^/]+/dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
