#!/usr/bin/env node
/**
 * Memory under simultaneous large uploads: starts the built server (`dist/main.js`, PGlite in a
 * temporary folder) as its own process, lets one document of the procedure 1.013133 accept
 * 30 MB, then sends UPLOADS (24) uploads of 30 MB at once — half with Content-Length, half
 * streamed without it (chunked) — each to its own draft of its own citizen, and reports the
 * server's peak resident memory (VmHWM, reset after warm-up through /proc/<pid>/clear_refs)
 * above its resident memory before the uploads. Linux only. Goal: at most 64 MB.
 *
 *   pnpm --filter @egov-kit/server build && node packages/server/bench/upload-memory.mjs
 *
 * EGOV_SERVER_MAIN may name another build's main.js, to compare.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { SignJWT } from 'jose';
import { startInstance } from './cluster.mjs';

const UPLOADS = Number(process.env.UPLOADS ?? 24);
const SIZE = Number(process.env.FILE_MB ?? 30) * 1024 * 1024;
const SECRET = 'bench-secret-bench-secret-bench-secret';

const status = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kb = (text, field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0);

async function token(sub) {
  return new SignJWT({ role: 'citizen' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer('egov-bench')
    .setAudience('egov-bench')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(SECRET));
}

const dir = await mkdtemp(join(tmpdir(), 'egov-upload-memory-'));
const env = {
  DATA_DIR: dir,
  EGOV_DEMO: 'off',
  JWT_SECRET: SECRET,
  JWT_ISSUER: 'egov-bench',
  JWT_AUDIENCE: 'egov-bench',
  LOG_LEVEL: 'error',
};
try {
  // First start migrates and seeds; then the document's limit is raised to 30 MB.
  const first = await startInstance({ env, label: 'seeding' });
  await first.stop('SIGTERM');
  const pglite = new PGlite(dir);
  await pglite.query(
    `update procedures set body = jsonb_set(body, '{cases,0,documents,0,maxSizeBytes}', to_jsonb($1::int))
     where code = '1.013133'`,
    [SIZE],
  );
  await pglite.close();

  const server = await startInstance({ env, label: 'server' });
  const api = `${server.url}/api/v1`;
  const tokens = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => token(`mem-${i}`)));
  const drafts = [];
  for (const t of tokens) {
    const response = await fetch(`${api}/dossiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' },
      body: JSON.stringify({ procedureCode: '1.013133' }),
    });
    if (response.status !== 201)
      throw new Error(`draft: ${response.status} ${await response.text()}`);
    drafts.push((await response.json()).id);
  }
  const file = Buffer.alloc(SIZE, 0x20);
  file.write('%PDF-1.4\n', 0);
  const boundary = '----egovbenchboundary';
  const head = (i) =>
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="requirementCode"\r\n\r\ndoc-1\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big-${i}.pdf"\r\ncontent-type: application/pdf\r\n\r\n`,
    );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const send = async (i) => {
    const parts = [head(i), file, tail];
    const chunked = i % 2 === 1;
    const body = chunked
      ? new ReadableStream({
          async pull(controller) {
            const part = parts.shift();
            if (!part) return controller.close();
            for (let at = 0; at < part.byteLength; at += 1024 * 1024)
              controller.enqueue(part.subarray(at, at + 1024 * 1024));
          },
        })
      : new Blob(parts);
    const response = await fetch(`${api}/dossiers/${drafts[i]}/attachments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tokens[i]}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      body,
      duplex: 'half',
    });
    return { status: response.status, text: await response.text() };
  };
  // Warm up: one upload, so that code paths and buffers exist before measuring.
  const warm = await send(0);
  if (warm.status !== 201) throw new Error(`warm-up upload: ${warm.status} ${warm.text}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const before = kb(status(server.pid), 'VmRSS');
  writeFileSync(`/proc/${server.pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
  let sampled = before;
  const sampler = setInterval(() => {
    sampled = Math.max(sampled, kb(status(server.pid), 'VmRSS'));
  }, 20);
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => send(i)));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const peak = Math.max(kb(status(server.pid), 'VmHWM'), sampled);
  const statuses = answers.reduce((counts, a) => {
    counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  }, {});
  await server.stop('SIGTERM');
  const increase = (peak - before) / 1024;
  console.log(
    `${UPLOADS} simultaneous uploads of ${SIZE / 1024 / 1024} MB (half chunked) in ${seconds.toFixed(1)} s, answers ${JSON.stringify(statuses)}`,
  );
  console.log(
    `server RSS before ${(before / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB: increase ${increase.toFixed(1)} MB (goal ≤ 64 MB)`,
  );
  if (Object.keys(statuses).some((s) => s !== '201' && s !== '200')) process.exitCode = 1;
} finally {
  await rm(dir, { recursive: true, force: true });
}
