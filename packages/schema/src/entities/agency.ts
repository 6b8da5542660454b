import * as z from 'zod/mini';

/** A public agency that receives or processes dossiers. */
export const Agency = z
  .object({
    code: z
      .string()
      .check(z.minLength(1), z.describe("The agency's code in the national directory.")),
    name: z.string().check(z.minLength(1), z.describe('Official name, in Vietnamese.')),
    level: z
      .enum(['ministry', 'province', 'commune'])
      .check(z.describe('Level of government: ministry, province or commune.')),
    unitCode: z.optional(
      z.string().check(z.describe('The administrative unit it serves (province or commune code).')),
    ),
    parentCode: z.optional(z.string().check(z.describe('The agency it belongs to, if any.'))),
  })
  .register(z.globalRegistry, {
    id: 'Agency',
    description: 'A public agency that receives or processes dossiers.',
  });
export type Agency = z.infer<typeof Agency>;
