import { createClient, isApiError } from '@egov-kit/client';
import { exampleAnswers } from '@egov-kit/schema/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, runConformance } from '../src/index.js';
import { type RunningMock, startMock } from '../src/mock/server.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

describe('the mock back end', () => {
  it('serves a whole filing to the published client: search, draft, upload, submit, track', async () => {
    const baseUrl = `${mock.url}/api/v1`;
    const citizen = createClient({ baseUrl, getToken: () => mock.tokens.citizen, locale: 'vi' });
    const found = await citizen.procedures.search('nghia vu quan su lan dau');
    expect(found.items[0]?.code).toBe('1.013133');
    const procedure = await citizen.procedures.get('1.013133');
    const form = await citizen.procedures.getForm('1.013133');
    const draft = await citizen.dossiers.create({
      procedureCode: procedure.code,
      applicant: {
        kind: 'individual',
        fullName: 'Võ Thị Lan',
        idType: 'citizen_id',
        idNumber: '048305001234',
        dateOfBirth: '2005-01-09',
        phone: '0905777888',
        address: { provinceCode: '48', communeCode: '20242', street: '88 Hùng Vương' },
      },
    });
    expect(draft.status).toBe('draft');
    const files: Record<string, string[]> = {};
    const documents: { requirementCode: string; attachmentIds: string[] }[] = [];
    for (const requirement of procedure.cases[0]?.documents ?? []) {
      const file = new File(['%PDF-1.4\n%%EOF\n'], `${requirement.code}.pdf`, {
        type: 'application/pdf',
      });
      const attachment = await citizen.attachments.upload(draft.id, requirement.code, file, {
        requirement,
      });
      files[requirement.code] = [attachment.id];
      files['*'] ??= [attachment.id];
      documents.push({ requirementCode: requirement.code, attachmentIds: [attachment.id] });
    }
    // Submitting too early: the mock lists every problem, as the contract says.
    const early = await citizen.dossiers.submit(draft.id).catch((error: unknown) => error);
    expect(isApiError(early) && early.status).toBe(422);
    await citizen.dossiers.update(draft.id, { formData: exampleAnswers(form, files), documents });
    const submitted = await citizen.dossiers.submit(draft.id);
    expect(submitted).toMatchObject({
      status: 'submitted',
      nationalStatusCode: 1,
      agencyCode: 'UBND-20242',
    });
    expect(submitted.code).toMatch(/^HS-\d{6}-\d{6}$/);

    const officer = createClient({ baseUrl, getToken: () => mock.tokens.officer });
    const inbox = await officer.officer.list({ status: 'submitted' });
    expect(inbox.items.map((d) => d.id)).toContain(draft.id);
    const received = await officer.officer.act(draft.id, { action: 'receive' });
    expect(received.status).toBe('received');
    expect(Date.parse(received.dueAt ?? '')).toBeGreaterThan(Date.now());

    const anyone = createClient({ baseUrl });
    const tracked = await anyone.dossiers.lookup({
      code: submitted.code as string,
      verifier: (submitted.verifier as string).toLowerCase(),
    });
    expect(tracked.dossier).toMatchObject({ code: submitted.code, status: 'received' });
    expect(tracked.events.map((e) => e.action)).toEqual(['create', 'submit', 'receive']);
    expect(JSON.stringify(tracked)).not.toContain('Võ Thị Lan');
  });

  it('comes with sample dossiers of the mock citizen, one returned with its result', async () => {
    const citizen = createClient({
      baseUrl: `${mock.url}/api/v1`,
      getToken: () => mock.tokens.citizen,
    });
    const mine = await citizen.dossiers.list();
    const returned = mine.items.find((d) => d.status === 'returned');
    expect(returned?.outcome?.resultAttachmentIds).toHaveLength(1);
    expect(mine.items.some((d) => d.status === 'in_progress')).toBe(true);
  });

  it('answers browsers from another origin (CORS), preflight included', async () => {
    const preflight = await fetch(`${mock.url}/api/v1/dossiers`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const health = await fetch(`${mock.url}/api/v1/health`, {
      headers: { origin: 'http://localhost:6006' },
    });
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
    expect(health.headers.get('access-control-expose-headers')).toContain('etag');
  });

  it('passes the conformance kit itself, but for the checks that need what a mock lacks', async () => {
    const report = await runConformance({
      baseUrl: `${mock.url}/api/v1`,
      citizenToken: mock.tokens.citizen,
      officerToken: mock.tokens.officer,
      otherCitizenToken: mock.tokens.otherCitizen,
      filesPerDossier: 30,
    });
    expect(report.summary.failed, formatSummary(report)).toBe(0);
    // The mock has no token expiry and no administrator: those two checks are skipped.
    expect(report.results.filter((r) => r.status === 'skip').map((r) => r.id)).toEqual([
      'auth.expired-token',
      'admin.notifications',
    ]);
  }, 120_000);
});
