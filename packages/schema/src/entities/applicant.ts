import * as z from 'zod/mini';
import { described } from '../internal/described.js';

/** A postal address on the 2025 two-level administrative map. */
export const Address = z
  .object({
    provinceCode: described(z.string().check(z.regex(/^\d{2}$/)), 'Province code (2025), e.g. 48.'),
    communeCode: described(
      z.string().check(z.regex(/^\d{5}$/)),
      'Commune, ward or special zone code (2025).',
    ),
    street: described(z.string().check(z.minLength(1)), 'House number, street, hamlet.'),
  })
  .register(z.globalRegistry, {
    id: 'Address',
    description: 'An address: province, commune and street line.',
  });
export type Address = z.infer<typeof Address>;

/** Which identity document a person's number is from. */
export const IdentityDocumentType = described(
  z.enum(['citizen_id', 'legacy_id', 'passport']),
  'citizen_id: 12-digit personal ID (CCCD); legacy_id: 9-digit CMND; passport: for foreigners.',
);
export type IdentityDocumentType = z.infer<typeof IdentityDocumentType>;

const contact = {
  phone: described(z.string().check(z.minLength(1)), 'Phone number, national or +84 form.'),
  email: z.optional(described(z.email(), 'Email for notices about the dossier.')),
  address: Address,
};

/** A person applying for themself or on someone's behalf. */
export const IndividualApplicant = z
  .object({
    kind: z.literal('individual'),
    fullName: described(z.string().check(z.minLength(1)), 'Full name as on the ID.'),
    idType: IdentityDocumentType,
    idNumber: described(z.string().check(z.minLength(1)), 'The number of that document.'),
    dateOfBirth: z.optional(described(z.iso.date(), 'YYYY-MM-DD.')),
    ...contact,
  })
  .register(z.globalRegistry, { id: 'IndividualApplicant', description: 'A person applying.' });

/** A business or organisation applying through its representative. */
export const OrganisationApplicant = z
  .object({
    kind: z.literal('organisation'),
    name: described(z.string().check(z.minLength(1)), 'Registered name.'),
    taxCode: described(z.string().check(z.minLength(10)), 'Tax code (mã số thuế).'),
    representative: described(
      z.object({
        fullName: z.string().check(z.minLength(1)),
        idType: IdentityDocumentType,
        idNumber: z.string().check(z.minLength(1)),
        position: z.optional(described(z.string(), 'E.g. Giám đốc.')),
      }),
      'The person who acts for the organisation.',
    ),
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
