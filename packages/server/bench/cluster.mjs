/**
 * Several reference-server processes behind a small round-robin proxy, and a load of citizens
 * and officers going through whole journeys with retries, for the multi-instance test
 * (test/instances.test.ts) and the load script (bench/load.mjs). Everything on 127.0.0.1.
 *
 * Run after `pnpm build`: the instances are `dist/main.js`.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN =
  process.env.EGOV_SERVER_MAIN ?? fileURLToPath(new URL('../dist/main.js', import.meta.url));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts `dist/main.js` on a free port with `env` added, and waits until it answers
 * `/api/v1/health`. `port` reuses a port (a restart behind the same proxy entry).
 */
export async function startInstance({ env = {}, port, label = 'instance' } = {}) {
  const chosen = port ?? (await freePort());
  const output = [];
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(chosen), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output.push(String(chunk));
      if (output.length > 200) output.shift();
    });
  }
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${chosen}`;
  // Generous: a new PGlite folder is created, migrated and seeded on a first start, and CI
  // machines are busy.
  const deadline = Date.now() + 180_000;
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  for (;;) {
    if (dead) throw new Error(`${label} exited while starting:\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${label} did not start in 180 s:\n${output.join('')}`);
    }
    await sleep(100);
  }
  return {
    label,
    url,
    port: chosen,
    pid: child.pid,
    exited,
    output: () => output.join(''),
    /** Sends `signal` and waits for the exit; answers the exit code and signal. */
    async stop(signal = 'SIGTERM') {
      if (!dead) child.kill(signal);
      return exited;
    },
  };
}

/**
 * A round-robin HTTP proxy to `backends` (base URLs), as a load balancer would be: it polls each
 * backend's `/ready` every 100 ms and sends requests to ready ones (to all when none is); a
 * backend that refuses the connection (stopped) is skipped and the request goes to the next
 * one, which is safe because it never arrived; any other failure (a connection reset
 * mid-request) answers 502, and only the client, with its Idempotency-Key, can safely retry it.
 * New connection per request, no keep-alive towards the backends.
 */
export async function startProxy(backends) {
  const targets = backends.map((url) => new URL(url));
  const stats = {
    requests: 0,
    refusedSkipped: 0,
    badGateway: 0,
    perBackend: backends.map(() => 0),
  };
  let next = 0;
  const ready = targets.map(() => true);
  const poller = setInterval(() => {
    targets.forEach((target, i) => {
      fetch(new URL('/ready', target), { signal: AbortSignal.timeout(1000) }).then(
        (response) => {
          ready[i] = response.status === 200;
          void response.body?.cancel();
        },
        () => {
          ready[i] = false;
        },
      );
    });
  }, 100);
  const server = createServer(async (req, res) => {
    stats.requests++;
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const anyReady = ready.some(Boolean);
    for (let attempt = 0; attempt < targets.length * 2; attempt++) {
      const index = next++ % targets.length;
      if (anyReady && !ready[index] && attempt < targets.length) continue;
      const target = targets[index];
      const outcome = await new Promise((resolve) => {
        const upstream = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: target.host, connection: 'close' },
            agent: false,
          },
          (response) => {
            stats.perBackend[index]++;
            res.writeHead(response.statusCode ?? 502, response.headers);
            response.pipe(res);
            response.on('end', () => resolve('done'));
            response.on('error', () => {
              res.destroy();
              resolve('done');
            });
          },
        );
        upstream.on('error', (error) =>
          resolve(error.code === 'ECONNREFUSED' ? 'refused' : 'failed'),
        );
        upstream.end(body);
      });
      if (outcome === 'done') return;
      if (outcome === 'refused') {
        stats.refusedSkipped++;
        continue;
      }
      break;
    }
    stats.badGateway++;
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('bad gateway');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    stats,
    close: () =>
      new Promise((resolve) => {
        clearInterval(poller);
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const APPLICANT = {
  kind: 'individual',
  fullName: 'Nguyễn Văn An',
  idType: 'citizen_id',
  idNumber: '048099012345',
  dateOfBirth: '1999-03-14',
  phone: '0905123456',
  address: { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' },
};

/** Whether an answer says "not done, send the same request again". */
const retryable = (status) => status === 502 || status === 503 || status === 504 || status === 409;

/**
 * `clients` citizens, each going through whole journeys for `seconds` — create a draft, upload
 * a document, fill the form, submit — while an officer receives every submitted dossier; each
 * request is retried with the same Idempotency-Key after a network error, a 502/503 or a "still
 * being processed" 409, as a careful client does. Answers what was acknowledged, for
 * `verifyLoad`, and the latencies of the requests.
 *
 * With `retry: false` nothing is retried: every answer that is not the expected one is a failure
 * (how a graceful shutdown is judged).
 *
 * `tokens(i)` gives client i's citizen token; `officerToken` the officer's; `answers(files)` the
 * form's answers (the schema's exampleAnswers).
 */
export async function runLoad({
  url,
  clients,
  seconds,
  tokens,
  officerToken,
  answers,
  onProgress,
  retry = true,
}) {
  const latencies = [];
  const acknowledged = { created: [], submitted: new Map(), received: new Set() };
  const failures = [];
  let retries = 0;
  const until = Date.now() + seconds * 1000;
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  async function call(method, path, { token, json, form, headers = {}, accept = [200, 201] }) {
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      let status = 0;
      let body;
      let etag = null;
      try {
        const response = await fetch(url + path, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(json ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          body: json ? JSON.stringify(json) : form?.(),
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        etag = response.headers.get('etag');
        const text = await response.text();
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          body = text;
        }
      } catch (error) {
        status = 0;
        body = String(error);
      }
      latencies.push(performance.now() - started);
      if (accept.includes(status)) return { status, body, etag };
      if (retry && (status === 0 || retryable(status)) && attempt < 200) {
        retries++;
        await sleep(50 + Math.random() * 150);
        continue;
      }
      return { status, body, etag, failed: true };
    }
  }

  const procedure = (await call('GET', '/api/v1/procedures/1.013133', { token: officerToken }))
    .body;
  const form = (await call('GET', '/api/v1/procedures/1.013133/form', { token: officerToken }))
    .body;
  const documents = procedure.cases[0].documents.filter((d) => d.required);

  async function journey(token, client) {
    const createKey = `load-${client}-${randomUUID()}`;
    const created = await call('POST', '/api/v1/dossiers', {
      token,
      json: { procedureCode: '1.013133', applicant: APPLICANT },
      headers: { 'idempotency-key': createKey },
      accept: [201],
    });
    if (created.failed) return failures.push([client, 'create', created.status, created.body]);
    acknowledged.created.push({ client, key: createKey, id: created.body.id });
    const id = created.body.id;
    const files = {};
    const docs = [];
    for (const doc of documents) {
      const bytes = new Uint8Array([...pdf, ...randomBytes(16)]);
      const uploaded = await call('POST', `/api/v1/dossiers/${id}/attachments`, {
        token,
        form: () => {
          const data = new FormData();
          data.set('requirementCode', doc.code);
          data.set('file', new Blob([bytes]), 'giay-to.pdf');
          return data;
        },
        headers: { 'idempotency-key': `upload-${randomUUID()}` },
        accept: [201],
      });
      if (uploaded.failed) return failures.push([client, 'upload', uploaded.status, uploaded.body]);
      files[doc.code] = [uploaded.body.id];
      files['*'] ??= [uploaded.body.id];
      docs.push({ requirementCode: doc.code, attachmentIds: [uploaded.body.id] });
    }
    const change = { formData: answers(form, files), documents: docs };
    let etag = created.etag;
    let updated;
    for (let attempt = 0; attempt < 5; attempt++) {
      updated = await call('PATCH', `/api/v1/dossiers/${id}`, {
        token,
        json: change,
        headers: { 'if-match': etag },
        accept: [200, 412],
      });
      if (updated.status !== 412) break;
      // A retry after a lost answer finds the change applied already: take the new version.
      etag = updated.body?.etag ?? (await call('GET', `/api/v1/dossiers/${id}`, { token })).etag;
    }
    if (updated.failed || updated.status !== 200)
      return failures.push([client, 'update', updated.status, updated.body]);
    const submit = await call('POST', `/api/v1/dossiers/${id}/submit`, {
      token,
      headers: { 'if-match': updated.etag, 'idempotency-key': `submit-${randomUUID()}` },
    });
    if (submit.failed) return failures.push([client, 'submit', submit.status, submit.body]);
    acknowledged.submitted.set(id, submit.body.code);
    const receive = await call('POST', `/api/v1/officer/dossiers/${id}/actions`, {
      token: officerToken,
      json: { action: 'receive' },
      headers: { 'idempotency-key': `receive-${randomUUID()}` },
    });
    if (receive.failed) return failures.push([client, 'receive', receive.status, receive.body]);
    acknowledged.received.add(id);
  }

  const started = performance.now();
  let completed = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const token = await tokens(client);
      while (Date.now() < until) {
        await journey(token, client);
        completed++;
        onProgress?.(completed);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pick = (q) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    seconds: elapsed,
    throughput: latencies.length / elapsed,
    journeys: completed,
    p50: pick(0.5),
    p99: pick(0.99),
    retries,
    failures,
    acknowledged,
  };
}

/**
 * Checks through the API that everything acknowledged is there once: every acknowledged draft
 * exists; each citizen has exactly the dossiers acknowledged to them (no duplicate from a retry);
 * each acknowledged submit has its code and one submit event; each acknowledged receipt one
 * receive event. Answers the counts of lost and duplicated.
 */
export async function verifyLoad({
  url,
  clients,
  tokens,
  officerToken,
  acknowledged,
  failures = [],
}) {
  let lost = 0;
  let duplicated = 0;
  const problems = [];
  const get = async (path, token) => {
    const response = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: await response.json() };
  };
  for (let client = 0; client < clients; client++) {
    const token = await tokens(client);
    const mine = [];
    let cursor = null;
    do {
      const page = await get(
        `/api/v1/dossiers?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        token,
      );
      mine.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const acked = acknowledged.created.filter((c) => c.client === client);
    const ids = new Set(mine.map((d) => d.id));
    for (const c of acked) {
      if (!ids.has(c.id)) {
        lost++;
        problems.push(`client ${client}: acknowledged dossier ${c.id} is missing`);
      }
    }
    // Journeys run to their end after the time is up, so every create was acknowledged or
    // counted as failed (its outcome unknown to the client): any other dossier is a duplicate.
    const unknown = failures.filter((f) => f[0] === client && f[1] === 'create').length;
    const extra = mine.length - acked.length - unknown;
    if (extra > 0) {
      duplicated += extra;
      problems.push(`client ${client}: ${mine.length} dossiers, ${acked.length} acknowledged`);
    }
  }
  const codes = new Set();
  for (const [id, code] of acknowledged.submitted) {
    const events = await get(`/api/v1/dossiers/${id}/events`, officerToken);
    const dossier = await get(`/api/v1/dossiers/${id}`, officerToken);
    if (dossier.status !== 200 || dossier.body.code !== code) {
      lost++;
      problems.push(`submitted ${id} (${code}) is missing or has another code`);
      continue;
    }
    if (codes.has(code)) duplicated++;
    codes.add(code);
    const submits = events.body.items.filter((e) => e.action === 'submit').length;
    const receives = events.body.items.filter((e) => e.action === 'receive').length;
    if (submits !== 1) {
      duplicated += Math.max(0, submits - 1);
      lost += submits === 0 ? 1 : 0;
      problems.push(`${id}: ${submits} submit events`);
    }
    if (acknowledged.received.has(id) && receives !== 1) {
      duplicated += Math.max(0, receives - 1);
      lost += receives === 0 ? 1 : 0;
      problems.push(`${id}: ${receives} receive events`);
    }
  }
  return { lost, duplicated, problems };
}

