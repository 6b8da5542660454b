import * as z from 'zod/mini';
import { AmountVnd } from './common.js';

/** How a dossier can be lodged (hình thức nộp). */
export const Channel = z
  .enum(['in_person', 'online', 'postal'])
  .check(
    z.describe(
      'How a dossier is lodged: in person at the one-stop desk, online, or by post (hình thức nộp).',
    ),
  );
export type Channel = z.infer<typeof Channel>;

/** The unit a processing time is counted in. */
export const ProcessingTimeUnit = z
  .enum(['working_days', 'days', 'hours'])
  .check(
    z.describe(
      'working_days skip weekends and public holidays; days are calendar days; hours are working hours.',
    ),
  );
export type ProcessingTimeUnit = z.infer<typeof ProcessingTimeUnit>;

/** A processing time limit (thời hạn giải quyết). */
export const ProcessingTime = z
  .object({
    value: z
      .number()
      .check(z.nonnegative(), z.describe('The limit, in `unit`s. 0 means the same day.')),
    unit: ProcessingTimeUnit,
    maxValue: z.optional(
      z
        .number()
        .check(
          z.nonnegative(),
          z.describe(
            'For a range such as "05 to 07 working days", its upper end; `value` is the lower.',
          ),
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
    kind: z
      .enum(['fee', 'charge'])
      .check(z.describe('fee = phí (pays for a service); charge = lệ phí (a state levy).')),
    amount: AmountVnd,
    note: z.optional(z.string().check(z.describe('Who pays what, exemptions, conditions.'))),
    purpose: z.optional(
      z
        .string()
        .check(z.maxLength(500), z.describe('What the fee pays for, as the receipt prints it.')),
    ),
    legalBasis: z.optional(
      z
        .string()
        .check(
          z.maxLength(500),
          z.describe('The legal document that sets the fee (căn cứ thu), e.g. 85/2019/TT-BTC.'),
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
      z.string().check(z.describe('The source text of the time limit, kept as published.')),
    ),
    fees: z.array(Fee).check(z.describe('Fees and charges; an empty list means free of charge.')),
    feeText: z.optional(
      z.string().check(z.describe('The source text of the fees, kept as published.')),
    ),
    description: z.optional(z.string().check(z.describe('Notes on this channel.'))),
  })
  .register(z.globalRegistry, {
    id: 'ChannelOption',
    description: 'One way to lodge a case: its channel, time limit and fees.',
  });
export type ChannelOption = z.infer<typeof ChannelOption>;

/** A document the applicant must supply (thành phần hồ sơ). */
export const RequiredDocument = z
  .object({
    code: z
      .string()
      .check(z.minLength(1), z.describe('Stable code of this requirement within the procedure.')),
    name: z.string().check(z.minLength(1), z.describe('What the document is, as published.')),
    originals: z.int().check(z.nonnegative(), z.describe('Originals required (bản chính).')),
    copies: z.int().check(z.nonnegative(), z.describe('Copies required (bản sao).')),
    required: z.boolean().check(z.describe('False when only some applicants must supply it.')),
    template: z.optional(
      z
        .object({
          name: z
            .string()
            .check(z.describe('The template form, e.g. "Tờ khai đăng ký khai sinh".')),
          url: z.optional(z.url().check(z.describe('Where to download the template.'))),
        })
        .check(z.describe('The form template to fill in, when there is one.')),
    ),
    acceptedTypes: z
      .array(z.string())
      .check(z.describe('Accepted MIME types for an upload, e.g. application/pdf, image/jpeg.')),
    maxSizeBytes: z.int().check(z.positive(), z.describe('Largest accepted upload, in bytes.')),
    note: z.optional(z.string().check(z.describe('Conditions and remarks, as published.'))),
    onlineForm: z.optional(
      z
        .boolean()
        .check(
          z.describe(
            'Online, the application form stands for this document (the e-form is the declaration, tờ khai): required, but nothing to upload.',
          ),
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
    code: z
      .string()
      .check(z.minLength(1), z.describe('Stable code of the case within the procedure.')),
    name: z
      .string()
      .check(z.describe('The case as published; the procedure name for a single case.')),
    channels: z.array(ChannelOption).check(z.describe('The ways to lodge this case.')),
    documents: z.array(RequiredDocument).check(z.describe('What the applicant supplies.')),
    formId: z.optional(z.string().check(z.describe('The FormDefinition of the application form.'))),
  })
  .register(z.globalRegistry, {
    id: 'ProcedureCase',
    description: 'A case (trường hợp) of a procedure.',
  });
export type ProcedureCase = z.infer<typeof ProcedureCase>;

/** The levels of government that carry out a procedure. */
export const ProcedureLevel = z
  .enum(['ministry', 'province', 'commune'])
  .check(z.describe('Level that carries out the procedure: cấp Bộ, cấp Tỉnh, cấp Xã.'));
export type ProcedureLevel = z.infer<typeof ProcedureLevel>;

/**
 * How far a procedure can be done online. Decree 42/2022/NĐ-CP, Art. 11: `full` (toàn trình —
 * from submission to result online), `partial` (một phần — some steps in person), `none`.
 */
export const OnlineLevel = z
  .enum(['full', 'partial', 'none'])
  .check(
    z.describe(
      'Online public service level after Decree 42/2022/NĐ-CP Art. 11: full, partial or none.',
    ),
  );
export type OnlineLevel = z.infer<typeof OnlineLevel>;

/** Something the importer could not read, kept with its source text rather than dropped. */
export const ImportIssue = z
  .object({
    path: z
      .string()
      .check(z.describe('Where in the procedure, e.g. cases[0].channels[1].processingTime.')),
    sourceText: z.string().check(z.describe('The text as published.')),
    reason: z.string().check(z.describe('Why it could not be read.')),
  })
  .register(z.globalRegistry, {
    id: 'ImportIssue',
    description: 'A part of a source record that was not parsed.',
  });
export type ImportIssue = z.infer<typeof ImportIssue>;

/** A legal document a procedure rests on (căn cứ pháp lý). */
export const LegalBasis = z
  .object({
    number: z.string().check(z.describe('Number and symbol, e.g. 123/2015/NĐ-CP.')),
    title: z.string().check(z.describe('What it is about (trích yếu).')),
  })
  .register(z.globalRegistry, {
    id: 'LegalBasis',
    description: 'A legal document (căn cứ pháp lý).',
  });
export type LegalBasis = z.infer<typeof LegalBasis>;

/** An administrative procedure (thủ tục hành chính) as a citizen and an agency need it. */
export const Procedure = z
  .object({
    code: z
      .string()
      .check(
        z.regex(/^\d+\.\d{6}(\.\d+)?$/),
        z.describe('National procedure code, e.g. 1.013133.'),
      ),
    name: z.string().check(z.minLength(1), z.describe('Name, in Vietnamese as published.')),
    field: z.string().check(z.describe('Field (lĩnh vực), e.g. Hộ tịch.')),
    levels: z.array(ProcedureLevel).check(z.minLength(1), z.describe('Levels that carry it out.')),
    type: z.optional(
      z.string().check(z.describe('Kind of procedure (loại thủ tục), as published.')),
    ),
    decision: z.optional(
      z.string().check(z.describe('The decision that published it (số quyết định).')),
    ),
    description: z.optional(z.string().check(z.describe('What it is for (mô tả).'))),
    agencies: z
      .object({
        implementing: z.array(z.string()).check(z.describe('Cơ quan thực hiện.')),
        competent: z.array(z.string()).check(z.describe('Cơ quan có thẩm quyền.')),
        delegated: z.array(z.string()).check(z.describe('Cơ quan được ủy quyền.')),
        coordinating: z.array(z.string()).check(z.describe('Cơ quan phối hợp.')),
      })
      .check(z.describe('Agencies involved, by role.')),
    targetGroups: z.array(z.string()).check(z.describe('Who may apply (đối tượng thực hiện).')),
    conditions: z.optional(z.string().check(z.describe('Requirements (yêu cầu, điều kiện).'))),
    steps: z.array(z.string()).check(z.describe('How it is carried out (trình tự thực hiện).')),
    results: z.array(z.string()).check(z.describe('What the applicant receives (kết quả).')),
    receivingAddress: z.optional(z.string().check(z.describe('Where dossiers are received.'))),
    legalBasis: z.array(LegalBasis),
    onlineLevel: OnlineLevel,
    legacyOnlineLevel: z.optional(
      z
        .union([z.literal(2), z.literal(3), z.literal(4)])
        .check(z.describe('The level before Decree 42/2022 (2, 3 or 4), where known.')),
    ),
    keywords: z.array(z.string()).check(z.describe('Search keywords (từ khóa).')),
    cases: z.array(ProcedureCase).check(z.minLength(1), z.describe('Its cases; at least one.')),
    importIssues: z
      .array(ImportIssue)
      .check(z.describe('What could not be parsed from the source record; empty when all was.')),
  })
  .register(z.globalRegistry, {
    id: 'Procedure',
    description: 'An administrative procedure (thủ tục hành chính).',
  });
export type Procedure = z.infer<typeof Procedure>;
