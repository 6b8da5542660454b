import * as z from 'zod/mini';
import { described } from '../internal/described.js';

/** A public agency that receives or processes dossiers. */
export const Agency = z
  .object({
    code: described(
      z.string().check(z.minLength(1)),
      "The agency's code in the national directory.",
    ),
    name: described(z.string().check(z.minLength(1)), 'Official name, in Vietnamese.'),
    level: described(
      z.enum(['ministry', 'province', 'commune']),
      'Level of government: ministry, province or commune.',
    ),
    unitCode: z.optional(
      described(z.string(), 'The administrative unit it serves (province or commune code).'),
    ),
    parentCode: z.optional(described(z.string(), 'The agency it belongs to, if any.')),
  })
  .register(z.globalRegistry, {
    id: 'Agency',
    description: 'A public agency that receives or processes dossiers.',
  });
export type Agency = z.infer<typeof Agency>;
