import * as z from 'zod/mini';
import { DOSSIER_STATUSES } from './statuses.js';

/** The zod schema of a dossier status, for validating requests and responses. */
export const DossierStatus = z.enum(DOSSIER_STATUSES).register(z.globalRegistry, {
  id: 'DossierStatus',
  description:
    'Status of a dossier. Terminal: returned, rejected, withdrawn. Overdue is derived from dueAt, never a status.',
});
export type DossierStatus = z.infer<typeof DossierStatus>;
