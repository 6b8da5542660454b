import { createHash, timingSafeEqual } from 'node:crypto';
import type { LookupResult } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import { RESULT_REQUIREMENT } from './attachments.js';
import { DomainError } from './domain-error.js';
import { type DossierRow, dossierFromRow } from './dossier-rows.js';
import { listEvents } from './events.js';

/**
 * The public lookup: anyone holding the receipt (code + verifier) sees the status, the dates and
 * the events — never the applicant's personal data, the answers or officers' names and notes.
 */
export async function lookupDossier(
  db: Queryable,
  code: string,
  verifier: string,
): Promise<LookupResult> {
  const [row] = await db.query<DossierRow & { procedure_name: string }>(
    'select d.*, p.name as procedure_name from dossiers d join procedures p on p.code = d.procedure_code where d.code = $1',
    [code.trim().toUpperCase()],
  );
  // An unknown code and a wrong verifier answer alike, after the same comparison: a caller
  // must not learn which codes exist (they are sequential) and then guess verifiers for them.
  const matches = sameSecret(row?.verifier ?? UNMATCHABLE, verifier.trim().toUpperCase());
  if (!row?.verifier || !matches) {
    throw new DomainError(
      'not_found',
      {
        vi: 'Không có hồ sơ nào khớp mã hồ sơ và mã xác thực này. Kiểm tra lại cả hai mã in trên phiếu tiếp nhận.',
        en: 'No dossier matches this code and verification code. Check both on the receipt.',
      },
      { subcode: 'no_match' },
    );
  }
  const dossier = dossierFromRow(row);
  const events = await listEvents(db, row.id);
  const results = await db.query<{ id: string }>(
    'select id from attachments where dossier_id = $1 and requirement_code = $2 order by uploaded_at',
    [row.id, RESULT_REQUIREMENT],
  );
  return {
    dossier: {
      ...(dossier.code ? { code: dossier.code } : {}),
      procedureCode: dossier.procedureCode,
      status: dossier.status,
      nationalStatusCode: dossier.nationalStatusCode,
      ...(dossier.submittedAt ? { submittedAt: dossier.submittedAt } : {}),
      ...(dossier.receivedAt ? { receivedAt: dossier.receivedAt } : {}),
      ...(dossier.dueAt ? { dueAt: dossier.dueAt } : {}),
      ...(dossier.completedAt ? { completedAt: dossier.completedAt } : {}),
      ...(dossier.returnedAt ? { returnedAt: dossier.returnedAt } : {}),
      overdue: dossier.overdue,
      ...(dossier.agencyCode ? { agencyCode: dossier.agencyCode } : {}),
    },
    procedureName: row.procedure_name,
    events: events
      .filter((event) => event.action !== 'create')
      .map(({ action, fromStatus, toStatus, at, dueAt, notice }) => ({
        action,
        fromStatus,
        toStatus,
        at,
        ...(dueAt ? { dueAt } : {}),
        ...(notice ? { notice } : {}),
      })),
    resultAttachmentIds:
      dossier.status === 'returned' || dossier.status === 'resolved'
        ? results.map((r) => r.id)
        : [],
  };
}

/** Compared against when there is no dossier, so that both refusals cost the same. */
const UNMATCHABLE = '\u0000'.repeat(8);

/** Constant-time comparison of digests, so that the time taken says nothing of the verifier. */
function sameSecret(expected: string, given: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
