import http from 'node:http';
import https from 'node:https';
import { signWebhook } from '@egov-kit/schema/webhooks';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { RenderedMessage } from './templates.js';
import {
  checkLiteralTarget,
  DEFAULT_WEBHOOK_POLICY,
  publicOnlyLookup,
  WebhookTargetError,
  type WebhookTargetPolicy,
} from './webhook-target.js';

/**
 * A failure that another attempt cannot fix (no SMS provider, an endpoint deleted): the
 * notification goes straight to the dead letters, where an administrator sees why.
 */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** One e-mail. */
export interface EmailMessage {
  /** The notification id: the Message-ID's left part, so a resend has the same Message-ID. */
  readonly id: string;
  readonly to: string;
  readonly rendered: RenderedMessage;
  readonly locale: 'vi' | 'en';
  /** The signed one-click unsubscribe URL (RFC 8058), when the recipient can opt out. */
  readonly unsubscribeUrl?: string | undefined;
}

/** Sends e-mail. */
export interface EmailSender {
  send(message: EmailMessage): Promise<void>;
  close?(): void;
}

/** SMTP settings (`SMTP_*`). */
export interface SmtpOptions {
  readonly host: string;
  /** 587 (submission with STARTTLS) by default; 465 with `secure`. */
  readonly port?: number | undefined;
  /** TLS from the first byte (port 465); otherwise STARTTLS. */
  readonly secure?: boolean | undefined;
  /**
   * Refuse to send when the server does not offer STARTTLS (true by default): credentials and
   * citizens' data never cross the network in clear. Off only for a relay on the same host.
   */
  readonly requireTls?: boolean | undefined;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  /** The From header, e.g. `"Cổng dịch vụ công tỉnh" <no-reply@dichvucong.example.gov.vn>`. */
  readonly from: string;
  /** PEM of the CA that signs the SMTP server's certificate, when not a public one. */
  readonly ca?: string | undefined;
  /** The domain of Message-IDs; the From address's domain by default. */
  readonly messageIdDomain?: string | undefined;
}

/**
 * E-mail over SMTP with nodemailer: a pooled connection, TLS with certificate checks,
 * authentication when a user is set; UTF-8 subject and bodies (quoted-printable or base64 as
 * nodemailer chooses, encoded-words for the subject), a text and an HTML part.
 */
export class SmtpEmailSender implements EmailSender {
  readonly #transport: Transporter<SMTPTransport.SentMessageInfo>;
  readonly #from: string;
  readonly #domain: string;

  constructor(options: SmtpOptions) {
    const secure = options.secure ?? options.port === 465;
    this.#transport = nodemailer.createTransport({
      host: options.host,
      port: options.port ?? (secure ? 465 : 587),
      secure,
      requireTLS: !secure && (options.requireTls ?? true),
      ignoreTLS: !secure && options.requireTls === false,
      ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
      tls: { minVersion: 'TLSv1.2', ...(options.ca ? { ca: options.ca } : {}) },
      pool: true,
      maxConnections: 4,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    this.#from = options.from;
    this.#domain =
      options.messageIdDomain ?? /@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'egov-kit.invalid';
  }

  async send(message: EmailMessage): Promise<void> {
    await this.#transport.sendMail({
      from: this.#from,
      to: message.to,
      subject: message.rendered.subject,
      text: message.rendered.text,
      html: message.rendered.html,
      messageId: `<${message.id}@${this.#domain}>`,
      headers: {
        'Content-Language': message.locale,
        // Receivers and our logs deduplicate by it; it also names the notification in a bounce.
        'X-Egov-Notification-Id': message.id,
        'Auto-Submitted': 'auto-generated',
        // RFC 8058: a mail client may unsubscribe with one POST, without a page to visit.
        ...(message.unsubscribeUrl
          ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
          : {}),
      },
      ...(message.unsubscribeUrl
        ? { list: { unsubscribe: { url: message.unsubscribeUrl, comment: 'Unsubscribe' } } }
        : {}),
    });
  }

  close(): void {
    this.#transport.close();
  }
}

