#!/usr/bin/env node
/**
 * Digest and PAdES timings of @egov-kit/signing on this machine (run `pnpm build` first):
 * - SHA-256 of a 50 MB buffer through `digest()` vs bare `crypto.subtle.digest` on the same
 *   bytes (the library should add nothing: the ratio should be ≈1);
 * - SHA-256 of a 50 MB ReadableStream (incremental hash, 64 KiB chunks);
 * - signing a 10 MB PDF with PAdES-B-B (RSA 2048, WebCrypto).
 * Each figure is a median of 5 runs (the buffer digests: of 5 medians of 5, interleaved). A test key and certificate are made with openssl.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { digest, signPades, WebCryptoSigner } from '../dist/index.js';

const RUNS = 5;
const MB = 1024 * 1024;

async function median(fn) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

function streamOf(bytes, chunk = 64 * 1024) {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) controller.close();
      else {
        controller.enqueue(bytes.subarray(offset, offset + chunk));
        offset += chunk;
      }
    },
  });
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;
const rate = (bytes, ms) => `${(bytes / MB / (ms / 1000)).toFixed(0)} MB/s`;

const data = new Uint8Array(randomBytes(50 * MB));
await digest(data, 'SHA-256'); // warm up
await crypto.subtle.digest('SHA-256', data);
// Interleaved, so that garbage collection and a busy neighbour weigh on both alike.
const pairs = [];
for (let i = 0; i < RUNS; i += 1) {
  pairs.push([
    await median(() => digest(data, 'SHA-256')),
    await median(() => crypto.subtle.digest('SHA-256', data)),
  ]);
}
const library = pairs.map(([a]) => a).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
const bare = pairs.map(([, b]) => b).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
const streamed = await median(() => digest(streamOf(data), 'SHA-256'));

console.log(
  `digest(50 MB buffer, SHA-256):         ${fmt(library)} (${rate(data.length, library)})`,
);
console.log(`crypto.subtle.digest(same bytes):      ${fmt(bare)} (${rate(data.length, bare)})`);
console.log(`ratio library / bare:                  ${(library / bare).toFixed(2)}`);
console.log(
  `digest(50 MB ReadableStream, SHA-256): ${fmt(streamed)} (${rate(data.length, streamed)})`,
);

const dir = mkdtempSync(join(tmpdir(), 'egov-bench-'));
try {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'key.pem',
      '-out',
      'cert.pem',
      '-days',
      '1',
      '-subj',
      '/CN=egov-kit bench',
      '-addext',
      'keyUsage=digitalSignature',
    ],
    { cwd: dir, stdio: 'ignore' },
  );
  const signer = await WebCryptoSigner.fromPkcs8({
    privateKey: readFileSync(join(dir, 'key.pem'), 'utf8'),
    certificate: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  });
  const document = await PDFDocument.create();
  document.addPage();
  await document.attach(new Uint8Array(randomBytes(10 * MB)), 'attachment.bin', {
    mimeType: 'application/octet-stream',
  });
  const pdf = await document.save();
  const signing = await median(() => signPades(pdf, signer, { reason: 'bench' }));
  console.log(`signPades(${(pdf.length / MB).toFixed(1)} MB PDF, RSA 2048):      ${fmt(signing)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
