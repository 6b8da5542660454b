import type { Dossier, Procedure } from '@egov-kit/schema';
import type { Client } from '../../src/index.js';
import { APPLICANT, PDF, validAnswers } from './server.js';

/**
 * A complete draft of `procedureCode`: created, its documents uploaded, its answers filled in
 * through `update`; not submitted. What a citizen's portal does, through the client.
 */
export async function completeDraft(
  client: Client,
  procedureCode = '1.013133',
): Promise<{ dossier: Dossier; procedure: Procedure }> {
  const procedure = await client.procedures.get(procedureCode);
  const form = await client.procedures.getForm(procedureCode);
  const draft = await client.dossiers.create({ procedureCode, applicant: APPLICANT });
  const documents: { requirementCode: string; attachmentIds: string[] }[] = [];
  const files: Record<string, string[]> = {};
  const requirements = procedure.cases[0]?.documents ?? [];
  const needed = requirements.filter(
    (doc) =>
      doc.required || form.sections.some((s) => s.fields.some((f) => f.documentCode === doc.code)),
  );
  // A form whose file field names no document (the generic form) takes any upload.
  const targets = needed.length ? needed : requirements.slice(0, 1);
  for (const requirement of targets) {
    const file = new File([PDF], 'to-khai.pdf', { type: 'application/pdf' });
    const attachment = await client.attachments.upload(draft.id, requirement.code, file, {
      requirement,
    });
    documents.push({ requirementCode: requirement.code, attachmentIds: [attachment.id] });
    files[requirement.code] = [attachment.id];
    files['*'] ??= [attachment.id];
  }
  const dossier = await client.dossiers.update(draft.id, {
    formData: validAnswers(form, files),
    documents,
  });
  return { dossier, procedure };
}
