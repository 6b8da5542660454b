/**
 * The examples of docs/schema/guide.md, run as tests against the built package (`pnpm build`
 * first), exactly as an agency developer would import it. If a guide example stops working,
 * this fails.
 */

import { readFileSync } from 'node:fs';
import {
  Dossier,
  dueDate,
  isWorkingDay,
  nationalStatusCode,
  transition,
  VIETNAM_CALENDAR,
  validateCitizenId,
  validateFormData,
  validatePhone,
  validateTaxCode,
  workingDaysBetween,
} from '@egov-kit/schema';
import { formForProcedure } from '@egov-kit/schema/forms';
import { buildOpenApiDocument } from '@egov-kit/schema/openapi';
import { importNationalProcedure } from '@egov-kit/schema/procedures';
import { getCommune, mapOldUnit, searchUnits } from '@egov-kit/schema/units';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';

describe('docs/schema/guide.md', () => {
  it('1. validates what a person typed, in Vietnamese and English', () => {
    const id = validateCitizenId('001 099 012 345');
    expect(id.ok && id.value).toMatchObject({
      number: '001099012345',
      sex: 'male',
      birthYear: 1999,
    });

    const phone = validatePhone('+84 912 345 678');
    expect(phone.ok && phone.value).toMatchObject({
      national: '0912345678',
      e164: '+84912345678',
      kind: 'mobile',
    });

    const tax = validateTaxCode('0100109107');
    expect(tax.ok).toBe(false);
    expect(!tax.ok && tax.code).toBe('check-digit');
    expect(!tax.ok && tax.message.en).toMatch(/check digit/i);
  });

  it('2. computes due dates on the working-day calendar', () => {
    // Received on Friday 13 February 2026 at 09:00, five working days: Tết 2026 (16–20 Feb) is skipped.
    const due = dueDate(new Date('2026-02-13T09:00:00+07:00'), { value: 5, unit: 'working_days' });
    expect(due.toISOString()).toBe('2026-02-27T10:00:00.000Z'); // 17:00 on Friday 27 Feb in Vietnam
    expect(isWorkingDay('2026-02-17', VIETNAM_CALENDAR)).toBe(false);
    expect(
      workingDaysBetween(new Date('2026-02-13T09:00:00+07:00'), due, VIETNAM_CALENDAR),
    ).toBeGreaterThan(0);
  });

  it('3. moves a dossier through the status machine', () => {
    const received = transition({ status: 'submitted' }, { action: 'receive', actor: 'officer' });
    expect(received.ok && received.value.to).toBe('received');
    expect(nationalStatusCode('received')).toBe(2);

    const refused = transition({ status: 'returned' }, { action: 'withdraw', actor: 'citizen' });
    expect(!refused.ok && refused.error.code).toBe('terminal');
    expect(!refused.ok && refused.error.message.vi).toContain('đã kết thúc');
  });

  it('4. validates an application form the same way in the browser and on the server', () => {
    const form = formForProcedure('1.013133');
    expect(form.id).toBe('military-service-first-registration');
    const result = validateFormData(form, {}, { locale: 'en' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.length).toBeGreaterThan(3);
    expect(!result.ok && result.errors[0]).toMatchObject({
      code: 'required',
      message: expect.stringMatching(/^Enter /),
    });
  });

  it('5. finds administrative units as people type them', () => {
    expect(searchUnits('da nang', { level: 'province' })[0]).toMatchObject({
      code: '48',
      level: 'province',
    });
    expect(getCommune('00070')?.name).toBe('Phường Hoàn Kiếm');
    expect(mapOldUnit('49')?.targets[0]?.unit.code).toBe('48'); // Quảng Nam is now Đà Nẵng
  });

  it('6. imports a record of the national procedure database', () => {
    const record = JSON.parse(
      readFileSync(
        // A copy of the reference record (../shared/data/procedures), kept in the repository.
        new URL(
          '../../packages/schema/test/fixtures/national-records/1.013133.json',
          import.meta.url,
        ),
        'utf8',
      ),
    );
    const procedure = importNationalProcedure(record);
    expect(procedure).toMatchObject({ code: '1.013133', levels: ['commune'] });
    expect(procedure.cases[0]?.documents.length).toBeGreaterThan(0);
  });

  it('7. parses API responses with the zod schemas, and publishes the OpenAPI document', () => {
    expect(z.safeParse(Dossier, { id: 'not-a-uuid' }).success).toBe(false);
    const document = buildOpenApiDocument({ version: '1.0.0' }) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/dossiers/{id}/submit');
  });
});
