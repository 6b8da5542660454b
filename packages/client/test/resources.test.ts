/** Each resource method sends the contract's method, path, query and body. */
import { ROUTES } from '@egov-kit/schema';
import { describe, expect, it } from 'vitest';
import { type Client, createClient } from '../src/index.js';
import { OPERATIONS } from '../src/internal/operations.js';
import { fakeFetch, ID, json, PDF_BYTES, procedurePage } from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';

/** Every method, and the request it must make. Validation is off: only requests matter here. */
const CALLS: [string, (c: Client) => Promise<unknown>, string, string, unknown?][] = [
  ['health', (c) => c.health(), 'GET', '/health'],
  [
    'procedures.list',
    (c) => c.procedures.list({ field: 'Hộ tịch', limit: 10 }),
    'GET',
    '/procedures?field=H%E1%BB%99+t%E1%BB%8Bch&limit=10',
  ],
  [
    'procedures.search',
    (c) => c.procedures.search('khai sinh', { onlineLevel: 'full' }),
    'GET',
    '/procedures?onlineLevel=full&q=khai+sinh',
  ],
  ['procedures.get', (c) => c.procedures.get('1.013133'), 'GET', '/procedures/1.013133'],
  [
    'procedures.getForm',
    (c) => c.procedures.getForm('1.013133', { case: 'c2' }),
    'GET',
    '/procedures/1.013133/form?case=c2',
  ],
  ['units.list', (c) => c.units.list({ province: '48' }), 'GET', '/units?province=48'],
  [
    'units.search',
    (c) => c.units.search('hai chau', { level: 'commune' }),
    'GET',
    '/units?level=commune&q=hai+chau',
  ],
  ['units.get', (c) => c.units.get('48'), 'GET', '/units/48'],
  [
    'agencies.list',
    (c) => c.agencies.list({ level: 'commune', unit: '20242' }),
    'GET',
    '/agencies?level=commune&unit=20242',
  ],
  [
    'dossiers.create',
    (c) => c.dossiers.create({ procedureCode: '1.013133' }),
    'POST',
    '/dossiers',
    { procedureCode: '1.013133' },
  ],
  ['dossiers.get', (c) => c.dossiers.get(ID), 'GET', `/dossiers/${ID}`],
  [
    'dossiers.update',
    (c) => c.dossiers.update(ID, { formData: { a: 1 } }, { ifMatch: '"e"' }),
    'PATCH',
    `/dossiers/${ID}`,
    { formData: { a: 1 } },
  ],
  [
    'dossiers.delete',
    (c) => c.dossiers.delete(ID, { ifMatch: '"e"' }),
    'DELETE',
    `/dossiers/${ID}`,
  ],
  [
    'dossiers.list',
    (c) => c.dossiers.list({ status: 'draft', limit: 5 }),
    'GET',
    '/dossiers?status=draft&limit=5',
  ],
  [
    'dossiers.submit',
    (c) => c.dossiers.submit(ID, { ifMatch: '"e"' }),
    'POST',
    `/dossiers/${ID}/submit`,
  ],
  [
    'dossiers.withdraw',
    (c) => c.dossiers.withdraw(ID, { reason: 'Nộp nhầm.' }),
    'POST',
    `/dossiers/${ID}/withdraw`,
    { reason: 'Nộp nhầm.' },
  ],
  [
    'dossiers.supplement',
    (c) => c.dossiers.supplement(ID, { documents: [] }),
    'POST',
    `/dossiers/${ID}/supplement`,
    { documents: [] },
  ],
  ['dossiers.events', (c) => c.dossiers.events(ID), 'GET', `/dossiers/${ID}/events`],
  [
    'dossiers.lookup',
    (c) => c.dossiers.lookup({ code: 'HS-1', verifier: 'ABCD2345' }),
    'GET',
    '/lookup?code=HS-1&verifier=ABCD2345',
  ],
  [
    'attachments.upload',
    (c) => c.attachments.upload(ID, 'doc-1', new Blob([PDF_BYTES])),
    'POST',
    `/dossiers/${ID}/attachments`,
  ],
  ['attachments.download', (c) => c.attachments.download(ID), 'GET', `/attachments/${ID}`],
  ['payments.list', (c) => c.payments.list(ID), 'GET', `/dossiers/${ID}/payments`],
  [
    'payments.create',
    (c) => c.payments.create(ID, { provider: 'cash' }),
    'POST',
    `/dossiers/${ID}/payments`,
    { provider: 'cash' },
  ],
  ['payments.get', (c) => c.payments.get(ID, ID), 'GET', `/dossiers/${ID}/payments/${ID}`],
  [
    'payments.receipt',
    (c) => c.payments.receipt(ID, ID),
    'GET',
    `/dossiers/${ID}/payments/${ID}/receipt`,
  ],
  ['payments.methods', (c) => c.payments.methods(), 'GET', '/payment-methods'],
  ['surveys.get', (c) => c.surveys.get(ID), 'GET', `/dossiers/${ID}/survey`],
  [
    'surveys.answer',
    (c) => c.surveys.answer(ID, { surveyId: 's', answers: [] }),
    'POST',
    `/dossiers/${ID}/survey`,
    { surveyId: 's', answers: [], dossierId: ID },
  ],
  ['surveys.status', (c) => c.surveys.status(ID), 'GET', `/dossiers/${ID}/survey/status`],
  [
    'statistics.onTime',
    (c) => c.statistics.onTime({ from: '2026-01-01', to: '2026-03-31' }),
    'GET',
    '/statistics/on-time?from=2026-01-01&to=2026-03-31',
  ],
  [
    'statistics.services',
    (c) => c.statistics.services({ from: '2026-01-01', to: '2026-03-31', groupBy: 'field' }),
    'GET',
    '/statistics/services?from=2026-01-01&to=2026-03-31&groupBy=field',
  ],
  [
    'officer.list',
    (c) => c.officer.list({ status: 'submitted' }),
    'GET',
    '/officer/dossiers?status=submitted',
  ],
  [
    'officer.act',
    (c) => c.officer.act(ID, { action: 'reject', note: 'Sai thủ tục.' }),
    'POST',
    `/officer/dossiers/${ID}/actions`,
    { action: 'reject', note: 'Sai thủ tục.' },
  ],
  [
    'notifications.preferences',
    (c) => c.notifications.preferences(),
    'GET',
    '/me/notification-preferences',
  ],
  [
    'notifications.updatePreferences',
    (c) => c.notifications.updatePreferences({ channels: { sms: true }, locale: 'en' }),
    'PATCH',
    '/me/notification-preferences',
    { channels: { sms: true }, locale: 'en' },
  ],
  [
    'admin.notifications',
    (c) => c.admin.notifications({ status: 'dead', limit: 5 }),
    'GET',
    '/admin/notifications?status=dead&limit=5',
  ],
  [
    'admin.replayNotification',
    (c) => c.admin.replayNotification(ID),
    'POST',
    `/admin/notifications/${ID}/replay`,
  ],
  ['admin.webhookEndpoints', (c) => c.admin.webhookEndpoints(), 'GET', '/admin/webhook-endpoints'],
  [
    'admin.createWebhookEndpoint',
    (c) =>
      c.admin.createWebhookEndpoint({
        url: 'https://lgsp.example.vn/hooks',
        agencyCode: 'UBND-20242',
      }),
    'POST',
    '/admin/webhook-endpoints',
    { url: 'https://lgsp.example.vn/hooks', agencyCode: 'UBND-20242' },
  ],
  [
    'admin.updateWebhookEndpoint',
    (c) => c.admin.updateWebhookEndpoint(ID, { enabled: false }),
    'PATCH',
    `/admin/webhook-endpoints/${ID}`,
    { enabled: false },
  ],
  [
    'admin.templates',
    (c) => c.admin.templates({ agency: 'UBND-20242' }),
    'GET',
    '/admin/notification-templates?agency=UBND-20242',
  ],
  [
    'admin.putTemplate',
    (c) =>
      c.admin.putTemplate({
        agencyCode: 'UBND-20242',
        kind: 'received',
        locale: 'vi',
        subject: 'Đã nhận {{code}}',
        body: 'Hẹn trả {{dueDate}}.',
      }),
    'POST',
    '/admin/notification-templates',
    {
      agencyCode: 'UBND-20242',
      kind: 'received',
      locale: 'vi',
      subject: 'Đã nhận {{code}}',
      body: 'Hẹn trả {{dueDate}}.',
    },
  ],
];

