import * as z from 'zod/mini';
import type { FormDefinition } from '../entities/form-definition.js';
import { type FormValidationOptions, validateFormData } from './validate-form-data.js';

/**
 * The zod schema of a form's answers, for code that validates with zod (a request body, a
 * browser form library). Issues carry the field name as path and the code in `params.code`.
 */
export function formDataSchema(definition: FormDefinition, options: FormValidationOptions = {}) {
  return z.record(z.string(), z.unknown()).check(
    z.superRefine((data, ctx) => {
      const result = validateFormData(definition, data, options);
      if (result.ok) return;
      for (const error of result.errors) {
        ctx.addIssue({
          code: 'custom',
          path: [error.path],
          message: error.message,
          params: { code: error.code },
        });
      }
    }),
  );
}
