import type { Agency } from '@egov-kit/schema';

/**
 * The demo agencies: one receiving desk per level. A real deployment loads its own directory;
 * dossiers go to the agency of the applicant's commune or province when one is registered.
 */
export const DEMO_AGENCIES: readonly Agency[] = [
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