describe('resources', () => {
  it.each(CALLS)('%s → %s %s', async (_, call, method, path, body) => {
    const { fetch, seen } = fakeFetch(() => json({ id: ID, version: 1 }));
    await call(createClient({ baseUrl, fetch, getToken: () => 't', validate: false }));
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe(method);
    expect(`${request?.url.pathname.replace('/api/v1', '')}${request?.url.search}`).toBe(path);
    if (body !== undefined) expect(JSON.parse(request?.body ?? '')).toEqual(body);
  });

  it('every operation of the contract is called by some method, each call by one route', () => {
    const pattern = (path: string) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
    const routesOf = (method: string, path: string) =>
      ROUTES.filter((r) => r.method === method.toLowerCase() && pattern(r.path).test(path));
    const called = new Set<string>();
    for (const [name, , method, path] of CALLS) {
      const routes = routesOf(method, path.split('?')[0] as string);
      expect(routes, name).toHaveLength(1);
      called.add(routes[0]?.operationId as string);
    }
    // A provider's signed callback is server to server: no client calls it.
    const callable = ROUTES.filter((r) => !('signedBody' in r && r.signedBody));
    expect([...called].sort()).toEqual(callable.map((r) => r.operationId).sort());
  });

  it('OPERATIONS is ROUTES without the schemas', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(ROUTES.map((r) => r.operationId).sort());
    for (const route of ROUTES) {
      expect(OPERATIONS[route.operationId]).toEqual({
        id: route.operationId,
        method: route.method,
        path: route.path,
        auth: route.auth,
        idempotent: 'idempotent' in route && route.idempotent === true,
        ifMatch: 'ifMatch' in route && route.ifMatch === true,
      });
    }
  });

  it('surveys.answer refuses answers meant for another dossier', async () => {
    const { fetch, seen } = fakeFetch(() => json({}));
    const client = createClient({ baseUrl, fetch, getToken: () => 't', validate: false });
    await expect(
      client.surveys.answer(ID, { dossierId: 'another', surveyId: 's', answers: [] }),
    ).rejects.toThrow(TypeError);
    expect(seen).toHaveLength(0);
  });
});

