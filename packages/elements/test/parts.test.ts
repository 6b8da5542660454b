import type { FormDefinition } from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import '../src/dossier-form/define.js';
import type { EgovDossierForm } from '../src/dossier-form/dossier-form.js';
import type { EgovTextField } from '../src/text-field/text-field.js';

describe('theming: parts reach through nested elements', () => {
  it("the dossier form re-exports its inner fields' parts with a field- prefix", async () => {
    const style = document.createElement('style');
    style.textContent =
      'egov-dossier-form::part(field-input){outline:7px dotted rgb(1, 2, 3)}' +
      'egov-dossier-form::part(field-label){text-transform:uppercase}';
    document.head.append(style);
    try {
      const definition: FormDefinition = {
        id: 'parts-form',
        version: 1,
        title: { vi: 'Tờ khai', en: 'Form' },
        sections: [
          {
            id: 'one',
            title: { vi: 'Một', en: 'One' },
            fields: [{ name: 'fullName', type: 'text', label: { vi: 'Họ và tên', en: 'Name' } }],
          },
        ],
      };
      const form = await fixture<EgovDossierForm>(
        html`<egov-dossier-form no-draft .definition=${definition}></egov-dossier-form>`,
      );
      const field = form.shadowRoot?.querySelector('egov-text-field') as EgovTextField;
      await field.updateComplete;
      const input = field.shadowRoot?.querySelector('input') as HTMLInputElement;
      const label = field.shadowRoot?.querySelector('label') as HTMLLabelElement;
      expect(getComputedStyle(input).outlineWidth).to.equal('7px');
      expect(getComputedStyle(input).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(label).textTransform).to.equal('uppercase');
    } finally {
      style.remove();
    }
  });
});
