import { createClient, isApiError, isResponseValidationError } from '@egov-kit/client';
import { exampleAnswers } from '@egov-kit/schema/forms';
import type { Check } from '../check.js';
import { DESIGN } from '../cite.js';
import { applicant, PDF, procedure } from '../fixtures.js';

export const clientChecks: readonly Check[] = [
  {
    id: 'client.journey',
    title:
      'The published client files, submits and looks up a dossier against this back end, every answer validated',
    cites: [
      DESIGN.contract,
      'DESIGN.md § Packages: @egov-kit/client — typed HTTP client for the contract, response validation',
      'docs/client/guide.md § 3. File a dossier',
    ],
    async run(ctx) {
      const token = ctx.token('citizen');
      const rule =
        'The client and elements work against this back end: @egov-kit/client, validating every answer, completes a filing';
      const { procedure: p, form } = await procedure(ctx);
      const citizenFetch = ctx.recordingFetch('citizen');
      const anonymousFetch = ctx.recordingFetch('anonymous');
      let last = citizenFetch.last;
      const client = createClient({
        baseUrl: ctx.options.baseUrl,
        getToken: () => token,
        retry: false,
        fetch: citizenFetch.fetch,
      });
      let stepName = 'procedures.get';
      try {
        await client.procedures.get(p.code);
        stepName = 'dossiers.create';
        const draft = await client.dossiers.create({
          procedureCode: p.code,
          applicant: applicant(ctx),
        });
        const files: Record<string, string[]> = {};
        const documents: { requirementCode: string; attachmentIds: string[] }[] = [];
        const kase = p.cases.find((c) => c.code === draft.caseCode) ?? p.cases[0];
        for (const document of kase?.documents ?? []) {
          const asked = form.sections.some((s) =>
            s.fields.some((f) => f.documentCode === document.code),
          );
          if (!document.required && !asked) continue;
          stepName = `attachments.upload (${document.code})`;
          const file = new File([PDF as Uint8Array<ArrayBuffer>], 'giay-to.pdf', {
            type: 'application/pdf',
          });
          const attachment = await client.attachments.upload(draft.id, document.code, file, {
            requirement: document,
          });
          documents.push({ requirementCode: document.code, attachmentIds: [attachment.id] });
          files[document.code] = [attachment.id];
          files['*'] ??= [attachment.id];
        }
        stepName = 'dossiers.update';
        await client.dossiers.update(draft.id, {
          formData: exampleAnswers(form, files),
          documents,
        });
        stepName = 'dossiers.submit';
        const submitted = await client.dossiers.submit(draft.id);
        stepName = 'dossiers.events';
        await client.dossiers.events(draft.id);
        stepName = 'dossiers.lookup';
        last = anonymousFetch.last;
        const found = await createClient({
          baseUrl: ctx.options.baseUrl,
          retry: false,
          fetch: anonymousFetch.fetch,
        }).dossiers.lookup({
          code: submitted.code as string,
          verifier: submitted.verifier as string,
        });
        ctx.assert(
          found.dossier.code === submitted.code,
          rule,
          `lookup found ${found.dossier.code}, expected ${submitted.code}`,
        );
      } catch (error) {
        if (isResponseValidationError(error)) {
          const issues = error.issues
            .slice(0, 5)
            .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
            .join('; ');
          ctx.fail(
            rule,
            `client.${stepName}: the answer does not match the contract: ${issues}`,
            last(),
          );
        }
        if (isApiError(error)) {
          ctx.fail(
            rule,
            `client.${stepName} failed: ${error.status} ${error.code} — ${error.message}`,
            last(),
          );
        }
        if (error instanceof Error && error.name === 'CheckFailure') throw error;
        ctx.fail(
          rule,
          `client.${stepName} failed: ${error instanceof Error ? error.message : String(error)}`,
          last(),
        );
      }
    },
  },
];
