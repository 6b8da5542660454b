import { type DossierEvent, type DossierStatus, transition } from '@egov-kit/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KIND } from './support/database.js';
import { type Harness, startHarness } from './support/harness.js';
import { APPLICANT, act, completeDraft, key, submitted } from './support/journeys.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h?.close());

const CLIENTS = 50;

/** Replays a dossier's events through the status machine: every step must be one it allows. */
function replay(events: DossierEvent[]): DossierStatus {
  let status: DossierStatus = 'draft';
  let receivedAt: string | null = null;
  for (const event of events) {
    if (event.action === 'create') continue;
    expect(event.fromStatus).toBe(status);
    const actor = event.actor.role;
    const step = transition(
      { status, receivedAt },
      { action: event.action, actor, note: event.note ?? 'x' },
    );
    expect(step.ok, `${status} --${event.action}-->`).toBe(true);
    if (step.ok) {
      expect(event.toStatus).toBe(step.value.to);
      status = step.value.to;
      if (event.action === 'receive') receivedAt = event.at;
    }
  }
  return status;
}

describe(`${CLIENTS} clients at once (${DATABASE_KIND})`, () => {
  it('create and submit with retries in flight: one dossier each, submitted once', async () => {
    const tokens = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        h.token({ id: `citizen-load-${i}`, role: 'citizen' }),
      ),
    );
    const created = await Promise.all(
      tokens.map(async (token) => {
        const idempotencyKey = key();
        const request = () =>
          h.request('POST', '/api/v1/dossiers', {
            token,
            json: { procedureCode: '1.013133', applicant: APPLICANT },
            headers: { 'idempotency-key': idempotencyKey },
          });
        // The same request sent three times at once, as a flaky network's retries would.
        const answers = await Promise.all([request(), request(), request()]);
        for (const answer of answers) expect([201, 409]).toContain(answer.status);
        const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
        expect(ids.size).toBe(1);
        return { token, id: [...ids][0] as string };
      }),
    );
    for (const { token } of created) {
      const mine = await h.request('GET', '/api/v1/dossiers', { token });
      expect(mine.body.items).toHaveLength(1);
    }
  }, 120_000);

  it('submits each of 50 dossiers exactly once when every submit is sent twice at once', async () => {
    const drafts = [];
    for (let i = 0; i < CLIENTS; i++) drafts.push(await completeDraft(h));
    const results = await Promise.all(
      drafts.map(async ({ dossier, etag }) => {
        const headers = { 'if-match': etag, 'idempotency-key': key() };
        const send = () =>
          h.request('POST', `/api/v1/dossiers/${dossier.id}/submit`, {
            token: h.tokens.citizen,
            headers,
          });
        return Promise.all([send(), send()]);
      }),
    );
    for (const [first, second] of results) {
      const ok = [first, second].filter((r) => r?.status === 200);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      for (const r of [first, second]) expect([200, 409]).toContain(r?.status);
      if (ok.length === 2) expect(ok[0]?.body.code).toBe(ok[1]?.body.code);
    }
    const codes = results.map(
      ([first, second]) => (first?.status === 200 ? first : second)?.body.code,
    );
    expect(new Set(codes).size).toBe(CLIENTS);
    for (const { dossier } of drafts) {
      const events = await h.request('GET', `/api/v1/dossiers/${dossier.id}/events`, {
        token: h.tokens.citizen,
      });
      expect(events.body.items.filter((e: DossierEvent) => e.action === 'submit')).toHaveLength(1);
    }
  }, 180_000);

  it('loses no update when 50 officers act on one dossier at once', async () => {
    const dossier = await submitted(h);
    await act(h, dossier.id, { action: 'receive' });
    const started = await act(h, dossier.id, { action: 'start_processing' });
    const answers = await Promise.all(
      Array.from({ length: CLIENTS }, (_, i) =>
        h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
          token: h.tokens.officer,
          json: { action: 'transfer', step: `Bước ${i}` },
        }),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const after = await h.request('GET', `/api/v1/dossiers/${dossier.id}`, {
      token: h.tokens.officer,
    });
    expect(after.body.version).toBe(started.version + CLIENTS);
    const events = await h.request('GET', `/api/v1/dossiers/${dossier.id}/events`, {
      token: h.tokens.officer,
    });
    expect(events.body.items.filter((e: DossierEvent) => e.action === 'transfer')).toHaveLength(
      CLIENTS,
    );
  }, 120_000);

  it('keeps every history consistent with the machine when conflicting actions race', async () => {
    const dossiers = [];
    for (let i = 0; i < 10; i++) {
      const dossier = await submitted(h);
      await act(h, dossier.id, { action: 'receive' });
      await act(h, dossier.id, { action: 'start_processing' });
      dossiers.push(dossier);
    }
    await Promise.all(
      dossiers.flatMap((dossier) =>
        [
          { action: 'resolve', outcome: { decision: 'approved', resultAttachmentIds: [] } },
          { action: 'stop', note: 'Tạm dừng' },
          { action: 'request_supplement', note: 'Bổ sung', requestedDocuments: ['doc-2'] },
          { action: 'request_payment', fees: [{ kind: 'fee', amount: 10000 }] },
          { action: 'resume' },
        ].map((body) =>
          h.request('POST', `/api/v1/officer/dossiers/${dossier.id}/actions`, {
            token: h.tokens.officer,
            json: body,
          }),
        ),
      ),
    );
    for (const dossier of dossiers) {
      const now = await h.request('GET', `/api/v1/dossiers/${dossier.id}`, {
        token: h.tokens.officer,
      });
      const events = await h.request('GET', `/api/v1/dossiers/${dossier.id}/events`, {
        token: h.tokens.officer,
      });
      expect(replay(events.body.items)).toBe(now.body.status);
    }
  }, 120_000);
});
