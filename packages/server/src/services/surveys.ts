import {
  DEFAULT_SURVEY,
  type SatisfactionResponse,
  type SurveyDefinition,
  type SurveyStatus,
} from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import type { Principal } from '../http/auth.js';
import { loadDossier } from './access.js';
import { DomainError } from './domain-error.js';
import type { DossierRow } from './dossier-rows.js';
import { ownerOnly } from './dossiers.js';

/** How the satisfaction survey is run. */
export interface SurveyOptions {
  /** Days after the result is returned during which the citizen may answer or change answers. */
  readonly windowDays: number;
  /**
   * The fewest responses a group of dossiers needs before officers see its scores: below it, a
   * breakdown by procedure or month could point at one citizen's answers.
   */
  readonly minGroupSize: number;
}

/** 30 days to answer; scores shown for groups of 5 responses or more. */
export const DEFAULT_SURVEY_OPTIONS: SurveyOptions = { windowDays: 30, minGroupSize: 5 };

const DAY_MS = 86_400_000;

/** The survey of a dossier whose result was returned (returning opens the survey). */
export async function getSurvey(
  db: Queryable,
  principal: Principal,
  dossierId: string,
): Promise<SurveyDefinition> {
  const dossier = await loadDossier(db, principal, dossierId);
  ownerOnly(principal, dossier);
  if (!isReturned(dossier)) throw notOpen();
  return DEFAULT_SURVEY;
}

/** Where the survey stands for the dossier's owner, with their answers so far. */
export async function getSurveyStatus(
  db: Queryable,
  principal: Principal,
  dossierId: string,
  options: SurveyOptions = DEFAULT_SURVEY_OPTIONS,
  now: Date = new Date(),
): Promise<SurveyStatus> {
  const dossier = await loadDossier(db, principal, dossierId);
  ownerOnly(principal, dossier);
  if (!isReturned(dossier)) return { state: 'not_yet', closesAt: null, response: null };
  const closesAt = closingTime(dossier, options);
  const response = await readResponse(db, dossierId, closesAt);
  const open = now.getTime() < closesAt.getTime();
  return {
    state: open ? (response ? 'answered' : 'open') : 'closed',
    closesAt: closesAt.toISOString(),
    response,
  };
}

/**
 * Records the citizen's rating: the owner only, once the result is returned, until the survey
 * closes. A second answer replaces the first (scores and comment), so `created` tells which.
 */
export async function answerSurvey(
  tx: Queryable,
  principal: Principal,
  dossierId: string,
  response: SatisfactionResponse,
  options: SurveyOptions = DEFAULT_SURVEY_OPTIONS,
  now: Date = new Date(),
): Promise<{ readonly created: boolean; readonly response: SatisfactionResponse }> {
  // Locks the dossier: two answers at once for one dossier queue here, not race.
  const dossier = await loadDossier(tx, principal, dossierId, { lock: true });
  ownerOnly(principal, dossier);
  if (!isReturned(dossier)) throw notOpen();
  const closesAt = closingTime(dossier, options);
  if (now.getTime() >= closesAt.getTime()) {
    throw new DomainError(
      'conflict',
      {
        vi: 'Đã hết thời hạn đánh giá hồ sơ này.',
        en: 'The time for rating this dossier is over.',
      },
      { subcode: 'survey_closed' },
    );
  }
  checkAnswers(dossierId, response);
  const comment = cleanComment(response.comment);
  const existing = await tx.query<{ submitted_at: string }>(
    'select submitted_at from survey_responses where dossier_id = $1',
    [dossierId],
  );
  const at = now.toISOString();
  if (existing[0]) {
    await tx.query(
      `update survey_responses set survey_id = $2, answers = $3, comment = $4, updated_at = $5
        where dossier_id = $1`,
      [dossierId, response.surveyId, JSON.stringify(response.answers), comment, at],
    );
    await tx.query('delete from survey_scores where dossier_id = $1', [dossierId]);
  } else {
    await tx.query(
      `insert into survey_responses (dossier_id, survey_id, answers, comment, submitted_at, updated_at)
       values ($1, $2, $3, $4, $5, $5)`,
      [dossierId, response.surveyId, JSON.stringify(response.answers), comment, at],
    );
  }
  // One row per criterion: what the statistics average, in SQL.
  await tx.query(
    `insert into survey_scores (dossier_id, criterion, score)
     select $1, criterion, score from unnest($2::text[], $3::smallint[]) as a(criterion, score)`,
    [dossierId, response.answers.map((a) => a.criterion), response.answers.map((a) => a.score)],
  );
  const saved = await readResponse(tx, dossierId, closesAt);
  return { created: !existing[0], response: saved as SatisfactionResponse };
}

