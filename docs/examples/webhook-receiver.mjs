// An agency system receiving egov-kit webhooks (docs/server/notifications.md).
//
//   WEBHOOK_SECRET=whsec_… node docs/examples/webhook-receiver.mjs    # listens on :8787
//
// `handle` is a Web-standard handler (Request → Response): the same function runs in Node,
// Deno, Bun or Cloudflare Workers. The only dependency is @egov-kit/schema/webhooks, itself
// without dependencies.
import { createServer } from 'node:http';
import { isWebhookVerificationError, verifyWebhook } from '@egov-kit/schema/webhooks';

/** Ids already handled. Use a table with a unique key in production: retries reuse the id. */
const seen = new Set();

/**
 * Verifies the signature on the exact bytes received, answers 2xx once the event is stored
 * (the server retries anything else, with growing delays, then gives up into its dead letters),
 * and ignores a repeat of an id it has handled.
 */
export async function handle(request, secrets, onEvent) {
  if (request.method !== 'POST') return new Response(null, { status: 405 });
  const body = new Uint8Array(await request.arrayBuffer());
  let webhook;
  try {
    webhook = await verifyWebhook(secrets, { headers: request.headers, body });
  } catch (error) {
    if (isWebhookVerificationError(error)) return new Response(error.reason, { status: 400 });
    throw error;
  }
  if (seen.has(webhook.id)) return new Response(null, { status: 204 });
  const event = JSON.parse(webhook.body); // { type: 'dossier.received', timestamp, data }
  await onEvent(event, webhook.id);
  seen.add(webhook.id);
  return new Response(null, { status: 204 });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Several secrets during a rotation: WEBHOOK_SECRET="whsec_new whsec_old".
  const secrets = (process.env.WEBHOOK_SECRET ?? '').split(/\s+/).filter(Boolean);
  if (!secrets.length) throw new Error('Set WEBHOOK_SECRET to the endpoint’s whsec_… secret.');
  createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers,
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const response = await handle(request, secrets, (event, id) => {
      console.log(id, event.type, event.data.code, event.data.status);
    });
    res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
  }).listen(Number(process.env.PORT ?? 8787));
}
