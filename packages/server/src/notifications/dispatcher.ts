import { randomUUID } from 'node:crypto';
import { addWorkingDays, type NotificationKind } from '@egov-kit/schema';
import type { Database } from '../db/database.js';
import type { DossierRow } from '../services/dossier-rows.js';
import {
  type EmailSender,
  PermanentDeliveryError,
  postWebhook,
  type SmsProvider,
} from './channels.js';
import {
  dossierData,
  type NotificationData,
  officerNotifications,
  webhookNotifications,
  writeNotifications,
} from './outbox.js';
import { renderNotification, templateValues } from './templates.js';
import { unsubscribeKey, unsubscribeToken } from './unsubscribe.js';
import type { WebhookTargetPolicy } from './webhook-target.js';

/** How the dispatcher retries, leases and sweeps. */
export interface DispatchPolicy {
  /** Notifications claimed per round. */
  readonly batch: number;
  /** Deliveries in flight at once. */
  readonly concurrency: number;
  /** How long a claim lasts: an instance killed while sending loses its claim after this. */
  readonly leaseSeconds: number;
  /** Attempts before a notification goes to the dead letters. */
  readonly maxAttempts: number;
  /** The first retry's delay; each next one doubles, up to `retryMaxSeconds`, with jitter. */
  readonly retryBaseSeconds: number;
  readonly retryMaxSeconds: number;
  /** Officers hear of dossiers due within this many working days. */
  readonly dueSoonWorkingDays: number;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  batch: 50,
  concurrency: 16,
  leaseSeconds: 60,
  maxAttempts: 10,
  retryBaseSeconds: 30,
  retryMaxSeconds: 3_600,
  dueSoonWorkingDays: 2,
};

/** What a dispatcher delivers with. */
export interface DispatcherOptions {
  /** The portal's public address, for links in messages (`PUBLIC_URL`). */
  readonly publicUrl: string;
  /** E-mail; without it e-mails go to the dead letters, saying SMTP is not configured. */
  readonly email?: EmailSender | undefined;
  /** SMS; none ships with the server (see `SmsProvider`). */
  readonly sms?: SmsProvider | undefined;
  /** The `fetch` webhooks are posted with (tests inject one). */
  readonly fetch?: typeof fetch | undefined;
  /** Where webhooks may go (`WEBHOOK_ALLOW_PRIVATE_NETWORKS`); public HTTPS only by default. */
  readonly webhookPolicy?: WebhookTargetPolicy | undefined;
  readonly policy?: Partial<DispatchPolicy> | undefined;
  /** Names this instance's claims; a random id by default. */
  readonly instanceId?: string | undefined;
  readonly log?: ((message: string, detail?: unknown) => void) | undefined;
  /** The random number of the jitter, [0, 1); `Math.random` by default. */
  readonly random?: (() => number) | undefined;
}

/** What one round did. */
export interface DispatchReport {
  claimed: number;
  sent: number;
  retried: number;
  dead: number;
}

interface ClaimedRow {
  id: string;
  kind: NotificationKind;
  channel: 'email' | 'sms' | 'webhook';
  recipient: string;
  locale: 'vi' | 'en';
  data: NotificationData;
  principal_id: string | null;
  attempts: number;
  /** created_at to the microsecond, as text that sorts (a Date keeps milliseconds only). */
  /** The order the outbox wrote it in (a sequence). */
  seq: string;
}

const OFFICER_KINDS: ReadonlySet<NotificationKind> = new Set([
  'new_dossier',
  'due_soon',
  'overdue',
]);
const SWEEP_LOCK = 7275301;

/**
 * Delivers the outbox. Several instances may run one each on the same database: a round claims
 * due notifications with `FOR UPDATE SKIP LOCKED` (two rounds never claim the same row) and
 * stamps a lease; a delivery is recorded only by the holder of the lease. An instance killed
 * mid-delivery leaves claims whose lease expires, and another round takes them again — so every
 * notification is delivered at least once, and a receiver that saw it already recognises its id
 * (webhook-id, Message-ID). A failed delivery waits `retryBase × 2^(attempt−1)` (capped) with
 * equal jitter, so that a receiver coming back is not hit by every instance at once; after
 * `maxAttempts` it is dead, listed for an administrator who can replay it.
 */
