import type { SatisfactionResponse, SurveyDefinition, SurveyStatus } from '@egov-kit/schema';
import type { Core } from '../internal/core.js';
import { newIdempotencyKey } from '../internal/idempotency-key.js';
import { lazy } from '../internal/lazy.js';
import { OPERATIONS } from '../internal/operations.js';
import type { KeyedRequestOptions, RequestOptions } from '../options.js';

const schemas = lazy(() => import('../validators/surveys.js'));

/**
 * A citizen's answers: a `SatisfactionResponse` whose `dossierId` may be left out (it is the
 * dossier answered about) and whose `submittedAt` the server sets.
 */
export type SurveyAnswers = Omit<
  SatisfactionResponse,
  'dossierId' | 'submittedAt' | 'updatedAt' | 'editableUntil'
> & {
  readonly dossierId?: string;
};

/** The satisfaction survey of a returned dossier (Decision 766/QĐ-TTg criteria by default). */
export interface SurveysResource {
  /** The survey's criteria and scale; open once the result is returned. */
  get(dossierId: string, options?: RequestOptions): Promise<SurveyDefinition>;
  /**
   * Where the survey stands for this dossier (`not_yet`, `open`, `answered`, `closed`), its
   * deadline and the citizen's answers so far.
   */
  status(dossierId: string, options?: RequestOptions): Promise<SurveyStatus>;
  /** Rates the service; a second answer before the deadline replaces the first. */
  answer(
    dossierId: string,
    answers: SurveyAnswers,
    options?: KeyedRequestOptions,
  ): Promise<SatisfactionResponse>;
}

/** The surveys resource on a client's request core. */
export function surveys(core: Core): SurveysResource {
  return {
    get: async (dossierId, options) =>
      (
        await core.send({
          op: OPERATIONS.getSurvey,
          params: { id: dossierId },
          options,
          schema: async () => (await schemas()).SurveyDefinition,
        })
      ).data,
    status: async (dossierId, options) =>
      (
        await core.send({
          op: OPERATIONS.getSurveyStatus,
          params: { id: dossierId },
          options,
          schema: async () => (await schemas()).SurveyStatus,
        })
      ).data,
    answer: async (dossierId, answers, options) => {
      if (answers.dossierId !== undefined && answers.dossierId !== dossierId) {
        throw new TypeError(
          `@egov-kit/client: answers for dossier ${answers.dossierId} sent to dossier ${dossierId}.`,
        );
      }
      return (
        await core.send({
          op: OPERATIONS.answerSurvey,
          params: { id: dossierId },
          json: { ...answers, dossierId },
          options,
          idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
          schema: async () => (await schemas()).SatisfactionResponse,
        })
      ).data;
    },
  };
}