/**
 * One load scenario with a SIGKILL in the middle, from a fresh database:
 * - `pglite`: one instance on PGlite, killed and restarted on its data folder;
 * - `postgres`: one instance on PostgreSQL (`databaseUrl`, a server: a database is created and
 *   dropped), killed and restarted;
 * - `two`: two instances on PostgreSQL behind the proxy, one killed and restarted.
 * `clients` citizens go through journeys for `seconds` through the proxy (with retries); the
 * kill comes at half time. Answers throughput, latencies, and what was lost or duplicated.
 */
export async function runScenario({
  kind,
  clients,
  seconds,
  databaseUrl,
  answers,
  log = () => {},
}) {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const pg = (await import('pg')).default;
  const { SignJWT } = await import('jose');
  const secret = randomBytes(32).toString('base64url');
  const sign = (claims, sub) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setIssuer('egov-load')
      .setAudience('egov-load')
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(new TextEncoder().encode(secret));
  const dir = await mkdtemp(join(tmpdir(), `egov-load-${kind}-`));
  let dropDatabase = async () => {};
  const env = {
    DATA_DIR: dir,
    FILES_DIR: join(dir, 'files'),
    EGOV_DEMO: 'off',
    JWT_SECRET: secret,
    JWT_ISSUER: 'egov-load',
    JWT_AUDIENCE: 'egov-load',
  };
  if (kind !== 'pglite') {
    if (!databaseUrl) throw new Error(`${kind} needs a PostgreSQL server URL`);
    const name = `egov_load_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const cleanup = new pg.Client({ connectionString: databaseUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  }
  const instances = [];
  let proxy;
  try {
    const count = kind === 'two' ? 2 : 1;
    for (let i = 0; i < count; i++)
      instances.push(await startInstance({ env, label: `${kind}-${i}` }));
    proxy = await startProxy(instances.map((instance) => instance.url));
    const citizenTokens = new Map();
    const tokens = (i) => {
      if (!citizenTokens.has(i))
        citizenTokens.set(i, sign({ role: 'citizen' }, `load-citizen-${i}`));
      return citizenTokens.get(i);
    };
    const officerToken = await sign({ role: 'officer', agency: 'UBND-20242' }, 'load-officer');
    const load = runLoad({ url: proxy.url, clients, seconds, tokens, officerToken, answers });
    await sleep((seconds * 1000) / 2);
    const victim = instances[instances.length - 1];
    log(`SIGKILL ${victim.label} (pid ${victim.pid})`);
    await victim.stop('SIGKILL');
    const restarted = await startInstance({
      env,
      port: victim.port,
      label: `${victim.label}-restarted`,
    });
    instances[instances.length - 1] = restarted;
    log(`restarted ${restarted.label}`);
    const result = await load;
    for (const instance of instances) {
      const exited = await Promise.race([instance.exited, sleep(0).then(() => undefined)]);
      if (exited) {
        throw new Error(
          `${instance.label} exited during the load (${JSON.stringify(exited)}):\n${instance.output().slice(-4000)}`,
        );
      }
    }
    const check = await verifyLoad({
      url: instances[0].url,
      clients,
      tokens,
      officerToken,
      acknowledged: result.acknowledged,
      failures: result.failures,
    });
    return {
      kind,
      clients,
      seconds: result.seconds,
      requests: result.requests,
      throughput: result.throughput,
      journeys: result.journeys,
      p50: result.p50,
      p99: result.p99,
      retries: result.retries,
      failed: result.failures.length,
      failures: result.failures.slice(0, 5),
      lost: check.lost,
      duplicated: check.duplicated,
      problems: check.problems.slice(0, 10),
    };
  } finally {
    await proxy?.close();
    await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
    await dropDatabase();
    await rm(dir, { recursive: true, force: true });
  }
}
