import type { Database } from './database.js';

/**
 * Versioned schema migrations, applied in order at start. Each runs once, in its own
 * transaction, recorded in `schema_migrations`. Never edit a released migration: add one.
 * The SQL is plain PostgreSQL that PGlite runs unchanged.
 */
export const MIGRATIONS: ReadonlyArray<{
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}> = [
  {
    version: 1,
    name: 'initial',
    sql: `
create table procedures (
  code text primary key,
  name text not null,
  field text not null,
  levels text[] not null,
  online_level text not null,
  search_text text not null,
  name_folded text not null,
  body jsonb not null
);

create table forms (
  id text primary key,
  version integer not null,
  body jsonb not null
);

create table procedure_forms (
  procedure_code text not null references procedures(code),
  case_code text not null,
  form_id text not null references forms(id),
  primary key (procedure_code, case_code)
);

create table agencies (
  code text primary key,
  name text not null,
  level text not null,
  unit_code text,
  parent_code text
);

create sequence dossier_code_seq;

create table dossiers (
  id uuid primary key,
  code text unique,
  verifier text,
  owner_id text not null,
  procedure_code text not null references procedures(code),
  case_code text not null,
  form_id text not null,
  form_version integer not null,
  channel text not null,
  applicant jsonb,
  form_data jsonb not null default '{}',
  documents jsonb not null default '[]',
  status text not null,
  agency_code text references agencies(code),
  step text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  submitted_at timestamptz,
  received_at timestamptz,
  due_at timestamptz,
  completed_at timestamptz,
  returned_at timestamptz,
  paused_since timestamptz,
  outcome jsonb,
  pending_fees jsonb,
  version integer not null default 1
);
create index dossiers_owner on dossiers (owner_id, created_at desc, id);
create index dossiers_agency on dossiers (agency_code, status);

create table dossier_events (
  id uuid primary key,
  dossier_id uuid not null references dossiers(id),
  seq bigserial,
  action text not null,
  from_status text,
  to_status text not null,
  actor jsonb not null,
  at timestamptz not null,
  note text,
  due_at timestamptz,
  notice jsonb,
  attachment_ids jsonb not null default '[]'
);
create index dossier_events_dossier on dossier_events (dossier_id, seq);

create table dossier_pauses (
  dossier_id uuid not null references dossiers(id),
  started_at timestamptz not null,
  ended_at timestamptz
);
create index dossier_pauses_dossier on dossier_pauses (dossier_id);

create table attachments (
  id uuid primary key,
  dossier_id uuid references dossiers(id),
  requirement_code text,
  file_name text not null,
  media_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  uploaded_by text not null,
  uploaded_at timestamptz not null
);
create index attachments_dossier on attachments (dossier_id);

create table payments (
  id uuid primary key,
  dossier_id uuid not null references dossiers(id),
  items jsonb not null,
  total bigint not null,
  provider text not null,
  status text not null,
  reference text,
  receipt_number text,
  created_at timestamptz not null,
  paid_at timestamptz
);
create index payments_dossier on payments (dossier_id);

create table survey_responses (
  dossier_id uuid primary key references dossiers(id),
  survey_id text not null,
  answers jsonb not null,
  comment text,
  submitted_at timestamptz not null
);

create table idempotency_keys (
  principal text not null,
  key text not null,
  operation text not null,
  request_hash text not null,
  status integer,
  headers jsonb,
  body text,
  created_at timestamptz not null,
  primary key (principal, key)
);

create table rate_limits (
  bucket text primary key,
  window_start timestamptz not null,
  count integer not null
);
`,
  },
  {
    version: 2,
    name: 'rate limits with back-off and expiry',
    sql: `
alter table rate_limits add column strikes integer not null default 0;
alter table rate_limits add column blocked_until timestamptz;
alter table rate_limits add column expires_at timestamptz not null default now();
create index rate_limits_expiry on rate_limits (expires_at);
`,
  },
  {
    version: 3,
    name: 'upload quotas and housekeeping',
    sql: `
alter table dossiers add column expiry_warned_at timestamptz;
create index dossiers_idle_drafts on dossiers (updated_at) where status = 'draft';
create index attachments_uploader on attachments (uploaded_by);
create index attachments_sha256 on attachments (sha256);
create index idempotency_keys_created on idempotency_keys (created_at);
create table orphan_files (
  sha256 text primary key,
  since timestamptz not null
);
`,
  },
  {
    version: 4,
    name: 'payments: provider sessions, notifications, receipts',
    // A dossier is marked paid exactly once: one paid payment per fee request (unique index),
    // each provider notification recorded once (primary key), receipts numbered per year
    // without gaps (a counter row updated in the paying transaction, not a sequence).
    sql: `
alter table dossiers add column payment_request_id uuid;
alter table dossiers add column payment_due_at timestamptz;
alter table payments add column request_id uuid;
alter table payments add column expires_at timestamptz;
alter table payments add column session jsonb;
alter table payments add column failure_reason text;
create unique index payments_reference on payments (provider, reference) where request_id is not null;
create unique index payments_paid_once on payments (request_id) where status = 'paid';
create table payment_notifications (
  provider text not null,
  notification_id text not null,
  payment_id uuid references payments(id),
  reference text not null,
  amount bigint not null,
  currency text not null,
  status text not null,
  outcome text not null,
  received_at timestamptz not null,
  body text not null,
  primary key (provider, notification_id)
);
create index payment_notifications_payment on payment_notifications (payment_id);
create table payment_receipt_counters (
  year integer primary key,
  last integer not null
);
`,
  },
  {
    version: 7,
    name: 'procedure search that forgives typos',
    // The words of each procedure as arrays with a GIN index (see services/procedure-search.ts);
    // filled from the stored records by rebuildSearchIndex when the server starts.
    sql: `
alter table procedures add column words text[] not null default '{}';
alter table procedures add column name_words text[] not null default '{}';
alter table procedures add column keyword_words text[] not null default '{}';
alter table procedures add column search_words text[] not null default '{}';
create index procedures_search_words on procedures using gin (search_words);
create table search_vocabulary (
  word text primary key,
  frequency integer not null
);
`,
  },
  {
    version: 6,
    name: 'survey scores per criterion, working calendar and statistics indexes',
    sql: `
alter table survey_responses add column updated_at timestamptz;
update survey_responses set updated_at = submitted_at;
alter table survey_responses alter column updated_at set not null;
create table survey_scores (
  dossier_id uuid not null references survey_responses(dossier_id) on delete cascade,
  criterion text not null,
  score smallint not null check (score between 1 and 5),
  primary key (dossier_id, criterion)
);
insert into survey_scores (dossier_id, criterion, score)
  select r.dossier_id, a->>'criterion', (a->>'score')::smallint
    from survey_responses r cross join jsonb_array_elements(r.answers) a
  on conflict do nothing;
create table working_calendar (
  day date primary key,
  working boolean not null,
  working_index integer not null
);
create table working_calendar_source (
  singleton boolean primary key default true check (singleton),
  fingerprint text not null
);
create index dossiers_received on dossiers (received_at) where received_at is not null;
create index dossiers_agency_received on dossiers (agency_code, received_at)
  where received_at is not null;
create index dossiers_procedure_received on dossiers (procedure_code, received_at)
  where received_at is not null;
create index payments_paid on payments (dossier_id) where status = 'paid';
`,
  },
  {
    version: 5,
    name: 'notifications: outbox, preferences, webhook endpoints, templates',
    sql: `
create table notifications (
  id uuid primary key,
  kind text not null,
  channel text not null,
  recipient text not null,
  locale text not null default 'vi',
  dossier_id uuid,
  event_id uuid,
  agency_code text,
  data jsonb not null,
  dedup_key text unique,
  principal_id text,
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  lease_owner text,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz not null,
  sent_at timestamptz
);
create index notifications_due on notifications (next_attempt_at) where status = 'pending';
create index notifications_leased on notifications (lease_until) where status = 'sending';
create index notifications_status on notifications (status, created_at desc, id);
create index notifications_dossier on notifications (dossier_id);

create table notification_preferences (
  principal_id text primary key,
  role text not null,
  agency_code text,
  email text,
  phone text,
  email_enabled boolean not null default true,
  sms_enabled boolean not null default false,
  locale text not null default 'vi',
  updated_at timestamptz not null
);
create index notification_preferences_agency on notification_preferences (agency_code) where role <> 'citizen';

create table webhook_endpoints (
  id uuid primary key,
  agency_code text references agencies(code),
  url text not null,
  description text,
  kinds jsonb,
  secret text not null,
  enabled boolean not null default true,
  created_at timestamptz not null
);

create table notification_templates (
  agency_code text not null references agencies(code),
  kind text not null,
  locale text not null,
  subject text not null,
  body text not null,
  updated_at timestamptz not null,
  primary key (agency_code, kind, locale)
);

create table notification_keys (
  name text primary key,
  secret text not null
);
`,
  },
  {
    version: 8,
    name: 'notifications in the order they were written',
    // created_at ties within a transaction (and PGlite's clock has millisecond steps): the order
    // of one dossier's messages to one recipient is the order of this sequence.
    sql: `
alter table notifications add column seq bigserial;
create index notifications_chain on notifications (dossier_id, channel, recipient, seq);
`,
  },
  {
    version: 9,
    name: 'statistics roll-up of settled dossiers and survey responses',
    // See services/statistics-rollup.ts. `stats_pending` is false for the rows already there
    // (a default of false costs no rewrite of a big table) and true for new ones; until the
    // first roll-up has been built (`statistics_state.built`) the statistics count every row
    // live, and that build adds the settled rows to `statistics_rollup` and marks the few
    // unsettled old ones (and their payments) pending, in one transaction. A payment is pending
    // while its dossier is, so that the live query joins only those. Year and month rows answer
    // the whole years and months of a period, week rows (a week within a month) and day rows
    // its edges.
    // `days[n + 1]` counts the dossiers resolved in n working days; the score arrays are indexed
    // by `statistics_criteria.position`.
    sql: `
alter table dossiers add column stats_pending boolean not null default false;
alter table dossiers alter column stats_pending set default true;
create index dossiers_stats_pending on dossiers (received_at)
  include (id, agency_code, procedure_code, channel, status, due_at, completed_at, paused_since)
  where stats_pending and received_at is not null;
alter table survey_responses add column stats_pending boolean not null default false;
alter table survey_responses alter column stats_pending set default true;
create index survey_responses_stats_pending on survey_responses (dossier_id) where stats_pending;
alter table payments add column stats_pending boolean not null default false;
alter table payments alter column stats_pending set default true;
create index payments_stats_pending on payments (dossier_id) include (provider)
  where status = 'paid' and stats_pending;
create table statistics_state (
  singleton boolean primary key default true check (singleton),
  built boolean not null
);
insert into statistics_state (built) values (false);
create table statistics_criteria (
  criterion text primary key,
  position integer not null unique
);
create table statistics_rollup (
  grain text not null check (grain in ('day', 'week', 'month', 'year')),
  bucket date not null,
  agency_code text not null,
  procedure_code text not null,
  channel text not null,
  received integer not null default 0,
  resolved integer not null default 0,
  resolved_on_time integer not null default 0,
  in_progress integer not null default 0,
  overdue integer not null default 0,
  paid integer not null default 0,
  paid_online integer not null default 0,
  days integer[] not null default '{}',
  responses integer not null default 0,
  score_total integer[] not null default '{}',
  score_count integer[] not null default '{}',
  score_satisfied integer[] not null default '{}',
  primary key (grain, bucket, agency_code, procedure_code, channel)
);
create function statistics_add(a integer[], b integer[]) returns integer[]
  language sql immutable as $$
    select coalesce(array_agg(coalesce(a[i], 0) + coalesce(b[i], 0) order by i), '{}')
      from generate_series(1, greatest(cardinality(a), cardinality(b))) i
  $$;
create function statistics_dense(positions integer[], counts integer[]) returns integer[]
  language sql immutable as $$
    select coalesce(array_agg(coalesce(c.n, 0) order by i), '{}')
      from generate_series(0, (select max(x) from unnest(positions) x)) i
      left join unnest(positions, counts) as c(at, n) on c.at = i
  $$;
`,
  },
];

/**
 * Applies the migrations this database lacks. Safe with several instances starting at once:
 * an advisory lock lets one migrate while the others wait.
 */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(7275101)');
    await tx.query(
      'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map(
        (row) => row.version,
      ),
    );
    const applied: number[] = [];
    // In version order, whatever order they were written in.
    for (const migration of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