export class NotificationDispatcher {
  readonly #db: Database;
  readonly #options: DispatcherOptions;
  readonly #policy: DispatchPolicy;
  readonly #instance: string;
  #key: Promise<Buffer> | undefined;

  constructor(db: Database, options: DispatcherOptions) {
    this.#db = db;
    this.#options = options;
    this.#policy = { ...DEFAULT_DISPATCH_POLICY, ...options.policy };
    this.#instance = options.instanceId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  }

  get instanceId(): string {
    return this.#instance;
  }

  /** Claims what is due and delivers it; answers what happened. */
  async runOnce(): Promise<DispatchReport> {
    const policy = this.#policy;
    const claimed = await this.#db.query<ClaimedRow>(
      `update notifications
         set status = 'sending', lease_owner = $1, lease_until = now() + make_interval(secs => $2),
             attempts = attempts + 1
       where id in (
         select n.id from notifications n
         where ((n.status = 'pending' and n.next_attempt_at <= now())
             or (n.status = 'sending' and n.lease_until < now()))
           -- In order per dossier and recipient: not while an earlier one waits for its retry
           -- or is on its way from another instance.
           and not exists (
             select 1 from notifications e
             where e.dossier_id = n.dossier_id and e.channel = n.channel
               and e.recipient = n.recipient
               and e.seq < n.seq
               and ((e.status = 'pending' and e.next_attempt_at > now())
                 or (e.status = 'sending' and e.lease_until >= now())))
         order by n.next_attempt_at, n.id
         limit $3
         for update of n skip locked)
       returning id, kind, channel, recipient, locale, data, principal_id, attempts,
         seq::text as seq`,
      [this.#instance, policy.leaseSeconds, policy.batch],
    );
    // UPDATE … RETURNING gives no order: put them back in the order of their events.
    claimed.sort((a, b) => compareSeq(a.seq, b.seq));
    const report: DispatchReport = { claimed: claimed.length, sent: 0, retried: 0, dead: 0 };
    // The notifications of one dossier to one recipient go one after the other, in the order of
    // their events (a "received" must not overtake "submitted"); all others go in parallel — an
    // agency endpoint receives many dossiers' webhooks at once.
    const byRecipient = new Map<string, ClaimedRow[]>();
    for (const row of claimed) {
      const key = `${row.channel}:${row.recipient}:${row.data.dossierId}`;
      byRecipient.set(key, [...(byRecipient.get(key) ?? []), row]);
    }
    const queues = [...byRecipient.values()];
    let next = 0;
    const worker = async () => {
      while (next < queues.length) {
        const queue = queues[next++] as ClaimedRow[];
        for (const [index, row] of queue.entries()) {
          const outcome = await this.#deliverOne(row);
          report[outcome]++;
          if (outcome === 'retried') {
            // The rest wait behind it (the claim skips them while it waits for its retry).
            await this.#release(queue.slice(index + 1));
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(policy.concurrency, queues.length) }, worker));
    return report;
  }

  /** Gives back claimed notifications not attempted: pending again, the attempt not counted. */
  async #release(rows: readonly ClaimedRow[]): Promise<void> {
    if (!rows.length) return;
    await this.#db.query(
      `update notifications set status = 'pending', attempts = attempts - 1,
         lease_owner = null, lease_until = null
       where id = any($1) and lease_owner = $2 and status = 'sending'`,
      [rows.map((row) => row.id), this.#instance],
    );
  }

  async #deliverOne(row: ClaimedRow): Promise<'sent' | 'retried' | 'dead'> {
    try {
      if (row.attempts > this.#policy.maxAttempts) {
        // Claimed and lost again and again: whatever it does kills the instance sending it.
        throw new PermanentDeliveryError('Gave up: the lease expired on every attempt.');
      }
      await this.#deliver(row);
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      const dead = permanent || row.attempts >= this.#policy.maxAttempts;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
      await this.#db.query(
        `update notifications set status = $3, next_attempt_at = now() + make_interval(secs => $4),
           last_error = $5, lease_owner = null, lease_until = null
         where id = $1 and lease_owner = $2`,
        [row.id, this.#instance, dead ? 'dead' : 'pending', this.retryDelay(row.attempts), message],
      );
      this.#options.log?.(dead ? 'notification dead' : 'notification retry', {
        id: row.id,
        channel: row.channel,
        attempts: row.attempts,
        error: message,
      });
      return dead ? 'dead' : 'retried';
    }
    // Only the holder of the lease records it; if the lease was lost, the other holder will.
    await this.#db.query(
      `update notifications set status = 'sent', sent_at = now(), last_error = null,
         lease_owner = null, lease_until = null
       where id = $1 and lease_owner = $2 and status = 'sending'`,
      [row.id, this.#instance],
    );
    return 'sent';
  }

  /** Seconds before attempt `attempts + 1`: exponential, capped, half of it random. */
  retryDelay(attempts: number): number {
    const { retryBaseSeconds, retryMaxSeconds } = this.#policy;
    const ceiling = Math.min(retryMaxSeconds, retryBaseSeconds * 2 ** Math.max(0, attempts - 1));
    return ceiling / 2 + (this.#options.random ?? Math.random)() * (ceiling / 2);
  }

  async #deliver(row: ClaimedRow): Promise<void> {
    const audience = OFFICER_KINDS.has(row.kind) ? 'officer' : 'citizen';
    const links = { publicUrl: this.#options.publicUrl };
    switch (row.channel) {
      case 'email': {
        const email = this.#options.email;
        if (!email) throw new PermanentDeliveryError('SMTP is not configured (SMTP_HOST).');
        const rendered = await renderNotification(
          this.#db,
          { kind: row.kind, locale: row.locale, data: row.data, audience },
          links,
        );
        let unsubscribeUrl: string | undefined;
        if (row.principal_id) {
          this.#key ??= unsubscribeKey(this.#db);
          const token = unsubscribeToken(await this.#key, {
            principalId: row.principal_id,
            role: audience,
          });
          unsubscribeUrl = `${links.publicUrl.replace(/\/+$/, '')}/notifications/unsubscribe?token=${token}`;
        }
        await email.send({
          id: row.id,
          to: row.recipient,
          rendered,
          locale: row.locale,
          unsubscribeUrl,
        });
        return;
      }
      case 'sms': {
        const sms = this.#options.sms;
        if (!sms) throw new PermanentDeliveryError('No SMS provider is configured.');
        const rendered = await renderNotification(
          this.#db,
          { kind: row.kind, locale: row.locale, data: row.data, audience },
          links,
        );
        const { link } = templateValues(row.kind, row.data, row.locale, links, audience);
        await sms.send({ id: row.id, to: row.recipient, text: `${rendered.subject} ${link}` });
        return;
      }
      case 'webhook': {
        const [endpoint] = await this.#db.query<{ url: string; secret: string; enabled: boolean }>(
          'select url, secret, enabled from webhook_endpoints where id = $1',
          [row.recipient],
        );
        if (!endpoint) throw new PermanentDeliveryError('The webhook endpoint was deleted.');
        if (!endpoint.enabled)
          throw new PermanentDeliveryError('The webhook endpoint is disabled.');
        await postWebhook(
          { id: row.id, url: endpoint.url, secret: endpoint.secret, body: webhookBody(row) },
          { fetch: this.#options.fetch, policy: this.#options.webhookPolicy },
        );
        return;
      }
    }
  }

  /**
   * Writes the officers' reminders: dossiers due within `dueSoonWorkingDays` working days (once
   * per due date) and overdue ones (once per day, Vietnam time). Idempotent — a second run the
   * same day, on this or another instance, writes nothing — and run by one instance at a time.
   */
  async sweep(now: Date = new Date()): Promise<number> {
    return this.#db.transaction(async (tx) => {
      const [lock] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
        SWEEP_LOCK,
      ]);
      if (!lock?.ok) return 0;
      const soon = addWorkingDays(now, this.#policy.dueSoonWorkingDays);
      const rows = await tx.query<DossierRow>(
        `select * from dossiers
         where due_at is not null and completed_at is null and paused_since is null
           and agency_code is not null and due_at < $1
         order by due_at limit 1000`,
        [soon.toISOString()],
      );
      const today = vietnamDay(now);
      let written = 0;
      for (const dossier of rows) {
        const overdue = Date.parse(dossier.due_at as string) < now.getTime();
        const kind: NotificationKind = overdue ? 'overdue' : 'due_soon';
        // Overdue: once a day; due soon: once per due date (an apology moves it).
        const period = overdue ? today : vietnamDay(new Date(dossier.due_at as string));
        const data = await dossierData(tx, dossier, {
          action: kind,
          at: now.toISOString(),
        });
        const agency = dossier.agency_code as string;
        written += await writeNotifications(tx, [
          ...(await officerNotifications(
            tx,
            agency,
            kind,
            data,
            undefined,
            (recipient, channel) => `${kind}:${dossier.id}:${period}:${channel}:${recipient}`,
          )),
          ...(await webhookNotifications(
            tx,
            agency,
            kind,
            data,
            undefined,
            (endpoint) => `${kind}:${dossier.id}:${period}:webhook:${endpoint}`,
          )),
        ]);
      }
      return written;
    });
  }
}

