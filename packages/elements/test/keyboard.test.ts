import type { FieldDefinition, FormDefinition } from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/dossier-form/define.js';
import type { DossierSubmitDetail, EgovDossierForm } from '../src/dossier-form/dossier-form.js';
import { until } from './helpers.js';

const YES_NO = [
  { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
  { value: 'no', label: { vi: 'Không', en: 'No' } },
];
const CHANNELS = [
  { value: 'email', label: { vi: 'Thư điện tử', en: 'Email' } },
  { value: 'sms', label: { vi: 'Tin nhắn', en: 'Text message' } },
  { value: 'post', label: { vi: 'Bưu điện', en: 'Post' } },
];
const label = (vi: string) => ({ vi, en: vi });

/** Thirty required fields of every kind a keyboard can fill (a file needs the system picker). */
function thirtyFields(): FieldDefinition[] {
  const fields: FieldDefinition[] = [];
  for (let index = 1; index <= 10; index += 1) {
    fields.push({
      name: `text${index}`,
      type: 'text',
      label: label(`Văn bản ${index}`),
      required: true,
    });
  }
  fields.push(
    { name: 'email', type: 'email', label: label('Email'), required: true },
    { name: 'count', type: 'number', label: label('Số lượng'), required: true, min: 1 },
    { name: 'born', type: 'date', label: label('Ngày sinh'), required: true, maxDate: 'today' },
    { name: 'issued', type: 'date', label: label('Ngày cấp'), required: true },
    {
      name: 'ethnicity',
      type: 'select',
      label: label('Dân tộc'),
      required: true,
      options: [
        { value: 'kinh', label: label('Kinh') },
        { value: 'tay', label: label('Tày') },
      ],
    },
    {
      name: 'religion',
      type: 'select',
      label: label('Tôn giáo'),
      required: true,
      options: [
        { value: 'none', label: label('Không') },
        { value: 'buddhism', label: label('Phật giáo') },
      ],
    },
    { name: 'married', type: 'radio', label: label('Đã kết hôn'), required: true, options: YES_NO },
    {
      name: 'employed',
      type: 'radio',
      label: label('Có việc làm'),
      required: true,
      options: YES_NO,
    },
    {
      name: 'insured',
      type: 'radio',
      label: label('Có bảo hiểm'),
      required: true,
      options: YES_NO,
    },
    { name: 'consent', type: 'checkbox', label: label('Đồng ý xử lý dữ liệu'), required: true },
    { name: 'declare', type: 'checkbox', label: label('Cam đoan'), required: true },
    {
      name: 'notify',
      type: 'checkbox',
      multiple: true,
      label: label('Nhận tin qua'),
      required: true,
      options: CHANNELS,
    },
    {
      name: 'remind',
      type: 'checkbox',
      multiple: true,
      label: label('Nhắc hạn qua'),
      required: true,
      options: CHANNELS,
    },
    { name: 'citizenId', type: 'citizen-id', label: label('Số định danh'), required: true },
    { name: 'phone', type: 'phone', label: label('Điện thoại'), required: true },
    { name: 'phone2', type: 'phone', label: label('Điện thoại khác'), required: true },
    { name: 'reason', type: 'textarea', label: label('Lý do'), required: true, maxLength: 200 },
    { name: 'note', type: 'textarea', label: label('Ghi chú'), required: true },
    { name: 'address', type: 'address', label: label('Nơi ở'), required: true },
    { name: 'extra', type: 'text', label: label('Thông tin thêm'), required: true },
  );
  return fields;
}

/** The element focused, through every shadow root, and the egov control it belongs to. */
function focused(form: EgovDossierForm) {
  const active = (form.shadowRoot as ShadowRoot).activeElement as HTMLElement | null;
  let element: Element | null = active;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  const control = active?.localName.startsWith('egov-') ? active : null;
  return { element: element as HTMLElement | null, control };
}

describe('keyboard only', () => {
  it('fills and submits a 30-field form without a mouse', async function () {
    this.timeout(90_000);
    const definition: FormDefinition = {
      id: 'keyboard-thirty',
      version: 1,
      title: label('Ba mươi trường'),
      sections: [
        { id: 'one', title: label('Phần một'), fields: thirtyFields().slice(0, 12) },
        { id: 'two', title: label('Phần hai'), fields: thirtyFields().slice(12, 24) },
        { id: 'three', title: label('Phần ba'), fields: thirtyFields().slice(24) },
      ],
    };
    expect(definition.sections.flatMap((section) => section.fields)).to.have.length(30);
    const wrapper = await fixture(html`<div>
      <button id="start">Bắt đầu</button>
      <egov-dossier-form no-draft .definition=${definition}></egov-dossier-form>
    </div>`);
    const form = wrapper.querySelector('egov-dossier-form') as EgovDossierForm;
    await until(() => form.shadowRoot?.querySelector('egov-address-field') !== null);
    // The address field's units arrive lazily: wait for the province list before starting.
    const address = form.shadowRoot?.querySelector('egov-address-field') as HTMLElement;
    await until(() => (address.shadowRoot?.querySelectorAll('#province option').length ?? 0) > 1);
    const submitted = new Promise<DossierSubmitDetail>((resolve) => {
      form.addEventListener('egov-submit', (event) => resolve(event.detail), { once: true });
    });

    (wrapper.querySelector('#start') as HTMLButtonElement).focus();
    const visited = new Set<string>();
    for (let step = 0; step < 300; step += 1) {
      await sendKeys({ press: 'Tab' });
      const { element, control } = focused(form);
      if (!element) continue;
      if (element.getAttribute('part') === 'submit') {
        await sendKeys({ press: 'Enter' });
        break;
      }
      const name = control?.getAttribute('name') ?? '';
      visited.add(name);
      const kind = control?.localName;
      if (element instanceof HTMLSelectElement) {
        // Type-ahead on the closed select, as a keyboard user picks a choice.
        await sendKeys({
          type: element.id === 'commune' ? 'P' : element.id === 'province' ? 'H' : 'K',
        });
      } else if (element instanceof HTMLInputElement && element.type === 'radio') {
        await sendKeys({ press: 'Space' });
      } else if (element instanceof HTMLInputElement && element.type === 'checkbox') {
        // In a group, tick the first and the last choice; a single box, tick it.
        if (kind === 'egov-checkbox' || element.value !== 'sms') await sendKeys({ press: 'Space' });
      } else if (element instanceof HTMLTextAreaElement) {
        await sendKeys({ type: 'Cần bổ sung hồ sơ.' });
      } else if (element instanceof HTMLInputElement) {
        const text: Record<string, string> = {
          day: '17',
          month: '5',
          year: '1990',
          street: '12 Lê Lợi',
        };
        const byName: Record<string, string> = {
          email: 'an@example.vn',
          count: '3',
          citizenId: '001 099 012 345',
          phone: '0912 345 678',
          phone2: '+84 24 3825 1234',
        };
        await sendKeys({ type: text[element.id] ?? byName[name] ?? `Giá trị ${name}` });
      }
    }

    const { data } = await submitted;
    expect(visited.size).to.be.at.least(30);
    expect(Object.keys(data)).to.have.length(30);
    expect(data.text1).to.equal('Giá trị text1');
    expect(data.count).to.equal(3);
    expect(data.born).to.equal('1990-05-17');
    expect(data.ethnicity).to.equal('kinh');
    expect(data.married).to.equal('yes');
    expect(data.consent).to.equal(true);
    expect(data.notify).to.deep.equal(['email', 'post']);
    expect(data.citizenId).to.equal('001099012345');
    expect(data.phone2).to.equal('02438251234');
    expect(data.reason).to.equal('Cần bổ sung hồ sơ.');
    const place = data.address as { provinceCode: string; communeCode: string; street: string };
    expect(place.street).to.equal('12 Lê Lợi');
    expect(place.provinceCode).to.match(/^\d{2}$/);
    expect(place.communeCode).to.match(/^\d{5}$/);
  });
});
