#!/usr/bin/env node
/**
 * Digest and PAdES timings of @egov-kit/signing on this machine (run `pnpm build` first).
 *
 * `digest()` against its peer, one-shot WebCrypto, in the same process, for 1, 10, 50 and 200 MB
 * of random bytes (SHA-256):
 * - `digest(File)`: what an application calls with a file a person picked. Up to 32 MiB it reads
 *   the file once and calls WebCrypto; above, it streams (memory stays flat): in Chromium into
 *   the hash worker, in Node through Node's native hash;
 * - `digest(stream)`: a ReadableStream of 64 KiB chunks, always incremental;
 * - the peer `subtle(File)`: `crypto.subtle.digest(await file.arrayBuffer())`, what an
 *   application would write without us (the whole file in memory);
 * - `subtle(bytes)`: `crypto.subtle.digest` on bytes already in memory, the floor.
 * The four run interleaved (round after round), so that garbage collection and a busy neighbour
 * weigh on all alike; each figure is the median of the rounds, with the spread (min–max).
 *
 * `--browser` runs the same in Chromium (`CHROMIUM_PATH`, default /usr/bin/chromium) on the
 * browser bundle (`dist/browser/index.js`, where the incremental hash is hash-wasm's WebAssembly
 * SHA-2, in a worker for a File), and the largest size up to 50 MB again under a strict script
 * policy (`script-src 'self'`: no blob: worker and no WebAssembly, so @noble/hashes in the page's
 * thread). `--node` runs the Node part only,
 * `--no-pades` skips the PAdES timing; without flags: Node, then Chromium, then PAdES.
 * `--rounds N` (default 7), `--sizes 1,10,50,200`; `--quick`: 3 rounds of 1 and 50 MB, no PAdES;
 * `--json <file>`: the figures in the shape of `pnpm bench`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { benchQuick, writeBenchJson } from '../../../scripts/lib/bench-report.mjs';
import { chromiumArgs, chromiumPath } from '../../../scripts/lib/chromium-options.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const QUICK = benchQuick();
const ROUNDS = Number(option('--rounds', QUICK ? '3' : '7'));
const SIZES = option('--sizes', QUICK ? '1,50' : '1,10,50,200')
  .split(',')
  .map(Number);
const MB = 1024 * 1024;
const runNode = !flag('--browser') || flag('--node');
const runBrowser = !flag('--node') || flag('--browser');
const runPades = !QUICK && !flag('--no-pades') && !flag('--browser') && !flag('--node');

/**
 * The measurement itself, the same source in Node and in the page (it is sent to the page as
 * text, so it uses only what both have: WebCrypto, File, ReadableStream, performance).
 */
const measure = async ({ digest, sizes, rounds }) => {
  const MiB = 1024 * 1024;
  const streamOf = (bytes, chunk = 64 * 1024) => {
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
  };
  const random = (length) => {
    const bytes = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 65536) {
      crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
    }
    return bytes;
  };
  const hex = (buffer) =>
    Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
  const stats = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
  };
  const results = [];
  for (const size of sizes) {
    const bytes = random(size * MiB);
    const file = new File([bytes], 'document.bin');
    const cases = {
      'digest(File)': () => digest(file, 'SHA-256'),
      'digest(stream)': () => digest(streamOf(bytes), 'SHA-256'),
      'subtle(File)': async () =>
        new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())),
      'subtle(bytes)': async () => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)),
    };
    // Warm up (and load the lazy hash), and check that every way gives the same digest.
    const answers = new Set();
    for (const run of Object.values(cases)) answers.add(hex(await run()));
    if (answers.size !== 1) throw new Error(`digests differ for ${size} MB`);
    const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, run] of Object.entries(cases)) {
        const start = performance.now();
        await run();
        times[name].push(performance.now() - start);
      }
    }
    results.push({
      sizeMB: size,
      ...Object.fromEntries(Object.entries(times).map(([name, list]) => [name, stats(list)])),
    });
  }
  return results;
};

const jsonRows = [];
const versions = {};

