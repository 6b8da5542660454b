import type { Queryable } from '../db/database.js';

/**
 * Deletes dossiers (drafts: abandoned ones, by housekeeping, or one its applicant deletes) with everything
 * that names them. Their files go to `orphan_files`: the orphan sweep removes each once no other
 * attachment names the same bytes.
 */
export async function deleteDossierRows(tx: Queryable, ids: readonly string[]): Promise<void> {
  await tx.query(
    `insert into orphan_files (sha256, since)
     select distinct sha256, now() from attachments where dossier_id = any($1::uuid[])
     on conflict (sha256) do nothing`,
    [ids],
  );
  for (const table of [
    'attachments',
    'dossier_events',
    'dossier_pauses',
    'payments',
    'survey_responses',
  ]) {
    await tx.query(`delete from ${table} where dossier_id = any($1::uuid[])`, [ids]);
  }
  await tx.query('delete from dossiers where id = any($1::uuid[])', [ids]);
}
