import { DEFAULT_SURVEY, type SatisfactionResponse, type SurveyDefinition } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { loadDossier } from './access.js';
import { DomainError } from './domain-error.js';
import { ownerOnly } from './dossiers.js';

/** The survey of a dossier whose result was returned (returning opens the survey). */
export async function getSurvey(
  db: Queryable,
  principal: Principal,
  dossierId: string,
): Promise<SurveyDefinition> {
  const dossier = await loadDossier(db, principal, dossierId);
  ownerOnly(principal, dossier);
  if (dossier.status !== 'returned') throw notOpen();
  return DEFAULT_SURVEY;
}

/** Records the citizen's rating, once per dossier. */
export async function answerSurvey(
  tx: Queryable,
  principal: Principal,
  dossierId: string,
  response: SatisfactionResponse,
): Promise<SatisfactionResponse> {
  const dossier = await loadDossier(tx, principal, dossierId, { lock: true });
  ownerOnly(principal, dossier);
  if (dossier.status !== 'returned') throw notOpen();
  const known = new Set(DEFAULT_SURVEY.criteria.map((c) => c.code));
  const unknown = response.answers.filter((a) => !known.has(a.criterion));
  if (
    response.surveyId !== DEFAULT_SURVEY.id ||
    unknown.length ||
    response.dossierId !== dossierId
  ) {
    throw new DomainError(
      'invalid',
      {
        vi: 'Câu trả lời không khớp với phiếu khảo sát.',
        en: 'The answers do not match the survey.',
      },
      {
        errors: unknown.map((a) => ({
          path: 'answers',
          code: 'unknown_criterion',
          message: { vi: `Không có tiêu chí ${a.criterion}.`, en: `No criterion ${a.criterion}.` },
        })),
      },
    );
  }
  const inserted = await tx.query<{ submitted_at: string }>(
    `insert into survey_responses (dossier_id, survey_id, answers, comment, submitted_at)
     values ($1, $2, $3, $4, now()) on conflict do nothing returning submitted_at`,
    [dossierId, response.surveyId, JSON.stringify(response.answers), response.comment ?? null],
  );
  if (!inserted[0]) {
    throw new DomainError(
      'conflict',
      { vi: 'Bạn đã đánh giá hồ sơ này rồi.', en: 'You have already rated this dossier.' },
      { subcode: 'already_answered' },
    );
  }
  return { ...response, submittedAt: inserted[0].submitted_at };
}

function notOpen(): DomainError {
  return new DomainError(
    'conflict',
    { vi: 'Khảo sát mở sau khi trả kết quả.', en: 'The survey opens once the result is returned.' },
    { subcode: 'survey_not_open' },
  );
}
