/**
 * Trust: what an attacker or a careless CA brings to the verifier — forged chains, look-alike
 * CAs, certificates used outside their purpose, revoked certificates, weak algorithms — checked
 * against a PKI made with openssl at test time, with OpenSSL's own verdict beside ours.
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Certificate, CertificateRevocationList, ContentInfo, SignedData } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RevocationCache,
  type SignatureVerification,
  signCades,
  signPades,
  type VerifyOptions,
  verifyCades,
  verifyPades,
  WebCryptoSigner,
} from '../src/index.js';
import { pemBlocks } from '../src/internal/pem.js';
import { createTestPki, type Issued, type TestPki } from './helpers/pki.js';
import { createTrustPki, type TrustPki } from './helpers/trust-pki.js';
import { issueTsaCertificate, startTsaServer, type TestTsaServer } from './helpers/tsa.js';

const run = promisify(execFile);
let pki: TrustPki;
const document = new TextEncoder().encode('Giấy khai sinh — bản sao trích lục số 17/2026\n');

beforeAll(async () => {
  pki = await createTrustPki();
}, 120_000);
afterAll(() => pki?.cleanup());

const sign = async (who: Issued, chain: readonly Issued[] = [pki.ca]) =>
  signCades(
    document,
    await WebCryptoSigner.fromPkcs8({
      privateKey: who.key,
      certificate: who.cert,
      chain: chain.map((item) => item.cert),
    }),
  );

const offline: VerifyOptions = { fetch: false, revocationPolicy: 'off' };
const verify = (p7s: Uint8Array, options: VerifyOptions = {}) =>
  verifyCades(p7s, document, { trustedRoots: [pki.root.cert], ...options });

const outcome = (result: SignatureVerification) =>
  result.ok ? 'ok' : `${result.code} ${result.indication} ${result.subIndication}`;

/** `openssl cms -verify` of a detached DER signature, optionally with CRL checks. */
function openssl(
  p7s: Uint8Array,
  options: { ca?: Issued; untrusted?: Issued[]; crl?: boolean } = {},
) {
  writeFileSync(pki.path('check.p7s'), p7s);
  writeFileSync(pki.path('check.doc'), document);
  const untrusted = options.untrusted ?? [];
  // OpenSSL reads CRLs from the CA file too.
  const ca = options.ca ?? pki.root;
  writeFileSync(
    pki.path('trust.pem'),
    ca.cert + (options.crl ? readFileSync(pki.path('ca.crl.pem'), 'utf8') : ''),
  );
  if (untrusted.length)
    writeFileSync(pki.path('untrusted.pem'), untrusted.map((item) => item.cert).join(''));
  const result = spawnSync(
    'openssl',
    [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'check.p7s',
      '-content',
      'check.doc',
      '-CAfile',
      'trust.pem',
      '-out',
      '/dev/null',
      ...(untrusted.length ? ['-certfile', 'untrusted.pem'] : []),
      ...(options.crl ? ['-crl_check'] : []),
    ],
    { cwd: pki.dir, encoding: 'utf8' },
  );
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

describe('chains: the path from the signer to a trusted root', () => {
  it('a genuine signer: the path is named, the revocation status learnt online', async () => {
    const p7s = await sign(pki.good);
    expect(openssl(p7s).ok).toBe(true);
    const result = await verify(p7s);
    expect(outcome(result)).toBe('ok');
    if (!result.ok) return;
    const [signer] = result.signers;
    expect(signer?.indication).toBe('TOTAL-PASSED');
    expect(signer?.chain.map((item) => item.commonName)).toEqual([
      'egov-kit Test Revocation CA',
      'egov-kit Trust Test Root',
    ]);
    expect(signer?.revocation[0]).toMatchObject({ status: 'good', origin: 'online' });
  });

  it('a self-made certificate in the signer’s name, with the genuine CA beside it, is refused', async () => {
    const p7s = await sign(pki.selfMade, [pki.ca]);
    expect(openssl(p7s).ok).toBe(false);
    expect(outcome(await verify(p7s))).toBe('untrusted INDETERMINATE NO_CERTIFICATE_CHAIN_FOUND');
    // …also when the caller hands over the genuine CA, or trusts it directly.
    expect(outcome(await verify(p7s, { intermediates: [pki.ca.cert] }))).toMatch(/^untrusted/);
    expect(outcome(await verify(p7s, { trustedRoots: [pki.root.cert, pki.ca.cert] }))).toMatch(
      /^untrusted/,
    );
  });

  it('a look-alike CA with the genuine CA’s exact name is refused', async () => {
    const p7s = await sign(pki.lookalikeLeaf, [pki.lookalikeCa, pki.ca]);
    expect(openssl(p7s).ok).toBe(false);
    const result = await verify(p7s, { intermediates: [pki.ca.cert] });
    expect(outcome(result)).toBe('untrusted INDETERMINATE NO_CERTIFICATE_CHAIN_FOUND');
  });

  it('a certificate issued by a leaf (not a CA) is refused', async () => {
    const p7s = await sign(pki.leafOfLeaf, [pki.good, pki.ca]);
    const tool = openssl(p7s);
    expect(tool.ok).toBe(false);
    expect(tool.output).toMatch(/invalid CA certificate|unsuitable certificate purpose/);
    const result = await verify(p7s, offline);
    expect(outcome(result)).toBe('untrusted INDETERMINATE CHAIN_CONSTRAINTS_FAILURE');
    expect(!result.ok && result.reason).toMatch(/not a CA/);
  });

  it('a path longer than a CA’s pathLenConstraint allows is refused', async () => {
    const p7s = await sign(pki.deepLeaf, [pki.subCa, pki.pathLenZero]);
    expect(openssl(p7s).output).toMatch(/path length constraint exceeded/);
    const result = await verify(p7s, offline);
    expect(outcome(result)).toBe('untrusted INDETERMINATE CHAIN_CONSTRAINTS_FAILURE');
    expect(!result.ok && result.reason).toMatch(/allows 0 CA/);
  });

  it('a CA without keyCertSign is refused', async () => {
    const p7s = await sign(pki.leafOfNoCertSign, [pki.noCertSignCa]);
    expect(openssl(p7s).ok).toBe(false);
    expect(outcome(await verify(p7s, offline))).toBe(
      'untrusted INDETERMINATE CHAIN_CONSTRAINTS_FAILURE',
    );
  });

  it('an expired CA on the path is refused', async () => {
    const p7s = await sign(pki.leafOfExpiredCa, [pki.expiredCa]);
    expect(openssl(p7s).output).toMatch(/expired/);
    const result = await verify(p7s, offline);
    expect(outcome(result)).toBe('expired INDETERMINATE OUT_OF_BOUNDS_NO_POE');
    expect(!result.ok && result.reason).toMatch(/egov-kit Expired CA/);
  });

  it('RSA-4096 and P-256 hierarchies hold', async () => {
    const big = await sign(pki.leaf4096, []);
    expect(openssl(big, { ca: pki.root4096 }).ok).toBe(true);
    expect(outcome(await verify(big, { trustedRoots: [pki.root4096.cert], ...offline }))).toBe(
      'ok',
    );
    const ec = await sign(pki.leafP256, []);
    expect(openssl(ec, { ca: pki.rootP256 }).ok).toBe(true);
    expect(outcome(await verify(ec, { trustedRoots: [pki.rootP256.cert], ...offline }))).toBe('ok');
    // …and not against each other's root.
    expect(outcome(await verify(ec, { trustedRoots: [pki.root4096.cert], ...offline }))).toMatch(
      /^untrusted/,
    );
  });
  it('a flood of look-alike CA certificates ends quickly, untrusted', async () => {
    // 40 self-signed copies of the look-alike CA (same name, same key, other serials), each a
    // valid issuer of the others: without bounds, path building would explore 40^10 paths.
    // (asn1js itself refuses a CMS of much more than this: "Maximum ASN.1 node count".)
    const der = pemBlocks(pki.lookalikeCa.key, 'PRIVATE KEY')[0] as Uint8Array;
    const key = await crypto.subtle.importKey(
      'pkcs8',
      der.slice().buffer,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const template = pemBlocks(pki.lookalikeCa.cert)[0] as Uint8Array;
    const copies: Certificate[] = [];
    for (let i = 0; i < 40; i += 1) {
      const copy = Certificate.fromBER(template.slice().buffer);
      copy.serialNumber = new asn1js.Integer({ value: 1000 + i });
      await copy.sign(key, 'SHA-256');
      copies.push(copy);
    }
    const p7s = await sign(pki.lookalikeLeaf, []);
    const info = ContentInfo.fromBER(p7s.slice().buffer);
    const signedData = new SignedData({ schema: info.content });
    signedData.certificates = [...(signedData.certificates ?? []), ...copies];
    const flooded = new Uint8Array(
      new ContentInfo({ contentType: info.contentType, content: signedData.toSchema(true) })
        .toSchema()
        .toBER(false),
    );
    const started = performance.now();
    const result = await verify(flooded, offline);
    expect(outcome(result)).toBe('untrusted INDETERMINATE NO_CERTIFICATE_CHAIN_FOUND');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('purposes: key usage and extended key usage', () => {
  it('a TLS-server-only certificate and a client-authentication-only one are refused', async () => {
    for (const who of [pki.tlsServer, pki.clientAuthOnly]) {
      const p7s = await sign(who);
      expect(openssl(p7s).output).toMatch(/unsuitable certificate purpose/);
      const result = await verify(p7s);
      expect(outcome(result)).toBe('key-usage INDETERMINATE CHAIN_CONSTRAINTS_FAILURE');
      expect(!result.ok && result.reason).toMatch(/Extended key usage/);
    }
  });

  it('e-mail protection (with client authentication) and document signing are accepted', async () => {
    expect(outcome(await verify(await sign(pki.clientAndEmail)))).toBe('ok');
    expect(outcome(await verify(await sign(pki.documentSigning)))).toBe('ok');
  });
});

describe('algorithms', () => {
  it('SHA-1 is refused as weak, not as malformed; OpenSSL still accepts it', async () => {
    writeFileSync(pki.path('doc.bin'), document);
    pki.openssl([
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha1',
      '-in',
      'doc.bin',
      '-signer',
      pki.good.certPath,
      '-inkey',
      pki.good.keyPath,
      '-certfile',
      pki.ca.certPath,
      '-outform',
      'DER',
      '-out',
      'sha1.p7s',
    ]);
    const p7s = new Uint8Array(readFileSync(pki.path('sha1.p7s')));
    const result = await verify(p7s);
    expect(outcome(result)).toBe('weak-algorithm INDETERMINATE CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(!result.ok && result.message.vi).toMatch(/SHA-1/);
  });

  it('a 1024-bit RSA key is refused as weak', async () => {
    const result = await verify(await sign(pki.weakKey));
    expect(outcome(result)).toBe('weak-algorithm INDETERMINATE CRYPTO_CONSTRAINTS_FAILURE_NO_POE');
    expect(!result.ok && result.reason).toMatch(/1024 bits/);
  });

  it('a plain CMS signature without signed attributes verifies; a changed document does not', async () => {
    writeFileSync(pki.path('doc.bin'), document);
    pki.openssl([
      'cms',
      '-sign',
      '-binary',
      '-noattr',
      '-in',
      'doc.bin',
      '-signer',
      pki.good.certPath,
      '-inkey',
      pki.good.keyPath,
      '-certfile',
      pki.ca.certPath,
      '-outform',
      'DER',
      '-out',
      'noattr.p7s',
    ]);
    const p7s = new Uint8Array(readFileSync(pki.path('noattr.p7s')));
    expect(openssl(p7s).ok).toBe(true);
    expect(outcome(await verify(p7s))).toBe('ok');
    const changed = document.slice();
    changed[0] = (changed[0] ?? 0) ^ 1;
    const result = await verifyCades(p7s, changed, { trustedRoots: [pki.root.cert] });
    expect(outcome(result)).toBe('tampered TOTAL-FAILED SIG_CRYPTO_FAILURE');
  });
});

describe('revocation: CRLs and OCSP, given, embedded and online', () => {
  it('a revoked certificate is refused online, as OpenSSL refuses it with the CRL', async () => {
    const p7s = await sign(pki.revoked);
    expect(openssl(p7s, { untrusted: [pki.ca], crl: true }).output).toMatch(/certificate revoked/);
    const result = await verify(p7s);
    expect(outcome(result)).toBe('revoked TOTAL-FAILED REVOKED');
    expect(!result.ok && result.reason).toMatch(/keyCompromise.*OCSP \(online\)/);
    expect(!result.ok && result.message.vi).toMatch(/thu hồi/);
  });

  it('a CRL the caller passes decides offline; so does a CRL carried in the CMS', async () => {
    const p7s = await sign(pki.revoked);
    const given = await verify(p7s, { fetch: false, crls: [pki.crl()] });
    expect(outcome(given)).toBe('revoked TOTAL-FAILED REVOKED');
    expect(!given.ok && given.reason).toMatch(/CRL \(given\)/);

    const info = ContentInfo.fromBER(p7s.slice().buffer);
    const signedData = new SignedData({ schema: info.content });
    signedData.crls = [CertificateRevocationList.fromBER(pki.crl().slice().buffer)];
    const carried = new Uint8Array(
      new ContentInfo({ contentType: info.contentType, content: signedData.toSchema(true) })
        .toSchema()
        .toBER(false),
    );
    const embedded = await verify(carried, { fetch: false });
    expect(outcome(embedded)).toBe('revoked TOTAL-FAILED REVOKED');
    expect(!embedded.ok && embedded.reason).toMatch(/CRL \(embedded\)/);

    const good = await verify(await sign(pki.good), { fetch: false, crls: [pki.crl()] });
    expect(good.ok && good.signers[0]?.revocation[0]).toMatchObject({
      status: 'good',
      source: 'crl',
      origin: 'given',
    });
  });

  it('an OCSP answer kept from earlier decides offline', async () => {
    const p7s = await sign(pki.good);
    const answers: Uint8Array[] = [];
    const recording: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      const body = new Uint8Array(await response.arrayBuffer());
      if (String(url) === pki.ocspUrl) answers.push(body);
      return new Response(body, { status: response.status, headers: response.headers });
    };
    expect(outcome(await verify(p7s, { fetch: recording }))).toBe('ok');
    expect(answers).toHaveLength(1);
    const later = await verify(p7s, { fetch: false, ocspResponses: answers });
    expect(later.ok && later.signers[0]?.revocation[0]).toMatchObject({
      status: 'good',
      source: 'ocsp',
      origin: 'given',
    });
  });

  it('a CRL forged in the CA’s name, revoking nobody, is not believed', async () => {
    // The genuine CRL with its entries removed, signed again by the look-alike CA's key.
    const crl = CertificateRevocationList.fromBER(pki.crl().slice().buffer);
    crl.revokedCertificates = undefined;
    const der = pemBlocks(pki.lookalikeCa.key, 'PRIVATE KEY')[0] as Uint8Array;
    const key = await crypto.subtle.importKey(
      'pkcs8',
      der.slice().buffer,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    await crl.sign(key, 'SHA-256');
    const forged = new Uint8Array(crl.toSchema(true).toBER(false));
    const result = await verify(await sign(pki.revoked), { fetch: false, crls: [forged] });
    expect(outcome(result)).toBe('revocation-unknown INDETERMINATE TRY_LATER');
    expect(!result.ok && result.reason).toMatch(/does not verify/);
    // Online, the genuine answer still says revoked.
    const online = await verify(await sign(pki.revoked), { crls: [forged] });
    expect(outcome(online)).toBe('revoked TOTAL-FAILED REVOKED');
  });

  it('no revocation information: indeterminate when the certificate names a source, as the policy says', async () => {
    const p7s = await sign(pki.good);
    expect(outcome(await verify(p7s, { fetch: false }))).toBe(
      'revocation-unknown INDETERMINATE TRY_LATER',
    );
    expect(outcome(await verify(p7s, { fetch: false, revocationPolicy: 'off' }))).toBe('ok');
    const unreachable = await verify(await sign(pki.unreachable), { fetchTimeoutMs: 2000 });
    expect(outcome(unreachable)).toBe('revocation-unknown INDETERMINATE TRY_LATER');
    expect(!unreachable.ok && unreachable.message.en).toMatch(/try again later/);
    // A certificate that names no source passes under `when-declared`, not under `require`.
    const quiet = await sign(pki.leafP256, []);
    const roots = { trustedRoots: [pki.rootP256.cert], fetch: false as const };
    expect(outcome(await verify(quiet, roots))).toBe('ok');
    expect(outcome(await verify(quiet, { ...roots, revocationPolicy: 'require' }))).toMatch(
      /^revocation-unknown/,
    );
  });

  it('answers are cached between verifications that share a cache', async () => {
    const p7s = await sign(pki.good);
    const cache = new RevocationCache();
    const before = pki.hits.ocsp;
    for (let i = 0; i < 3; i += 1)
      expect(outcome(await verify(p7s, { revocationCache: cache }))).toBe('ok');
    expect(pki.hits.ocsp - before).toBe(1);
  });

  it('fetches only for certificates already chained to a trusted root', async () => {
    let calls = 0;
    const counting: typeof fetch = async (url, init) => {
      calls += 1;
      return fetch(url, init);
    };
    // A self-made certificate could name any address; nothing is fetched for it.
    const p7s = await sign(pki.selfMade, [pki.ca]);
    expect(outcome(await verify(p7s, { fetch: counting }))).toMatch(/^untrusted/);
    expect(calls).toBe(0);
  });
});

describe('time: a claimed signing time is never trusted', () => {
  it('a certificate revoked now is refused even with a signing time claimed before', async () => {
    const signer = await WebCryptoSigner.fromPkcs8({
      privateKey: pki.revoked.key,
      certificate: pki.revoked.cert,
      chain: [pki.ca.cert],
    });
    const p7s = await signCades(document, signer, {
      signingTime: new Date(Date.now() - 86_400_000),
    });
    const result = await verify(p7s);
    expect(outcome(result)).toBe('revoked TOTAL-FAILED REVOKED');
    expect(!result.ok && result.certificate?.commonName).toBe('Tran Bi Thu Hoi');
  });
});

describe('time: a valid time-stamp proves when the signature existed', () => {
  let tsaPki: TestPki;
  let tsa: TestTsaServer;
  let trustedRoots: string[];
  beforeAll(async () => {
    tsaPki = createTestPki();
    tsa = await startTsaServer(tsaPki, await issueTsaCertificate(tsaPki, 'tsa'));
    trustedRoots = [pki.root.cert, tsaPki.root.cert];
  }, 60_000);
  afterAll(async () => {
    await tsa?.close();
    tsaPki?.cleanup();
  });

  const signTimestamped = async (who: Issued) =>
    signCades(
      document,
      await WebCryptoSigner.fromPkcs8({
        privateKey: who.key,
        certificate: who.cert,
        chain: [pki.ca.cert],
      }),
      { timestamp: { url: tsa.url } },
    );

  it('a signature time-stamped before its certificate was revoked stays valid; without it, it does not', async () => {
    const stamped = await signTimestamped(pki.laterRevoked);
    const plain = await sign(pki.laterRevoked);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // revocation times have whole seconds
    pki.revoke(pki.laterRevoked);

    // The CA's new CRL says revoked — after the time the TSA vouches for.
    const withCrl = { trustedRoots, fetch: false as const, crls: [pki.crl()] };
    const result = await verify(stamped, withCrl);
    expect(outcome(result)).toBe('ok');
    if (!result.ok) return;
    const [signer] = result.signers;
    expect(signer?.checkedAtSource).toBe('timestamp');
    expect(signer?.timestamps[0]).toMatchObject({ kind: 'signature', ok: true });
    expect(signer?.revocation[0]).toMatchObject({ status: 'revoked', reason: 'keyCompromise' });
    const status = signer?.revocation[0];
    expect(status?.status === 'revoked' && status.revokedAt.getTime()).toBeGreaterThan(
      signer?.checkedAt.getTime() ?? Number.POSITIVE_INFINITY,
    );

    expect(outcome(await verify(plain, withCrl))).toBe('revoked TOTAL-FAILED REVOKED');
  });

  it('a time-stamp from an authority nobody trusts proves nothing', async () => {
    const stamped = await signTimestamped(pki.revoked);
    const result = await verify(stamped);
    expect(outcome(result)).toBe('revoked TOTAL-FAILED REVOKED');
    expect(!result.ok && result.timestamps?.[0]).toMatchObject({ kind: 'signature', ok: false });
  });
});

describe('PDFs: poppler’s pdfsig (NSS) and the package agree on revocation', () => {
  it('a PDF signed with a revoked certificate is refused by both; a good one passes both', async () => {
    const db = `sql:${pki.path('nss-trust')}`;
    for (const [command, args] of [
      ['mkdir', ['-p', pki.path('nss-trust')]],
      ['certutil', ['-N', '-d', db, '--empty-password']],
      ['certutil', ['-A', '-d', db, '-n', 'trust-root', '-t', 'C,C,C', '-i', pki.root.certPath]],
    ] as const) {
      const result = spawnSync(command, args, { cwd: pki.dir, encoding: 'utf8' });
      expect(result.status, `${command}: ${result.stderr}`).toBe(0);
    }
    const pdf = await onePagePdf();
    // Asynchronous: the OCSP responder NSS asks answers from this very process.
    const pdfsig = async (signed: Uint8Array) => {
      writeFileSync(pki.path('trust-check.pdf'), signed);
      const result = await run('pdfsig', ['-nssdir', db, 'trust-check.pdf'], {
        cwd: pki.dir,
      }).catch((error: { stdout?: string; stderr?: string }) => error);
      return `${result.stdout ?? ''}${result.stderr ?? ''}`;
    };
    const signWith = async (who: Issued) =>
      signPades(
        pdf,
        await WebCryptoSigner.fromPkcs8({
          privateKey: who.key,
          certificate: who.cert,
          chain: [pki.ca.cert],
        }),
      );

    const revoked = await signWith(pki.revoked);
    // NSS asks the OCSP responder the certificate names (on 127.0.0.1), as the package does.
    expect(await pdfsig(revoked)).toMatch(/Certificate has been Revoked/);
    const refused = await verifyPades(revoked, { trustedRoots: [pki.root.cert] });
    expect(refused.ok).toBe(false);
    expect(refused.signatures[0]?.result).toMatchObject({
      code: 'revoked',
      subIndication: 'REVOKED',
    });

    const good = await signWith(pki.good);
    expect(await pdfsig(good)).toMatch(/Certificate is Trusted/);
    expect((await verifyPades(good, { trustedRoots: [pki.root.cert] })).ok).toBe(true);
  });
});

async function onePagePdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage([595, 842]).drawText('Giay phep', { x: 50, y: 780, size: 14, font });
  return document.save({ useObjectStreams: false });
}
