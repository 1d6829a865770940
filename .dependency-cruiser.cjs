// The layer table of docs/ARCHITECTURE.md, checked by dependency-cruiser in `npm run lint`.
// One rule a line of that table; the core's folders are ranked so that a folder imports only
// folders below it (which also rules out every cycle between them). Test files are not checked.
//
// TypeScript is parsed with swc: dependency-cruiser cannot use TypeScript 7's compiler (it has no
// JS API yet), and swc only has to read import statements here.

/** main/core folders, lowest first: each may import only the ones before it. */
const CORE_RANKS = [
  'errors',
  'clock',
  'random',
  'fs',
  'log',
  'http',
  'net',
  'media',
  'secrets',
  'apixo',
  'downloads',
  'library',
  'references',
  'hosting',
  'budget',
  'jobs',
];

const NODE_BUILTINS = { dependencyTypes: ['core'] };
const coreFolder = (name) => `^main/core/${name}(/|\\.ts$)`;

const coreRankRules = CORE_RANKS.map((name, rank) => {
  const higher = CORE_RANKS.slice(rank + 1);
  return higher.length === 0
    ? null
    : {
        name: `core-rank-${name}`,
        comment: `main/core/${name} may import only core folders ranked below it (${CORE_RANKS.slice(0, rank).join(', ') || 'none'})`,
        severity: 'error',
        from: { path: coreFolder(name) },
        to: { path: `^main/core/(${higher.join('|')})(/|\\.ts$)` },
      };
}).filter(Boolean);

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No import cycle, between files, folders or layers.',
      severity: 'error',
      from: { path: '^(main|preload|renderer|shared)/' },
      to: { circular: true },
    },
    {
      name: 'shared-is-pure',
      comment:
        'shared/ is the contract and the domain: every process may import it, so it imports only zod and itself.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: '^shared/|(^|/)node_modules/zod/' },
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer is a view: it talks to main through window.studio and imports only shared/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(main|preload)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer is sandboxed: no Node built-ins, no Electron.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { ...NODE_BUILTINS },
    },
    {
      name: 'no-electron-in-ui',
      comment: 'The renderer and shared/ run in the sandboxed page (shared/ also in every process).',
      severity: 'error',
      from: { path: '^(renderer|shared)/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'shared-no-node',
      severity: 'error',
      from: { path: '^shared/' },
      to: { ...NODE_BUILTINS },
    },
    {
      name: 'preload-only-shared',
      comment: 'The preload exposes the contract: it imports shared/ and electron, never main/.',
      severity: 'error',
      from: { path: '^preload/' },
      to: { path: '^(main|renderer)/' },
    },
    {
      name: 'core-no-electron',
      comment: 'main/core is plain Node: it runs under the CLI and the browser host too.',
      severity: 'error',
      from: { path: '^main/(core|demo|service|host|cli)/' },
      to: { path: '^electron$|node_modules/electron/' },
    },
    {
      name: 'core-not-up',
      comment: 'main/core never imports the layers built on it.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: '^(main/(demo|service|electron|host|cli)|preload|renderer)/' },
    },
    {
      name: 'demo-not-up',
      comment: 'The simulator stands on the core only.',
      severity: 'error',
      from: { path: '^main/demo/' },
      to: { path: '^(main/(service|electron|host|cli)|preload|renderer)/' },
    },
    {
      name: 'service-not-up',
      comment: 'main/service is the composition root every host shares: it knows no host.',
      severity: 'error',
      from: { path: '^main/service/' },
      to: { path: '^(main/(electron|host|cli)|preload|renderer)/' },
    },
    {
      name: 'hosts-apart',
      comment:
        'The hosts (Electron, browser host, CLI) stand side by side on main/service and never import each other.',
      severity: 'error',
      from: { path: '^main/(electron|host|cli)/' },
      to: { path: '^(main/(electron|host|cli)|preload|renderer)/', pathNot: '^main/$1/' },
    },
    ...coreRankRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test|bench|scripts)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
