import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { DomainError } from './domain-error.js';

/**
 * How much one dossier and one citizen may store: without a bound, one account could fill the
 * disk or the bucket, or keep thousands of drafts. Every limit is checked inside the request's
 * transaction, under a lock (the dossier's row, or the citizen's advisory lock), so that
 * simultaneous uploads cannot pass it together.
 */
export interface UploadLimits {
  /** Files attached to one dossier: the applicant's documents and the result documents. */
  readonly filesPerDossier: number;
  /** Bytes attached to one dossier. */
  readonly bytesPerDossier: number;
  /** Drafts one citizen keeps at once (submitted dossiers do not count). */
  readonly draftsPerCitizen: number;
  /** Bytes one citizen has uploaded, over all their dossiers. */
  readonly bytesPerCitizen: number;
}

/**
 * Generous for a person, small for a script: 30 files and 200 MB a dossier, 100 open drafts,
 * 1 GB in all. The byte quota is what bounds storage; the drafts quota bounds rows (an
 * intermediary filing for many people keeps many drafts, hence not fewer).
 */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  filesPerDossier: 30,
  bytesPerDossier: 200 * 1024 * 1024,
  draftsPerCitizen: 100,
  bytesPerCitizen: 1024 * 1024 * 1024,
};

/**
 * Serialises one citizen's quota checks across connections and instances until the transaction
 * ends (a transaction-scoped advisory lock; PGlite has one connection and runs them in turn).
 */
export async function lockCitizen(tx: Queryable, principal: Principal): Promise<void> {
  await tx.query(`select ${citizenLock('$1')}`, [principal.id]);
}

/**
 * The expression that takes a citizen's lock (see `lockCitizen`), `id` the SQL of their id: for
 * a statement that takes it on its way. What the lock guards must be read by a later statement
 * of the transaction — a statement's snapshot is taken before it waits.
 */
export function citizenLock(id: string): string {
  return `pg_advisory_xact_lock(hashtextextended('egov:citizen:' || ${id}, 0))`;
}

/** The message of a refused draft: the citizen has `drafts` already. */
export function draftQuotaError(drafts: number, limits: UploadLimits): DomainError {
  return new DomainError(
    'conflict',
    {
      vi: `Bạn đang có ${drafts} hồ sơ nháp, đã đến giới hạn ${limits.draftsPerCitizen}. Hãy nộp hoặc xóa bớt hồ sơ nháp trước khi tạo hồ sơ mới.`,
      en: `You have ${drafts} drafts, the limit is ${limits.draftsPerCitizen}. Submit or delete some drafts before starting a new one.`,
    },
    { subcode: 'draft_quota' },
  );
}

/** Refuses a new draft beyond the citizen's quota. Call with the citizen locked. */
export async function checkDraftQuota(
  tx: Queryable,
  principal: Principal,
  limits: UploadLimits,
): Promise<void> {
  const [row] = await tx.query<{ n: number }>(
    "select count(*)::int as n from dossiers where owner_id = $1 and status = 'draft'",
    [principal.id],
  );
  if ((row?.n ?? 0) >= limits.draftsPerCitizen) throw draftQuotaError(row?.n ?? 0, limits);
}

/**
 * Refuses a file that would take the dossier over its limits, or — for a citizen's upload — the
 * citizen over their storage quota. Call with the dossier's row locked (and the citizen locked
 * for a citizen).
 */
export async function checkUploadRoom(
  tx: Queryable,
  principal: Principal,
  dossierId: string,
  size: number,
  limits: UploadLimits,
): Promise<void> {
  const [dossier] = await tx.query<{ files: number; bytes: number }>(
    'select count(*)::int as files, coalesce(sum(size_bytes), 0)::bigint as bytes from attachments where dossier_id = $1',
    [dossierId],
  );
  const files = dossier?.files ?? 0;
  const bytes = Number(dossier?.bytes ?? 0);
  if (files + 1 > limits.filesPerDossier) {
    throw new DomainError(
      'conflict',
      {
        vi: `Hồ sơ đã có ${files} tệp, tối đa ${limits.filesPerDossier} tệp.`,
        en: `The dossier has ${files} files already; at most ${limits.filesPerDossier} are allowed.`,
      },
      { subcode: 'dossier_file_limit' },
    );
  }
  if (bytes + size > limits.bytesPerDossier) {
    throw new DomainError(
      'too_large',
      {
        vi: `Tệp này làm hồ sơ vượt giới hạn dung lượng ${mb(limits.bytesPerDossier)} (đã dùng ${mb(bytes)}).`,
        en: `This file would take the dossier over its ${mb(limits.bytesPerDossier)} limit (${mb(bytes)} used).`,
      },
      { subcode: 'dossier_byte_limit' },
    );
  }
  if (principal.role !== 'citizen') return;
  const [mine] = await tx.query<{ bytes: number }>(
    'select coalesce(sum(size_bytes), 0)::bigint as bytes from attachments where uploaded_by = $1',
    [principal.id],
  );
  const used = Number(mine?.bytes ?? 0);
  if (used + size > limits.bytesPerCitizen) {
    throw new DomainError(
      'too_large',
      {
        vi: `Bạn đã dùng ${mb(used)} trong hạn mức lưu trữ ${mb(limits.bytesPerCitizen)}; tệp này vượt hạn mức. Hãy xóa bớt hồ sơ nháp không dùng.`,
        en: `You have used ${mb(used)} of your ${mb(limits.bytesPerCitizen)} storage quota; this file would exceed it. Delete drafts you no longer need.`,
      },
      { subcode: 'citizen_storage_quota' },
    );
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
