// Loaded with `import()` on first use; see procedures.ts.
export { OnTimeStatistics } from '@egov-kit/schema';
