import { randomUUID } from 'node:crypto';
import { DEFAULT_SURVEY, type Dossier, isWorkingDay } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, startHarness } from './support/harness.js';
import { act, key, submitted } from './support/journeys.js';

/**
 * The satisfaction survey (owner only, returned dossiers only, until the deadline, scores per
 * criterion) and the operations centre's statistics (SQL aggregates checked against figures
 * computed here in plain TypeScript from the same rows).
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h?.close());

const OFFICER_AGENCY = 'UBND-20242';
const OTHER_AGENCY = 'UBND-00070';
const PROCEDURE = '1.013133';

const allFives = () => DEFAULT_SURVEY.criteria.map((c) => ({ criterion: c.code, score: 5 }));

/** A dossier of the demo citizen, submitted through the API, then returned (set in SQL). */
async function returnedDossier(daysAgo = 1): Promise<Dossier> {
  const dossier = await submitted(h);
  const returnedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await h.db.query(
    `update dossiers set status = 'returned', received_at = coalesce(received_at, submitted_at),
            completed_at = $2, returned_at = $2 where id = $1`,
    [dossier.id, returnedAt],
  );
  return dossier;
}

function answer(id: string, body: Record<string, unknown>, token = h.tokens.citizen) {
  return h.request('POST', `/api/v1/dossiers/${id}/survey`, {
    token,
    json: { dossierId: id, surveyId: DEFAULT_SURVEY.id, answers: allFives(), ...body },
    headers: { 'idempotency-key': key() },
  });
}

