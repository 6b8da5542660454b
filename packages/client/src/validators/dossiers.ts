// Loaded with `import()` on first use; see procedures.ts. Officer calls answer dossiers too.
export { Dossier, DossierPage, EventList, LookupResult } from '@egov-kit/schema';
