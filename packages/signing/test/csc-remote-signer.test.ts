import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CscRemoteSigner,
  type CscRemoteSignerOptions,
  isCscApiError,
  isRemoteApprovalRejectedError,
  isRemoteApprovalTimeoutError,
  signCades,
  signPades,
  verifyCades,
  verifyPades,
} from '../src/index.js';
import { type CscStandIn, startCscStandIn, TOKEN } from './helpers/csc-server.js';
import { createTestPki, type TestPki } from './helpers/pki.js';
import { opensslVerify } from './helpers/tools.js';

let pki: TestPki;
let service: CscStandIn;
const document = new TextEncoder().encode('Tờ khai đăng ký hộ kinh doanh — bản chính');

beforeAll(async () => {
  pki = createTestPki();
  service = await startCscStandIn(pki.rsa, pki.intermediate);
}, 60_000);
afterAll(async () => {
  await service?.close();
  pki?.cleanup();
});
beforeEach(() => {
  service.requests.length = 0;
  service.approval = { kind: 'after', polls: 1 };
});

const remote = (options: Partial<CscRemoteSignerOptions> = {}) =>
  new CscRemoteSigner({ baseUrl: service.baseUrl, accessToken: () => TOKEN, ...options });

describe('CscRemoteSigner against a CSC v2 stand-in on loopback', () => {
  it('signs synchronously; OpenSSL and the library accept the signature; only a digest leaves', async () => {
    const p7s = await signCades(document, remote());
    expect(opensslVerify(pki, p7s, document, pki.root.certPath).ok).toBe(true);
    const result = await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] });
    expect(result.ok && result.signers[0]?.certificate.commonName).toBe('Nguyen Van Thu (RSA)');

    expect(service.requests.map((r) => r.path)).toEqual([
      'credentials/list',
      'credentials/info',
      'credentials/authorize',
      'signatures/signHash',
    ]);
    const signHash = service.requests[3]?.body;
    expect(signHash).toMatchObject({ credentialID: 'cred-1', SAD: 'sad-1' });
    expect(signHash?.operationMode).toBeUndefined();
    const [hash] = (signHash?.hashes ?? []) as string[];
    expect(Buffer.from(hash ?? '', 'base64')).toHaveLength(32);
    const sent = JSON.stringify(service.requests);
    expect(sent).not.toContain(Buffer.from(document).toString('base64'));
  });

  it('waits for the approval on the phone (operationMode A + polling), and signs a PDF', async () => {
    service.approval = { kind: 'after', polls: 3 };
    const signer = remote({ approval: { intervalMs: 20, timeoutMs: 5_000 } });
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const signed = await signPades(await pdf.save(), signer, { reason: 'Ký từ xa' });
    const polls = service.requests.filter((r) => r.path === 'signatures/signPolling');
    expect(polls).toHaveLength(3);
    expect(service.requests.find((r) => r.path === 'signatures/signHash')?.body.operationMode).toBe(
      'A',
    );
    const result = await verifyPades(signed, { trustedRoots: [pki.root.cert] });
    expect(result.ok).toBe(true);
  });

  it('gives up after the timeout with a typed, bilingual error', async () => {
    service.approval = { kind: 'never' };
    const started = Date.now();
    const error = await signCades(
      document,
      remote({ approval: { intervalMs: 20, timeoutMs: 200 } }),
    ).catch((caught: unknown) => caught);
    expect(isRemoteApprovalTimeoutError(error)).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(180);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((error as Error).message).toMatch(/Hết thời gian/);
  });

  it('stops polling when the caller cancels (AbortSignal)', async () => {
    service.approval = { kind: 'never' };
    const controller = new AbortController();
    const signing = signCades(
      document,
      remote({ approval: { intervalMs: 20, timeoutMs: 10_000 } }),
      {
        signal: controller.signal,
      },
    );
    setTimeout(
      () => controller.abort(new DOMException('The person closed the dialog', 'AbortError')),
      100,
    );
    await expect(signing).rejects.toMatchObject({ name: 'AbortError' });
    // A poll sent just before the abort may reach the stand-in a moment later: let it land,
    // then no new poll may come (the interval is 20 ms: a live loop would add ~10).
    await new Promise((resolve) => setTimeout(resolve, 50));
    const polls = service.requests.filter((r) => r.path === 'signatures/signPolling').length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(service.requests.filter((r) => r.path === 'signatures/signPolling').length).toBe(polls);
  });

  it('reports a declined request', async () => {
    service.approval = { kind: 'reject' };
    const error = await signCades(document, remote({ approval: { intervalMs: 20 } })).catch(
      (caught: unknown) => caught,
    );
    expect(isRemoteApprovalRejectedError(error)).toBe(true);
  });

  it('passes on the service’s refusal (a bad token) as CscApiError', async () => {
    const error = await signCades(document, remote({ accessToken: () => 'expired' })).catch(
      (caught: unknown) => caught,
    );
    expect(isCscApiError(error)).toBe(true);
    expect(error).toMatchObject({
      status: 401,
      error: 'invalid_token',
      endpoint: 'credentials/list',
    });
  });

  it('uses a vendor poll hook instead of signatures/signPolling', async () => {
    service.approval = { kind: 'after', polls: 2 };
    const seen: string[] = [];
    const signer = remote({
      approval: {
        intervalMs: 20,
        poll: async (responseId, request) => {
          seen.push(responseId);
          const answer = await request('signatures/signPolling', { responseID: responseId });
          const signatures = answer.body.signatures as string[] | undefined;
          return signatures ? { status: 'signed', signatures } : { status: 'pending' };
        },
      },
    });
    const p7s = await signCades(document, signer);
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(1);
    expect(service.requests.filter((r) => r.path === 'signatures/signPolling')).toHaveLength(2);
    expect((await verifyCades(p7s, document, { trustedRoots: [pki.root.cert] })).ok).toBe(true);
  });
});
