/**
 * The outside tools the tests cross-check with, none written here: OpenSSL's `cms` and
 * poppler's `pdfsig` (with an NSS database that trusts the test root).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { TestPki } from './pki.js';

export interface ToolResult {
  readonly ok: boolean;
  readonly output: string;
}

function run(command: string, args: readonly string[], cwd: string): ToolResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** `openssl cms -verify -binary` of a detached DER signature against a CA file. */
export function opensslVerify(
  pki: TestPki,
  signature: Uint8Array,
  content: Uint8Array,
  caPath: string,
): ToolResult {
  writeFileSync(pki.path('check.p7s'), signature);
  writeFileSync(pki.path('check.doc'), content);
  return run(
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
      caPath,
      '-out',
      '/dev/null',
    ],
    pki.dir,
  );
}

/** What `openssl cms -cmsout -print` says about a DER signature (its structure, as text). */
export function opensslPrint(pki: TestPki, signature: Uint8Array): string {
  writeFileSync(pki.path('print.p7s'), signature);
  return run('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'print.p7s'], pki.dir)
    .output;
}

/** An NSS database (for pdfsig) that trusts the test root as a CA, and holds one signing identity. */
export function createNssDb(pki: TestPki): string {
  const db = `sql:${pki.path('nss')}`;
  run('mkdir', ['-p', pki.path('nss')], pki.dir);
  const steps: Array<[string, string[]]> = [
    ['certutil', ['-N', '-d', db, '--empty-password']],
    ['certutil', ['-A', '-d', db, '-n', 'egov-test-root', '-t', 'C,C,C', '-i', pki.root.certPath]],
    [
      'openssl',
      [
        'pkcs12',
        '-export',
        '-in',
        pki.rsa.certPath,
        '-inkey',
        pki.rsa.keyPath,
        '-certfile',
        pki.intermediate.certPath,
        '-name',
        'egov-signer',
        '-passout',
        'pass:',
        '-out',
        'signer.p12',
      ],
    ],
    ['pk12util', ['-i', 'signer.p12', '-d', db, '-W', '']],
  ];
  for (const [command, args] of steps) {
    const result = run(command, args, pki.dir);
    if (!result.ok) throw new Error(`${command} failed: ${result.output}`);
  }
  return db;
}

/** `pdfsig` on a PDF, checking certificates against the NSS database. */
export function pdfsig(pki: TestPki, db: string, pdf: Uint8Array): ToolResult {
  writeFileSync(pki.path('check.pdf'), pdf);
  // Not `-no-ocsp`: poppler 22.12 then reports "Unknown issue with Certificate" for any
  // certificate. The test certificates name no OCSP responder, so nothing is fetched.
  return run('pdfsig', ['-nssdir', db, 'check.pdf'], pki.dir);
}

/**
 * Signs a PDF with pdfsig itself (NSS), as an outside signer. poppler 22.12 cannot add an
 * ETSI.CAdES.detached signature (`-etsi` is "not supported yet with -add-signature"), so this
 * one is adbe.pkcs7.detached: the same detached CMS, without the ESS attribute.
 */
export function pdfsigSign(
  pki: TestPki,
  db: string,
  pdf: Uint8Array,
): ToolResult & { path: string } {
  writeFileSync(pki.path('unsigned.pdf'), pdf);
  const result = run(
    'pdfsig',
    [
      '-nssdir',
      db,
      '-add-signature',
      '-nick',
      'egov-signer',
      '-kpw',
      '',
      '-reason',
      'cross-check',
      'unsigned.pdf',
      'pdfsig-signed.pdf',
    ],
    pki.dir,
  );
  return { ...result, path: pki.path('pdfsig-signed.pdf') };
}
