/**
 * Dependency direction (STYLE §2), checked by `npm run deps:validate` (part of `npm test`).
 * Type-only imports are allowed where a runtime import is not (they vanish at compile time).
 */
module.exports = {
  forbidden: [
    {
      name: 'workflows-are-pure',
      comment: 'workflows/ import only xstate (and class-validator / class-transformer decorators for payload shapes)',
      severity: 'error',
      from: { path: '^workflows/' },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: ['^workflows/', 'node_modules/(xstate|class-validator|class-transformer|reflect-metadata)/'],
      },
    },
    {
      name: 'engine-is-pure',
      comment: 'libs/engine imports xstate, canonicalize, node:crypto and itself only; never Nest, TypeORM, BullMQ or workflows/',
      severity: 'error',
      from: { path: '^libs/engine/' },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: ['^libs/engine/', 'node_modules/(xstate|canonicalize)/', '^crypto$'],
      },
    },
    {
      name: 'audit-is-pure',
      comment: 'libs/audit (Merkle trees, signatures, verdicts) imports the engine, node:crypto and itself only: the offline verifier runs it',
      severity: 'error',
      from: { path: '^libs/audit/' },
      to: {
        dependencyTypesNot: ['type-only'],
        pathNot: ['^libs/audit/', '^libs/engine/', '^crypto$'],
      },
    },
    {
      name: 'cli-shares-no-write-path',
      comment: 'the offline verifier (apps/cli) shares no write-path code with the server: only the engine, libs/audit and workflows/, and the database drivers read-only',
      severity: 'error',
      from: { path: '^apps/cli/' },
      to: { path: ['^libs/(runtime|persistence|auth|config|deadlines)/', '^apps/(api|worker)/', 'node_modules/(@nestjs|typeorm|bullmq|ioredis)/'] },
    },
    {
      name: 'calendar-is-pure',
      comment: 'libs/calendar is dates in, dates out: only the bundled holiday data',
      severity: 'error',
      from: { path: '^libs/calendar/' },
      to: { pathNot: ['^libs/calendar/', 'node_modules/chinese-days/'] },
    },
    {
      name: 'persistence-uses-engine-types-only',
      severity: 'error',
      from: { path: '^libs/persistence/' },
      to: { path: '^libs/(engine|runtime|auth)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-lib-to-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-workflow-to-lib-runtime',
      severity: 'error',
      from: { path: '^workflows/' },
      to: { path: '^(libs|apps)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-and-worker-apart',
      comment: 'the API never imports the worker and vice versa; both go through libs/',
      severity: 'error',
      from: { path: '^apps/(api|worker)/' },
      to: { path: '^apps/', pathNot: ['^apps/$1/'] },
    },
    {
      name: 'libs-through-index',
      comment: 'apps reach a lib through its index.ts, never by deep import',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/.+', pathNot: ['^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'deadline-plan-is-pure',
      comment: 'the reminder plan, its messages and recipient rules are dates and rows in, deliveries out: no Nest, TypeORM, BullMQ or clock',
      severity: 'error',
      from: { path: '^libs/deadlines/src/(reminder-plan|reminder-message|recipients|deadline-reminder\\.job)\\.ts$' },
      to: { dependencyTypesNot: ['type-only'], pathNot: ['^libs/(deadlines|calendar|engine)/'] },
    },
    {
      name: 'runtime-does-not-know-the-scheduler',
      comment: 'libs/runtime owns the DeadlineScheduler port; libs/deadlines implements it, never the other way round',
      severity: 'error',
      from: { path: '^libs/(runtime|persistence|engine|calendar)/' },
      to: { path: '^libs/deadlines/' },
    },
    {
      name: 'api-has-no-processors',
      comment: 'the API only enqueues, through libs/deadlines; BullMQ processors live in apps/worker',
      severity: 'error',
      from: { path: '^apps/api/' },
      to: { path: 'node_modules/(@nestjs/bullmq|bullmq)/' },
    },
    {
      name: 'processors-only-in-the-worker',
      severity: 'error',
      from: { path: '\\.processor\\.ts$', pathNot: '^apps/worker/' },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-test',
      severity: 'error',
      from: { pathNot: '^(test|bench)/|\\.spec\\.ts$|\\.e2e-spec\\.ts$' },
      to: { path: '^(test|bench)/|\\.spec\\.ts$|\\.e2e-spec\\.ts$' },
    },
    {
      name: 'not-to-dev-dep',
      comment: 'build and test tooling of the web console (its Vite and vitest configs, the API-types script, component tests) runs at build or test time only',
      severity: 'error',
      from: { path: '^(apps|libs|workflows)/', pathNot: '\\.spec\\.ts$|\\.test\\.ts$|/testing/|^apps/web/vite(st)?\\.config\\.mts$|^apps/web/scripts/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // apps/web/dist: the console as Vite builds it (its chunks import each other by design)
    exclude: { path: '(^dist/|^apps/web/dist/|\\.spec\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
