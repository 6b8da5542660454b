import type { FormDefinition } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { DomainFieldError } from './domain-error.js';

/** Where a request names attachments: a field path and the ids it names. */
export interface AttachmentRef {
  readonly path: string;
  readonly ids: readonly string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The attachment ids the `file` fields of a form name in these (validated) answers. */
export function fileAnswers(
  form: FormDefinition,
  answers: Readonly<Record<string, unknown>>,
): AttachmentRef[] {
  const refs: AttachmentRef[] = [];
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (field.type !== 'file') continue;
      const value = answers[field.name];
      if (value === undefined || value === null) continue;
      const ids = (Array.isArray(value) ? value : [value]).map(String);
      refs.push({ path: `formData.${field.name}`, ids });
    }
  }
  return refs;
}

/**
 * A field error for every id that is not an attachment of this dossier — another dossier's, one
 * that never existed, or not even an id — and, with `requirementCode`, for every attachment not
 * uploaded under that code (a result must name result documents). Without this check a dossier
 * could point at a stranger's file, and a result at nothing.
 */
export async function foreignAttachments(
  tx: Queryable,
  dossierId: string,
  refs: readonly AttachmentRef[],
  options: { requirementCode?: string } = {},
): Promise<DomainFieldError[]> {
  const ids = [...new Set(refs.flatMap((ref) => ref.ids))].filter((id) => UUID.test(id));
  const known = new Set<string>();
  if (ids.length) {
    const rows = await tx.query<{ id: string }>(
      `select id from attachments where dossier_id = $1 and id = any($2::uuid[])
         and ($3::text is null or requirement_code = $3)`,
      [dossierId, ids, options.requirementCode ?? null],
    );
    for (const row of rows) known.add(row.id);
  }
  return refs.flatMap((ref) =>
    ref.ids
      .filter((id) => !known.has(id.toLowerCase()))
      .map((id) => ({
        path: ref.path,
        code: 'unknown_attachment',
        message: {
          vi: `Không có tệp đính kèm "${id.slice(0, 60)}" trong hồ sơ này.`,
          en: `This dossier has no attachment "${id.slice(0, 60)}".`,
        },
      })),
  );
}
