import { timingSafeEqual } from 'node:crypto';
import type { LookupResult } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import { HttpProblem } from '../http/problem.js';
import { RESULT_REQUIREMENT } from './attachments.js';
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
  if (!row) {
    throw new HttpProblem(
      'not_found',
      {
        vi: `Không có hồ sơ mã ${code}. Kiểm tra lại mã in trên phiếu tiếp nhận.`,
        en: `There is no dossier ${code}. Check the code printed on the receipt.`,
      },
      { subcode: 'unknown_code' },
    );
  }
  if (!sameSecret(row.verifier ?? '', verifier.trim().toUpperCase())) {
    throw new HttpProblem(
      'forbidden',
      {
        vi: 'Mã xác thực không đúng. Kiểm tra lại mã xác thực in trên phiếu tiếp nhận.',
        en: 'The verification code is wrong. Check the one printed on the receipt.',
      },
      { subcode: 'wrong_verifier' },
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

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
