import type { Agency, Applicant, Procedure } from '@egov-kit/schema';
import procedures from './procedures.json' with { type: 'json' };

/**
 * Real national procedures (imported from the national records with the schema's importer, as
 * the reference server seeds them; `scripts/build-mock-data.mjs` writes the file).
 */
export const SAMPLE_PROCEDURES = procedures as unknown as readonly Procedure[];

/** Receiving desks of real administrative units; the names are the units' own. */
export const SAMPLE_AGENCIES: readonly Agency[] = [
  {
    code: 'UBND-20242',
    name: 'Ủy ban nhân dân Phường Hải Châu (Đà Nẵng)',
    level: 'commune',
    unitCode: '20242',
    parentCode: 'UBND-48',
  },
  {
    code: 'UBND-00070',
    name: 'Ủy ban nhân dân Phường Hoàn Kiếm (Hà Nội)',
    level: 'commune',
    unitCode: '00070',
    parentCode: 'UBND-01',
  },
  { code: 'UBND-48', name: 'Ủy ban nhân dân Thành phố Đà Nẵng', level: 'province', unitCode: '48' },
  { code: 'UBND-01', name: 'Ủy ban nhân dân Thành phố Hà Nội', level: 'province', unitCode: '01' },
  { code: 'BQP', name: 'Bộ Quốc phòng', level: 'ministry' },
];

/** Who the mock's tokens stand for. Made up: nobody real. */
export const SAMPLE_USERS = {
  citizen: {
    token: 'mock-citizen-mai',
    id: 'mock-citizen-1',
    role: 'citizen',
    name: 'Nguyễn Thị Mai (mẫu)',
  },
  otherCitizen: {
    token: 'mock-citizen-hung',
    id: 'mock-citizen-2',
    role: 'citizen',
    name: 'Trần Văn Hùng (mẫu)',
  },
  officer: {
    token: 'mock-officer-haichau',
    id: 'mock-officer-1',
    role: 'officer',
    name: 'Lê Minh Cường (mẫu)',
    agencyCode: 'UBND-20242',
  },
} as const;

/** A made-up applicant of Phường Hải Châu, Đà Nẵng, for the sample dossiers. */
export const SAMPLE_APPLICANT: Applicant = {
  kind: 'individual',
  fullName: 'Nguyễn Thị Mai',
  idType: 'citizen_id',
  idNumber: '048302004567',
  dateOfBirth: '2002-05-19',
  phone: '0935123789',
  email: 'mai.nguyen@example.vn',
  address: { provinceCode: '48', communeCode: '20242', street: '27 Bạch Đằng' },
};
