#!/usr/bin/env node
/**
 * What `<egov-digital-signature>` spends its time on, in Debian's Chromium, with the signing
 * package's browser bundle (`packages/signing/dist/browser/index.js`, as the reference server
 * serves it):
 *
 * - digest of a 50 MB `File` through `digest()` of @egov-kit/signing (above 32 MiB it hashes
 *   incrementally, so the file is never held twice) against bare `crypto.subtle.digest` on the
 *   same bytes (read with `arrayBuffer()` first, as a page must), median of 5, and the ratio;
 * - PAdES signing of a 10 MB PDF made with pdf-lib (pages with embedded noise JPEGs) with a
 *   WebCrypto ECDSA P-256 key, median of 3, and checking it with `verifyPades`.
 *
 * The key and certificate are made for the run with openssl. Build first:
 * `pnpm --filter @egov-kit/signing run build`.
 *
 *   node bench/signing.mjs [digestRuns=5] [signRuns=3]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../scripts/lib/chromium.mjs';
import { serveFolder } from '../../../scripts/lib/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const digestRuns = Number(process.argv[2] ?? 5);
const signRuns = Number(process.argv[3] ?? 3);
const bundle = '/packages/signing/dist/browser/index.js';
const pdfLib = '/packages/signing/node_modules/pdf-lib/dist/pdf-lib.esm.min.js';

if (!existsSync(join(repo, bundle))) {
  console.error(`${bundle} is missing: run \`pnpm --filter @egov-kit/signing run build\`.`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'egov-bench-signing-'));
execFileSync(
  'openssl',
  [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
    '-subj',
    '/C=VN/O=egov-kit bench/CN=Benchmark Signer',
    '-days',
    '2',
    '-addext',
    'keyUsage=critical,digitalSignature,nonRepudiation',
  ],
  { stdio: 'ignore' },
);
const keyPem = readFileSync(join(dir, 'key.pem'), 'utf8');
const certPem = readFileSync(join(dir, 'cert.pem'), 'utf8');
rmSync(dir, { recursive: true, force: true });

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const server = await serveFolder(repo);
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(`${server.url}/packages/elements/bench/signing.html`);
  const environment = await page.evaluate(
    async ({ bundle }) => {
      window.signing = await import(bundle);
      return { userAgent: navigator.userAgent };
    },
    { bundle },
  );

  // 50 MB of random bytes (incompressible, like a scan), as a File.
  await page.evaluate(() => {
    const size = 50 * 1000 * 1000;
    const bytes = new Uint8Array(size);
    for (let offset = 0; offset < size; offset += 65_536) {
      crypto.getRandomValues(bytes.subarray(offset, Math.min(offset + 65_536, size)));
    }
    window.bigFile = new File([bytes], 'scan.bin');
  });
  const digest = { ours: [], bare: [] };
  for (let run = 0; run < digestRuns + 1; run += 1) {
    const order = run % 2 ? ['bare', 'ours'] : ['ours', 'bare'];
    for (const who of order) {
      const { ms, hex } = await page.evaluate(async (who) => {
        const toHex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
        const start = performance.now();
        const result =
          who === 'ours'
            ? await window.signing.digest(window.bigFile, 'SHA-256')
            : new Uint8Array(
                await crypto.subtle.digest('SHA-256', await window.bigFile.arrayBuffer()),
              );
        return { ms: performance.now() - start, hex: toHex(result) };
      }, who);
      digest[`${who}Hex`] = hex;
      if (run > 0) digest[who].push(ms); // run 0 warms up
    }
  }
  if (digest.oursHex !== digest.bareHex) throw new Error('the two digests differ');

  // A 10 MB PDF: pages with noise JPEGs (what a scanned dossier looks like to the signer).
  const pdfInfo = await page.evaluate(
    async ({ pdfLib }) => {
      const { PDFDocument } = await import(pdfLib);
      const pdf = await PDFDocument.create();
      const canvas = new OffscreenCanvas(1400, 1400);
      const context = canvas.getContext('2d');
      let bytes = new Uint8Array();
      let pages = 0;
      while (bytes.length < 10 * 1000 * 1000) {
        const image = context.createImageData(1400, 1400);
        for (let i = 0; i < image.data.length; i += 1) image.data[i] = (Math.random() * 256) | 0;
        context.putImageData(image, 0, 0);
        const jpeg = await (
          await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })
        ).arrayBuffer();
        const embedded = await pdf.embedJpg(jpeg);
        const page = pdf.addPage([595, 842]);
        page.drawImage(embedded, { x: 20, y: 20, width: 555, height: 802 });
        pages += 1;
        bytes = await pdf.save({ useObjectStreams: false });
      }
      window.bigPdf = bytes;
      return { size: bytes.length, pages };
    },
    { pdfLib },
  );

  await page.evaluate(
    async ({ keyPem, certPem }) => {
      window.signer = await window.signing.WebCryptoSigner.fromPkcs8({
        privateKey: keyPem,
        certificate: certPem,
      });
    },
    { keyPem, certPem },
  );
  const sign = [];
  const verify = [];
  for (let run = 0; run < signRuns + 1; run += 1) {
    const { signMs, verifyMs, ok } = await page.evaluate(async () => {
      const { signPades, verifyPades } = window.signing;
      let start = performance.now();
      const signed = await signPades(window.bigPdf, window.signer, { signingTime: new Date() });
      const signMs = performance.now() - start;
      start = performance.now();
      const report = await verifyPades(signed, { checkChain: false });
      return { signMs, verifyMs: performance.now() - start, ok: report.ok };
    });
    if (!ok) throw new Error('the signed PDF does not verify');
    if (run > 0) {
      sign.push(signMs);
      verify.push(verifyMs);
    }
  }

  const ms = (value) => `${value.toFixed(0)} ms`;
  const ours = median(digest.ours);
  const bare = median(digest.bare);
  const rows = [
    ['measure', 'median', 'runs'],
    ['SHA-256 of a 50 MB File, digest() of @egov-kit/signing', ms(ours), digestRuns],
    ['SHA-256 of the same File, crypto.subtle.digest', ms(bare), digestRuns],
    ['ratio digest() ÷ crypto.subtle.digest', `${(ours / bare).toFixed(2)}×`, ''],
    [
      `PAdES sign, ${(pdfInfo.size / 1e6).toFixed(1)} MB PDF (${pdfInfo.pages} pages), ECDSA P-256`,
      ms(median(sign)),
      signRuns,
    ],
    ['verifyPades of the signed PDF', ms(median(verify)), signRuns],
  ].map((row) => row.map(String));
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) =>
    `| ${row.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join(' | ')} |`;
  console.log(
    `Chromium ${environment.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? ''}, ${bundle}\n`,
  );
  console.log(line(rows[0]));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows.slice(1)) console.log(line(row));
} finally {
  await browser.close();
  await server.close();
}
