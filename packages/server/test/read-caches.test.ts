import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  getProcedure,
  getProcedureForm,
  migrate,
  type Queryable,
  saveProcedure,
  seed,
  TokenVerifier,
} from '../src/index.js';
import { getForm } from '../src/services/procedures.js';
import { freshDatabase } from './support/database.js';

// What the server remembers between requests — records read, tokens verified — must never
// answer with something the database or the clock no longer says.
describe('procedure and form records, remembered between reads', () => {
  let one: Awaited<ReturnType<typeof freshDatabase>>;
  let two: Awaited<ReturnType<typeof freshDatabase>>;
  const code = '1.013133';

  beforeAll(async () => {
    one = await freshDatabase();
    two = await freshDatabase();
    for (const { db } of [one, two]) {
      await migrate(db);
      await seed(db, { demoDossiers: false, demoProcedure: false });
    }
  }, 120_000);
  afterAll(async () => {
    await one?.drop();
    await two?.drop();
  });

  const rename = async (db: Queryable, name: string) => {
    const procedure = await getProcedure(db, code);
    await saveProcedure(db, { ...structuredClone(procedure), name });
  };

  it('answers a changed procedure at once, in a transaction or not', async () => {
    const before = await getProcedure(one.db, code);
    expect(await getProcedure(one.db, code)).toBe(before);
    await rename(one.db, 'Tên mới của thủ tục');
    expect((await getProcedure(one.db, code)).name).toBe('Tên mới của thủ tục');
    await one.db.transaction(async (tx) => {
      await rename(tx, 'Tên trong giao dịch');
      expect((await getProcedure(tx, code)).name).toBe('Tên trong giao dịch');
    });
    expect((await getProcedure(one.db, code)).name).toBe('Tên trong giao dịch');
  });

  it('keeps two databases apart, whatever their rows look like', async () => {
    await rename(two.db, 'Thủ tục của cơ sở dữ liệu thứ hai');
    expect((await getProcedure(two.db, code)).name).toBe('Thủ tục của cơ sở dữ liệu thứ hai');
    expect((await getProcedure(one.db, code)).name).toBe('Tên trong giao dịch');
  });

  it('answers a changed form, and a form bound anew', async () => {
    const form = await getProcedureForm(one.db, code);
    expect(await getProcedureForm(one.db, code)).toBe(form);
    await one.db.query(
      `update forms set body = jsonb_set(body, '{title}', '"Tờ khai đã sửa"') where id = $1`,
      [form.id],
    );
    expect((await getProcedureForm(one.db, code)).title).toBe('Tờ khai đã sửa');
    await one.db.query('insert into forms (id, version, body) values ($1, 1, $2)', [
      'another-form',
      JSON.stringify({ ...form, id: 'another-form', title: 'Tờ khai khác' }),
    ]);
    await one.db.query('update procedure_forms set form_id = $1 where procedure_code = $2', [
      'another-form',
      code,
    ]);
    expect((await getProcedureForm(one.db, code)).title).toBe('Tờ khai khác');
  });

  it("answers a changed form by its id (a dossier's), and none for an unknown id", async () => {
    const form = await getProcedureForm(one.db, code);
    const byId = await getForm(one.db, form.id);
    expect(byId).toEqual(form);
    expect(await getForm(one.db, form.id)).toBe(byId);
    await one.db.query(
      `update forms set body = jsonb_set(body, '{title}', '"Tờ khai lần ba"') where id = $1`,
      [form.id],
    );
    expect((await getForm(one.db, form.id))?.title).toBe('Tờ khai lần ba');
    expect(await getForm(one.db, 'no-such-form')).toBeUndefined();
  });

  it('refuses an unknown procedure, case or form as before', async () => {
    await expect(getProcedure(one.db, 'no.such')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(getProcedureForm(one.db, code, 'no-such-case')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('hands out records nobody can change under the next reader', async () => {
    const procedure = await getProcedure(one.db, code);
    expect(() => {
      (procedure as { name: string }).name = 'changed';
    }).toThrow(TypeError);
    expect(Object.isFrozen(procedure.cases[0])).toBe(true);
  });
});

describe('verified tokens, remembered', () => {
  const secret = new TextEncoder().encode('a-test-secret-of-thirty-two-bytes!!');
  afterEach(() => {
    vi.useRealTimers();
  });

  it('refuses a remembered token once it expires', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-05T08:00:00Z'), toFake: ['Date'] });
    const verifier = new TokenVerifier({ kind: 'secret', secret });
    const token = await new SignJWT({ role: 'citizen' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('c1')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(secret);
    expect(await verifier.principal(`Bearer ${token}`)).toMatchObject({ id: 'c1' });
    expect(await verifier.principal(`Bearer ${token}`)).toMatchObject({ id: 'c1' });
    vi.setSystemTime(new Date('2026-01-05T08:10:30Z'));
    // Within the minute of clock skew allowed.
    expect(await verifier.principal(`Bearer ${token}`)).toMatchObject({ id: 'c1' });
    vi.setSystemTime(new Date('2026-01-05T08:11:01Z'));
    await expect(verifier.principal(`Bearer ${token}`)).rejects.toMatchObject({
      status: 401,
    });
  });

  it('never remembers a refusal, nor a token of another key', async () => {
    const verifier = new TokenVerifier({ kind: 'secret', secret });
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('c1')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('another-secret-of-thirty-two-bytes!'));
    for (let i = 0; i < 2; i++) {
      await expect(verifier.principal(`Bearer ${forged}`)).rejects.toMatchObject({ status: 401 });
    }
  });
});