/** One text message. */
export interface SmsMessage {
  /** The notification id, for the provider's own deduplication where it has one. */
  readonly id: string;
  /** The phone number as the citizen gave it (national `09…` or `+84…`). */
  readonly to: string;
  /** Short: the subject and the link. */
  readonly text: string;
}

/**
 * The one thing an SMS provider must do. None ships with the server: a province plugs in its
 * contracted gateway (a telecom's brandname SMS API, an LGSP's SMS service) by passing an
 * implementation to `startServer({ smsProvider })`. Throw to have the dispatcher retry, throw
 * `PermanentDeliveryError` for a number that can never receive.
 */
export interface SmsProvider {
  send(message: SmsMessage): Promise<void>;
}

/** One webhook delivery. */
export interface WebhookDelivery {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  readonly body: string;
}

/** How {@link postWebhook} sends. */
export interface PostWebhookOptions {
  /** A `fetch` to post with instead (tests): the target policy is then the caller's. */
  readonly fetch?: typeof fetch | undefined;
  readonly timeoutMs?: number | undefined;
  readonly now?: (() => number) | undefined;
  /** Where webhooks may go; public HTTPS addresses only by default (see `WebhookTargetPolicy`). */
  readonly policy?: WebhookTargetPolicy | undefined;
}

/**
 * POSTs a signed webhook (Standard Webhooks headers) and succeeds on a 2xx answer. Redirects are
 * not followed (an endpoint moved is an administrator's change, not the receiver's), and an
 * answer must come within `timeoutMs`. Unless the policy allows private networks, the request
 * goes over HTTPS to a public address only, checked on the address actually connected to; a
 * refused target is a `PermanentDeliveryError`.
 */
export async function postWebhook(
  delivery: WebhookDelivery,
  options: PostWebhookOptions = {},
): Promise<void> {
  const timestamp = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const signature = await signWebhook(delivery.secret, {
    id: delivery.id,
    timestamp,
    body: delivery.body,
  });
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'egov-kit-webhooks/1',
    'webhook-id': delivery.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  };
  const timeoutMs = options.timeoutMs ?? 10_000;
  let status: number;
  let text: string;
  if (options.fetch) {
    const response = await options.fetch(delivery.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers,
      body: delivery.body,
    });
    status = response.status;
    // Read (a little of) the answer so that the connection can be reused, then judge it.
    text = (await response.text().catch(() => '')).slice(0, 200);
  } else {
    try {
      ({ status, text } = await post(delivery.url, headers, delivery.body, {
        timeoutMs,
        policy: options.policy ?? DEFAULT_WEBHOOK_POLICY,
      }));
    } catch (error) {
      if (error instanceof WebhookTargetError) throw new PermanentDeliveryError(error.message);
      throw error;
    }
  }
  if (status < 200 || status > 299) {
    throw new Error(`HTTP ${status}${text ? `: ${text.replace(/\s+/g, ' ')}` : ''}`);
  }
}

/** Answers longer than this are not read further: only the start is shown in the outbox. */
const MAX_ANSWER_BYTES = 4096;

/**
 * One POST through node:http(s), whose `lookup` lets the policy see (and refuse) the address the
 * connection goes to; `fetch` resolves names where no check can reach. Never follows redirects.
 */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  { timeoutMs, policy }: { timeoutMs: number; policy: WebhookTargetPolicy },
): Promise<{ status: number; text: string }> {
  const target = new URL(url);
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    throw new WebhookTargetError(`${target.protocol} is not a webhook scheme.`);
  }
  if (!policy.allowPrivateNetworks) {
    if (target.protocol !== 'https:') {
      throw new WebhookTargetError(
        'Webhooks go over https only (WEBHOOK_ALLOW_PRIVATE_NETWORKS is off).',
      );
    }
    checkLiteralTarget(target);
  }
  const payload = Buffer.from(body, 'utf8');
  return new Promise((resolve, reject) => {
    const request = (target.protocol === 'https:' ? https : http).request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(payload.length) },
        signal: AbortSignal.timeout(timeoutMs),
        ...(policy.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup() }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8').slice(0, 200),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}
