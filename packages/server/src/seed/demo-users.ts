import type { Principal } from '../http/auth.js';

/** The demo users `pnpm start` prints tokens for. Made up; nobody real. */
export const DEMO_USERS = {
  citizen: { id: 'citizen-demo', role: 'citizen', name: 'Nguyễn Văn An (demo)' },
  citizen2: { id: 'citizen-demo-2', role: 'citizen', name: 'Trần Thị Bình (demo)' },
  officer: {
    id: 'officer-demo',
    role: 'officer',
    name: 'Lê Minh Cường (demo)',
    agencyCode: 'UBND-20242',
  },
  admin: { id: 'admin-demo', role: 'admin', name: 'Quản trị (demo)' },
} as const satisfies Record<string, Principal>;
