import type { Applicant, Dossier, FormDefinition, Procedure } from '@egov-kit/schema';
import { exampleAnswers } from '@egov-kit/schema/forms';
import type { Answer, CheckContext } from './context.js';

/** The procedure the kit files for when none is named: a national one every commune handles. */
export const DEFAULT_PROCEDURE = '1.013133';

/** The smallest PDF the contract's content sniffing accepts. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let counter = 0;
/** A fresh Idempotency-Key: unique per run and per request. */
export function newKey(): string {
  counter += 1;
  return `egov-conformance-${Date.now().toString(36)}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A made-up applicant living in the commune the kit's dossiers are routed to. */
export function applicant(ctx: CheckContext): Applicant {
  return {
    kind: 'individual',
    fullName: 'Phạm Thị Kiểm Thử',
    idType: 'citizen_id',
    idNumber: '048199000123',
    dateOfBirth: '1995-07-21',
    phone: '0905000123',
    email: 'kiem.thu@example.vn',
    address: {
      provinceCode: ctx.options.provinceCode ?? '48',
      communeCode: ctx.options.communeCode ?? '20242',
      street: '5 Lê Duẩn',
    },
  };
}

/** The procedure and its form, fetched once. */
export function procedure(
  ctx: CheckContext,
): Promise<{ procedure: Procedure; form: FormDefinition }> {
  const code = ctx.options.procedureCode ?? DEFAULT_PROCEDURE;
  return ctx.fixtures.once(`procedure:${code}`, async () => {
    const got = await ctx.call('getProcedure', { params: { code } });
    ctx.expectStatus(
      got,
      200,
      `The procedure the kit files for (${code}, --procedure) is served by getProcedure`,
    );
    const form = await ctx.call('getProcedureForm', { params: { code } });
    ctx.expectStatus(form, 200, `The procedure's form is served by getProcedureForm`);
    return { procedure: got.body as Procedure, form: form.body as FormDefinition };
  });
}

/** A multipart body for an upload. */
export function uploadForm(requirementCode: string, bytes: Uint8Array = PDF, name = 'giay-to.pdf') {
  const form = new FormData();
  form.set('requirementCode', requirementCode);
  form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return form;
}

/** A new draft of the kit's citizen (or `as`), with its ETag. */
export async function newDraft(
  ctx: CheckContext,
  as: 'citizen' | 'otherCitizen' = 'citizen',
): Promise<{ dossier: Dossier; etag: string; answer: Answer }> {
  const { procedure: p } = await procedure(ctx);
  const answer = await ctx.call('createDossier', {
    as,
    json: { procedureCode: p.code, applicant: applicant(ctx) },
    headers: { 'idempotency-key': newKey() },
  });
  ctx.expectStatus(answer, 201, 'A citizen creates a draft: createDossier answers 201');
  ctx.fixtures.drafts.set((answer.body as Dossier).id, as);
  const etag = answer.headers.get('etag');
  if (!etag) ctx.fail('createDossier answers with an ETag (route: etag)', 'no ETag header', answer);
  return { dossier: answer.body as Dossier, etag, answer };
}

/** A draft with every answer and required document: ready to submit. */
export async function completeDraft(
  ctx: CheckContext,
): Promise<{ dossier: Dossier; etag: string }> {
  const { procedure: p, form } = await procedure(ctx);
  const { dossier } = await newDraft(ctx);
  const documents: { requirementCode: string; attachmentIds: string[] }[] = [];
  const files: Record<string, string[]> = {};
  const caseOf = p.cases.find((c) => c.code === dossier.caseCode) ?? p.cases[0];
  for (const document of caseOf?.documents ?? []) {
    const asked = form.sections.some((s) => s.fields.some((f) => f.documentCode === document.code));
    if (!document.required && !asked) continue;
    const uploaded = await ctx.call('uploadAttachment', {
      as: 'citizen',
      params: { id: dossier.id },
      form: uploadForm(document.code),
      headers: { 'idempotency-key': newKey() },
    });
    ctx.expectStatus(
      uploaded,
      201,
      `A PDF within its document's limits is accepted: uploadAttachment answers 201 (${document.code})`,
    );
    documents.push({ requirementCode: document.code, attachmentIds: [uploaded.body.id] });
    files[document.code] = [uploaded.body.id];
    files['*'] ??= [uploaded.body.id];
  }
  const current = await ctx.call('getDossier', { as: 'citizen', params: { id: dossier.id } });
  ctx.expectStatus(current, 200, 'The owner reads their draft: getDossier answers 200');
  const updated = await ctx.call('updateDossier', {
    as: 'citizen',
    params: { id: dossier.id },
    json: { formData: exampleAnswers(form, files), documents },
    headers: { 'if-match': current.headers.get('etag') ?? '' },
  });
  ctx.expectStatus(
    updated,
    200,
    'A draft changes with its current ETag in If-Match: updateDossier answers 200',
  );
  return { dossier: updated.body as Dossier, etag: updated.headers.get('etag') ?? '' };
}

/** A submitted dossier of the kit's citizen, with its verifier. */
export async function submittedDossier(ctx: CheckContext): Promise<Dossier> {
  const { dossier, etag } = await completeDraft(ctx);
  const answer = await ctx.call('submitDossier', {
    as: 'citizen',
    params: { id: dossier.id },
    headers: { 'if-match': etag, 'idempotency-key': newKey() },
  });
  ctx.expectStatus(
    answer,
    200,
    'A complete draft is submitted with its ETag: submitDossier answers 200',
  );
  return answer.body as Dossier;
}

/** Takes an officer action that the status machine allows, expecting it to succeed. */
export async function act(
  ctx: CheckContext,
  id: string,
  body: Record<string, unknown>,
  rule: string,
): Promise<Dossier> {
  const answer = await ctx.call('takeOfficerAction', {
    as: 'officer',
    params: { id },
    json: body,
    headers: { 'idempotency-key': newKey() },
  });
  if (answer.status === 404) {
    ctx.fail(
      rule,
      `the officer does not see the dossier (404): the officer token's agency must be the one the kit's dossiers are routed to (--commune, --province)`,
      answer,
    );
  }
  ctx.expectStatus(answer, 200, rule);
  return answer.body as Dossier;
}
