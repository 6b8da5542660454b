/** Custom Elements Manifest analyzer: feeds Storybook's docs, editors and framework typings. */
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/internal/**', 'src/**/*.styles.ts', 'src/**/define.ts', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
