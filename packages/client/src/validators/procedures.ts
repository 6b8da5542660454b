// The answers' schemas of the procedure operations. Loaded with `import()` on the first call
// that validates, so that a page pays for zod and these schemas only when it uses them.
export { FormDefinition, Procedure, ProcedurePage } from '@egov-kit/schema';
