import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { DossierStatus } from '../status/status-schema.js';
import { Id, Timestamp } from './common.js';

/** A notice issued to the applicant with an event. */
export const Notice = z
  .object({
    kind: described(
      z.enum([
        'receipt',
        'supplement_request',
        'refusal',
        'payment_request',
        'stop',
        'apology',
        'result',
      ]),
      'The kind of notice (phiếu tiếp nhận, phiếu yêu cầu bổ sung, …).',
    ),
    number: z.optional(described(z.string(), 'The notice number, where the agency numbers them.')),
    requestedDocuments: z.optional(
      described(z.array(z.string()), 'supplement_request: the RequiredDocument codes asked for.'),
    ),
    attachmentId: z.optional(Id),
  })
  .register(z.globalRegistry, { id: 'Notice', description: 'A notice issued to the applicant.' });
export type Notice = z.infer<typeof Notice>;

/** One entry of a dossier's audit trail. */
export const DossierEvent = z
  .object({
    id: Id,
    dossierId: Id,
    action: described(z.string(), 'The action of the status machine, or "create"/"update".'),
    fromStatus: z.nullable(DossierStatus),
    toStatus: DossierStatus,
    actor: described(
      z.object({
        role: z.enum(['citizen', 'officer', 'system']),
        id: z.optional(z.string()),
        name: z.optional(z.string()),
        agencyCode: z.optional(z.string()),
      }),
      'Who took the action.',
    ),
    at: Timestamp,
    note: z.optional(described(z.string(), 'The reason or message for the applicant.')),
    dueAt: z.optional(
      described(
        z.iso.datetime({ offset: true }),
        'The new due date this event set (receipt, apology).',
      ),
    ),
    notice: z.optional(Notice),
    attachmentIds: z.array(Id),
  })
  .register(z.globalRegistry, {
    id: 'DossierEvent',
    description: "An entry in a dossier's audit trail.",
  });
export type DossierEvent = z.infer<typeof DossierEvent>;
