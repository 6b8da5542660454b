import {
  type FormDefinition,
  foldVietnamese,
  type ListProceduresQuery,
  type Page,
  type Procedure,
  type ProcedureSummary,
} from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import { decodeCursor, encodeCursor } from '../http/cursor.js';
import { DomainError } from './domain-error.js';

/** Stores a procedure (insert or replace), with the folded text search runs on. */
export async function saveProcedure(db: Queryable, procedure: Procedure): Promise<void> {
  const searchText = foldVietnamese(
    [
      procedure.name,
      procedure.field,
      procedure.keywords.join(' '),
      procedure.description ?? '',
      procedure.code,
      ...Object.values(procedure.agencies).flat(),
    ].join(' '),
  );
  await db.query(
    `insert into procedures (code, name, field, levels, online_level, search_text, name_folded, body)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (code) do update set name = $2, field = $3, levels = $4, online_level = $5,
       search_text = $6, name_folded = $7, body = $8`,
    [
      procedure.code,
      procedure.name,
      procedure.field,
      procedure.levels,
      procedure.onlineLevel,
      searchText,
      foldVietnamese(procedure.name),
      JSON.stringify(procedure),
    ],
  );
}

/**
 * Lists procedures with filters; with `q`, a search that ignores diacritics and case, needs
 * every word, and ranks matches in the name above matches elsewhere. Cursor-paginated.
 */
export async function listProcedures(
  db: Queryable,
  query: ListProceduresQuery,
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
    const agency = foldVietnamese(query.agency);
    where.push(`position(${param(agency)} in search_text) > 0`);
  }
  const words = query.q ? foldVietnamese(query.q).split(' ').filter(Boolean).slice(0, 12) : [];
  const scoreParts: string[] = [];
  for (const word of words) {
    const p = param(word);
    where.push(`position(${p} in search_text) > 0`);
    scoreParts.push(`(case when position(${p} in name_folded) > 0 then 2 else 1 end)`);
  }
  if (words.length) {
    const phrase = param(words.join(' '));
    scoreParts.push(
      `(case when name_folded = ${phrase} then 10 when position(${phrase} in name_folded) = 1 then 6 when position(${phrase} in name_folded) > 0 then 4 else 0 end)`,
    );
  }
  const score = scoreParts.length ? scoreParts.join(' + ') : '0';
  const after = decodeCursor(query.cursor, ['number', 'string']);
  const filtered = where.length ? `where ${where.map((w) => `(${w})`).join(' and ')}` : '';
  // The list needs the summary only: reading the whole jsonb record of every match was the cost.
  const rows = await db.query<ProcedureSummary & { score: number }>(
    `select code, name, field, levels, "onlineLevel", keywords, score from (
       select code, name, field, levels, online_level as "onlineLevel",
              coalesce(body->'keywords', '[]'::jsonb) as keywords, ${score} as score
       from procedures ${filtered}) ranked
     ${after ? `where (score < ${param(after[0])} or (score = ${param(after[0])} and code > ${param(after[1])}))` : ''}
     order by score desc, code asc limit ${param(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit).map(({ score: _score, ...item }) => item);
  const last = rows[limit - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.score, last.code]) : null,
  };
}

/** A procedure by its code, or a 404. */
export async function getProcedure(db: Queryable, code: string): Promise<Procedure> {
  const [row] = await db.query<{ body: Procedure }>('select body from procedures where code = $1', [
    code,
  ]);
  if (!row) {
    throw new DomainError('not_found', {
      vi: `Không có thủ tục mã ${code}.`,
      en: `There is no procedure with code ${code}.`,
    });
  }
  return row.body;
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
  const procedure = await getProcedure(db, code);
  const chosen = caseCode ?? procedure.cases[0]?.code;
  if (!procedure.cases.some((c) => c.code === chosen)) {
    throw new DomainError('not_found', {
      vi: `Thủ tục ${code} không có trường hợp "${caseCode}".`,
      en: `Procedure ${code} has no case "${caseCode}".`,
    });
  }
  const [row] = await db.query<{ body: FormDefinition }>(
    `select f.body from procedure_forms pf join forms f on f.id = pf.form_id
     where pf.procedure_code = $1 and pf.case_code = $2`,
    [code, chosen],
  );
  if (!row) {
    throw new DomainError('not_found', {
      vi: `Chưa có biểu mẫu cho thủ tục ${code}.`,
      en: `No form is set up for procedure ${code}.`,
    });
  }
  return row.body;
}
