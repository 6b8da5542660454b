#!/usr/bin/env node
/**
 * Writes src/digest/hash-worker.source.ts: the hash worker (src/digest/worker/hash-worker.ts)
 * and hash-wasm bundled by esbuild into one minified classic script, as a string constant.
 * digest() starts the worker from that string through a `blob:` URL, so the worker travels
 * inside the JavaScript that imports it — one file for a page without a build step, a chunk
 * for a bundler or the CDN layout — and no bundler has to know about workers.
 *
 *   node packages/signing/scripts/build-hash-worker.mjs           # write it (`build` runs this)
 *   node packages/signing/scripts/build-hash-worker.mjs --check   # fail if it is stale
 *
 * The output depends only on the worker's source and the locked esbuild and hash-wasm, so it is
 * committed: type-checking and the tests need no build step.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const entry = join(here, '../src/digest/worker/hash-worker.ts');
const target = join(here, '../src/digest/hash-worker.source.ts');

export async function hashWorkerModule() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
  });
  const code = result.outputFiles[0].text.trim();
  return `// Written by scripts/build-hash-worker.mjs from worker/hash-worker.ts and hash-wasm 4 (MIT,
// Copyright (c) 2020 Dani Biró): do not edit. The hash worker as one classic script.
export const HASH_WORKER_SOURCE = ${JSON.stringify(code)};
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fresh = await hashWorkerModule();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {}
    if (current !== fresh) {
      console.error(`${target} is stale: run node packages/signing/scripts/build-hash-worker.mjs`);
      process.exit(1);
    }
    console.log('hash worker source: current');
  } else {
    writeFileSync(target, fresh);
    console.log(`wrote ${target} (${(fresh.length / 1024).toFixed(1)} kB)`);
  }
}
