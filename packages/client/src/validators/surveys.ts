// Loaded with `import()` on first use; see procedures.ts.
export { SatisfactionResponse, SurveyDefinition, SurveyStatus } from '@egov-kit/schema';
