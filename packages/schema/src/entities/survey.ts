import * as z from 'zod/mini';
import { Id, LocalizedTextSchema, Timestamp } from './common.js';

/** One criterion a citizen rates. */
export const SurveyCriterion = z
  .object({
    code: z.string().check(z.regex(/^[a-z][a-z0-9_]*$/)),
    label: LocalizedTextSchema,
  })
  .register(z.globalRegistry, {
    id: 'SurveyCriterion',
    description: 'One criterion of a satisfaction survey.',
  });
export type SurveyCriterion = z.infer<typeof SurveyCriterion>;

/** The questions of a satisfaction survey: criteria rated on a 5-level scale. */
export const SurveyDefinition = z
  .object({
    id: z.string(),
    criteria: z.array(SurveyCriterion).check(z.minLength(1)),
    scale: z
      .array(LocalizedTextSchema)
      .check(z.length(5), z.describe('Labels of levels 1 (worst) to 5 (best).')),
  })
  .register(z.globalRegistry, {
    id: 'SurveyDefinition',
    description: 'A satisfaction survey: criteria and scale.',
  });
export type SurveyDefinition = z.infer<typeof SurveyDefinition>;

/** A citizen's answers about one dossier. */
export const SatisfactionResponse = z
  .object({
    dossierId: Id,
    surveyId: z.string(),
    answers: z
      .array(
        z.object({
          criterion: z.string(),
          score: z
            .int()
            .check(z.gte(1), z.lte(5), z.describe('1 (very dissatisfied) to 5 (very satisfied).')),
        }),
      )
      .check(z.minLength(1)),
    comment: z.optional(z.string().check(z.maxLength(2000))),
    submittedAt: z.optional(Timestamp),
  })
  .register(z.globalRegistry, {
    id: 'SatisfactionResponse',
    description: "A citizen's rating of a dossier's service.",
  });
export type SatisfactionResponse = z.infer<typeof SatisfactionResponse>;

const L = (vi: string, en: string) => ({ vi, en });

/**
 * The default survey: the dossier-level criteria of the satisfaction index in the indicator set
 * of Decision 766/QĐ-TTg (2022), rated 1–5. Agencies may configure their own set.
 */
export const DEFAULT_SURVEY: SurveyDefinition = {
  id: 'default-766',
  criteria: [
    {
      code: 'information',
      label: L(
        'Thông tin về thủ tục được công khai, dễ hiểu',
        'The procedure was published clearly',
      ),
    },
    {
      code: 'documents',
      label: L(
        'Thành phần hồ sơ hợp lý, không yêu cầu thêm giấy tờ',
        'Only the listed documents were asked for',
      ),
    },
    { code: 'submission', label: L('Nộp hồ sơ thuận tiện', 'Submitting was easy') },
    {
      code: 'fees',
      label: L(
        'Phí, lệ phí đúng quy định, thanh toán thuận tiện',
        'Fees were as published and easy to pay',
      ),
    },
    { code: 'timeliness', label: L('Hồ sơ được giải quyết đúng hẹn', 'The result came on time') },
    { code: 'progress', label: L('Dễ theo dõi tình trạng hồ sơ', 'Progress was easy to follow') },
    {
      code: 'staff',
      label: L('Cán bộ hướng dẫn tận tình, đúng mực', 'Staff were helpful and courteous'),
    },
    { code: 'result', label: L('Kết quả đúng quy định, chính xác', 'The result was correct') },
    { code: 'overall', label: L('Hài lòng chung về dịch vụ', 'Overall satisfaction') },
  ],
  scale: [
    L('Rất không hài lòng', 'Very dissatisfied'),
    L('Không hài lòng', 'Dissatisfied'),
    L('Bình thường', 'Neutral'),
    L('Hài lòng', 'Satisfied'),
    L('Rất hài lòng', 'Very satisfied'),
  ],
};