function report(where, results) {
  const spread = (s) => ({ median: s.median, spread: [s.min, s.max] });
  for (const r of results) {
    for (const [ours, peer] of [
      ['digest(File)', 'subtle(File)'],
      ['digest(stream)', 'subtle(bytes)'],
    ]) {
      jsonRows.push({
        case: `${where}: ${ours} vs ${peer}, ${r.sizeMB} MB`,
        subject: spread(r[ours]),
        peer: spread(r[peer]),
        ratio: r[ours].median / r[peer].median,
        ...(ours === 'digest(File)' && r.sizeMB === 50 && !where.includes('CSP')
          ? { goal: { ratio: 1.5, atMost: true } }
          : {}),
      });
    }
  }
  const fmt = (s) => `${s.median.toFixed(1)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  console.log(`\n## digest() vs one-shot WebCrypto, SHA-256, ${where}, median of ${ROUNDS}`);
  console.log(
    '| size | digest(File) | digest(stream) | subtle(File) | subtle(bytes) | File ÷ subtle(File) | stream ÷ subtle(bytes) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const a = r['digest(File)'].median / r['subtle(File)'].median;
    const b = r['digest(stream)'].median / r['subtle(bytes)'].median;
    console.log(
      `| ${r.sizeMB} MB | ${fmt(r['digest(File)'])} | ${fmt(r['digest(stream)'])} | ${fmt(r['subtle(File)'])} | ${fmt(r['subtle(bytes)'])} | ${a.toFixed(2)} | ${b.toFixed(2)} |`,
    );
  }
}

console.log(`# @egov-kit/signing digest bench — ${cpus()[0]?.model ?? 'CPU'} ×${cpus().length}`);

if (runNode) {
  const { digest } = await import('../dist/index.js');
  report(`Node ${process.version}`, await measure({ digest, sizes: SIZES, rounds: ROUNDS }));
}

if (runBrowser) await browser();

if (runPades) await pades();

async function browser() {
  const { chromium } = await import('playwright-core');
  const bundle = readFileSync(join(here, '../dist/browser/index.js'));
  const scripts = {
    '/signing.js': bundle,
    // The page gets the very function Node ran, as a script of its own.
    '/measure.js': `window.measure = ${measure.toString()};`,
  };
  const server = createServer((request, response) => {
    const script = scripts[request.url];
    if (script) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      // `/strict`: the reference portal's script policy, under which WebAssembly cannot be
      // compiled (no 'wasm-unsafe-eval'), so digest() falls back to @noble/hashes.
      const csp =
        request.url === '/strict' ? { 'content-security-policy': "script-src 'self'" } : {};
      response
        .writeHead(200, { 'content-type': 'text/html', ...csp })
        .end('<!doctype html><title>bench</title><script src="/measure.js"></script>');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--headless=new'],
  });
  try {
    const origin = `http://127.0.0.1:${server.address().port}`;
    const version = browser.version();
    versions.chromium = version;
    const run = async (path, sizes) => {
      const page = await browser.newPage();
      await page.goto(origin + path);
      const results = await page.evaluate(
        async ({ sizes, rounds }) => {
          const { digest } = await import('/signing.js');
          return window.measure({ digest, sizes, rounds });
        },
        { sizes, rounds: ROUNDS },
      );
      await page.close();
      return results;
    };
    report(`Chromium ${version}`, await run('/', SIZES));
    const strict = SIZES.filter((size) => size <= 50).slice(-1);
    if (strict.length > 0) {
      report(
        `Chromium, CSP script-src 'self' (no WebAssembly: @noble/hashes)`,
        await run('/strict', strict),
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

async function pades() {
  const { PDFDocument } = await import('pdf-lib');
  const { signPades, WebCryptoSigner } = await import('../dist/index.js');
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
    const times = [];
    for (let i = 0; i < 5; i += 1) {
      const start = performance.now();
      await signPades(pdf, signer, { reason: 'bench' });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `\nsignPades(${(pdf.length / MB).toFixed(1)} MB PDF, RSA 2048), median of 5: ${times[2].toFixed(1)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await writeBenchJson({
  name: 'Digest vs WebCrypto',
  subject: 'digest() of @egov-kit/signing',
  peer: 'one-shot crypto.subtle.digest',
  unit: 'ms',
  better: 'lower',
  versions: { node: process.version, ...versions },
  rows: jsonRows,
});
