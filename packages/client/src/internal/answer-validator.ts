import type * as z from 'zod/mini';

type Validator = <T>(schema: z.ZodMiniType<T>) => z.ZodMiniType<T>;

/**
 * What an answer is validated with, given its schema: the schema itself — or, where the Node
 * entry (`node.ts`) has set one, what that says (its compiled form once the schema is hot).
 */
export let answerValidator: Validator = (schema) => schema;

/** Sets what answers are validated with (the Node entry does, once). */
export function setAnswerValidator(validator: Validator): void {
  answerValidator = validator;
}
