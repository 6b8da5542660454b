// Loaded with `import()` on first use; see procedures.ts.
export { Health } from '@egov-kit/schema';