describe(`satisfaction survey on ${DATABASE_KIND}`, () => {
  it('is not yet open before the result is returned, and says so', async () => {
    const dossier = await submitted(h);
    const status = await h.request('GET', `/api/v1/dossiers/${dossier.id}/survey/status`, {
      token: h.tokens.citizen,
    });
    expect(status.body).toEqual({ state: 'not_yet', closesAt: null, response: null });
    const early = await answer(dossier.id, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('survey_not_open');
    // Even a returned-looking status without the return stamp does not open it.
    await h.db.query("update dossiers set status = 'resolved' where id = $1", [dossier.id]);
    expect((await answer(dossier.id, {})).status).toBe(409);
  });

  it('opens on return, takes answers per criterion, and lets the owner change them until the deadline', async () => {
    const dossier = await returnedDossier(2);
    const open = await h.request('GET', `/api/v1/dossiers/${dossier.id}/survey/status`, {
      token: h.tokens.citizen,
    });
    expect(open.body.state).toBe('open');
    const closesAt = Date.parse(open.body.closesAt);
    expect(closesAt).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    const first = await answer(dossier.id, {
      answers: [
        { criterion: 'overall', score: 4 },
        { criterion: 'staff', score: 2 },
      ],
      comment: '  Cán bộ trả lời chậm.\u0007  ',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      comment: 'Cán bộ trả lời chậm.',
      editableUntil: open.body.closesAt,
    });
    // Answers come back in the survey's order, stored one row per criterion.
    expect(first.body.answers).toEqual([
      { criterion: 'staff', score: 2 },
      { criterion: 'overall', score: 4 },
    ]);
    const rows = await h.db.query<{ criterion: string; score: number }>(
      'select criterion, score from survey_scores where dossier_id = $1 order by criterion',
      [dossier.id],
    );
    expect(rows.map((r) => [r.criterion, Number(r.score)])).toEqual([
      ['overall', 4],
      ['staff', 2],
    ]);
    const second = await answer(dossier.id, { answers: [{ criterion: 'overall', score: 5 }] });
    expect(second.status).toBe(200);
    expect(second.body.answers).toEqual([{ criterion: 'overall', score: 5 }]);
    expect(second.body.comment).toBeUndefined();
    expect(second.body.submittedAt).toBe(first.body.submittedAt);
    const answered = await h.request('GET', `/api/v1/dossiers/${dossier.id}/survey/status`, {
      token: h.tokens.citizen,
    });
    expect(answered.body).toMatchObject({
      state: 'answered',
      response: { answers: [{ criterion: 'overall', score: 5 }] },
    });
    const count = await h.db.query<{ n: number }>(
      'select count(*)::int as n from survey_scores where dossier_id = $1',
      [dossier.id],
    );
    expect(count[0]?.n).toBe(1);
  });

  it('closes after the deadline: no new answer, no change, the old answers still shown', async () => {
    const dossier = await returnedDossier(5);
    expect((await answer(dossier.id, {})).status).toBe(201);
    await h.db.query('update dossiers set returned_at = $2 where id = $1', [
      dossier.id,
      new Date(Date.now() - 31 * 86_400_000).toISOString(),
    ]);
    const late = await answer(dossier.id, {});
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('survey_closed');
    const status = await h.request('GET', `/api/v1/dossiers/${dossier.id}/survey/status`, {
      token: h.tokens.citizen,
    });
    expect(status.body.state).toBe('closed');
    expect(status.body.response.answers).toHaveLength(DEFAULT_SURVEY.criteria.length);
    const unanswered = await returnedDossier(40);
    const closed = await h.request('GET', `/api/v1/dossiers/${unanswered.id}/survey/status`, {
      token: h.tokens.citizen,
    });
    expect(closed.body).toMatchObject({ state: 'closed', response: null });
  });

  it("refuses someone else's dossier (404), an officer (403) and an admin (403)", async () => {
    const dossier = await returnedDossier();
    const stranger = await answer(dossier.id, {}, h.tokens.citizen2);
    expect(stranger.status).toBe(404);
    const peek = await h.request('GET', `/api/v1/dossiers/${dossier.id}/survey/status`, {
      token: h.tokens.citizen2,
    });
    expect(peek.status).toBe(404);
    expect((await answer(dossier.id, {}, h.tokens.officer)).status).toBe(403);
    expect((await answer(dossier.id, {}, h.tokens.admin)).status).toBe(403);
    const unknown = await answer(randomUUID(), {});
    expect(unknown.status).toBe(404);
  });

  it('refuses scores out of range, unknown or repeated criteria, another survey and huge comments', async () => {
    const dossier = await returnedDossier();
    for (const score of [0, 6, 2.5, -1, 1e9]) {
      const bad = await answer(dossier.id, { answers: [{ criterion: 'overall', score }] });
      expect(bad.status, String(score)).toBe(400);
    }
    const unknown = await answer(dossier.id, {
      answers: [{ criterion: `x${'y'.repeat(5000)}`, score: 3 }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].code).toBe('unknown_criterion');
    expect(JSON.stringify(unknown.body).length).toBeLessThan(2000);
    const twice = await answer(dossier.id, {
      answers: [
        { criterion: 'overall', score: 3 },
        { criterion: 'overall', score: 5 },
      ],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].code).toBe('duplicate_criterion');
    const none = await answer(dossier.id, { answers: [] });
    expect(none.status).toBe(400);
    const tooMany = await answer(dossier.id, {
      answers: Array.from({ length: 51 }, () => ({ criterion: 'overall', score: 3 })),
    });
    expect(tooMany.status).toBe(400);
    const otherSurvey = await answer(dossier.id, { surveyId: 'another' });
    expect(otherSurvey.status).toBe(400);
    const otherDossier = await answer(dossier.id, { dossierId: randomUUID() });
    expect(otherDossier.status).toBe(400);
    const huge = await answer(dossier.id, { comment: 'ư'.repeat(2001) });
    expect(huge.status).toBe(400);
    const stored = await h.db.query('select 1 from survey_responses where dossier_id = $1', [
      dossier.id,
    ]);
    expect(stored).toHaveLength(0);
    const longest = await answer(dossier.id, { comment: 'ư'.repeat(2000) });
    expect(longest.status).toBe(201);
  });
});

/** Inserts a dossier row directly: the statistics read rows, whatever made them. */
async function insertDossier(row: {
  agency?: string;
  procedure?: string;
  channel?: 'online' | 'in_person' | 'postal';
  status: string;
  receivedAt: string;
  dueAt?: string | null;
  completedAt?: string | null;
  pausedSince?: string | null;
  paid?: 'vietqr' | 'cash' | 'pending';
  scores?: number[];
}): Promise<string> {
  const id = randomUUID();
  await h.db.query(
    `insert into dossiers (id, code, owner_id, procedure_code, case_code, form_id, form_version,
       channel, status, agency_code, created_at, updated_at, submitted_at, received_at, due_at,
       completed_at, returned_at, paused_since)
     values ($1, $2, 'citizen-stats', $3, 'c1', 'f', 1, $4, $5, $6, $7, $7, $7, $7, $8, $9,
       case when $5 = 'returned' then $9::timestamptz end, $10)`,
    [
      id,
      `S-${id.slice(0, 8)}`,
      row.procedure ?? PROCEDURE,
      row.channel ?? 'online',
      row.status,
      row.agency ?? OFFICER_AGENCY,
      row.receivedAt,
      row.dueAt ?? null,
      row.completedAt ?? null,
      row.pausedSince ?? null,
    ],
  );
  if (row.paid) {
    await h.db.query(
      `insert into payments (id, dossier_id, items, total, provider, status, created_at, paid_at)
       values ($1, $2, '[]', 50000, $3, $4, $5, $5)`,
      [
        randomUUID(),
        id,
        row.paid === 'pending' ? 'vietqr' : row.paid,
        row.paid === 'pending' ? 'pending' : 'paid',
        row.receivedAt,
      ],
    );
  }
  if (row.scores) {
    const answers = DEFAULT_SURVEY.criteria.map((c, i) => ({
      criterion: c.code,
      score: row.scores?.[i % (row.scores?.length ?? 1)] as number,
    }));
    await h.db.query(
      `insert into survey_responses (dossier_id, survey_id, answers, comment, submitted_at, updated_at)
       values ($1, 'default-766', $2, 'secret comment', now(), now())`,
      [id, JSON.stringify(answers)],
    );
    for (const a of answers) {
      await h.db.query(
        'insert into survey_scores (dossier_id, criterion, score) values ($1, $2, $3)',
        [id, a.criterion, a.score],
      );
    }
  }
  return id;
}

/** Working days after `from`'s day up to `to`'s day, Vietnam time, counted one by one. */
function workingDays(from: string, to: string): number {
  const day = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 10);
  let count = 0;
  for (let t = Date.parse(day(from)) + 86_400_000; t <= Date.parse(day(to)); t += 86_400_000) {
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) count++;
  }
  return count;
}