describe('all(): every item, page after page', () => {
  it('follows nextCursor until null, asking only as the loop goes', async () => {
    const pages = [
      procedurePage(['1.000001', '1.000002'], 'c1'),
      procedurePage(['1.000003', '1.000004'], 'c2'),
      procedurePage(['1.000005'], null),
    ];
    const { fetch, seen } = fakeFetch((_, n) => json(pages[n - 1]));
    const client = createClient({ baseUrl, fetch });
    const codes: string[] = [];
    for await (const procedure of client.procedures.all({ field: 'Hộ tịch', limit: 2 })) {
      codes.push(procedure.code);
      if (codes.length === 2) expect(seen).toHaveLength(1);
    }
    expect(codes).toEqual(['1.000001', '1.000002', '1.000003', '1.000004', '1.000005']);
    expect(seen.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, 'c1', 'c2']);
    expect(seen.every((r) => r.url.searchParams.get('field') === 'Hộ tịch')).toBe(true);
  });

  it('stops early when the loop breaks', async () => {
    const { fetch, seen } = fakeFetch(() => json(procedurePage(['1.000001', '1.000002'], 'next')));
    const client = createClient({ baseUrl, fetch });
    for await (const procedure of client.procedures.all()) if (procedure.code) break;
    expect(seen).toHaveLength(1);
  });

  it('refuses to loop forever on a server that repeats its cursor', async () => {
    const { fetch } = fakeFetch(() => json(procedurePage(['1.000001'], 'same')));
    const client = createClient({ baseUrl, fetch });
    const walk = async () => {
      for await (const _ of client.procedures.all()) {
        // keep going
      }
    };
    await expect(walk()).rejects.toThrow(/same cursor twice/);
  });
});
