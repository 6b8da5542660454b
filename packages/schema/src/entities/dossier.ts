import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { DossierStatus } from '../status/status-schema.js';
import { Applicant } from './applicant.js';
import { Id, Timestamp } from './common.js';
import { Channel, Fee } from './procedure.js';

/** The files supplied for one required document. */
export const DossierDocument = z
  .object({
    requirementCode: described(z.string(), 'The RequiredDocument code in the procedure case.'),
    attachmentIds: z.array(Id),
  })
  .register(z.globalRegistry, {
    id: 'DossierDocument',
    description: 'Files supplied for one required document.',
  });
export type DossierDocument = z.infer<typeof DossierDocument>;

/** The outcome of a resolved dossier. */
export const DossierOutcome = z
  .object({
    decision: described(
      z.enum(['approved', 'refused']),
      'approved: the result was granted; refused: a written refusal with reasons.',
    ),
    note: z.optional(z.string()),
    resultAttachmentIds: described(z.array(Id), 'The result documents (often signed PDFs).'),
  })
  .register(z.globalRegistry, { id: 'DossierOutcome', description: 'What the agency decided.' });
export type DossierOutcome = z.infer<typeof DossierOutcome>;

/** A dossier (hồ sơ): one application for one procedure case, from draft to returned result. */
export const Dossier = z
  .object({
    id: Id,
    code: z.optional(
      described(z.string(), 'The dossier code printed on the receipt; assigned on submit.'),
    ),
    verifier: z.optional(
      described(
        z.string(),
        'The verification code printed on the receipt beside the code; shown to the applicant and the agency, never in the public lookup.',
      ),
    ),
    procedureCode: described(z.string(), 'The national procedure code.'),
    caseCode: described(z.string(), 'The case of the procedure.'),
    formId: z.string(),
    formVersion: z.int().check(z.positive()),
    channel: Channel,
    applicant: z.optional(Applicant),
    formData: described(
      z.record(z.string(), z.unknown()),
      'Answers, validated by the FormDefinition.',
    ),
    documents: z.array(DossierDocument),
    status: DossierStatus,
    nationalStatusCode: z.nullable(
      described(
        z.int().check(z.gte(1), z.lte(10)),
        'National one-stop status code 1–10; null for a draft.',
      ),
    ),
    agencyCode: z.optional(described(z.string(), 'The agency that has the dossier now.')),
    step: z.optional(described(z.string(), 'The processing step it is at.')),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    submittedAt: z.optional(Timestamp),
    receivedAt: z.optional(Timestamp),
    dueAt: z.optional(
      described(
        z.iso.datetime({ offset: true }),
        'When the result is due, from the working-day calendar; moves on an apology.',
      ),
    ),
    completedAt: z.optional(Timestamp),
    returnedAt: z.optional(Timestamp),
    pausedSince: z.optional(
      described(
        z.iso.datetime({ offset: true }),
        'Set while the clock is stopped (awaiting the citizen); unset when it runs.',
      ),
    ),
    overdue: described(z.boolean(), 'Derived: past dueAt and not completed (or completed late).'),
    pendingFees: z.optional(
      described(z.array(Fee), 'awaiting_payment: the fees the agency asked for, not yet paid.'),
    ),
    paymentDueAt: z.optional(
      described(Timestamp, 'awaiting_payment: the time to pay the fees by.'),
    ),
    outcome: z.optional(DossierOutcome),
    version: described(z.int().check(z.positive()), 'Raised on every change; the ETag of a draft.'),
  })
  .register(z.globalRegistry, {
    id: 'Dossier',
    description: 'A dossier (hồ sơ): one application, draft to result.',
  });
export type Dossier = z.infer<typeof Dossier>;
