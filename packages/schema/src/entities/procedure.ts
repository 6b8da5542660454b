import * as z from 'zod/mini';
import { described } from '../internal/described.js';
import { AmountVnd } from './common.js';

/** How a dossier can be lodged (hình thức nộp). */
export const Channel = described(
  z.enum(['in_person', 'online', 'postal']),
  'How a dossier is lodged: in person at the one-stop desk, online, or by post (hình thức nộp).',
);
export type Channel = z.infer<typeof Channel>;

/** The unit a processing time is counted in. */
export const ProcessingTimeUnit = described(
  z.enum(['working_days', 'days', 'hours']),
  'working_days skip weekends and public holidays; days are calendar days; hours are working hours.',
);
export type ProcessingTimeUnit = z.infer<typeof ProcessingTimeUnit>;

/** A processing time limit (thời hạn giải quyết). */
export const ProcessingTime = z
  .object({
    value: described(
      z.number().check(z.nonnegative()),
      'The limit, in `unit`s. 0 means the same day.',
    ),
    unit: ProcessingTimeUnit,
    maxValue: z.optional(
      described(
        z.number().check(z.nonnegative()),
        'For a range such as "05 to 07 working days", its upper end; `value` is the lower.',
      ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'ProcessingTime',
    description: 'A processing time limit (thời hạn giải quyết).',
  });
export type ProcessingTime = z.infer<typeof ProcessingTime>;

/** A fee (phí) or charge (lệ phí) a procedure costs. */
export const Fee = z
  .object({
    kind: described(
      z.enum(['fee', 'charge']),
      'fee = phí (pays for a service); charge = lệ phí (a state levy).',
    ),
    amount: AmountVnd,
    note: z.optional(described(z.string(), 'Who pays what, exemptions, conditions.')),
    purpose: z.optional(
      described(
        z.string().check(z.maxLength(500)),
        'What the fee pays for, as the receipt prints it.',
      ),
    ),
    legalBasis: z.optional(
      described(
        z.string().check(z.maxLength(500)),
        'The legal document that sets the fee (căn cứ thu), e.g. 85/2019/TT-BTC.',
      ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'Fee',
    description: 'A fee (phí) or charge (lệ phí), in VND.',
  });
export type Fee = z.infer<typeof Fee>;

/** One way to lodge one case: channel, time limit and fees. */
export const ChannelOption = z
  .object({
    channel: Channel,
    processingTime: z.optional(ProcessingTime),
    processingTimeText: z.optional(
      described(z.string(), 'The source text of the time limit, kept as published.'),
    ),
    fees: described(z.array(Fee), 'Fees and charges; an empty list means free of charge.'),
    feeText: z.optional(described(z.string(), 'The source text of the fees, kept as published.')),
    description: z.optional(described(z.string(), 'Notes on this channel.')),
  })
  .register(z.globalRegistry, {
    id: 'ChannelOption',
    description: 'One way to lodge a case: its channel, time limit and fees.',
  });
export type ChannelOption = z.infer<typeof ChannelOption>;

/** A document the applicant must supply (thành phần hồ sơ). */
export const RequiredDocument = z
  .object({
    code: described(
      z.string().check(z.minLength(1)),
      'Stable code of this requirement within the procedure.',
    ),
    name: described(z.string().check(z.minLength(1)), 'What the document is, as published.'),
    originals: described(z.int().check(z.nonnegative()), 'Originals required (bản chính).'),
    copies: described(z.int().check(z.nonnegative()), 'Copies required (bản sao).'),
    required: described(z.boolean(), 'False when only some applicants must supply it.'),
    template: z.optional(
      described(
        z.object({
          name: described(z.string(), 'The template form, e.g. "Tờ khai đăng ký khai sinh".'),
          url: z.optional(described(z.url(), 'Where to download the template.')),
        }),
        'The form template to fill in, when there is one.',
      ),
    ),
    acceptedTypes: described(
      z.array(z.string()),
      'Accepted MIME types for an upload, e.g. application/pdf, image/jpeg.',
    ),
    maxSizeBytes: described(z.int().check(z.positive()), 'Largest accepted upload, in bytes.'),
    note: z.optional(described(z.string(), 'Conditions and remarks, as published.')),
    onlineForm: z.optional(
      described(
        z.boolean(),
        'Online, the application form stands for this document (the e-form is the declaration, tờ khai): required, but nothing to upload.',
      ),
    ),
  })
  .register(z.globalRegistry, {
    id: 'RequiredDocument',
    description: 'A document the applicant supplies.',
  });
export type RequiredDocument = z.infer<typeof RequiredDocument>;

/** One case (trường hợp) of a procedure: its channels, documents and form. */
export const ProcedureCase = z
  .object({
    code: described(
      z.string().check(z.minLength(1)),
      'Stable code of the case within the procedure.',
    ),
    name: described(z.string(), 'The case as published; the procedure name for a single case.'),
    channels: described(z.array(ChannelOption), 'The ways to lodge this case.'),
    documents: described(z.array(RequiredDocument), 'What the applicant supplies.'),
    formId: z.optional(described(z.string(), 'The FormDefinition of the application form.')),
  })
  .register(z.globalRegistry, {
    id: 'ProcedureCase',
    description: 'A case (trường hợp) of a procedure.',
  });
export type ProcedureCase = z.infer<typeof ProcedureCase>;

/** The levels of government that carry out a procedure. */
export const ProcedureLevel = described(
  z.enum(['ministry', 'province', 'commune']),
  'Level that carries out the procedure: cấp Bộ, cấp Tỉnh, cấp Xã.',
);
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

/**
 * How far a procedure can be done online. Decree 42/2022/NĐ-CP, Art. 11: `full` (toàn trình —
 * from submission to result online), `partial` (một phần — some steps in person), `none`.
 */
export const OnlineLevel = described(
  z.enum(['full', 'partial', 'none']),
  'Online public service level after Decree 42/2022/NĐ-CP Art. 11: full, partial or none.',
);
export type OnlineLevel = z.infer<typeof OnlineLevel>;

/** Something the importer could not read, kept with its source text rather than dropped. */
export const ImportIssue = z
  .object({
    path: described(
      z.string(),
      'Where in the procedure, e.g. cases[0].channels[1].processingTime.',
    ),
    sourceText: described(z.string(), 'The text as published.'),
    reason: described(z.string(), 'Why it could not be read.'),
  })
  .register(z.globalRegistry, {
    id: 'ImportIssue',
    description: 'A part of a source record that was not parsed.',
  });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** A legal document a procedure rests on (căn cứ pháp lý). */
export const LegalBasis = z
  .object({
    number: described(z.string(), 'Number and symbol, e.g. 123/2015/NĐ-CP.'),
    title: described(z.string(), 'What it is about (trích yếu).'),
  })
  .register(z.globalRegistry, {
    id: 'LegalBasis',
    description: 'A legal document (căn cứ pháp lý).',
  });
export type LegalBasis = z.infer<typeof LegalBasis>;

/** An administrative procedure (thủ tục hành chính) as a citizen and an agency need it. */
export const Procedure = z
  .object({
    code: described(
      z.string().check(z.regex(/^\d+\.\d{6}(\.\d+)?$/)),
      'National procedure code, e.g. 1.013133.',
    ),
    name: described(z.string().check(z.minLength(1)), 'Name, in Vietnamese as published.'),
    field: described(z.string(), 'Field (lĩnh vực), e.g. Hộ tịch.'),
    levels: described(z.array(ProcedureLevel).check(z.minLength(1)), 'Levels that carry it out.'),
    type: z.optional(described(z.string(), 'Kind of procedure (loại thủ tục), as published.')),
    decision: z.optional(described(z.string(), 'The decision that published it (số quyết định).')),
    description: z.optional(described(z.string(), 'What it is for (mô tả).')),
    agencies: described(
      z.object({
        implementing: described(z.array(z.string()), 'Cơ quan thực hiện.'),
        competent: described(z.array(z.string()), 'Cơ quan có thẩm quyền.'),
        delegated: described(z.array(z.string()), 'Cơ quan được ủy quyền.'),
        coordinating: described(z.array(z.string()), 'Cơ quan phối hợp.'),
      }),
      'Agencies involved, by role.',
    ),
    targetGroups: described(z.array(z.string()), 'Who may apply (đối tượng thực hiện).'),
    conditions: z.optional(described(z.string(), 'Requirements (yêu cầu, điều kiện).')),
    steps: described(z.array(z.string()), 'How it is carried out (trình tự thực hiện).'),
    results: described(z.array(z.string()), 'What the applicant receives (kết quả).'),
    receivingAddress: z.optional(described(z.string(), 'Where dossiers are received.')),
    legalBasis: z.array(LegalBasis),
    onlineLevel: OnlineLevel,
    legacyOnlineLevel: z.optional(
      described(
        z.union([z.literal(2), z.literal(3), z.literal(4)]),
        'The level before Decree 42/2022 (2, 3 or 4), where known.',
      ),
    ),
    keywords: described(z.array(z.string()), 'Search keywords (từ khóa).'),
    cases: described(z.array(ProcedureCase).check(z.minLength(1)), 'Its cases; at least one.'),
    importIssues: described(
      z.array(ImportIssue),
      'What could not be parsed from the source record; empty when all was.',
    ),
  })
  .register(z.globalRegistry, {
    id: 'Procedure',
    description: 'An administrative procedure (thủ tục hành chính).',
  });
export type Procedure = z.infer<typeof Procedure>;
