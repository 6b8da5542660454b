import * as z from 'zod/mini';

/** A postal address on the 2025 two-level administrative map. */
export const Address = z
  .object({
    provinceCode: z
      .string()
      .check(z.regex(/^\d{2}$/), z.describe('Province code (2025), e.g. 48.')),
    communeCode: z
      .string()
      .check(z.regex(/^\d{5}$/), z.describe('Commune, ward or special zone code (2025).')),
    street: z.string().check(z.minLength(1), z.describe('House number, street, hamlet.')),
  })
  .register(z.globalRegistry, {
    id: 'Address',
    description: 'An address: province, commune and street line.',
  });
export type Address = z.infer<typeof Address>;

/** Which identity document a person's number is from. */
export const IdentityDocumentType = z
  .enum(['citizen_id', 'legacy_id', 'passport'])
  .check(
    z.describe(
      'citizen_id: 12-digit personal ID (CCCD); legacy_id: 9-digit CMND; passport: for foreigners.',
    ),
  );
export type IdentityDocumentType = z.infer<typeof IdentityDocumentType>;

const contact = {
  phone: z.string().check(z.minLength(1), z.describe('Phone number, national or +84 form.')),
  email: z.optional(z.email().check(z.describe('Email for notices about the dossier.'))),
  address: Address,
};

/** A person applying for themself or on someone's behalf. */
export const IndividualApplicant = z
  .object({
    kind: z.literal('individual'),
    fullName: z.string().check(z.minLength(1), z.describe('Full name as on the ID.')),
    idType: IdentityDocumentType,
    idNumber: z.string().check(z.minLength(1), z.describe('The number of that document.')),
    dateOfBirth: z.optional(z.iso.date().check(z.describe('YYYY-MM-DD.'))),
    ...contact,
  })
  .register(z.globalRegistry, { id: 'IndividualApplicant', description: 'A person applying.' });

/** A business or organisation applying through its representative. */
export const OrganisationApplicant = z
  .object({
    kind: z.literal('organisation'),
    name: z.string().check(z.minLength(1), z.describe('Registered name.')),
    taxCode: z.string().check(z.minLength(10), z.describe('Tax code (mã số thuế).')),
    representative: z
      .object({
        fullName: z.string().check(z.minLength(1)),
        idType: IdentityDocumentType,
        idNumber: z.string().check(z.minLength(1)),
        position: z.optional(z.string().check(z.describe('E.g. Giám đốc.'))),
      })
      .check(z.describe('The person who acts for the organisation.')),
    ...contact,
  })
  .register(z.globalRegistry, {
    id: 'OrganisationApplicant',
    description: 'An organisation applying.',
  });

/** Who applies: a person or an organisation. */
export const Applicant = z
  .discriminatedUnion('kind', [IndividualApplicant, OrganisationApplicant])
  .register(z.globalRegistry, {
    id: 'Applicant',
    description: 'The applicant: a person or an organisation.',
  });
export type Applicant = z.infer<typeof Applicant>;
