// Loaded with `import()` on first use; see procedures.ts.
export { Attachment } from '@egov-kit/schema';
