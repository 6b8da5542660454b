import * as z from 'zod/mini';
import { DossierStatus } from '../status/status-schema.js';
import { Applicant } from './applicant.js';
import { Id, Timestamp } from './common.js';
import { Channel, Fee } from './procedure.js';

/** The files supplied for one required document. */
export const DossierDocument = z
  .object({
    requirementCode: z
      .string()
      .check(z.describe('The RequiredDocument code in the procedure case.')),
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
    decision: z
      .enum(['approved', 'refused'])
      .check(
        z.describe('approved: the result was granted; refused: a written refusal with reasons.'),
      ),
    note: z.optional(z.string()),
    resultAttachmentIds: z.array(Id).check(z.describe('The result documents (often signed PDFs).')),
  })
  .register(z.globalRegistry, { id: 'DossierOutcome', description: 'What the agency decided.' });
export type DossierOutcome = z.infer<typeof DossierOutcome>;

/** A dossier (hồ sơ): one application for one procedure case, from draft to returned result. */
export const Dossier = z
  .object({
    id: Id,
    code: z.optional(
      z.string().check(z.describe('The dossier code printed on the receipt; assigned on submit.')),
    ),
    verifier: z.optional(
      z
        .string()
        .check(
          z.describe(
            'The verification code printed on the receipt beside the code; shown to the applicant and the agency, never in the public lookup.',
          ),
        ),
    ),
    procedureCode: z.string().check(z.describe('The national procedure code.')),
    caseCode: z.string().check(z.describe('The case of the procedure.')),
    formId: z.string(),
    formVersion: z.int().check(z.positive()),
    channel: Channel,
    applicant: z.optional(Applicant),
    formData: z
      .record(z.string(), z.unknown())
      .check(z.describe('Answers, validated by the FormDefinition.')),
    documents: z.array(DossierDocument),
    status: DossierStatus,
    nationalStatusCode: z.nullable(
      z
        .int()
        .check(
          z.gte(1),
          z.lte(10),
          z.describe('National one-stop status code 1–10; null for a draft.'),
        ),
    ),
    agencyCode: z.optional(z.string().check(z.describe('The agency that has the dossier now.'))),
    step: z.optional(z.string().check(z.describe('The processing step it is at.'))),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    submittedAt: z.optional(Timestamp),
    receivedAt: z.optional(Timestamp),
    dueAt: z.optional(
      z.iso
        .datetime({ offset: true })
        .check(
          z.describe('When the result is due, from the working-day calendar; moves on an apology.'),
        ),
    ),
    completedAt: z.optional(Timestamp),
    returnedAt: z.optional(Timestamp),
    pausedSince: z.optional(
      z.iso
        .datetime({ offset: true })
        .check(
          z.describe('Set while the clock is stopped (awaiting the citizen); unset when it runs.'),
        ),
    ),
    overdue: z
      .boolean()
      .check(z.describe('Derived: past dueAt and not completed (or completed late).')),
    pendingFees: z.optional(
      z
        .array(Fee)
        .check(z.describe('awaiting_payment: the fees the agency asked for, not yet paid.')),
    ),
    paymentDueAt: z.optional(
      Timestamp.check(z.describe('awaiting_payment: the time to pay the fees by.')),
    ),
    outcome: z.optional(DossierOutcome),
    version: z
      .int()
      .check(z.positive(), z.describe('Raised on every change; the ETag of a draft.')),
  })
  .register(z.globalRegistry, {
    id: 'Dossier',
    description: 'A dossier (hồ sơ): one application, draft to result.',
  });
export type Dossier = z.infer<typeof Dossier>;
