import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../src/db/database.js';
import {
  dossierData,
  officerNotifications,
  webhookNotifications,
} from '../src/notifications/outbox.js';
import { seed } from '../src/seed/seed.js';
import type { DossierRow } from '../src/services/dossier-rows.js';
import { recordEvent } from '../src/services/events.js';
import { DATABASE_KIND, freshDatabase } from './support/database.js';

/**
 * The outbox is written by the statement that records the event: preferences, officers, endpoints
 * and names are looked up by it. These tests hold it to what the step-by-step reading (still how
 * the officers' sweep writes) would have written, recipient by recipient, and to the order.
 */
describe(`the outbox, one statement per event (${DATABASE_KIND})`, () => {
  let db: Database;
  let drop: () => Promise<void>;
  const AGENCY = 'UBND-20242';
  const OWNER = `outbox-citizen-${randomUUID()}`;

  beforeAll(async () => {
    ({ db, drop } = await freshDatabase());
    await seed(db, { demoDossiers: false });
    const preference = (
      id: string,
      role: string,
      agency: string | null,
      email: string | null,
      phone: string | null,
      emailOn: boolean,
      smsOn: boolean,
      locale: string,
    ) =>
      db.query(
        `insert into notification_preferences (principal_id, role, agency_code, email, phone, email_enabled,
           sms_enabled, locale, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [id, role, agency, email, phone, emailOn, smsOn, locale],
      );
    // The applicant: no e-mail of their own (the dossier's is used), SMS on, in English.
    await preference(OWNER, 'citizen', null, null, '0905000001', true, true, 'en');
    // Officers of the agency: e-mail only; e-mail and SMS; e-mail turned off; and one elsewhere.
    await preference('officer-b', 'officer', AGENCY, 'b@agency.example', null, true, false, 'vi');
    await preference(
      'officer-a',
      'officer',
      AGENCY,
      'a@agency.example',
      '0905000002',
      true,
      true,
      'en',
    );
    await preference('officer-c', 'officer', AGENCY, 'c@agency.example', null, false, false, 'vi');
    await preference(
      'officer-x',
      'officer',
      'UBND-48',
      'x@agency.example',
      null,
      true,
      false,
      'vi',
    );
    const endpoint = (
      agency: string | null,
      kinds: string[] | null,
      enabled: boolean,
      age: number,
    ) =>
      db.query(
        `insert into webhook_endpoints (id, agency_code, url, kinds, secret, enabled, created_at)
         values ($1, $2, 'https://hooks.example/x', $3, 'secret', $4, now() - make_interval(secs => $5))`,
        [randomUUID(), agency, kinds ? JSON.stringify(kinds) : null, enabled, age],
      );
    await endpoint(AGENCY, null, true, 30); // every kind
    await endpoint(null, ['new_dossier', 'returned'], true, 20); // every agency, two kinds
    await endpoint(AGENCY, ['received'], true, 10); // another kind only
    await endpoint(AGENCY, null, false, 5); // disabled
    await endpoint('UBND-48', null, true, 1); // another agency
  });

  afterAll(async () => {
    await drop?.();
  });

  /** A dossier row as an update would return it. */
  async function dossier(changes: Partial<DossierRow>): Promise<DossierRow> {
    const id = randomUUID();
    const [row] = await db.query<DossierRow>(
      `insert into dossiers (id, code, verifier, owner_id, procedure_code, case_code, form_id, form_version,
         channel, applicant, status, agency_code, created_at, updated_at, submitted_at, outcome)
       select $1, $2, 'ABCD2345', $3, code, body->'cases'->0->>'code', 'f', 1, 'online', $4, $5, $6, now(), now(), now(), $7
       from procedures where code = '1.013133' returning *`,
      [
        id,
        `HS-TEST-${id.slice(0, 8)}`,
        OWNER,
        JSON.stringify({ fullName: 'Nguyễn Văn An', email: 'an@example.com', phone: '0905999999' }),
        changes.status ?? 'submitted',
        AGENCY,
        changes.outcome ? JSON.stringify(changes.outcome) : null,
      ],
    );
    return row as DossierRow;
  }

  interface Written {
    kind: string;
    channel: string;
    recipient: string;
    locale: string;
    principal_id: string | null;
    agency_code: string | null;
    event_id: string | null;
    data: Record<string, unknown>;
  }

  const written = (dossierId: string) =>
    db.query<Written>(
      `select kind, channel, recipient, locale, principal_id, agency_code, event_id, data
       from notifications where dossier_id = $1 order by seq`,
      [dossierId],
    );

  /** Counts the statements `work` runs in its transaction. */
  async function counted(work: (tx: Queryable) => Promise<void>): Promise<number> {
    let statements = 0;
    await db.transaction((tx) =>
      work({
        scope: tx.scope,
        exec: (sql) => tx.exec(sql),
        query: (sql, params) => {
          statements++;
          return tx.query(sql, params);
        },
      }),
    );
    return statements;
  }

  it('a submission: the applicant, the agency’s officers and its endpoints, as step by step', async () => {
    const row = await dossier({ status: 'submitted' });
    const at = new Date().toISOString();
    const actor = { id: OWNER, role: 'citizen' as const, name: 'Nguyễn Văn An' };
    const statements = await counted((tx) =>
      recordEvent(tx, row.id, 'submit', 'draft', 'submitted', actor, at, {}, { dossier: row }),
    );
    expect(statements).toBe(1);

    const rows = await written(row.id);
    const [event] = await db.query<{ id: string }>(
      'select id from dossier_events where dossier_id = $1',
      [row.id],
    );
    // What the step-by-step functions make of the same dossier and event.
    const base = await dossierData(db, row, { action: 'submit', at });
    const officers = await officerNotifications(db, AGENCY, 'new_dossier', base, event?.id);
    const hooks = await webhookNotifications(db, AGENCY, 'new_dossier', base, event?.id);
    const expected = [
      // The applicant's preferences in English: e-mail to the dossier's address, SMS to theirs.
      { kind: 'submitted', channel: 'email', recipient: 'an@example.com', locale: 'en' },
      { kind: 'submitted', channel: 'sms', recipient: '0905000001', locale: 'en' },
    ].map((r) => ({
      ...r,
      principal_id: OWNER,
      data: { ...base, verifier: 'ABCD2345' },
    }));
    expect(officers.map((o) => o.principalId)).toEqual(['officer-a', 'officer-a', 'officer-b']);
    expect(hooks).toHaveLength(2);
    // As JSON: what the outbox stores (dates as strings, no undefined members).
    const json = <T>(value: T): T => JSON.parse(JSON.stringify(value));
    expect(rows).toEqual(
      json(
        [
          ...expected,
          ...[...officers, ...hooks].map((o) => ({
            kind: o.kind,
            channel: o.channel,
            recipient: o.recipient,
            locale: o.locale,
            principal_id: o.principalId ?? null,
            data: o.data,
          })),
        ].map((r) => ({ ...r, agency_code: AGENCY, event_id: event?.id })),
      ),
    );
    expect(base.procedureName).toMatch(/nghĩa vụ quân sự/);
    expect(base.agencyName).toBe('Ủy ban nhân dân Phường Hải Châu (Đà Nẵng)');
    // Only the applicant's messages carry the verifier.
    expect(rows.filter((r) => 'verifier' in r.data).map((r) => r.principal_id)).toEqual([
      OWNER,
      OWNER,
    ]);
  });

  it('the result returned: the result before the survey invitation, to each channel', async () => {
    const row = await dossier({
      status: 'returned',
      outcome: { decision: 'approved', note: 'Đã cấp.' } as DossierRow['outcome'],
    });
    const officer = { id: 'officer-a', role: 'officer' as const, agencyCode: AGENCY };
    await counted((tx) =>
      recordEvent(
        tx,
        row.id,
        'return_result',
        'resolved',
        'returned',
        officer,
        new Date().toISOString(),
        {},
        {
          dossier: row,
        },
      ),
    );
    const rows = await written(row.id);
    expect(rows.map((r) => [r.kind, r.channel])).toEqual([
      ['returned', 'email'],
      ['returned', 'sms'],
      ['survey_invitation', 'email'],
      ['survey_invitation', 'sms'],
      // Endpoints that want `returned`, oldest first; no officer hears of a return.
      ['returned', 'webhook'],
      ['returned', 'webhook'],
    ]);
    expect(rows[0]?.data.note).toBe('Đã cấp.');
  });

  it('without the dossier, reads it; a draft’s event writes no message', async () => {
    const row = await dossier({ status: 'received' });
    const officer = { id: 'officer-a', role: 'officer' as const, agencyCode: AGENCY };
    const statements = await counted((tx) =>
      recordEvent(
        tx,
        row.id,
        'receive',
        'submitted',
        'received',
        officer,
        new Date().toISOString(),
      ),
    );
    expect(statements).toBe(2);
    // Received: the applicant (two channels) and the endpoints that want it (every kind, `received`).
    expect((await written(row.id)).map((r) => [r.kind, r.channel])).toEqual([
      ['received', 'email'],
      ['received', 'sms'],
      ['received', 'webhook'],
      ['received', 'webhook'],
    ]);
    const draft = await dossier({ status: 'draft' });
    const system = { id: 'system', role: 'system' as const };
    const quiet = await counted((tx) =>
      recordEvent(
        tx,
        draft.id,
        'expiry_warning',
        'draft',
        'draft',
        system,
        new Date().toISOString(),
      ),
    );
    expect(quiet).toBe(1);
    expect(await written(draft.id)).toEqual([]);
  });
});
