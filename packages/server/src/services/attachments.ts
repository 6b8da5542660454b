import { randomUUID } from 'node:crypto';
import { type Attachment, detectMediaType, isAcceptedMediaType } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import type { FileStore, ReceivedFile, StoredFile } from '../storage/file-store.js';
import { loadDossier } from './access.js';
import { DomainError } from './domain-error.js';
import { getProcedure } from './procedures.js';
import {
  checkUploadRoom,
  DEFAULT_UPLOAD_LIMITS,
  lockCitizen,
  type UploadLimits,
} from './quotas.js';

/** The requirement code officers attach result documents under. */
export const RESULT_REQUIREMENT = 'result';

const RESULT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const RESULT_MAX_BYTES = 20 * 1024 * 1024;

interface AttachmentRow {
  id: string;
  dossier_id: string | null;
  requirement_code: string | null;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_at: string;
}

/**
 * Keeps a received file for one required document of a dossier's procedure case, after checking
 * its size and its type by content against what that document accepts, and the dossier's and
 * the citizen's limits. Citizens upload to their drafts and while asked to supplement; officers
 * upload result documents. The file was received before the transaction (see
 * `FileStore.receive`); the caller discards its temporary copy whatever happens here.
 */
export async function uploadAttachment(
  tx: Queryable,
  principal: Principal,
  dossierId: string,
  upload: { fileName: string; file: ReceivedFile; requirementCode: string },
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<Attachment> {
  const size = upload.file.size;
  const dossier = await loadDossier(tx, principal, dossierId, { lock: true });
  let accepted: readonly string[];
  let maxBytes: number;
  if (principal.role === 'citizen') {
    if (dossier.status !== 'draft' && dossier.status !== 'awaiting_supplement') {
      throw new DomainError(
        'conflict',
        {
          vi: 'Chỉ đính kèm được khi soạn hồ sơ hoặc khi được yêu cầu bổ sung.',
          en: 'Files can be attached while drafting or when asked to supplement.',
        },
        { subcode: 'wrong_status' },
      );
    }
    const procedure = await getProcedure(tx, dossier.procedure_code);
    const requirement = procedure.cases
      .find((c) => c.code === dossier.case_code)
      ?.documents.find((d) => d.code === upload.requirementCode);
    if (!requirement) {
      throw new DomainError(
        'invalid',
        {
          vi: 'Giấy tờ này không có trong thành phần hồ sơ.',
          en: 'This document is not among the required documents.',
        },
        {
          errors: [
            {
              path: 'requirementCode',
              code: 'unknown',
              message: { vi: 'Mã giấy tờ không đúng.', en: 'Unknown document code.' },
            },
          ],
        },
      );
    }
    accepted = requirement.acceptedTypes;
    maxBytes = requirement.maxSizeBytes;
  } else {
    if (upload.requirementCode !== RESULT_REQUIREMENT) {
      throw new DomainError('forbidden', {
        vi: 'Cán bộ chỉ đính kèm văn bản kết quả.',
        en: 'Officers attach result documents only.',
      });
    }
    accepted = RESULT_TYPES;
    maxBytes = RESULT_MAX_BYTES;
  }
  if (size > maxBytes) {
    throw new DomainError('too_large', {
      vi: `Tệp "${upload.fileName}" nặng ${mb(size)}, vượt giới hạn ${mb(maxBytes)}.`,
      en: `"${upload.fileName}" is ${mb(size)}, over the ${mb(maxBytes)} limit.`,
    });
  }
  if (size === 0) {
    throw new DomainError('invalid', {
      vi: `Tệp "${upload.fileName}" trống.`,
      en: `"${upload.fileName}" is empty.`,
    });
  }
  const detected = detectMediaType(upload.file.head);
  if (!isAcceptedMediaType(detected, accepted)) {
    throw new DomainError('unsupported_type', {
      vi: `Tệp "${upload.fileName}" không phải định dạng được chấp nhận (${accepted.join(', ')}).`,
      en: `"${upload.fileName}" is not an accepted format (${accepted.join(', ')}).`,
    });
  }
  if (principal.role === 'citizen') await lockCitizen(tx, principal);
  await checkUploadRoom(tx, principal, dossierId, size, limits);
  const sha256 = upload.file.sha256;
  // Shared with other uploads of the same bytes, exclusive for the sweeper that removes files
  // no attachment names any more (housekeeping): the file cannot vanish between here and commit.
  await tx.query('select pg_advisory_xact_lock_shared($1)', [fileLockKey(sha256)]);
  await upload.file.keep();
  const [row] = await tx.query<AttachmentRow>(
    `insert into attachments (id, dossier_id, requirement_code, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, now()) returning *`,
    [
      randomUUID(),
      dossierId,
      upload.requirementCode,
      cleanName(upload.fileName),
      detected,
      size,
      sha256,
      principal.id,
    ],
  );
  return attachmentFromRow(row as AttachmentRow);
}

/**
 * The size limit of the document an upload is for, read before its bytes arrive so that the
 * limit holds while streaming; `undefined` when it cannot be told yet (the full checks run once
 * the file is in). Throws 404 for a dossier the caller may not see: a stranger's upload is
 * refused before it is read.
 */
export async function uploadSizeLimit(
  db: Queryable,
  principal: Principal,
  dossierId: string,
  requirementCode: string | undefined,
): Promise<number | undefined> {
  const dossier = await loadDossier(db, principal, dossierId);
  if (principal.role !== 'citizen') return RESULT_MAX_BYTES;
  if (!requirementCode) return undefined;
  const procedure = await getProcedure(db, dossier.procedure_code);
  return procedure.cases
    .find((c) => c.code === dossier.case_code)
    ?.documents.find((d) => d.code === requirementCode)?.maxSizeBytes;
}

/**
 * A file and its metadata, for whoever may see the dossier — or, for a result document, for
 * anyone holding the receipt's code and verifier.
 */
export async function downloadAttachment(
  db: Queryable,
  files: FileStore,
  principal: Principal | undefined,
  id: string,
  receipt: { code?: string | undefined; verifier?: string | undefined },
): Promise<{ attachment: Attachment; file: StoredFile }> {
  const notFound = new DomainError('not_found', {
    vi: 'Không tìm thấy tệp.',
    en: 'File not found.',
  });
  const [row] = await db.query<AttachmentRow>('select * from attachments where id = $1', [id]);
  if (!row?.dossier_id) throw notFound;
  if (principal) {
    await loadDossier(db, principal, row.dossier_id);
  } else {
    const [dossier] = await db.query<{ code: string; verifier: string; status: string }>(
      'select code, verifier, status from dossiers where id = $1',
      [row.dossier_id],
    );
    const holdsReceipt =
      receipt.code &&
      receipt.verifier &&
      dossier?.code === receipt.code &&
      dossier.verifier === receipt.verifier.toUpperCase();
    if (!holdsReceipt || row.requirement_code !== RESULT_REQUIREMENT) throw notFound;
  }
  const file = await files.open(row.sha256);
  if (!file) throw notFound;
  return { attachment: attachmentFromRow(row), file };
}

/**
 * The advisory lock key of a stored file: 63 bits of its SHA-256 (a collision only serialises
 * two unrelated uploads a little).
 */
export function fileLockKey(sha256: string): string {
  return BigInt.asIntN(64, BigInt(`0x${sha256.slice(0, 16)}`)).toString();
}

/**
 * Notes a file kept by an upload whose request then failed, for housekeeping's orphan sweep
 * (which removes it only if no attachment names the same bytes).
 */
export async function noteOrphanFile(db: Queryable, sha256: string): Promise<void> {
  await db.query(
    'insert into orphan_files (sha256, since) values ($1, now()) on conflict (sha256) do nothing',
    [sha256],
  );
}

function attachmentFromRow(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    ...(row.dossier_id ? { dossierId: row.dossier_id } : {}),
    ...(row.requirement_code ? { requirementCode: row.requirement_code } : {}),
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    uploadedAt: row.uploaded_at,
  };
}

/** A file name safe to store and to send back in Content-Disposition. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // Control characters and quotes would break the Content-Disposition header.
  const cleaned = [...base.normalize('NFC')]
    .filter((char) => char >= ' ' && char !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
