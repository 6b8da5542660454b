import * as z from 'zod/mini';
import { described } from '../internal/described.js';
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
    scale: described(
      z.array(LocalizedTextSchema).check(z.length(5)),
      'Labels of levels 1 (worst) to 5 (best).',
    ),
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
          score: described(
            z.int().check(z.gte(1), z.lte(5)),
            '1 (very dissatisfied) to 5 (very satisfied).',
          ),
        }),
      )
      .check(z.minLength(1), z.maxLength(50)),
    comment: z.optional(z.string().check(z.maxLength(2000))),
    submittedAt: z.optional(described(Timestamp, 'When first submitted; set by the server.')),
    updatedAt: z.optional(described(Timestamp, 'When last changed; set by the server.')),
    editableUntil: z.optional(
      described(Timestamp, 'Until when the citizen may change the answers; set by the server.'),
    ),
  })
  .register(z.globalRegistry, {
    id: 'SatisfactionResponse',
    description: "A citizen's rating of a dossier's service.",
  });
export type SatisfactionResponse = z.infer<typeof SatisfactionResponse>;

/**
 * Where a dossier's survey stands for its owner: `not_yet` until the result is returned, `open`
 * until the deadline without an answer, `answered` (editable until `closesAt`), `closed` after.
 */
export const SurveyState = z.enum(['not_yet', 'open', 'answered', 'closed']);
export type SurveyState = z.infer<typeof SurveyState>;

/** The survey's state for one dossier and its owner's answers, if any. */
export const SurveyStatus = z
  .object({
    state: SurveyState,
    closesAt: z.nullable(
      described(Timestamp, 'The deadline for answering or changing; null until returned.'),
    ),
    response: z.nullable(SatisfactionResponse),
  })
  .register(z.globalRegistry, {
    id: 'SurveyStatus',
    description: "The satisfaction survey's state for a dossier, with the owner's answers.",
  });
export type SurveyStatus = z.infer<typeof SurveyStatus>;

const L = (vi: string, en: string) => ({ vi, en });

/**
 * The default survey, rated 1–5 on the five-level scale of the national tools.
 *
 * Sources of the criteria (research notes in docs/server/statistics-and-survey.md):
 * - Decision 766/QĐ-TTg (23 June 2022) on the indicator set for directing, operating and
 *   assessing the quality of service to citizens and businesses in administrative procedures and
 *   public services: its "satisfaction" group is fed by the citizen's rating of each dossier on
 *   the public-service portal, beside the groups on publicity, on-time processing and online
 *   services that `/statistics/services` computes from the dossiers themselves.
 * - Decree 61/2018/NĐ-CP (one-stop mechanism), art. 33, whose assessment criteria (time taken
 *   against the statutory time, number of contacts to complete a dossier, the officials' conduct,
 *   publicity of the procedure, handling of feedback) are what provincial portals ask per dossier
 *   (e.g. the rating page of Thừa Thiên Huế's public-service portal, 12 criteria).
 * - The SIPAS index of the Ministry of Home Affairs (project approved by Decision 2640/QĐ-BNV,
 *   2017), which measures five elements of the service: access to the service, the
 *   administrative procedure, the official handling it, the result, and the handling of feedback.
 *
 * Every SIPAS element has at least one criterion here (access: `information`, `submission`,
 * `progress`; procedure: `documents`, `fees`, `timeliness`; official: `staff`; result: `result`;
 * feedback: `feedback`), plus the overall rating the portals ask first. Agencies may configure
 * their own set; the codes are stable keys of the stored scores.
 */
export const DEFAULT_SURVEY: SurveyDefinition = {
  id: 'default-766',
  criteria: [
    {
      code: 'information',
      label: L(
        'Thông tin về thủ tục được công khai, đầy đủ, dễ hiểu',
        'The procedure was published fully and clearly',
      ),
    },
    {
      code: 'documents',
      label: L(
        'Thành phần hồ sơ đúng quy định, không yêu cầu thêm giấy tờ',
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
    {
      code: 'timeliness',
      label: L(
        'Hồ sơ được giải quyết đúng hoặc sớm hơn thời hạn quy định',
        'The result came on time or early',
      ),
    },
    {
      code: 'progress',
      label: L(
        'Dễ theo dõi tình trạng hồ sơ, ít phải liên hệ lại',
        'Progress was easy to follow, with few contacts needed',
      ),
    },
    {
      code: 'staff',
      label: L(
        'Cán bộ hướng dẫn tận tình, đúng mực, không gây phiền hà',
        'Staff were helpful and courteous, without harassment',
      ),
    },
    { code: 'result', label: L('Kết quả đúng quy định, chính xác', 'The result was correct') },
    {
      code: 'feedback',
      label: L(
        'Góp ý, phản ánh được tiếp nhận và trả lời',
        'Comments and complaints were taken up and answered',
      ),
    },
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
