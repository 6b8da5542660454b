import * as z from 'zod/mini';
import { described } from '../internal/described.js';

/** One invalid field of a request. */
export const FieldError = z
  .object({
    path: described(
      z.string(),
      'Where, as a dotted path, e.g. formData.fullName or applicant.phone.',
    ),
    code: described(z.string(), 'What is wrong, for programs, e.g. required, format, check-digit.'),
    message: described(
      z.string(),
      "What is wrong, for people, in the request's language (vi or en).",
    ),
  })
  .register(z.globalRegistry, { id: 'FieldError', description: 'One invalid field of a request.' });
export type FieldError = z.infer<typeof FieldError>;

/** An error response, `application/problem+json` (RFC 9457). */
export const Problem = z
  .object({
    type: described(
      z.string(),
      'A URI naming the kind of problem; about:blank for plain HTTP errors.',
    ),
    title: described(
      z.string(),
      'A short summary of the kind of problem, in the request language.',
    ),
    status: z.int().check(z.gte(400), z.lte(599)),
    detail: z.optional(described(z.string(), 'What happened this time, in the request language.')),
    instance: z.optional(z.string()),
    code: z.optional(described(z.string(), 'A stable code for programs, e.g. wrong_status.')),
    errors: z.optional(described(z.array(FieldError), 'Field errors, for a 400/422.')),
  })
  .register(z.globalRegistry, {
    id: 'Problem',
    description: 'An error, as application/problem+json (RFC 9457).',
  });
export type Problem = z.infer<typeof Problem>;
