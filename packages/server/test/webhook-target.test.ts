import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@egov-kit/schema/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentDeliveryError, postWebhook } from '../src/notifications/channels.js';
import { NotificationDispatcher } from '../src/notifications/dispatcher.js';
import { isPublicAddress } from '../src/notifications/webhook-target.js';
import { type Harness, startHarness } from './support/harness.js';
import { submitted } from './support/journeys.js';

/**
 * Server-side request forgery through webhook endpoints: by default a webhook goes to a public
 * address over HTTPS only — refused when an administrator saves the URL, and again where the
 * connection is made (a name that resolves to an internal address by then).
 */
describe('webhook targets', () => {
  it('tells public addresses from this host, private networks, link-local and reserved ones', () => {
    const internal = [
      '127.0.0.1',
      '127.255.255.254',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254', // cloud metadata
      '100.64.0.1', // carrier-grade NAT
      '198.18.0.1',
      '192.0.2.10',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      'fe80::1',
      'fd00::1',
      'fc00::abcd',
      'ff02::1',
      '2001:db8::1',
      '::ffff:127.0.0.1', // IPv4-mapped
      '::ffff:7f00:1',
      '::ffff:169.254.169.254',
      '::127.0.0.1', // IPv4-compatible
      '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
      '64:ff9b::10.0.0.1',
      '[::1]',
      'fe80::1%eth0',
      'not an address',
      '',
    ];
    for (const address of internal) expect(isPublicAddress(address), address).toBe(false);
    const external = [
      '1.1.1.1',
      '8.8.8.8',
      '203.113.131.1',
      '172.32.0.1',
      '100.128.0.1',
      '2606:4700:4700::1111',
      '2001:4860:4860::8888',
      '::ffff:8.8.8.8',
      '64:ff9b::808:808',
    ];
    for (const address of external) expect(isPublicAddress(address), address).toBe(true);
  });

  describe('saved by an administrator', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.close();
    });

    const save = (url: string, locale = 'vi') =>
      h.request('POST', '/api/v1/admin/webhook-endpoints', {
        token: h.tokens.admin,
        json: { url },
        headers: { 'idempotency-key': `key-${Math.random()}`, 'accept-language': locale },
      });

    it('refuses internal addresses however they are written', async () => {
      for (const url of [
        'https://127.0.0.1/hook',
        'https://localhost:8443/hook',
        'https://169.254.169.254/latest/meta-data/',
        'https://[::1]/hook',
        'https://[::ffff:169.254.169.254]/hook',
        'https://[64:ff9b::a9fe:a9fe]/hook',
        'https://2130706433/hook', // 127.0.0.1 as one number
        'https://0x7f000001/hook',
        'https://0177.0.0.1/hook', // octal
        'https://10.0.0.8/hook',
        'https://192.168.1.20:9000/hook',
      ]) {
        const answer = await save(url);
        expect(answer.status, url).toBe(400);
        expect(answer.body.code, url).toBe('webhook_target');
        expect(answer.body.errors?.[0]?.path, url).toBe('url');
        expect(answer.body.detail, url).toMatch(/không phải địa chỉ Internet công cộng/);
      }
      const english = await save('https://169.254.169.254/', 'en');
      expect(english.body.detail).toMatch(
        /169\.254\.169\.254, an address that is not on the public internet.*WEBHOOK_ALLOW_PRIVATE_NETWORKS/,
      );
    });

    it('asks for https and no credentials in the URL', async () => {
      const plain = await save('http://1.1.1.1/hook', 'en');
      expect(plain.status).toBe(400);
      expect(plain.body.detail).toMatch(/must use https/);
      const credentials = await save('https://user:secret@1.1.1.1/hook', 'en');
      expect(credentials.status).toBe(400);
      expect(credentials.body.detail).toMatch(/user name or password/);
    });

    it('accepts a public HTTPS address, and checks a changed URL the same way', async () => {
      const created = await save('https://1.1.1.1/egov-hook');
      expect(created.status).toBe(201);
      const changed = await h.request(
        'PATCH',
        `/api/v1/admin/webhook-endpoints/${created.body.id}`,
        { token: h.tokens.admin, json: { url: 'https://169.254.169.254/' } },
      );
      expect(changed.status).toBe(400);
      expect(changed.body.code).toBe('webhook_target');
      const [row] = await h.db.query<{ url: string }>(
        'select url from webhook_endpoints where id = $1',
        [created.body.id],
      );
      expect(row?.url).toBe('https://1.1.1.1/egov-hook');
    });

    it('a dossier event to an endpoint that now leads inside is a dead letter, never a request', async () => {
      // As if the name had resolved to a public address when saved (DNS rebinding): written
      // straight into the table, the way no check at saving time can see.
      let reached = 0;
      const inside = createServer((_request, response) => {
        reached += 1;
        response.end('ok');
      });
      await new Promise<void>((resolve) => inside.listen(0, '127.0.0.1', resolve));
      const port = (inside.address() as AddressInfo).port;
      try {
        await h.db.query(
          `insert into webhook_endpoints (id, url, secret, enabled, created_at)
           values (gen_random_uuid(), $1, $2, true, now())`,
          [`https://localhost:${port}/hook`, `whsec_${Buffer.alloc(24, 7).toString('base64')}`],
        );
        await submitted(h);
        const dispatcher = new NotificationDispatcher(h.db, {
          publicUrl: 'https://dichvucong.example.gov.vn',
        });
        for (let i = 0; i < 5; i++) await dispatcher.runOnce();
        const hooks = await h.db.query<{ status: string; attempts: number; last_error: string }>(
          `select status, attempts, last_error from notifications n
             join webhook_endpoints w on w.id::text = n.recipient
            where n.channel = 'webhook' and w.url like 'https://localhost:%'`,
        );
        expect(hooks.length).toBeGreaterThan(0);
        for (const hook of hooks) {
          expect(hook.status).toBe('dead');
          expect(hook.attempts).toBe(1);
          expect(hook.last_error).toMatch(/localhost resolves to .*not a public address/);
        }
        expect(reached).toBe(0);
      } finally {
        await new Promise((resolve) => inside.close(resolve));
      }
    });
  });

  describe('delivered', () => {
    let receiver: Server;
    let url: string;
    const seen: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

    beforeAll(async () => {
      receiver = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          seen.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
          if (request.url === '/moved') {
            response.writeHead(302, { location: 'http://169.254.169.254/' }).end();
          } else if (request.url === '/big') {
            response.writeHead(500).end('x'.repeat(1_000_000));
          } else response.writeHead(204).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => receiver.close(resolve));
    });

    const delivery = (path: string) => ({
      id: 'msg_2Lh9Xh3Jw3b4Q5',
      url: `${url}${path}`,
      secret,
      body: JSON.stringify({ type: 'dossier.submitted', data: { code: 'H01.25-000001' } }),
    });

    it('refuses plain http and internal addresses by default, before any connection', async () => {
      const before = seen.length;
      await expect(postWebhook(delivery('/hook'))).rejects.toThrow(PermanentDeliveryError);
      await expect(postWebhook(delivery('/hook'))).rejects.toThrow(/https only/);
      await expect(
        postWebhook({ ...delivery('/hook'), url: url.replace('http:', 'https:') }),
      ).rejects.toThrow(/127\.0\.0\.1 is not a public address/);
      await expect(
        postWebhook({ ...delivery('/hook'), url: 'https://localhost:1/hook' }),
      ).rejects.toThrow(/localhost resolves to .*not a public address/);
      expect(seen.length).toBe(before);
    });

    it('with private networks allowed: a signed POST the receiver verifies', async () => {
      await postWebhook(delivery('/hook'), { policy: { allowPrivateNetworks: true } });
      const last = seen.at(-1);
      expect(last?.headers['user-agent']).toBe('egov-kit-webhooks/1');
      const verified = await verifyWebhook(secret, {
        body: last?.body ?? '',
        headers: last?.headers as Record<string, string>,
      });
      expect(verified.id).toBe('msg_2Lh9Xh3Jw3b4Q5');
      expect(JSON.parse(verified.body)).toEqual({
        type: 'dossier.submitted',
        data: { code: 'H01.25-000001' },
      });
    });

    it('never follows a redirect, and reads only the start of a long answer', async () => {
      const allowed = { policy: { allowPrivateNetworks: true } };
      const before = seen.length;
      await expect(postWebhook(delivery('/moved'), allowed)).rejects.toThrow(/^HTTP 302/);
      expect(seen.length).toBe(before + 1);
      const failure = await postWebhook(delivery('/big'), allowed).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message.length).toBeLessThanOrEqual(220);
    });
  });
});
