// Loaded with `import()` on first use; see procedures.ts.
export { SatisfactionResponse, SurveyDefinition } from '@egov-kit/schema';