describe(`service statistics on ${DATABASE_KIND}`, () => {
  // Received in 2025 (kept apart from the dossiers the survey tests make now).
  const rows = [
    // On time, online, paid by VietQR, rated 5s. Received Friday 31 Jan 2025 (after Tết), done
    // Tuesday 4 Feb: 2 working days.
    {
      status: 'returned',
      receivedAt: '2025-01-31T09:00:00+07:00',
      dueAt: '2025-02-10T17:00:00+07:00',
      completedAt: '2025-02-04T10:00:00+07:00',
      paid: 'vietqr' as const,
      scores: [5],
    },
    // Late, in person, paid cash, rated 2/3.
    {
      status: 'resolved',
      channel: 'in_person' as const,
      receivedAt: '2025-01-20T09:00:00+07:00',
      dueAt: '2025-01-22T17:00:00+07:00',
      completedAt: '2025-02-14T10:00:00+07:00',
      paid: 'cash' as const,
      scores: [2, 3],
    },
    // Across Tết 2025 (holidays 25 Jan – 2 Feb): received Thu 23 Jan, done Tue 4 Feb.
    {
      status: 'returned',
      receivedAt: '2025-01-23T15:00:00+07:00',
      dueAt: '2025-02-05T17:00:00+07:00',
      completedAt: '2025-02-04T08:00:00+07:00',
      scores: [4],
    },
    // Open, overdue now.
    {
      status: 'in_progress',
      receivedAt: '2025-02-03T09:00:00+07:00',
      dueAt: '2025-02-07T17:00:00+07:00',
    },
    // Open, past due but paused waiting for the citizen: not overdue now.
    {
      status: 'awaiting_supplement',
      receivedAt: '2025-02-03T09:00:00+07:00',
      dueAt: '2025-02-07T17:00:00+07:00',
      pausedSince: '2025-02-05T09:00:00+07:00',
      paid: 'pending' as const,
    },
    // Refused after receipt, past its due date: the server sets no completion time on a
    // refusal, yet it is finished — neither resolved nor in progress nor overdue.
    {
      status: 'rejected',
      receivedAt: '2025-02-10T09:00:00+07:00',
      dueAt: '2025-02-12T17:00:00+07:00',
    },
    // Another agency: an officer of the demo agency never sees it.
    {
      agency: OTHER_AGENCY,
      status: 'returned',
      receivedAt: '2025-02-10T09:00:00+07:00',
      dueAt: '2025-02-20T17:00:00+07:00',
      completedAt: '2025-02-12T09:00:00+07:00',
      scores: [1],
    },
    // Outside the period.
    {
      status: 'in_progress',
      receivedAt: '2024-12-31T23:59:00+07:00',
      dueAt: '2025-01-02T17:00:00+07:00',
    },
  ];

  beforeAll(async () => {
    for (const row of rows) await insertDossier(row);
  });

  const get = (query: string, token = h.tokens.admin) =>
    h.request('GET', `/api/v1/statistics/services?${query}`, { token });

  it("counts an officer's own agency by month, as computed here from the rows", async () => {
    const response = await get('from=2025-01-01&to=2025-03-31&groupBy=month', h.tokens.officer);
    expect(response.status).toBe(200);
    const stats = response.body;
    expect(stats.agencyCode).toBe(OFFICER_AGENCY);
    expect(stats.criteria.map((c: { code: string }) => c.code)).toEqual(
      DEFAULT_SURVEY.criteria.map((c) => c.code),
    );
    expect(stats.rows.map((r: { key: string }) => r.key)).toEqual(['2025-01', '2025-02']);
    const mine = rows.filter(
      (r) => !r.agency && r.receivedAt >= '2025-01-01' && !r.receivedAt.startsWith('2024'),
    );
    const resolved = mine.filter((r) => ['resolved', 'returned'].includes(r.status));
    const days = resolved.map((r) => workingDays(r.receivedAt, r.completedAt as string));
    expect(days).toEqual([2, 14, 3]);
    expect(stats.total).toMatchObject({
      received: mine.length,
      resolved: 3,
      resolvedOnTime: 2,
      resolvedLate: 1,
      inProgress: 2,
      overdueNow: 1,
      onTimeRate: 2 / 3,
      averageWorkingDays: Number(((2 + 14 + 3) / 3).toFixed(2)),
      submittedOnline: mine.length - 1,
      paid: 2,
      paidOnline: 1,
      paidOnlineShare: 0.5,
    });
    // p90 by linear interpolation over [2, 3, 14]: 3 + 0.8 × 11.
    expect(stats.total.p90WorkingDays).toBeCloseTo(11.8, 2);
    // Three responses: under the minimum group size of 5, no scores shown.
    expect(stats.total.satisfaction).toEqual({
      responses: 3,
      suppressed: true,
      average: null,
      satisfiedShare: null,
      criteria: [],
    });
    // Nothing about who answered, and no comment, reaches the officer.
    const text = JSON.stringify(stats);
    expect(text).not.toMatch(/citizen|secret comment|S-[0-9a-f]{8}/);
  });

  it('shows scores per criterion once a group is large enough', async () => {
    const response = await h.request(
      'GET',
      '/api/v1/statistics/services?from=2025-01-01&to=2025-03-31&groupBy=agency',
      { token: h.tokens.admin },
    );
    expect(response.status).toBe(200);
    expect(response.body.agencyCode).toBeNull();
    expect(response.body.rows.map((r: { key: string }) => r.key)).toEqual([
      OTHER_AGENCY,
      OFFICER_AGENCY,
    ]);
    // Four responses over the two agencies: still withheld everywhere.
    expect(response.body.total.satisfaction.responses).toBe(4);
    expect(response.body.total.satisfaction.suppressed).toBe(true);
    for (const scores of [[5], [4], [4, 5]]) {
      await insertDossier({
        status: 'returned',
        receivedAt: '2025-03-03T09:00:00+07:00',
        dueAt: '2025-03-10T17:00:00+07:00',
        completedAt: '2025-03-04T09:00:00+07:00',
        scores,
      });
    }
    const more = await get('from=2025-01-01&to=2025-03-31&groupBy=agency');
    const total = more.body.total.satisfaction;
    expect(total.responses).toBe(7);
    expect(total.suppressed).toBe(false);
    // Every score of every response, criterion by criterion (10 criteria each).
    const all = [[5], [2, 3], [4], [1], [5], [4], [4, 5]].flatMap((s) =>
      DEFAULT_SURVEY.criteria.map((_, i) => s[i % s.length] as number),
    );
    expect(total.average).toBeCloseTo(all.reduce((a, b) => a + b, 0) / all.length, 2);
    expect(total.satisfiedShare).toBeCloseTo(all.filter((s) => s >= 4).length / all.length, 4);
    expect(total.criteria.map((c: { criterion: string }) => c.criterion)).toEqual(
      DEFAULT_SURVEY.criteria.map((c) => c.code),
    );
    // The other agency (1 response) is withheld, and so is the demo agency (6 responses):
    // otherwise the total minus it would give the other agency's scores away.
    const byKey = Object.fromEntries(
      more.body.rows.map((r: { key: string; satisfaction: unknown }) => [r.key, r.satisfaction]),
    );
    expect(byKey[OTHER_AGENCY]).toMatchObject({ responses: 1, suppressed: true });
    expect(byKey[OFFICER_AGENCY]).toMatchObject({ responses: 6, suppressed: true });
  });

  it('filters by procedure, field and channel, and groups by procedure and field', async () => {
    const online = await get('from=2025-01-01&to=2025-02-28&channel=online&groupBy=procedure');
    expect(online.body.total.received).toBe(6);
    expect(online.body.rows).toHaveLength(1);
    expect(online.body.rows[0].key).toBe(PROCEDURE);
    const [procedure] = await h.db.query<{ field: string; name: string }>(
      'select field, name from procedures where code = $1',
      [PROCEDURE],
    );
    expect(online.body.rows[0].name).toBe(procedure?.name);
    const byField = await get(
      `from=2025-01-01&to=2025-02-28&groupBy=field&field=${encodeURIComponent(procedure?.field as string)}`,
    );
    expect(byField.body.rows.map((r: { key: string }) => r.key)).toEqual([procedure?.field]);
    expect(byField.body.total.received).toBe(7);
    const none = await get('from=2025-01-01&to=2025-02-28&procedureCode=no-such');
    expect(none.body.rows).toEqual([]);
    expect(none.body.total).toMatchObject({
      received: 0,
      onTimeRate: null,
      averageWorkingDays: null,
    });
  });

  it('keeps officers to their agency and strangers out', async () => {
    const other = await get(
      `from=2025-01-01&to=2025-03-31&agencyCode=${OTHER_AGENCY}`,
      h.tokens.officer,
    );
    expect(other.status).toBe(403);
    const own = await get(
      `from=2025-01-01&to=2025-03-31&agencyCode=${OFFICER_AGENCY}`,
      h.tokens.officer,
    );
    expect(own.status).toBe(200);
    const otherOfficer = await get('from=2025-01-01&to=2025-03-31', h.tokens.otherOfficer);
    expect(otherOfficer.body.total.received).toBe(1);
    expect((await get('from=2025-01-01&to=2025-03-31', h.tokens.citizen)).status).toBe(403);
    const anonymous = await h.request(
      'GET',
      '/api/v1/statistics/services?from=2025-01-01&to=2025-03-31',
    );
    expect(anonymous.status).toBe(401);
  });

  it('refuses impossible periods and groupings with a 400', async () => {
    for (const query of [
      'from=2025-02-31&to=2025-03-01',
      'from=2025-03-01&to=2025-02-01',
      'from=2000-01-01&to=2025-01-01',
      'from=2025-01-01&to=2025-03-01&groupBy=officer',
      "from=2025-01-01&to=2025-03-01&channel=';drop table dossiers",
      'from=2025-01-01',
    ]) {
      expect((await get(query)).status, query).toBe(400);
    }
    // A filter value is a parameter, never SQL.
    const odd = await get(
      `from=2025-01-01&to=2025-03-01&field=${encodeURIComponent("x' or '1'='1")}`,
    );
    expect(odd.body.total.received).toBe(0);
  });

  it('counts a dossier rated through the API in its month, with its scores', async () => {
    const dossier = await submitted(h);
    await act(h, dossier.id, { action: 'receive' });
    await h.db.query(
      `update dossiers set status = 'returned', completed_at = received_at, returned_at = now()
        where id = $1`,
      [dossier.id],
    );
    expect((await answer(dossier.id, {})).status).toBe(201);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const stats = await get(`from=${today}&to=${today}`, h.tokens.officer);
    expect(stats.body.total.resolved).toBeGreaterThanOrEqual(1);
    expect(stats.body.total.satisfaction.responses).toBeGreaterThanOrEqual(1);
  });
});

describe('survey configuration', () => {
  it('reads SURVEY_WINDOW_DAYS and SURVEY_MIN_GROUP, and refuses nonsense', () => {
    expect(readConfig({ SURVEY_WINDOW_DAYS: '7', SURVEY_MIN_GROUP: '1' }).survey).toEqual({
      windowDays: 7,
      minGroupSize: 1,
    });
    expect(readConfig({}).survey).toBeUndefined();
    for (const bad of ['0', '-3', '2.5', 'ba mươi']) {
      expect(() => readConfig({ SURVEY_WINDOW_DAYS: bad })).toThrow(/SURVEY_WINDOW_DAYS/);
      expect(() => readConfig({ SURVEY_MIN_GROUP: bad })).toThrow(/SURVEY_MIN_GROUP/);
    }
  });
});
