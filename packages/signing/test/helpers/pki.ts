/**
 * A throw-away PKI made with Debian's `openssl` in a temporary folder at test time: two roots,
 * an intermediate CA, and signer certificates (RSA, P-256, P-384, expired, not yet valid,
 * encryption-only). No key is committed; names are made up.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Issued {
  /** Paths of the PEM files. */
  readonly keyPath: string;
  readonly certPath: string;
  /** PEM texts. */
  readonly key: string;
  readonly cert: string;
}

export interface TestPki {
  readonly dir: string;
  readonly root: Issued;
  /** A root nobody trusts here (for the "wrong CA" checks). */
  readonly otherRoot: Issued;
  readonly intermediate: Issued;
  readonly rsa: Issued;
  readonly p256: Issued;
  readonly p384: Issued;
  readonly expired: Issued;
  readonly notYetValid: Issued;
  readonly encryptionOnly: Issued;
  /** A signer certified by `otherRoot`. */
  readonly stranger: Issued;
  /** `intermediate` then `root`, PEM, as `-certfile` wants it. */
  readonly chainPath: string;
  openssl(args: readonly string[], input?: Uint8Array): Buffer;
  path(name: string): string;
  cleanup(): void;
}

const SIGNER_EXT = [
  'basicConstraints = critical, CA:false',
  'keyUsage = critical, digitalSignature, nonRepudiation',
  'extendedKeyUsage = emailProtection',
  'subjectKeyIdentifier = hash',
  'authorityKeyIdentifier = keyid',
].join('\n');

export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'egov-signing-'));
  const path = (name: string) => join(dir, name);
  const openssl = (args: readonly string[], input?: Uint8Array) =>
    execFileSync('openssl', args, { cwd: dir, input, stdio: ['pipe', 'pipe', 'pipe'] });

  writeFileSync(
    path('ext.cnf'),
    [
      '[ca]',
      'basicConstraints = critical, CA:true',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
      '[signer]',
      SIGNER_EXT,
      '[encrypt]',
      'basicConstraints = critical, CA:false',
      'keyUsage = critical, keyEncipherment',
      'subjectKeyIdentifier = hash',
      'authorityKeyIdentifier = keyid',
    ].join('\n'),
  );

  const key = (name: string, kind: 'rsa' | 'p256' | 'p384') => {
    const args =
      kind === 'rsa'
        ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
        : [
            '-algorithm',
            'EC',
            '-pkeyopt',
            `ec_paramgen_curve:${kind === 'p256' ? 'P-256' : 'P-384'}`,
          ];
    openssl(['genpkey', ...args, '-out', `${name}.key`]);
  };

  const root = (name: string, cn: string): Issued => {
    key(name, 'rsa');
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
      `/C=VN/O=egov-kit test/CN=${cn}`,
      '-extensions',
      'ca',
      '-config',
      'ext.cnf',
      '-out',
      `${name}.pem`,
    ]);
    return read(name);
  };

  let serial = 100;
  // `openssl x509 -req` of OpenSSL 3.0 cannot set past dates; `openssl ca` can.
  const issue = (
    name: string,
    issuer: string,
    kind: 'rsa' | 'p256' | 'p384',
    cn: string,
    options: { ext?: string; start?: string; end?: string } = {},
  ): Issued => {
    key(name, kind);
    openssl([
      'req',
      '-new',
      '-key',
      `${name}.key`,
      '-subj',
      `/C=VN/O=egov-kit test/CN=${cn}`,
      '-out',
      `${name}.csr`,
    ]);
    const ca = `ca-${name}`;
    writeFileSync(path(`${ca}.index`), '');
    serial += 1;
    writeFileSync(path(`${ca}.serial`), `${serial.toString(16).padStart(4, '0')}\n`);
    writeFileSync(
      path(`${ca}.cnf`),
      [
        '[ca]',
        'default_ca = test',
        '[test]',
        `database = ${ca}.index`,
        `serial = ${ca}.serial`,
        'new_certs_dir = .',
        'default_md = sha256',
        'policy = any',
        'unique_subject = no',
        'email_in_dn = no',
        '[any]',
        'commonName = supplied',
        'organizationName = optional',
        'countryName = optional',
      ].join('\n'),
    );
    const dates = options.start
      ? ['-startdate', options.start, '-enddate', options.end ?? '']
      : ['-days', '825'];
    openssl([
      'ca',
      '-batch',
      '-notext',
      '-config',
      `${ca}.cnf`,
      '-cert',
      `${issuer}.pem`,
      '-keyfile',
      `${issuer}.key`,
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-extfile',
      'ext.cnf',
      '-extensions',
      options.ext ?? 'signer',
      ...dates,
    ]);
    return read(name);
  };

  const read = (name: string): Issued => ({
    keyPath: path(`${name}.key`),
    certPath: path(`${name}.pem`),
    key: readFileSync(path(`${name}.key`), 'utf8'),
    cert: readFileSync(path(`${name}.pem`), 'utf8'),
  });

  const rootCa = root('root', 'egov-kit Test Root');
  const otherRoot = root('other-root', 'Somebody Else Root');
  const intermediate = issue('intermediate', 'root', 'rsa', 'egov-kit Test Signing CA', {
    ext: 'ca',
  });
  writeFileSync(path('chain.pem'), intermediate.cert + rootCa.cert);

  return {
    dir,
    root: rootCa,
    otherRoot,
    intermediate,
    rsa: issue('rsa', 'intermediate', 'rsa', 'Nguyen Van Thu (RSA)'),
    p256: issue('p256', 'intermediate', 'p256', 'Tran Thi Mau (P-256)'),
    p384: issue('p384', 'intermediate', 'p384', 'Le Van Vi Du (P-384)'),
    expired: issue('expired', 'intermediate', 'rsa', 'Pham Het Han', {
      start: '20200101000000Z',
      end: '20210101000000Z',
    }),
    notYetValid: issue('not-yet', 'intermediate', 'rsa', 'Hoang Chua Den', {
      start: '20990101000000Z',
      end: '20991231000000Z',
    }),
    encryptionOnly: issue('encrypt', 'intermediate', 'rsa', 'Vu Ma Hoa', { ext: 'encrypt' }),
    stranger: issue('stranger', 'other-root', 'rsa', 'Nguoi La'),
    chainPath: path('chain.pem'),
    openssl,
    path,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
