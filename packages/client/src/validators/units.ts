// Loaded with `import()` on first use; see procedures.ts.
export { AdministrativeUnit, UnitList } from '@egov-kit/schema';
