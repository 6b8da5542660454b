import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dossier, Procedure } from '@egov-kit/schema';
import { isWebhookVerificationError, verifyWebhook } from '@egov-kit/schema/webhooks';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmailMessage,
  PermanentDeliveryError,
  type SmsMessage,
  SmtpEmailSender,
} from '../src/notifications/channels.js';
import { NotificationDispatcher } from '../src/notifications/dispatcher.js';
import { render } from '../src/notifications/templates.js';
import { type Harness, startHarness } from './support/harness.js';
import { act, submitted } from './support/journeys.js';

/** An SMTP server in this process: STARTTLS with a certificate made now, and a password. */
interface Mailbox {
  readonly port: number;
  readonly ca: string;
  readonly messages: { raw: string; mail: ParsedMail; to: string[] }[];
  readonly authenticated: string[];
  close(): Promise<void>;
}

async function startMailbox(dir: string): Promise<Mailbox> {
  const key = join(dir, 'smtp.key');
  const cert = join(dir, 'smtp.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const messages: Mailbox['messages'] = [];
  const authenticated: string[] = [];
  const server = new SMTPServer({
    key: readFileSync(key),
    cert: readFileSync(cert),
    authOptional: false,
    // Refuses to authenticate in clear: the sender must have done STARTTLS first.
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'egov' && auth.password === 'mật-khẩu-thử') {
        authenticated.push(auth.username);
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          raw,
          mail: await simpleParser(raw),
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    ca: readFileSync(cert, 'utf8'),
    messages,
    authenticated,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An agency system: verifies every webhook with the published helper, fails when told to. */
interface Receiver {
  readonly url: string;
  secret: string;
  failing: boolean;
  /** Fail this many more requests, then answer again. */
  failTimes: number;
  readonly received: { id: string; body: any }[];
  readonly refused: string[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const state: Omit<Receiver, 'url' | 'close'> = {
    secret: '',
    failing: false,
    failTimes: 0,
    received: [],
    refused: [],
  };
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    try {
      const verified = await verifyWebhook(state.secret, {
        headers: request.headers as Record<string, string>,
        body,
      });
      if (state.failing || state.failTimes > 0) {
        state.failTimes = Math.max(0, state.failTimes - 1);
        response.writeHead(503).end('down for maintenance');
        return;
      }
      state.received.push({ id: verified.id, body: JSON.parse(verified.body) });
      response.writeHead(204).end();
    } catch (error) {
      state.refused.push(isWebhookVerificationError(error) ? error.reason : String(error));
      response.writeHead(400).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(state, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as Receiver;
}

/** The URL of the List-Unsubscribe header (folded lines unfolded). */
function unsubscribeUrl(raw: string): string {
  const header = /^List-Unsubscribe:(.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return /<(https?:[^>]+)>/.exec(header.replace(/\r\n[ \t]+/g, ''))?.[1] ?? '';
}

const CITIZEN_EMAIL = 'nguyen.van.an@example.vn';
const OFFICER_EMAIL = 'le.minh.cuong@ubnd.example.gov.vn';
const PUBLIC_URL = 'https://dichvucong.example.gov.vn';
/** The receivers here listen on 127.0.0.1: the SSRF rule is lifted as an operator would. */
const LOCAL_RECEIVERS = { allowPrivateNetworks: true };

describe('notifications', () => {
  let h: Harness;
  let dir: string;
  let mailbox: Mailbox;
  let receiver: Receiver;
  let email: SmtpEmailSender;
  let dispatcher: NotificationDispatcher;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'egov-notify-'));
    h = await startHarness({ app: { webhookPolicy: LOCAL_RECEIVERS } });
    mailbox = await startMailbox(dir);
    receiver = await startReceiver();
    email = new SmtpEmailSender({
      host: 'localhost',
      port: mailbox.port,
      user: 'egov',
      password: 'mật-khẩu-thử',
      from: '"Cổng dịch vụ công tỉnh" <no-reply@dichvucong.example.gov.vn>',
      ca: mailbox.ca,
    });
    dispatcher = new NotificationDispatcher(h.db, {
      webhookPolicy: LOCAL_RECEIVERS,
      publicUrl: PUBLIC_URL,
      email,
      policy: { maxAttempts: 3, retryBaseSeconds: 0.05, retryMaxSeconds: 0.2 },
    });
  });

  afterAll(async () => {
    email?.close();
    await mailbox?.close();
    await receiver?.close();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the dispatcher until nothing is due (retries included) or `rounds` run out. */
  async function drain(rounds = 30) {
    const total = { sent: 0, retried: 0, dead: 0 };
    for (let i = 0; i < rounds; i++) {
      const report = await dispatcher.runOnce();
      total.sent += report.sent;
      total.retried += report.retried;
      total.dead += report.dead;
      const [due] = await h.db.query<{ n: number }>(
        "select count(*)::int as n from notifications where status in ('pending', 'sending')",
      );
      if (!due?.n) break;
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    return total;
  }

  const mailsTo = (address: string) => mailbox.messages.filter((m) => m.to.includes(address));

  let dossier: Dossier;

  it('citizens and officers choose their channels; the defaults before they do', async () => {
    const before = await h.request('GET', '/api/v1/me/notification-preferences', {
      token: h.tokens.citizen,
    });
    expect(before.body).toEqual({ channels: { email: true, sms: false }, locale: 'vi' });
    const citizen = await h.request('PATCH', '/api/v1/me/notification-preferences', {
      token: h.tokens.citizen,
      json: { email: CITIZEN_EMAIL },
    });
    expect(citizen.status).toBe(200);
    expect(citizen.body.email).toBe(CITIZEN_EMAIL);
    const officer = await h.request('PATCH', '/api/v1/me/notification-preferences', {
      token: h.tokens.officer,
      json: { email: OFFICER_EMAIL, locale: 'vi' },
    });
    expect(officer.status).toBe(200);
    const bad = await h.request('PATCH', '/api/v1/me/notification-preferences', {
      token: h.tokens.citizen,
      json: { email: 'not an address\r\nBcc: victim@example.com' },
    });
    expect(bad.status).toBe(400);
    const nothing = await h.request('PATCH', '/api/v1/me/notification-preferences', {
      token: h.tokens.citizen,
      json: { procedureCode: '1.013133' },
    });
    expect(nothing.status).toBe(400);
    const anonymous = await h.request('GET', '/api/v1/me/notification-preferences');
    expect(anonymous.status).toBe(401);
  });

  it('a submission writes the applicant’s and the officers’ e-mails in its transaction', async () => {
    dossier = await submitted(h);
    const rows = await h.db.query<{ kind: string; channel: string; recipient: string }>(
      'select kind, channel, recipient from notifications where dossier_id = $1 order by kind',
      [dossier.id],
    );
    expect(rows).toEqual([
      { kind: 'new_dossier', channel: 'email', recipient: OFFICER_EMAIL },
      { kind: 'submitted', channel: 'email', recipient: CITIZEN_EMAIL },
    ]);
  });

  it('sends multipart UTF-8 e-mails over STARTTLS with a password, in Vietnamese', async () => {
    const report = await drain();
    expect(report).toMatchObject({ sent: 2, dead: 0 });
    expect(mailbox.authenticated).toContain('egov');
    const [submittedMail] = mailsTo(CITIZEN_EMAIL);
    const mail = submittedMail?.mail as ParsedMail;
    expect(mail.subject).toBe(`Đã nộp hồ sơ ${dossier.code}`);
    // The Subject header is an RFC 2047 encoded-word, not raw UTF-8.
    const subjectHeader = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(submittedMail?.raw ?? '')?.[1];
    expect(subjectHeader).toMatch(/=\?UTF-8\?[BQ]\?/i);
    expect(submittedMail?.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(submittedMail?.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(submittedMail?.raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(mail.text).toContain('Kính gửi Nguyễn Văn An');
    expect(mail.text).toContain(`mã xác minh: ${dossier.verifier}`);
    expect(mail.html).toContain('<a href="https://dichvucong.example.gov.vn/track.html#code=');
    expect(mail.headers.get('content-language')).toBe('vi');
    expect(unsubscribeUrl(submittedMail?.raw ?? '')).toMatch(
      /^https:\/\/dichvucong\.example\.gov\.vn\/notifications\/unsubscribe\?token=[\w-]+\.[\w-]{43}$/,
    );
    expect(submittedMail?.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const [row] = await h.db.query<{ id: string }>(
      "select id from notifications where dossier_id = $1 and kind = 'submitted'",
      [dossier.id],
    );
    expect(mail.messageId).toBe(`<${row?.id}@dichvucong.example.gov.vn>`);
  });

  it('never puts the verifier in an officer’s e-mail', async () => {
    const [officerMail] = mailsTo(OFFICER_EMAIL);
    expect(officerMail?.mail.subject).toBe(
      `Hồ sơ mới ${dossier.code}: ${(await procedure()).name}`,
    );
    expect(officerMail?.mail.text).toContain(`/officer/dossier.html?id=${dossier.id}`);
    expect(officerMail?.raw).not.toContain(dossier.verifier as string);
  });

  async function procedure(): Promise<Procedure> {
    return (await h.request('GET', `/api/v1/procedures/${dossier.procedureCode}`)).body;
  }

  it('receipt: the official due date in Vietnamese format; supplement: the documents by name, escaped', async () => {
    const received = await act(h, dossier.id, { action: 'receive' });
    await act(h, dossier.id, { action: 'start_processing' });
    const doc = (await procedure()).cases[0]?.documents[0];
    await act(h, dossier.id, {
      action: 'request_supplement',
      requestedDocuments: [doc?.code],
      note: 'Bản sao <script>alert(1)</script> chưa rõ & thiếu dấu',
    });
    await drain();
    const due = new Date(received.dueAt as string);
    const vnDay = new Date(due.getTime() + 7 * 3_600_000);
    const ddmmyyyy = `${String(vnDay.getUTCDate()).padStart(2, '0')}/${String(vnDay.getUTCMonth() + 1).padStart(2, '0')}/${vnDay.getUTCFullYear()}`;
    const receivedMail = mailsTo(CITIZEN_EMAIL).find((m) => m.mail.subject?.includes('tiếp nhận'));
    expect(receivedMail?.mail.subject).toBe(
      `Hồ sơ ${dossier.code} đã được tiếp nhận — hẹn trả kết quả ${ddmmyyyy}`,
    );
    expect(receivedMail?.mail.text).toContain(`Ngày hẹn trả kết quả: ${ddmmyyyy}.`);
    const supplement = mailsTo(CITIZEN_EMAIL).find((m) => m.mail.subject?.includes('bổ sung'));
    expect(supplement?.mail.text).toContain(`- ${doc?.name}`);
    expect(supplement?.mail.text).toContain(
      'Lý do: Bản sao <script>alert(1)</script> chưa rõ & thiếu dấu',
    );
    expect(supplement?.mail.html).toContain(
      'Bản sao &lt;script&gt;alert(1)&lt;/script&gt; chưa rõ &amp; thiếu dấu',
    );
    expect(supplement?.mail.html).not.toContain('<script>');
  });

  it('one-click unsubscribe works with the signed link, and only with it', async () => {
    const url = new URL(unsubscribeUrl(mailsTo(CITIZEN_EMAIL)[0]?.raw ?? ''));
    const path = `${url.pathname}${url.search}`;
    // Fetching the link (a scanner, a preview) changes nothing.
    const page = await h.fetch(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect(
      (await h.request('GET', '/api/v1/me/notification-preferences', { token: h.tokens.citizen }))
        .body.channels.email,
    ).toBe(true);
    const token = url.searchParams.get('token') as string;
    for (const forged of [
      `${token.slice(0, -2)}AA`,
      `${Buffer.from(JSON.stringify(['citizen-demo-2', 'citizen'])).toString('base64url')}.${token.split('.')[1]}`,
      '',
      'x'.repeat(5000),
      '../../etc/passwd',
    ]) {
      const refused = await h.fetch(
        `/notifications/unsubscribe?token=${encodeURIComponent(forged)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        },
      );
      expect(refused.status).toBe(400);
    }
    const done = await h.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const prefs = await h.request('GET', '/api/v1/me/notification-preferences', {
      token: h.tokens.citizen,
    });
    expect(prefs.body.channels.email).toBe(false);
    expect(prefs.body.email).toBe(CITIZEN_EMAIL);
    // The other citizen named in the forged token still gets e-mails.
    const other = await h.request('GET', '/api/v1/me/notification-preferences', {
      token: h.tokens.citizen2,
    });
    expect(other.body.channels.email).toBe(true);
    // And an unsubscribed citizen gets no more e-mail rows.
    const before = (await h.db.query('select id from notifications')).length;
    await act(h, dossier.id, { action: 'reject', note: 'Không đủ điều kiện.' }).catch(
      () => undefined,
    );
    const after = await h.db.query<{ recipient: string }>(
      'select recipient from notifications order by created_at desc limit 5',
    );
    expect(
      after
        .slice(0, (await h.db.query('select id from notifications')).length - before)
        .map((r) => r.recipient),
    ).not.toContain(CITIZEN_EMAIL);
  });

  it('only an administrator sees the outbox or configures webhooks and templates', async () => {
    for (const token of [h.tokens.citizen, h.tokens.officer]) {
      expect((await h.request('GET', '/api/v1/admin/notifications', { token })).status).toBe(403);
      expect(
        (
          await h.request('POST', '/api/v1/admin/webhook-endpoints', {
            token,
            json: { url: receiver.url },
            headers: { 'idempotency-key': `key-${Math.random()}` },
          })
        ).status,
      ).toBe(403);
    }
    expect((await h.request('GET', '/api/v1/admin/notifications')).status).toBe(401);
    const ftp = await h.request('POST', '/api/v1/admin/webhook-endpoints', {
      token: h.tokens.admin,
      json: { url: 'file:///etc/passwd' },
      headers: { 'idempotency-key': 'key-file-url' },
    });
    expect(ftp.status).toBe(400);
  });

  it('webhooks: signed, retried with back-off, dead after the last attempt, replayed by id', async () => {
    const created = await h.request('POST', '/api/v1/admin/webhook-endpoints', {
      token: h.tokens.admin,
      json: { url: receiver.url, agencyCode: 'UBND-20242', description: 'Hệ thống một cửa' },
      headers: { 'idempotency-key': 'key-endpoint-1' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    receiver.secret = created.body.secret;
    const listed = await h.request('GET', '/api/v1/admin/webhook-endpoints', {
      token: h.tokens.admin,
    });
    expect(listed.body.items[0].secret).toBeUndefined();

    receiver.failing = true;
    const second = await submitted(h);
    const report = await drain();
    expect(report.dead).toBeGreaterThanOrEqual(1);
    expect(report.retried).toBeGreaterThanOrEqual(2);
    const dead = await h.request(
      'GET',
      `/api/v1/admin/notifications?status=dead&dossierId=${second.id}`,
      {
        token: h.tokens.admin,
      },
    );
    const hook = dead.body.items.find((n: { channel: string }) => n.channel === 'webhook');
    expect(hook).toMatchObject({ kind: 'new_dossier', attempts: 3, status: 'dead' });
    expect(hook.lastError).toMatch(/^HTTP 503/);
    expect(receiver.received).toHaveLength(0);

    receiver.failing = false;
    const replayed = await h.request('POST', `/api/v1/admin/notifications/${hook.id}/replay`, {
      token: h.tokens.admin,
    });
    expect(replayed.status).toBe(200);
    expect(replayed.body.status).toBe('pending');
    const again = await h.request('POST', `/api/v1/admin/notifications/${hook.id}/replay`, {
      token: h.tokens.admin,
    });
    expect(again.status).toBe(409);
    await drain();
    const delivered = receiver.received.filter((r) => r.id === hook.id);
    expect(delivered).toHaveLength(1);
    const body = delivered[0]?.body;
    expect(body).toMatchObject({
      type: 'dossier.new_dossier',
      data: {
        dossierId: second.id,
        code: second.code,
        status: 'submitted',
        agencyCode: 'UBND-20242',
      },
    });
    // Nothing personal and never the verifier in what an agency system receives.
    const text = JSON.stringify(body);
    expect(text).not.toContain(second.verifier as string);
    expect(text).not.toContain('Nguyễn Văn An');
    expect(receiver.refused).toEqual([]);
    const sent = await h.request('GET', `/api/v1/admin/notifications?dossierId=${second.id}`, {
      token: h.tokens.admin,
    });
    expect(sent.body.items.find((n: { id: string }) => n.id === hook.id)).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });

  it('a retried message is not overtaken: one dossier to one receiver stays in order', async () => {
    expect(receiver.secret).toMatch(/^whsec_/); // the endpoint of the test above
    receiver.failTimes = 1; // the first delivery fails once, then the receiver is back
    const dossier = await submitted(h);
    await act(h, dossier.id, { action: 'receive' });
    await act(h, dossier.id, { action: 'start_processing' });
    await drain();
    const statuses = receiver.received
      .filter((r) => r.body.data.dossierId === dossier.id)
      .map((r) => r.body.data.status);
    // Without the wait, "received" and "in progress" went while "submitted" waited to retry.
    expect(statuses).toEqual(['submitted', 'received', 'in_progress']);
  });

  it('a rotated secret is refused by a receiver still holding the old one', async () => {
    const [endpoint] = (
      await h.request('GET', '/api/v1/admin/webhook-endpoints', { token: h.tokens.admin })
    ).body.items;
    const rotated = await h.request('PATCH', `/api/v1/admin/webhook-endpoints/${endpoint.id}`, {
      token: h.tokens.admin,
      json: { rotateSecret: true },
    });
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(receiver.secret);
    const third = await submitted(h);
    await dispatcher.runOnce();
    expect(receiver.refused).toContain('bad_signature');
    receiver.secret = rotated.body.secret;
    await drain();
    expect(receiver.received.some((r) => r.body.data.dossierId === third.id)).toBe(true);
  });

  it('back-off grows exponentially, capped, with jitter', () => {
    const low = new NotificationDispatcher(h.db, {
      webhookPolicy: LOCAL_RECEIVERS,
      publicUrl: PUBLIC_URL,
      policy: { retryBaseSeconds: 30, retryMaxSeconds: 3600 },
      random: () => 0,
    });
    const high = new NotificationDispatcher(h.db, {
      webhookPolicy: LOCAL_RECEIVERS,
      publicUrl: PUBLIC_URL,
      policy: { retryBaseSeconds: 30, retryMaxSeconds: 3600 },
      random: () => 0.999_999,
    });
    expect([1, 2, 3, 4].map((n) => low.retryDelay(n))).toEqual([15, 30, 60, 120]);
    expect(high.retryDelay(1)).toBeCloseTo(30, 3);
    expect(low.retryDelay(20)).toBe(1800);
    expect(high.retryDelay(20)).toBeCloseTo(3600, 2);
  });

  it('agencies word their own messages; unknown placeholders are refused', async () => {
    const refused = await h.request('POST', '/api/v1/admin/notification-templates', {
      token: h.tokens.admin,
      json: {
        agencyCode: 'UBND-20242',
        kind: 'new_dossier',
        locale: 'vi',
        subject: 'Hồ sơ {{cod}}',
        body: 'x',
      },
      headers: { 'idempotency-key': 'key-template-bad' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ path: 'subject', code: 'unknown_placeholder' });
    const put = await h.request('POST', '/api/v1/admin/notification-templates', {
      token: h.tokens.admin,
      json: {
        agencyCode: 'UBND-20242',
        kind: 'new_dossier',
        locale: 'vi',
        subject: '[Một cửa phường] {{code}}',
        body: 'Có hồ sơ <b>mới</b>: {{code}} — {{procedure}}.\n\n{{link}}',
      },
      headers: { 'idempotency-key': 'key-template-ok' },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const listed = await h.request(
      'GET',
      '/api/v1/admin/notification-templates?agency=UBND-20242',
      {
        token: h.tokens.admin,
      },
    );
    expect(listed.body.items).toHaveLength(1);
    const fourth = await submitted(h);
    await drain();
    const mail = mailsTo(OFFICER_EMAIL).find(
      (m) => m.mail.subject === `[Một cửa phường] ${fourth.code}`,
    );
    expect(mail?.mail.html).toContain('Có hồ sơ &lt;b&gt;mới&lt;/b&gt;');
  });

  it('the officers’ sweep: overdue once per dossier and day, due soon once per due date', async () => {
    const overdue = await submitted(h);
    await act(h, overdue.id, { action: 'receive' });
    await h.db.query("update dossiers set due_at = now() - interval '1 day' where id = $1", [
      overdue.id,
    ]);
    const soon = await submitted(h);
    await act(h, soon.id, { action: 'receive' });
    await h.db.query("update dossiers set due_at = now() + interval '1 hour' where id = $1", [
      soon.id,
    ]);
    const first = await dispatcher.sweep();
    expect(first).toBeGreaterThanOrEqual(4); // officer e-mail + webhook, for each
    expect(await dispatcher.sweep()).toBe(0);
    const kinds = await h.db.query<{ kind: string; dossier_id: string; channel: string }>(
      "select kind, dossier_id, channel from notifications where kind in ('overdue', 'due_soon') order by kind, channel",
    );
    expect(kinds.filter((k) => k.dossier_id === overdue.id).map((k) => k.kind)).toEqual([
      'overdue',
      'overdue',
    ]);
    expect(kinds.filter((k) => k.dossier_id === soon.id).map((k) => k.kind)).toEqual([
      'due_soon',
      'due_soon',
    ]);
    // The next day the overdue reminder comes again.
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await dispatcher.sweep(tomorrow)).toBeGreaterThanOrEqual(2);
  });

  it('two dispatchers on one database never send one notification twice', async () => {
    await h.db.query("update notifications set status = 'sent' where status <> 'sent'");
    receiver.received.length = 0;
    const dossiers = await Promise.all([submitted(h), submitted(h), submitted(h)]);
    for (const d of dossiers) {
      await act(h, d.id, { action: 'receive' });
      await act(h, d.id, { action: 'start_processing' }).catch(() => undefined);
    }
    const [{ n } = { n: 0 }] = await h.db.query<{ n: number }>(
      "select count(*)::int as n from notifications where channel = 'webhook' and status = 'pending'",
    );
    expect(n).toBeGreaterThanOrEqual(6);
    const a = new NotificationDispatcher(h.db, {
      webhookPolicy: LOCAL_RECEIVERS,
      publicUrl: PUBLIC_URL,
      email,
      policy: { batch: 2 },
    });
    const b = new NotificationDispatcher(h.db, {
      webhookPolicy: LOCAL_RECEIVERS,
      publicUrl: PUBLIC_URL,
      email,
      policy: { batch: 2 },
    });
    for (let i = 0; i < 20; i++) await Promise.all([a.runOnce(), b.runOnce()]);
    const ids = receiver.received.map((r) => r.id);
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('renders values HTML-escaped and keeps subjects on one line', () => {
    const message = render(
      { subject: 'Hồ sơ {{code}}', body: 'A {{reason}}\n\n{{link}} {{unknown}}' },
      {
        code: 'HS-1\r\nBcc: x@example.com',
        reason: '"<img src=x onerror=alert(1)>"',
        link: 'javascript:alert(1)',
      },
    );
    expect(message.subject).toBe('Hồ sơ HS-1 Bcc: x@example.com');
    expect(message.html).toContain('&quot;&lt;img src=x onerror=alert(1)&gt;&quot;');
    expect(message.html).not.toContain('<a href="javascript');
    expect(message.text).toContain('{{unknown}}');
  });
});

describe('what the applicant hears, kind by kind, on e-mail and SMS', () => {
  let h: Harness;
  const mails: EmailMessage[] = [];
  const texts: SmsMessage[] = [];
  let smsFails: Error | undefined;
  let dispatcher: NotificationDispatcher;

  beforeAll(async () => {
    h = await startHarness({ app: { webhookPolicy: LOCAL_RECEIVERS } });
    dispatcher = new NotificationDispatcher(h.db, {
      webhookPolicy: LOCAL_RECEIVERS,
      publicUrl: PUBLIC_URL,
      email: { send: async (message) => void mails.push(message) },
      sms: {
        send: async (message) => {
          if (smsFails) throw smsFails;
          texts.push(message);
        },
      },
      policy: { maxAttempts: 3, retryBaseSeconds: 0.01, retryMaxSeconds: 0.02 },
    });
    const prefs = await h.request('PATCH', '/api/v1/me/notification-preferences', {
      token: h.tokens.citizen,
      json: { email: CITIZEN_EMAIL, phone: '0905 123 456', channels: { sms: true }, locale: 'en' },
    });
    expect(prefs.body).toMatchObject({ channels: { email: true, sms: true }, locale: 'en' });
  });

  afterAll(async () => {
    await h?.close();
  });

  const subjects = () => mails.map((m) => m.rendered.subject);
  const due = new Map<string, string>();
  const dueDay = (id: string) => due.get(id) as string;

  it('payment, result, return and the survey invitation, in English as chosen', async () => {
    const dossier = await submitted(h);
    const received = await act(h, dossier.id, { action: 'receive' });
    due.set(
      dossier.id,
      new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'Asia/Ho_Chi_Minh',
      }).format(new Date(received.dueAt as string)),
    );
    await act(h, dossier.id, { action: 'start_processing' });
    await act(h, dossier.id, {
      action: 'request_payment',
      fees: [{ kind: 'charge', amount: 150_000, purpose: 'Lệ phí cấp giấy' }],
    });
    await act(h, dossier.id, { action: 'confirm_payment' });
    await act(h, dossier.id, {
      action: 'resolve',
      outcome: { decision: 'approved', resultAttachmentIds: [] },
    });
    await act(h, dossier.id, { action: 'return_result' });
    for (let i = 0; i < 5; i++) await dispatcher.runOnce();
    // One recipient's messages arrive in the order of the events.
    expect(subjects()).toEqual([
      `Dossier ${dossier.code} submitted`,
      `Dossier ${dossier.code} received — result due ${dueDay(dossier.id)}`,
      `Dossier ${dossier.code}: fees to pay`,
      `The result of dossier ${dossier.code} is ready`,
      `Dossier ${dossier.code}: result delivered`,
      `How did we do? — dossier ${dossier.code}`,
    ]);
    const payment = mails.find((m) => m.rendered.subject.includes('fees'));
    expect(payment?.rendered.text).toContain('- Lệ phí cấp giấy: 150.000 đ');
    const survey = mails.find((m) => m.rendered.subject.startsWith('How did we do'));
    expect(survey?.rendered.text).toContain(`${PUBLIC_URL}/my.html`);
    expect(mails.every((m) => m.locale === 'en' && m.to === CITIZEN_EMAIL)).toBe(true);
    // The same messages by SMS: the subject and the link.
    expect(texts).toHaveLength(6);
    expect(texts.every((text) => text.to === '0905 123 456')).toBe(true);
    expect(texts.map((text) => text.text)).toContain(
      `Dossier ${dossier.code} submitted ${PUBLIC_URL}/track.html#code=${dossier.code}&verifier=${dossier.verifier}`,
    );
  });

  it('a refusal carries its reason', async () => {
    mails.length = 0;
    const dossier = await submitted(h);
    await act(h, dossier.id, {
      action: 'reject',
      note: 'Hồ sơ không thuộc thẩm quyền của phường.',
    });
    for (let i = 0; i < 3; i++) await dispatcher.runOnce();
    const refused = mails.find((m) => m.rendered.subject === `Dossier ${dossier.code} was refused`);
    expect(refused?.rendered.text).toContain('Reason: Hồ sơ không thuộc thẩm quyền của phường.');
  });

  it('an SMS provider’s permanent refusal goes straight to the dead letters; none configured too', async () => {
    smsFails = new PermanentDeliveryError('Số điện thoại không nhận được tin nhắn.');
    await submitted(h);
    await dispatcher.runOnce();
    const [dead] = await h.db.query<{ attempts: number; last_error: string }>(
      "select attempts, last_error from notifications where channel = 'sms' and status = 'dead'",
    );
    expect(dead).toEqual({ attempts: 1, last_error: 'Số điện thoại không nhận được tin nhắn.' });
    smsFails = undefined;
    const bare = new NotificationDispatcher(h.db, {
      publicUrl: PUBLIC_URL,
      webhookPolicy: LOCAL_RECEIVERS,
    });
    await submitted(h);
    await bare.runOnce();
    const errors = await h.db.query<{ last_error: string }>(
      "select distinct last_error from notifications where status = 'dead' order by last_error",
    );
    expect(errors.map((e) => e.last_error)).toEqual(
      expect.arrayContaining([
        'No SMS provider is configured.',
        'SMTP is not configured (SMTP_HOST).',
      ]),
    );
  });
});
