import {
  type FormDefinition,
  type ListProceduresQuery,
  type Page,
  type Procedure,
  type ProcedureSummary,
  searchWords,
} from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { DomainError } from './domain-error.js';
import { procedureSearchColumns, queryTerms, vocabularyOf } from './procedure-search.js';

/**
 * Stores a procedure (insert or replace) with the words search runs on. Run
 * `rebuildSearchIndex` once after storing a batch, so that its words join the vocabulary.
 */
export async function saveProcedure(db: Queryable, procedure: Procedure): Promise<void> {
  const columns = procedureSearchColumns(procedure);
  await db.query(
    `insert into procedures (code, name, field, levels, online_level, search_text, name_folded,
       words, name_words, keyword_words, search_words, body)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $8, $11)
     on conflict (code) do update set name = $2, field = $3, levels = $4, online_level = $5,
       search_text = $6, name_folded = $7, words = $8, name_words = $9, keyword_words = $10,
       search_words = $8, body = $11`,
    [
      procedure.code,
      procedure.name,
      procedure.field,
      procedure.levels,
      procedure.onlineLevel,
      columns.searchText,
      columns.nameFolded,
      columns.words,
      columns.nameWords,
      columns.keywordWords,
      JSON.stringify(procedure),
    ],
  );
}

/**
 * Lists procedures with filters; with `q`, a search that ignores diacritics, case, word order
 * and the two spellings of `ký/kí`, forgives a typo per long word and the typos of the records,
 * and ranks matches in the name above the keywords above the rest (see procedure-search.ts).
 * Without `q`, commune-level and online procedures come first.
 * Cursor-paginated. `vocabularyKey` is the object the search vocabulary is cached under: the
 * `Database` (by default `db`).
 */
export async function listProcedures(
  db: Queryable,
  query: ListProceduresQuery,
  vocabularyKey: object = db,
): Promise<Page<ProcedureSummary>> {
  const limit = query.limit ?? 20;
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.level) where.push(`${param(query.level)} = any(levels)`);
  if (query.field) where.push(`field = ${param(query.field)}`);
  if (query.onlineLevel) where.push(`online_level = ${param(query.onlineLevel)}`);
  if (query.agency) {
    const agency = searchWords(query.agency).join(' ');
    where.push(`position(${param(agency)} in search_text) > 0`);
  }
  const terms = query.q ? queryTerms(query.q, await vocabularyOf(vocabularyKey, db)) : [];
  const scoreParts: string[] = [];
  for (const term of terms) {
    const word = param([term.word]);
    const completions = param(term.completions);
    const corrected = param(term.corrected);
    where.push(
      `search_words && (${word}::text[] || ${completions}::text[] || ${corrected}::text[])`,
    );
    // Per word: in the name 16/14/12 (exact, completed, corrected), in the keywords 8/7/6,
    // elsewhere 4/3/2 (a record's own misspelling counts as corrected).
    const tiers = (column: string, weight: number) =>
      `when ${column} && ${word}::text[] then ${weight} when ${column} && ${completions}::text[] then ${weight - weight / 8} when ${column} && ${corrected}::text[] then ${weight - weight / 4}`;
    scoreParts.push(
      `(case ${tiers('name_words', 16)} ${tiers('keyword_words', 8)} when words && ${word}::text[] then 4 when words && ${completions}::text[] then 3 else 2 end)`,
    );
  }
  if (terms.length > 1) {
    const phrase = param(terms.map((term) => term.word).join(' '));
    scoreParts.push(
      `(case when name_folded = ${phrase} then 40 when position(${phrase} in name_folded) = 1 then 24 when position(${phrase} in name_folded) > 0 then 16 else 0 end)`,
    );
  }
  // Without words, what a citizen most often comes for first (issue #18: the list opened with
  // oil-spill plans): procedures done at the commune, where people live, and those that can be
  // done online, before the ministries' — then by code, as before.
  const score = scoreParts.length
    ? scoreParts.join(' + ')
    : `((case when 'commune' = any(levels) then 4 else 0 end) + (case online_level when 'full' then 2 when 'partial' then 1 else 0 end))`;
  const after = decodeCursor(query.cursor, ['number', 'string']);
  const filtered = where.length ? `where ${where.map((w) => `(${w})`).join(' and ')}` : '';
  // Ranked on the search columns alone; only the page's rows are read whole (the jsonb record of
  // every match was the cost of a query that matches most procedures).
  const rows = await db.query<ProcedureSummary & { score: number }>(
    `with ranked as (
       select code, score from (select code, ${score} as score from procedures ${filtered}) scored
       ${after ? `where (score < ${param(after[0])} or (score = ${param(after[0])} and code > ${param(after[1])}))` : ''}
       order by score desc, code asc limit ${param(limit + 1)})
     select p.code, p.name, p.field, p.levels, p.online_level as "onlineLevel",
            coalesce(p.body->'keywords', '[]'::jsonb) as keywords, ranked.score
     from ranked join procedures p on p.code = ranked.code
     order by ranked.score desc, ranked.code asc`,
    params,
  );
  const items = rows.slice(0, limit).map(({ score: _score, ...item }) => item);
  const last = rows[limit - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.score, last.code]) : null,
  };
}

