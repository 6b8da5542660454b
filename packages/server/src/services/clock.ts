import {
  dueDate,
  type Procedure,
  type ProcessingTime,
  VIETNAM_CALENDAR,
  type WorkingCalendar,
} from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { DossierRow } from './dossier-rows.js';
import { getProcedure } from './procedures.js';

/** The processing time of a dossier's case on its channel (or the case's first stated one). */
export function processingTimeOf(
  procedure: Procedure,
  row: Pick<DossierRow, 'case_code' | 'channel'>,
): ProcessingTime | undefined {
  const procedureCase = procedure.cases.find((c) => c.code === row.case_code);
  const options = procedureCase?.channels ?? [];
  return (
    options.find((option) => option.channel === row.channel && option.processingTime)
      ?.processingTime ?? options.find((option) => option.processingTime)?.processingTime
  );
}

/**
 * The due date from the receipt, the processing time and every pause of the clock so far, on
 * the working calendar of the schema package (the same rules the tracker explains).
 */
export async function computeDueAt(
  tx: Queryable,
  row: Pick<DossierRow, 'id' | 'received_at'>,
  time: ProcessingTime | undefined,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): Promise<string | null> {
  if (!time || !row.received_at) return null;
  const pauses = await tx.query<{ started_at: string; ended_at: string | null }>(
    'select started_at, ended_at from dossier_pauses where dossier_id = $1 and ended_at is not null order by started_at',
    [row.id],
  );
  const value = time.maxValue ?? time.value; // a range promises its upper end
  return dueDate(new Date(row.received_at), { value, unit: time.unit }, calendar, {
    pauses: pauses.map((p) => ({
      from: new Date(p.started_at),
      to: new Date(p.ended_at as string),
    })),
  }).toISOString();
}

/** Stops the clock (awaiting the citizen, a suspension) if it runs. */
export async function pauseClock(
  tx: Queryable,
  row: Pick<DossierRow, 'id' | 'received_at' | 'paused_since'>,
  at: string,
) {
  if (!row.received_at || row.paused_since) return null;
  await tx.query('insert into dossier_pauses (dossier_id, started_at) values ($1, $2)', [
    row.id,
    at,
  ]);
  return at;
}

/** Restarts a stopped clock. */
export async function resumeClock(
  tx: Queryable,
  row: Pick<DossierRow, 'id' | 'paused_since'>,
  at: string,
): Promise<void> {
  if (!row.paused_since) return;
  await tx.query(
    'update dossier_pauses set ended_at = $2 where dossier_id = $1 and ended_at is null',
    [row.id, at],
  );
}

/**
 * The due date after the clock restarted: recomputed with every pause so far, but never earlier
 * than the current one (an apology may already have set a later date).
 */
export async function movedDueAt(tx: Queryable, row: DossierRow): Promise<string | null> {
  const procedure = await getProcedure(tx, row.procedure_code);
  const recomputed = await computeDueAt(tx, row, processingTimeOf(procedure, row));
  if (!row.due_at) return recomputed;
  if (!recomputed) return row.due_at;
  return Date.parse(recomputed) > Date.parse(row.due_at) ? recomputed : row.due_at;
}