/** Orders two sequence numbers given as decimal text (bigint-safe). */
function compareSeq(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The Standard Webhooks body: type, timestamp, data — nothing personal, never the verifier. */
export function webhookBody(row: Pick<ClaimedRow, 'kind' | 'data'>): string {
  const d = row.data;
  const data: Record<string, unknown> = {
    dossierId: d.dossierId,
    code: d.code,
    procedureCode: d.procedureCode,
    status: d.status,
    action: d.action,
    agencyCode: d.agencyCode,
    submittedAt: d.submittedAt,
    receivedAt: d.receivedAt,
    dueAt: d.dueAt,
  };
  return JSON.stringify({ type: `dossier.${row.kind}`, timestamp: d.at, data });
}

function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** A running dispatcher: polls, sweeps, stops. */
export interface DispatchSchedule {
  readonly dispatcher: NotificationDispatcher;
  /** Delivers what is due now (tests, and after a burst of events). */
  runNow(): Promise<DispatchReport>;
  /** Stops polling and waits for the round in progress. */
  stop(): Promise<void>;
}

/**
 * Polls the outbox every `pollMs` (a full batch polls again at once) and sweeps for officers'
 * reminders every `sweepMinutes`. Timers do not keep the process alive; failures are logged
 * and the next round tries again.
 */
export function scheduleDispatch(
  db: Database,
  options: DispatcherOptions & { pollMs?: number; sweepMinutes?: number },
): DispatchSchedule {
  const dispatcher = new NotificationDispatcher(db, options);
  const log = options.log ?? (() => undefined);
  let stopped = false;
  let running: Promise<DispatchReport> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const batch = options.policy?.batch ?? DEFAULT_DISPATCH_POLICY.batch;
  const runNow = () => {
    running ??= dispatcher.runOnce().finally(() => {
      running = undefined;
    });
    return running;
  };
  const tick = async () => {
    if (stopped) return;
    let full = false;
    try {
      full = (await runNow()).claimed >= batch;
    } catch (error) {
      log('notification dispatch failed', error);
    }
    if (!stopped) {
      timer = setTimeout(tick, full ? 0 : (options.pollMs ?? 1_000));
      timer.unref();
    }
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  const sweepEvery = (options.sweepMinutes ?? 15) * 60_000;
  const sweeper = setInterval(() => {
    dispatcher.sweep().catch((error) => log('notification sweep failed', error));
  }, sweepEvery);
  sweeper.unref();
  const firstSweep = setTimeout(
    () => dispatcher.sweep().catch((error) => log('notification sweep failed', error)),
    Math.min(sweepEvery, 30_000),
  );
  firstSweep.unref();
  return {
    dispatcher,
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(sweeper);
      clearTimeout(firstSweep);
      await running?.catch(() => undefined);
      options.email?.close?.();
    },
  };
}
