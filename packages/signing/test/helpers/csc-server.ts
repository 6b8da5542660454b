/**
 * A stand-in for a remote signing service speaking the Cloud Signature Consortium API v2, on
 * loopback (127.0.0.1, an ephemeral port). It holds the key and signs digests only, as a real
 * service's HSM does: RSA PKCS #1 v1.5 over the DigestInfo of the hash it is sent.
 */
import { constants, createPrivateKey, privateEncrypt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Issued } from './pki.js';

/** What the person does with the notification on their phone. */
export type Approval = { kind: 'after'; polls: number } | { kind: 'never' } | { kind: 'reject' };

export interface CscStandIn {
  readonly baseUrl: string;
  /** Every request, in order: path and JSON body. */
  readonly requests: Array<{ path: string; body: Record<string, unknown> }>;
  approval: Approval;
  close(): Promise<void>;
}

const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');
export const TOKEN = 'test-access-token';

function der(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

export async function startCscStandIn(signer: Issued, intermediate: Issued): Promise<CscStandIn> {
  const key = createPrivateKey(signer.key);
  const pending = new Map<string, { hashes: string[]; polls: number }>();
  const state: CscStandIn = {
    baseUrl: '',
    requests: [],
    approval: { kind: 'after', polls: 1 },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const sign = (hashes: string[]) =>
    hashes.map((hash) =>
      privateEncrypt(
        { key, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(hash, 'base64')]),
      ).toString('base64'),
    );

  const handlers: Record<string, (body: Record<string, unknown>) => [number, unknown]> = {
    'credentials/list': () => [200, { credentialIDs: ['cred-1'] }],
    'credentials/info': (body) =>
      body.credentialID === 'cred-1'
        ? [
            200,
            {
              key: { status: 'enabled', algo: ['1.2.840.113549.1.1.1'], len: 2048 },
              cert: { status: 'valid', certificates: [der(signer.cert), der(intermediate.cert)] },
              authMode: 'implicit',
            },
          ]
        : [400, { error: 'invalid_request', error_description: 'Unknown credentialID' }],
    'credentials/authorize': () => [200, { SAD: 'sad-1', expiresIn: 300 }],
    'signatures/signHash': (body) => {
      if (body.SAD !== 'sad-1')
        return [400, { error: 'invalid_request', error_description: 'SAD' }];
      if (
        body.hashAlgorithmOID !== '2.16.840.1.101.3.4.2.1' ||
        body.signAlgo !== '1.2.840.113549.1.1.1'
      ) {
        return [400, { error: 'invalid_request', error_description: 'algorithm' }];
      }
      const hashes = body.hashes as string[];
      if (body.operationMode !== 'A') return [200, { signatures: sign(hashes) }];
      const responseID = `resp-${pending.size + 1}`;
      pending.set(responseID, { hashes, polls: 0 });
      return [202, { responseID }];
    },
    'signatures/signPolling': (body) => {
      const request = pending.get(String(body.responseID));
      if (!request) return [400, { error: 'invalid_request', error_description: 'responseID' }];
      request.polls += 1;
      const approval = state.approval;
      if (approval.kind === 'reject') return [400, { error: 'access_denied' }];
      if (approval.kind === 'after' && request.polls >= approval.polls) {
        return [200, { signatures: sign(request.hashes) }];
      }
      return [202, {}];
    },
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '').replace(/^\/csc\/v2\//, '');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
        string,
        unknown
      >;
      state.requests.push({ path, body });
      const handler = handlers[path];
      const [status, answer] =
        req.headers.authorization !== `Bearer ${TOKEN}`
          ? [401, { error: 'invalid_token', error_description: 'Bad token' }]
          : handler
            ? handler(body)
            : [404, { error: 'invalid_request' }];
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { baseUrl: `http://127.0.0.1:${port}/csc/v2` });
}