function isReturned(dossier: DossierRow): boolean {
  return dossier.status === 'returned' && dossier.returned_at !== null;
}

function closingTime(dossier: DossierRow, options: SurveyOptions): Date {
  return new Date(new Date(dossier.returned_at as string).getTime() + options.windowDays * DAY_MS);
}

async function readResponse(
  db: Queryable,
  dossierId: string,
  closesAt: Date,
): Promise<SatisfactionResponse | null> {
  const [row] = await db.query<{
    survey_id: string;
    comment: string | null;
    submitted_at: string | Date;
    updated_at: string | Date;
    answers: { criterion: string; score: number }[] | null;
  }>(
    `select r.survey_id, r.comment, r.submitted_at, r.updated_at,
            (select json_agg(json_build_object('criterion', s.criterion, 'score', s.score)
                             order by s.criterion)
               from survey_scores s where s.dossier_id = r.dossier_id) as answers
       from survey_responses r where r.dossier_id = $1`,
    [dossierId],
  );
  if (!row) return null;
  const order = new Map(DEFAULT_SURVEY.criteria.map((c, i) => [c.code, i]));
  const answers = (row.answers ?? []).sort(
    (a, b) => (order.get(a.criterion) ?? 99) - (order.get(b.criterion) ?? 99),
  );
  return {
    dossierId,
    surveyId: row.survey_id,
    answers,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    submittedAt: new Date(row.submitted_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    editableUntil: closesAt.toISOString(),
  };
}

/** Each answer a known criterion of this survey, each criterion answered at most once. */
function checkAnswers(dossierId: string, response: SatisfactionResponse): void {
  const known = new Set(DEFAULT_SURVEY.criteria.map((c) => c.code));
  const seen = new Set<string>();
  const errors: { path: string; code: string; message: { vi: string; en: string } }[] = [];
  response.answers.forEach((answer, index) => {
    // Echo at most 64 characters of what a stranger sent.
    const name = answer.criterion.slice(0, 64);
    if (!known.has(answer.criterion)) {
      errors.push({
        path: `answers.${index}.criterion`,
        code: 'unknown_criterion',
        message: { vi: `Không có tiêu chí ${name}.`, en: `No criterion ${name}.` },
      });
    } else if (seen.has(answer.criterion)) {
      errors.push({
        path: `answers.${index}.criterion`,
        code: 'duplicate_criterion',
        message: {
          vi: `Tiêu chí ${name} trả lời hai lần.`,
          en: `Criterion ${name} answered twice.`,
        },
      });
    }
    seen.add(answer.criterion);
  });
  if (response.surveyId !== DEFAULT_SURVEY.id) {
    errors.push({
      path: 'surveyId',
      code: 'unknown_survey',
      message: { vi: 'Phiếu khảo sát không đúng.', en: 'Not this dossier’s survey.' },
    });
  }
  if (response.dossierId !== dossierId) {
    errors.push({
      path: 'dossierId',
      code: 'wrong_dossier',
      message: { vi: 'Mã hồ sơ không khớp.', en: 'The dossier does not match.' },
    });
  }
  if (errors.length) {
    throw new DomainError(
      'invalid',
      {
        vi: 'Câu trả lời không khớp với phiếu khảo sát.',
        en: 'The answers do not match the survey.',
      },
      { errors },
    );
  }
}

/** The comment without control characters (line breaks and tabs kept); none when blank. */
function cleanComment(comment: string | undefined): string | null {
  if (comment === undefined) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  const clean = comment.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  return clean ? clean : null;
}

function notOpen(): DomainError {
  return new DomainError(
    'conflict',
    { vi: 'Khảo sát mở sau khi trả kết quả.', en: 'The survey opens once the result is returned.' },
    { subcode: 'survey_not_open' },
  );
}