/**
 * Procedure and form records as last read, per database: a record is read whole (and its JSON
 * parsed) only when its row changed since. Every read still asks the row's `xmin` — the
 * transaction that wrote this version of the row, a new one after any update, on every
 * instance — so a record changed by another instance is never served stale.
 */
const RECORDS_PER_DATABASE = 512;
const records = new WeakMap<object, Map<string, { revision: string; body: unknown }>>();

function recordCache(db: Queryable): Map<string, { revision: string; body: unknown }> | undefined {
  if (!db.scope) return undefined;
  let cache = records.get(db.scope);
  if (!cache) {
    cache = new Map();
    records.set(db.scope, cache);
  }
  return cache;
}

/** The cached record under `key` (most recently used now), if any. */
function cached<T>(db: Queryable, key: string): { revision: string; body: T } | undefined {
  const cache = recordCache(db);
  const entry = cache?.get(key);
  if (!cache || !entry) return undefined;
  cache.delete(key);
  cache.set(key, entry);
  return entry as { revision: string; body: T };
}

/** Keeps `body` under `key`, frozen (callers share it), the least recently used out when full. */
function remember<T>(db: Queryable, key: string, revision: string, body: T): T {
  const cache = recordCache(db);
  if (!cache) return body;
  deepFreeze(body);
  cache.delete(key);
  cache.set(key, { revision, body });
  if (cache.size > RECORDS_PER_DATABASE) cache.delete(cache.keys().next().value as string);
  return body;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

function procedureNotFound(code: string): DomainError {
  return new DomainError('not_found', {
    vi: `Không có thủ tục mã ${code}.`,
    en: `There is no procedure with code ${code}.`,
  });
}

/** A procedure by its code, or a 404. One statement; the record itself only when it changed. */
export async function getProcedure(db: Queryable, code: string): Promise<Procedure> {
  const key = `procedure:${code}`;
  const known = cached<Procedure>(db, key);
  const [row] = await db.query<{ revision: string; body: Procedure | null }>(
    `select xmin::text as revision, case when xmin::text = $2 then null else body end as body
     from procedures where code = $1`,
    [code, known?.revision ?? null],
  );
  if (!row) throw procedureNotFound(code);
  if (row.body === null && known) return known.body;
  return remember(db, key, row.revision, row.body as Procedure);
}

/** Stores a form definition and which procedure cases use it. */
export async function saveForm(db: Queryable, form: FormDefinition): Promise<void> {
  await db.query(
    'insert into forms (id, version, body) values ($1, $2, $3) on conflict (id) do update set version = $2, body = $3',
    [form.id, form.version, JSON.stringify(form)],
  );
}

/** Binds a procedure case to its form. */
export async function bindForm(
  db: Queryable,
  procedureCode: string,
  caseCode: string,
  formId: string,
): Promise<void> {
  await db.query(
    `insert into procedure_forms (procedure_code, case_code, form_id) values ($1, $2, $3)
     on conflict (procedure_code, case_code) do update set form_id = $3`,
    [procedureCode, caseCode, formId],
  );
}

/** The application form of a procedure case (its first case by default), or a 404. */
export async function getProcedureForm(
  db: Queryable,
  code: string,
  caseCode?: string,
): Promise<FormDefinition> {
  const { procedure, form } = await getProcedureWithForm(db, code, { caseCode });
  const chosen = caseCode ?? procedure.cases[0]?.code;
  if (!procedure.cases.some((c) => c.code === chosen)) {
    throw new DomainError('not_found', {
      vi: `Thủ tục ${code} không có trường hợp "${caseCode}".`,
      en: `Procedure ${code} has no case "${caseCode}".`,
    });
  }
  if (!form) {
    throw new DomainError('not_found', {
      vi: `Chưa có biểu mẫu cho thủ tục ${code}.`,
      en: `No form is set up for procedure ${code}.`,
    });
  }
  return form;
}

/**
 * A procedure (a 404 when there is none) and a form, in one statement: the form bound to one of
 * its cases (`caseCode`, its first case by default), or the form `formId` (a dossier's); the
 * form is undefined when there is none. Each record is read whole only when its row changed
 * since it was last read. With `lock`, an expression that takes a lock (`citizenLock`), the
 * same statement takes it.
 */
export async function getProcedureWithForm(
  db: Queryable,
  code: string,
  which: { readonly caseCode?: string | undefined } | { readonly formId: string },
  lock?: { readonly sql: (param: string) => string; readonly param: unknown },
): Promise<{ procedure: Procedure; form: FormDefinition | undefined }> {
  const byId = 'formId' in which;
  const procedureKey = `procedure:${code}`;
  const formKey = byId ? `form:${which.formId}` : `form:${code}\u0000${which.caseCode ?? ''}`;
  const knownProcedure = cached<Procedure>(db, procedureKey);
  const knownForm = cached<FormDefinition>(db, formKey);
  const [row] = await db.query<{
    revision: string;
    body: Procedure | null;
    form_revision: string | null;
    form: FormDefinition | null;
  }>(
    `${lock ? `with lock as (select ${lock.sql('$5')}) ` : ''}select p.xmin::text as revision,
            case when p.xmin::text = $3 then null else p.body end as body,
            f.id || ':' || f.xmin::text as form_revision,
            case when f.id || ':' || f.xmin::text = $4 then null else f.body end as form
     from ${lock ? 'lock, ' : ''}procedures p
     ${
       byId
         ? 'left join forms f on f.id = $2'
         : `left join procedure_forms pf
              on pf.procedure_code = p.code and pf.case_code = coalesce($2, p.body->'cases'->0->>'code')
            left join forms f on f.id = pf.form_id`
     }
     where p.code = $1`,
    [
      code,
      byId ? which.formId : (which.caseCode ?? null),
      knownProcedure?.revision ?? null,
      knownForm?.revision ?? null,
      ...(lock ? [lock.param] : []),
    ],
  );
  if (!row) throw procedureNotFound(code);
  const procedure =
    row.body === null && knownProcedure
      ? knownProcedure.body
      : remember(db, procedureKey, row.revision, row.body as Procedure);
  if (row.form_revision === null) return { procedure, form: undefined };
  const form =
    row.form === null && knownForm
      ? knownForm.body
      : remember(db, formKey, row.form_revision, row.form as FormDefinition);
  return { procedure, form };
}

/** A form by its id, or undefined; read whole only when its row changed since it was last read. */
export async function getForm(db: Queryable, id: string): Promise<FormDefinition | undefined> {
  const key = `form:${id}`;
  const known = cached<FormDefinition>(db, key);
  const [row] = await db.query<{ revision: string; body: FormDefinition | null }>(
    `select id || ':' || xmin::text as revision,
            case when id || ':' || xmin::text = $2 then null else body end as body
     from forms where id = $1`,
    [id, known?.revision ?? null],
  );
  if (!row) return undefined;
  if (row.body === null && known) return known.body;
  return remember(db, key, row.revision, row.body as FormDefinition);
}
