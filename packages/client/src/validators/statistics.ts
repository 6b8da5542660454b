// Loaded with `import()` on first use; see procedures.ts.
export { OnTimeStatistics, ServiceStatistics } from '@egov-kit/schema';
