#!/usr/bin/env node
/**
 * Verifying a 50 MB signed PDF with `verifyPades`, next to poppler's `pdfsig` on the same file,
 * in the same run (run `pnpm build` first; needs openssl, certutil and pdfsig):
 * - a 50 MB PDF (10 pages, each with a 5 MB uncompressed image) is made with pdf-lib and signed
 *   with PAdES-B-B (RSA-2048) by a throw-away CA made with openssl;
 * - each verifier runs in its own process, 5 times, under `/usr/bin/time`: wall time and peak
 *   resident memory (max RSS) of the whole process; for the library also the time inside
 *   `verifyPades` alone (without starting Node and loading the package).
 * Both check the signature over all 50 MB against the same trusted root; the figures are medians
 * (RSS: the maximum).
 *
 * `node bench/verify-pdf.mjs [--mb 50] [--runs 5] [--quick] [--json <file>]` (quick: 10 MB, 3 runs)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchQuick, quantile, row, writeBenchJson } from '../../../scripts/lib/bench-report.mjs';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  // One verification, in a fresh process: prints the time inside verifyPades and the outcome.
  const { verifyPades } = await import('../dist/index.js');
  const pdf = readFileSync(process.argv[3]); // a Buffer is a Uint8Array: no copy
  const root = readFileSync(process.argv[4], 'utf8');
  const start = performance.now();
  const result = await verifyPades(pdf, { trustedRoots: [root], fetch: false });
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ ms, ok: result.ok })}\n`);
  process.exit(result.ok ? 0 : 1);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const MB = option('mb', benchQuick() ? 10 : 50);
const RUNS = option('runs', benchQuick() ? 3 : 5);

const dir = mkdtempSync(join(tmpdir(), 'egov-bench-verify-'));
const path = (name) => join(dir, name);
const openssl = (...a) => execFileSync('openssl', a, { cwd: dir, stdio: 'pipe' });

try {
  writeFileSync(
    path('ext.cnf'),
    [
      '[ca]',
      'basicConstraints = critical, CA:true',
      'keyUsage = critical, keyCertSign, cRLSign',
      '[signer]',
      'basicConstraints = critical, CA:false',
      'keyUsage = critical, digitalSignature, nonRepudiation',
      'extendedKeyUsage = emailProtection',
    ].join('\n'),
  );
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'root.key',
    '-out',
    'root.pem',
    '-subj',
    '/CN=Bench Root',
    '-days',
    '30',
    '-extensions',
    'ca',
    '-config',
    'ext.cnf',
  );
  openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'signer.key',
    '-out',
    'signer.csr',
    '-subj',
    '/CN=Bench Signer',
  );
  openssl(
    'x509',
    '-req',
    '-in',
    'signer.csr',
    '-CA',
    'root.pem',
    '-CAkey',
    'root.key',
    '-CAcreateserial',
    '-days',
    '30',
    '-extfile',
    'ext.cnf',
    '-extensions',
    'signer',
    '-out',
    'signer.pem',
  );
  execFileSync('mkdir', ['-p', path('nss')]);
  execFileSync('certutil', ['-N', '-d', `sql:${path('nss')}`, '--empty-password']);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${path('nss')}`,
    '-n',
    'root',
    '-t',
    'C,C,C',
    '-i',
    path('root.pem'),
  ]);

  const { PDFDocument, PDFName } = await import('pdf-lib');
  const { signPades, WebCryptoSigner } = await import('../dist/index.js');
  const document = await PDFDocument.create();
  const pages = 10;
  const side = Math.floor(Math.sqrt((MB * 1024 * 1024) / pages / 3));
  for (let i = 0; i < pages; i += 1) {
    const image = document.context.register(
      document.context.stream(randomBytes(side * side * 3), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: side,
        Height: side,
        ColorSpace: 'DeviceRGB',
        BitsPerComponent: 8,
      }),
    );
    const page = document.addPage([595, 842]);
    page.node.setXObject(PDFName.of('Im0'), image);
    const content = document.context.register(
      document.context.stream('q 500 0 0 500 40 200 cm /Im0 Do Q'),
    );
    page.node.set(PDFName.of('Contents'), content);
  }
  const unsigned = await document.save({ useObjectStreams: false });
  const signer = await WebCryptoSigner.fromPkcs8({
    privateKey: readFileSync(path('signer.key'), 'utf8'),
    certificate: readFileSync(path('signer.pem'), 'utf8'),
  });
  const signed = await signPades(unsigned, signer, { reason: 'bench' });
  writeFileSync(path('signed.pdf'), signed);
  if (process.env.KEEP_BENCH_PDF) writeFileSync(process.env.KEEP_BENCH_PDF, signed);

  const timed = (command, commandArgs) => {
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...commandArgs], {
      cwd: dir,
      encoding: 'utf8',
    });
    const last = run.stderr.trim().split('\n').pop() ?? '';
    const [seconds, kb] = last.split(' ').map(Number);
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      seconds,
      rssMb: kb / 1024,
    };
  };
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  const library = [];
  const poppler = [];
  for (let i = 0; i < RUNS; i += 1) {
    // Interleaved, so that both see the same machine state.
    const ours = timed(process.execPath, [self, '--child', path('signed.pdf'), path('root.pem')]);
    if (ours.status !== 0)
      throw new Error(`verifyPades did not verify: ${ours.stdout}${ours.stderr}`);
    library.push({ ...ours, insideMs: JSON.parse(ours.stdout.trim()).ms });
    const theirs = timed('pdfsig', ['-nssdir', `sql:${path('nss')}`, 'signed.pdf']);
    if (!/Signature is Valid\./.test(theirs.stdout)) throw new Error(`pdfsig: ${theirs.stdout}`);
    poppler.push(theirs);
  }

  const mb = (signed.length / 1024 / 1024).toFixed(1);
  console.log(`Verifying a ${mb} MB signed PDF (PAdES-B-B, RSA-2048), ${RUNS} runs, medians:`);
  console.log(
    `  verifyPades: ${median(library.map((r) => r.seconds)).toFixed(2)} s wall ` +
      `(${(median(library.map((r) => r.insideMs)) / 1000).toFixed(2)} s inside verifyPades), ` +
      `peak RSS ${Math.max(...library.map((r) => r.rssMb)).toFixed(0)} MB`,
  );
  console.log(
    `  pdfsig:      ${median(poppler.map((r) => r.seconds)).toFixed(2)} s wall, ` +
      `peak RSS ${Math.max(...poppler.map((r) => r.rssMb)).toFixed(0)} MB`,
  );
  const poppler_version = /pdfsig version (\S+)/.exec(
    spawnSync('pdfsig', ['-v'], { encoding: 'utf8' }).stderr,
  )?.[1];
  const peak = (runs) => Math.max(...runs.map((r) => r.rssMb));
  await writeBenchJson({
    name: 'Signature verification vs pdfsig',
    subject: 'verifyPades (@egov-kit/signing), a Node process',
    peer: `poppler pdfsig ${poppler_version ?? ''}`.trim(),
    unit: 's',
    better: 'lower',
    versions: { node: process.version, poppler: poppler_version },
    rows: [
      row(
        `verify a ${mb} MB PAdES-B-B PDF, whole process (min–max)`,
        minMax(library.map((r) => r.seconds)),
        minMax(poppler.map((r) => r.seconds)),
        { note: `peak RSS ${peak(library).toFixed(0)} MB vs ${peak(poppler).toFixed(0)} MB` },
      ),
      row(
        `the same, time inside verifyPades (no Node start) vs pdfsig's whole process`,
        minMax(library.map((r) => r.insideMs / 1000)),
        minMax(poppler.map((r) => r.seconds)),
      ),
    ],
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function minMax(values) {
  return { median: quantile(values, 0.5), spread: [Math.min(...values), Math.max(...values)] };
}
