import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { DomainError } from './domain-error.js';
import type { DossierRow } from './dossier-rows.js';

/**
 * A dossier the caller may see, locked for update when `lock` is set (inside a transaction), or
 * a 404 — also when it exists but is someone else's: its existence is not the caller's business.
 * Citizens see their own; officers the submitted dossiers of their agency; admins all.
 */
export async function loadDossier(
  db: Queryable,
  principal: Principal,
  id: string,
  options: { lock?: boolean } = {},
): Promise<DossierRow> {
  const [row] = await db.query<DossierRow>(
    `select * from dossiers where id = $1${options.lock ? ' for update' : ''}`,
    [id],
  );
  if (!row || !canSee(principal, row)) {
    throw new DomainError('not_found', { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' });
  }
  return row;
}

function canSee(principal: Principal, row: DossierRow): boolean {
  switch (principal.role) {
    case 'citizen':
      return row.owner_id === principal.id;
    case 'officer':
      return (
        row.status !== 'draft' &&
        row.agency_code !== null &&
        row.agency_code === principal.agencyCode
      );
    case 'admin':
      return true;
  }
}
