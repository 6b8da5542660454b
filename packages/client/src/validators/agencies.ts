// Loaded with `import()` on first use; see procedures.ts.
export { AgencyList } from '@egov-kit/schema';
