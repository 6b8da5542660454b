/**
 * Filling in the birth-registration form the way a person does, field by field, from the
 * form's own definition (`@egov-kit/schema/forms`): which fields there are, their labels, which
 * are shown for the answers given so far. Locators go by role and accessible name inside each
 * field; Playwright's role engine pierces the elements' shadow roots.
 */
import { isVisible } from '@egov-kit/schema';
import { formDefinitions } from '@egov-kit/schema/forms';

export const BIRTH_FORM = formDefinitions.find((form) => form.id === 'birth-registration');
if (!BIRTH_FORM) throw new Error('no birth-registration form in @egov-kit/schema');

const HAI_CHAU = { provinceCode: '48', communeCode: '20242' };

/**
 * The answers of one application. `who` varies the names, so that each journey's dossier is
 * its own applicant's. The address is in Phường Hải Châu (Đà Nẵng): the dossier goes to the
 * demo officer's commune, UBND-20242.
 */
export function birthAnswers(who) {
  return {
    requesterRelationship: 'mother',
    requesterFullName: `${who.mother}`,
    requesterCitizenId: who.motherId,
    requesterAddress: { ...HAI_CHAU, street: '12 Trần Phú' },
    requesterPhone: '0905123456',
    requesterEmail: 'me.demo@example.vn',
    childFullName: who.child,
    childSex: 'female',
    childDateOfBirth: '2026-05-04',
    childBirthPlaceKind: 'health-facility',
    childBirthFacility: 'Bệnh viện Phụ sản - Nhi Đà Nẵng',
    childBirthPlace: { ...HAI_CHAU, street: '402 Lê Văn Hiến' },
    childHometown: 'Hải Châu, Đà Nẵng',
    childEthnicity: 'kinh',
    childNationality: 'vn',
    motherFullName: who.mother,
    motherDateOfBirth: '1995-08-21',
    motherCitizenId: who.motherId,
    motherEthnicity: 'kinh',
    motherNationality: 'vn',
    motherAddress: { ...HAI_CHAU, street: '12 Trần Phú' },
    fatherDeclared: 'no',
    birthProofKind: 'medical-certificate',
    requestCopies: 'no',
  };
}

/** The field element (`egov-text-field name=…`, …) of `name` inside the dossier form. */
export function fieldOf(form, name) {
  return form.locator(`[name="${name}"]`).first();
}

/** The visible fields of the form for `answers`, in order. */
export function visibleFields(answers) {
  return BIRTH_FORM.sections.flatMap((section) =>
    section.fields.filter(
      (field) => field.type !== 'file' && isVisible(field.visibleWhen, answers),
    ),
  );
}

/**
 * Answers every visible field but files. `stopAfter` (a field name) leaves the rest empty, for
 * the journey that reloads half-way.
 */
export async function fillBirthForm(person, form, answers, { stopAfter } = {}) {
  for (const field of visibleFields(answers)) {
    const value = answers[field.name];
    if (value === undefined) continue;
    await fillField(person, fieldOf(form, field.name), field, value);
    if (field.name === stopAfter) return;
  }
}

export async function fillField(person, host, field, value) {
  const label = field.label.vi;
  switch (field.type) {
    case 'select':
      await person.select(host.getByRole('combobox'), value);
      return;
    case 'radio': {
      const option = field.options.find((o) => o.value === value);
      await person.checkRadio(host.getByRole('radio', { name: option.label.vi, exact: true }));
      return;
    }
    case 'date': {
      const [year, month, day] = value.split('-');
      await person.fill(host.getByRole('textbox', { name: 'Ngày' }), day);
      await person.fill(host.getByRole('textbox', { name: 'Tháng' }), month);
      await person.fill(host.getByRole('textbox', { name: 'Năm' }), year);
      return;
    }
    case 'address': {
      const province = host.getByRole('combobox', { name: 'Tỉnh, thành phố' });
      await province
        .locator(`option[value="${value.provinceCode}"]`)
        .waitFor({ state: 'attached' });
      await person.select(province, value.provinceCode);
      const commune = host.getByRole('combobox', { name: 'Xã, phường, đặc khu' });
      await commune.locator(`option[value="${value.communeCode}"]`).waitFor({ state: 'attached' });
      await person.select(commune, value.communeCode);
      await person.fill(host.getByRole('textbox', { name: 'Số nhà, đường' }), value.street);
      return;
    }
    case 'number':
      await person.fill(host.getByRole('spinbutton'), String(value));
      return;
    default:
      await person.fill(host.getByRole('textbox', { name: label }), String(value));
  }
}
