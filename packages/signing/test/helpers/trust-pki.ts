/**
 * A throw-away PKI for the trust tests, made with Debian's `openssl` at test time: roots
 * (RSA-2048, RSA-4096, P-256), a CA that publishes a CRL and runs an OCSP responder on
 * 127.0.0.1, and the certificates an attacker or a careless CA would bring — self-made
 * certificates in a real person's name, look-alike CAs, leaves issued by leaves, broken path
 * lengths, wrong key usages and purposes, revoked certificates. No key is committed; names are
 * made up.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issued } from './pki.js';

export interface TrustPki {
  readonly dir: string;
  readonly root: Issued;
  readonly root4096: Issued;
  readonly rootP256: Issued;
  /** "egov-kit Test Revocation CA" under `root`: publishes a CRL and answers OCSP. */
  readonly ca: Issued;
  /** Leaves of `ca`, with CRL distribution point and OCSP responder addresses. */
  readonly good: Issued;
  readonly revoked: Issued;
  /** Valid until a test revokes it (after time-stamping a signature). */
  readonly laterRevoked: Issued;
  readonly clientAndEmail: Issued;
  readonly tlsServer: Issued;
  readonly clientAuthOnly: Issued;
  readonly documentSigning: Issued;
  /** The CA's delegated OCSP responder (OCSPSigning, no-check). */
  readonly ocspResponder: Issued;
  /** A leaf whose CRL and OCSP addresses answer nothing. */
  readonly unreachable: Issued;
  /** A self-signed certificate in the name of `good`'s holder. */
  readonly selfMade: Issued;
  /** A self-signed CA with exactly `ca`'s name, and a leaf it issued in `good`'s name. */
  readonly lookalikeCa: Issued;
  readonly lookalikeLeaf: Issued;
  /** A certificate issued by the leaf `good` (not a CA). */
  readonly leafOfLeaf: Issued;
  /** `pathLenZero` (pathlen:0) → `subCa` → `deepLeaf`: one CA too many. */
  readonly pathLenZero: Issued;
  readonly subCa: Issued;
  readonly deepLeaf: Issued;
  /** A CA without keyCertSign, and a leaf it issued. */
  readonly noCertSignCa: Issued;
  readonly leafOfNoCertSign: Issued;
  /** An expired CA (valid in 2020) and a leaf it issued that is valid now. */
  readonly expiredCa: Issued;
  readonly leafOfExpiredCa: Issued;
  /** Leaves under `root4096` (RSA-4096 via an RSA-4096 CA) and `rootP256` (P-256 all the way). */
  readonly leaf4096: Issued;
  readonly leafP256: Issued;
  /** A 1024-bit RSA leaf of `ca`. */
  readonly weakKey: Issued;
  /** The CRL of `ca`, DER, as it stands now. */
  crl(): Uint8Array;
  /** Revokes a certificate of `ca` now and publishes a new CRL. */
  revoke(who: Issued, reason?: string): void;
  readonly crlUrl: string;
  readonly ocspUrl: string;
  /** How often the CRL and the OCSP responder were asked. */
  readonly hits: { crl: number; ocsp: number };
  openssl(args: readonly string[], input?: Uint8Array): Buffer;
  path(name: string): string;
  cleanup(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function createTrustPki(): Promise<TrustPki> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-trust-'));
  const path = (name: string) => join(dir, name);
  const openssl = (args: readonly string[], input?: Uint8Array) =>
    execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });

  const crlPort = await freePort();
  const ocspPort = await freePort();
  const deadPort = await freePort();
  const crlUrl = `http://127.0.0.1:${crlPort}/ca.crl`;
  const ocspUrl = `http://127.0.0.1:${ocspPort}/`;
  const published = [
    `crlDistributionPoints = URI:${crlUrl}`,
    `authorityInfoAccess = OCSP;URI:${ocspUrl}`,
  ];
  const leaf = (
    eku: string | undefined,
    ku = 'digitalSignature, nonRepudiation',
    extra: string[] = [],
  ) =>
    [
      'basicConstraints = critical, CA:false',
      `keyUsage = critical, ${ku}`,
      ...(eku ? [`extendedKeyUsage = ${eku}`] : []),
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      ...extra,
    ].join('\n');
  writeFileSync(
    path('ext.cnf'),
    [
      '[ca]',
      'basicConstraints = critical, CA:true',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[ca_pathlen0]',
      'basicConstraints = critical, CA:true, pathlen:0',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[ca_no_certsign]',
      'basicConstraints = critical, CA:true',
      'keyUsage = critical, digitalSignature, cRLSign',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[plain]',
      leaf('emailProtection'),
      '[published]',
      leaf('emailProtection', undefined, published),
      '[client_email]',
      leaf('clientAuth, emailProtection', undefined, published),
      '[tls_server]',
      leaf('serverAuth', 'digitalSignature, keyEncipherment', published),
      '[client_only]',
      leaf('clientAuth', undefined, published),
      '[document_signing]',
      leaf('1.3.6.1.5.5.7.3.36', undefined, published),
      '[ocsp]',
      leaf('OCSPSigning', 'digitalSignature', ['noCheck = ignored']),
      '[unreachable]',
      leaf('emailProtection', undefined, [
        `crlDistributionPoints = URI:http://127.0.0.1:${deadPort}/ca.crl`,
        `authorityInfoAccess = OCSP;URI:http://127.0.0.1:${deadPort}/`,
      ]),
    ].join('\n'),
  );

  const key = (name: string, kind: 'rsa' | 'rsa4096' | 'rsa1024' | 'p256') => {
    const args =
      kind === 'p256'
        ? ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']
        : [
            '-algorithm',
            'RSA',
            '-pkeyopt',
            `rsa_keygen_bits:${kind === 'rsa4096' ? 4096 : kind === 'rsa1024' ? 1024 : 2048}`,
          ];
    openssl(['genpkey', ...args, '-out', `${name}.key`]);
  };
  const read = (name: string): Issued => ({
    keyPath: path(`${name}.key`),
    certPath: path(`${name}.pem`),
    key: readFileSync(path(`${name}.key`), 'utf8'),
    cert: readFileSync(path(`${name}.pem`), 'utf8'),
  });
  const selfSigned = (
    name: string,
    kind: 'rsa' | 'rsa4096' | 'p256',
    subject: string,
    ext: string,
  ) => {
    key(name, kind);
    openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      `${name}.key`,
      '-sha256',
      '-days',
      '3650',
      '-subj',
      subject,
      '-extensions',
      ext,
      '-config',
      'ext.cnf',
      '-out',
      `${name}.pem`,
    ]);
    return read(name);
  };

  // One openssl-ca database per issuing CA, so that revocation, the CRL and OCSP agree.
  let serial = 0x1000;
  const databases = new Set<string>();
  const caConfig = (issuer: string) => {
    const cnf = `db-${issuer}.cnf`;
    if (!databases.has(issuer)) {
      databases.add(issuer);
      writeFileSync(path(`db-${issuer}.index`), '');
      writeFileSync(path(`db-${issuer}.crlnumber`), '01\n');
      writeFileSync(
        path(cnf),
        [
          '[ca]',
          'default_ca = test',
          '[test]',
          `database = db-${issuer}.index`,
          `serial = db-${issuer}.serial`,
          `crlnumber = db-${issuer}.crlnumber`,
          `certificate = ${issuer}.pem`,
          `private_key = ${issuer}.key`,
          'new_certs_dir = .',
          'default_md = sha256',
          'default_crl_days = 7',
          'policy = any',
          'unique_subject = no',
          'email_in_dn = no',
          '[any]',
          'commonName = supplied',
          'organizationName = optional',
          'countryName = optional',
        ].join('\n'),
      );
    }
    return cnf;
  };
  const issue = (
    name: string,
    issuer: string,
    kind: 'rsa' | 'rsa4096' | 'rsa1024' | 'p256',
    subject: string,
    ext: string,
    dates?: { start: string; end: string },
  ): Issued => {
    key(name, kind);
    openssl(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`]);
    serial += 1;
    writeFileSync(path(`db-${issuer}.serial`), `${serial.toString(16)}\n`);
    openssl([
      'ca',
      '-batch',
      '-notext',
      '-config',
      caConfig(issuer),
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-extfile',
      'ext.cnf',
      '-extensions',
      ext,
      ...(dates ? ['-startdate', dates.start, '-enddate', dates.end] : ['-days', '825']),
    ]);
    return read(name);
  };
  const dn = (cn: string) => `/C=VN/O=egov-kit test/CN=${cn}`;

  const root = selfSigned('root', 'rsa', dn('egov-kit Trust Test Root'), 'ca');
  const root4096 = selfSigned('root4096', 'rsa4096', dn('egov-kit Trust Test Root 4096'), 'ca');
  const rootP256 = selfSigned('rootp256', 'p256', dn('egov-kit Trust Test Root P-256'), 'ca');
  const ca = issue('ca', 'root', 'rsa', dn('egov-kit Test Revocation CA'), 'ca');
  const holder = dn('Nguyen Van Thu');

  const pki = {
    dir,
    root,
    root4096,
    rootP256,
    ca,
    good: issue('good', 'ca', 'rsa', holder, 'published'),
    revoked: issue('revoked', 'ca', 'rsa', dn('Tran Bi Thu Hoi'), 'published'),
    laterRevoked: issue('later-revoked', 'ca', 'rsa', dn('Bui Thu Hoi Sau'), 'published'),
    clientAndEmail: issue('client-email', 'ca', 'p256', dn('Le Khach Hang'), 'client_email'),
    tlsServer: issue('tls', 'ca', 'rsa', dn('portal.example.vn'), 'tls_server'),
    clientAuthOnly: issue('client', 'ca', 'rsa', dn('Pham Dang Nhap'), 'client_only'),
    documentSigning: issue('docsign', 'ca', 'p256', dn('Hoang Ky Van Ban'), 'document_signing'),
    ocspResponder: issue('ocsp', 'ca', 'rsa', dn('egov-kit Test OCSP Responder'), 'ocsp'),
    unreachable: issue('unreachable', 'ca', 'rsa', dn('Vu Khong Lien Lac'), 'unreachable'),
    selfMade: selfSigned('self-made', 'rsa', holder, 'plain'),
    lookalikeCa: selfSigned('lookalike-ca', 'rsa', dn('egov-kit Test Revocation CA'), 'ca'),
    lookalikeLeaf: issue('lookalike-leaf', 'lookalike-ca', 'rsa', holder, 'plain'),
    leafOfLeaf: issue('leaf-of-leaf', 'good', 'rsa', dn('Do Gia Mao'), 'plain'),
    pathLenZero: issue(
      'pathlen0',
      'root',
      'rsa',
      dn('egov-kit Path Length Zero CA'),
      'ca_pathlen0',
    ),
    subCa: issue('sub-ca', 'pathlen0', 'rsa', dn('egov-kit Sub CA'), 'ca'),
    deepLeaf: issue('deep-leaf', 'sub-ca', 'rsa', dn('Ngo Qua Sau'), 'plain'),
    noCertSignCa: issue(
      'no-certsign',
      'root',
      'rsa',
      dn('egov-kit No CertSign CA'),
      'ca_no_certsign',
    ),
    leafOfNoCertSign: issue(
      'leaf-no-certsign',
      'no-certsign',
      'rsa',
      dn('Dinh Sai Quyen'),
      'plain',
    ),
    expiredCa: issue('expired-ca', 'root', 'rsa', dn('egov-kit Expired CA'), 'ca', {
      start: '20200101000000Z',
      end: '20201231000000Z',
    }),
    leafOfExpiredCa: issue('leaf-expired-ca', 'expired-ca', 'rsa', dn('Cao Het Han'), 'plain', {
      start: '20200601000000Z',
      end: '20300101000000Z',
    }),
    leaf4096: issue('leaf4096', 'root4096', 'rsa4096', dn('Mai Khoa Dai'), 'plain'),
    leafP256: issue('leafp256', 'rootp256', 'p256', dn('Trinh Duong Cong'), 'plain'),
    weakKey: issue('weak-key', 'ca', 'rsa1024', dn('Ly Khoa Ngan'), 'plain'),
  };

  const publishCrl = () => {
    openssl(['ca', '-config', caConfig('ca'), '-gencrl', '-out', 'ca.crl.pem']);
    openssl(['crl', '-in', 'ca.crl.pem', '-outform', 'DER', '-out', 'ca.crl']);
  };
  const revoke = (who: Issued, reason = 'keyCompromise') => {
    openssl(['ca', '-config', caConfig('ca'), '-revoke', who.certPath, '-crl_reason', reason]);
    publishCrl();
  };
  revoke(pki.revoked);

  const hits = { crl: 0, ocsp: 0 };
  const crlServer: Server = createServer((request, response) => {
    hits.crl += 1;
    if (request.url !== '/ca.crl') {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/pkix-crl' })
      .end(readFileSync(path('ca.crl')));
  });
  await new Promise<void>((resolve) => crlServer.listen(crlPort, '127.0.0.1', resolve));

  // The real OCSP responder of OpenSSL, over the CA's database, behind a counting proxy port.
  const backendPort = await freePort();
  const responder: ChildProcess = spawn(
    'openssl',
    [
      'ocsp',
      '-index',
      'db-ca.index',
      '-port',
      String(backendPort),
      '-ignore_err',
      '-rsigner',
      'ocsp.pem',
      '-rkey',
      'ocsp.key',
      '-CA',
      'ca.pem',
      '-ndays',
      '1',
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Ready when it says so (a bare TCP probe would leave its single-threaded loop stuck).
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const listen = (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('waiting for OCSP client connections')) resolve();
    };
    responder.stdout?.on('data', listen);
    responder.stderr?.on('data', listen);
    responder.on('exit', (code) => reject(new Error(`openssl ocsp exited (${code}): ${said}`)));
    setTimeout(() => reject(new Error(`openssl ocsp did not start: ${said}`)), 10_000);
  });
  const ocspServer: Server = createServer((request, response) => {
    hits.ocsp += 1;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        // RFC 6960 §A.1: GET carries the request base64 (URL-encoded) in the path, as NSS sends
        // it; OpenSSL's responder takes POST, so GETs are forwarded as POSTs.
        const body =
          request.method === 'GET'
            ? Buffer.from(decodeURIComponent((request.url ?? '/').slice(1)), 'base64')
            : Buffer.concat(chunks);
        const answer = await fetch(`http://127.0.0.1:${backendPort}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/ocsp-request' },
          body,
        });
        response
          .writeHead(answer.status, { 'content-type': 'application/ocsp-response' })
          .end(Buffer.from(await answer.arrayBuffer()));
      } catch {
        response.writeHead(502).end();
      }
    });
  });
  await new Promise<void>((resolve) => ocspServer.listen(ocspPort, '127.0.0.1', resolve));
  return {
    ...pki,
    crl: () => new Uint8Array(readFileSync(path('ca.crl'))),
    revoke,
    crlUrl,
    ocspUrl,
    hits,
    openssl,
    path,
    cleanup: async () => {
      responder.kill();
      await new Promise((resolve) => crlServer.close(resolve));
      await new Promise((resolve) => ocspServer.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
