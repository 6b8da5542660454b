import { signWebhook } from '@egov-kit/schema/webhooks';
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { RenderedMessage } from './templates.js';

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

/**
 * POSTs a signed webhook (Standard Webhooks headers) and succeeds on a 2xx answer. Redirects are
 * not followed (an endpoint moved is an administrator's change, not the receiver's), and an
 * answer must come within `timeoutMs`.
 */
export async function postWebhook(
  delivery: WebhookDelivery,
  options: { fetch?: typeof fetch; timeoutMs?: number; now?: () => number } = {},
): Promise<void> {
  const timestamp = Math.floor((options.now?.() ?? Date.now()) / 1000);
  const signature = await signWebhook(delivery.secret, {
    id: delivery.id,
    timestamp,
    body: delivery.body,
  });
  const response = await (options.fetch ?? fetch)(delivery.url, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'egov-kit-webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    },
    body: delivery.body,
  });
  // Read (a little of) the answer so that the connection can be reused, then judge it.
  const text = (await response.text().catch(() => '')).slice(0, 200);
  if (response.status < 200 || response.status > 299) {
    throw new Error(`HTTP ${response.status}${text ? `: ${text.replace(/\s+/g, ' ')}` : ''}`);
  }
}
