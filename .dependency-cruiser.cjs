/** Import rules checked in CI: no cycles; platform never imports modules; only repos touch the database client. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    { name: 'platform-not-modules', severity: 'error', from: { path: '^server/src/platform' }, to: { path: '^server/src/modules' } },
    {
      name: 'db-client-only-in-repos',
      comment: 'Only *.repo.ts (and the composition root, seed and tests) may import drizzle or pg directly.',
      severity: 'error',
      from: { path: '^server/src/modules', pathNot: '(\\.repo\\.ts|\\.test\\.ts)$' },
      to: { path: '(node_modules/(drizzle-orm|pg)/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
    exclude: { path: '(node_modules|dist)' },
  },
};
