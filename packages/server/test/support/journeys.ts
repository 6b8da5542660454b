import type { Applicant, Dossier, FormDefinition, Procedure } from '@egov-kit/schema';
import { expect } from 'vitest';
import { type Harness, upload, validAnswers } from './harness.js';

export const APPLICANT: Applicant = {
  kind: 'individual',
  fullName: 'Nguyễn Văn An',
  idType: 'citizen_id',
  idNumber: '048099012345',
  dateOfBirth: '1999-03-14',
  phone: '0905123456',
  address: { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' },
};

let keys = 0;
/** A fresh Idempotency-Key. */
export const key = () => `test-key-${Date.now()}-${++keys}`;

/** A draft of the demo citizen, complete (answers, required documents), not yet submitted. */
export async function completeDraft(
  h: Harness,
  procedureCode = '1.013133',
  token = h.tokens.citizen,
): Promise<{ dossier: Dossier; etag: string }> {
  const created = await h.request('POST', '/api/v1/dossiers', {
    token,
    json: { procedureCode, applicant: APPLICANT },
    headers: { 'idempotency-key': key() },
  });
  expect(created.status).toBe(201);
  const dossier = created.body as Dossier;
  const procedure = (await h.request('GET', `/api/v1/procedures/${procedureCode}`))
    .body as Procedure;
  const form = (await h.request('GET', `/api/v1/procedures/${procedureCode}/form`))
    .body as FormDefinition;
  const documents: { requirementCode: string; attachmentIds: string[] }[] = [];
  const files: Record<string, string[]> = {};
  for (const document of procedure.cases[0]?.documents ?? []) {
    if (
      !document.required &&
      !form.sections.some((s) => s.fields.some((f) => f.documentCode === document.code))
    )
      continue;
    const uploaded = await h.request('POST', `/api/v1/dossiers/${dossier.id}/attachments`, {
      token,
      form: upload(document.code),
      headers: { 'idempotency-key': key() },
    });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    documents.push({ requirementCode: document.code, attachmentIds: [uploaded.body.id] });
    files[document.code] = [uploaded.body.id];
    files['*'] ??= [uploaded.body.id];
  }
  const updated = await h.request('PATCH', `/api/v1/dossiers/${dossier.id}`, {
    token,
    json: { formData: validAnswers(form, files), documents },
    headers: { 'if-match': created.headers.get('etag') as string },
  });
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  return { dossier: updated.body, etag: updated.headers.get('etag') as string };
}

/** A submitted dossier of the demo citizen. */
export async function submitted(h: Harness, procedureCode = '1.013133'): Promise<Dossier> {
  const { dossier, etag } = await completeDraft(h, procedureCode);
  const response = await h.request('POST', `/api/v1/dossiers/${dossier.id}/submit`, {
    token: h.tokens.citizen,
    headers: { 'if-match': etag, 'idempotency-key': key() },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Dossier;
}

/** Takes an officer action, expecting it to succeed. */
export async function act(
  h: Harness,
  id: string,
  body: Record<string, unknown>,
  token = h.tokens.officer,
): Promise<Dossier> {
  const response = await h.request('POST', `/api/v1/officer/dossiers/${id}/actions`, {
    token,
    json: body,
    headers: { 'idempotency-key': key() },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Dossier;
}
