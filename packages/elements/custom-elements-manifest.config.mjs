/** Custom Elements Manifest analyzer: feeds Storybook's docs, editors and framework typings. */
export default {
  // define.ts files stay in: they are where the analyzer learns each class's tag name.
  // The internal bases are analysed so that every control lists the members it inherits.
  globs: ['src/**/*.ts'],
  exclude: [
    'src/internal/!(form-control|text-input|choice-control).ts',
    'src/**/*.styles.ts',
    'src/bundle.ts',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
};
