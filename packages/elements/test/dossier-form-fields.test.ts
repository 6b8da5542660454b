import { type FieldDefinition, FieldType, type FormDefinition } from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import '../src/dossier-form/define.js';
import type { EgovDossierForm } from '../src/dossier-form/dossier-form.js';
import { FIELD_RENDERERS } from '../src/dossier-form/field-renderers.js';
import { until } from './helpers.js';

/** The element each kind of field is rendered by. */
const ELEMENT: Record<string, string> = {
  text: 'egov-text-field',
  email: 'egov-text-field',
  number: 'egov-text-field',
  textarea: 'egov-textarea',
  date: 'egov-date-field',
  select: 'egov-select',
  radio: 'egov-radio-group',
  checkbox: 'egov-checkbox',
  'checkbox-multiple': 'egov-checkbox-group',
  'citizen-id': 'egov-citizen-id-field',
  phone: 'egov-phone-field',
  address: 'egov-address-field',
  file: 'egov-file-upload',
};

const label = (text: string) => ({ vi: text, en: text });
const options = [{ value: 'a', label: label('A') }];

describe('the dossier form’s field renderers', () => {
  it('has a renderer for every field kind of @egov-kit/schema', () => {
    expect(Object.keys(FIELD_RENDERERS).sort()).to.deep.equal([...FieldType.options].sort());
  });

  it('fetches a field’s element only when a definition uses it, then renders every kind', async () => {
    // Only the text field and the summary come with the form.
    expect(customElements.get('egov-text-field')).to.not.equal(undefined);
    expect(customElements.get('egov-address-field')).to.equal(undefined);
    expect(customElements.get('egov-file-upload')).to.equal(undefined);

    const fields: FieldDefinition[] = FieldType.options.map((type) => ({
      name: `f-${type}`,
      type,
      label: label(type),
      ...(type === 'select' || type === 'radio' ? { options } : {}),
    }));
    fields.push({
      name: 'f-checkbox-multiple',
      type: 'checkbox',
      multiple: true,
      label: label('several'),
      options,
    });
    const definition: FormDefinition = {
      id: 'every-kind',
      version: 1,
      title: label('Every kind'),
      sections: [{ id: 'all', title: label('All'), fields }],
    };
    const form = await fixture<EgovDossierForm>(
      html`<egov-dossier-form no-draft .definition=${definition}></egov-dossier-form>`,
    );
    await until(() => form.shadowRoot?.querySelector('[name="f-file"]') !== null);
    for (const field of fields) {
      const kind = field.multiple ? 'checkbox-multiple' : field.type;
      const element = form.shadowRoot?.querySelector(`[name="${field.name}"]`);
      expect(element?.localName, kind).to.equal(ELEMENT[kind]);
      // Defined, so upgraded: the element, not an unknown tag waiting for its class.
      const defined = customElements.get(ELEMENT[kind] as string);
      expect(defined, kind).to.not.equal(undefined);
      expect(element instanceof (defined as CustomElementConstructor), kind).to.equal(true);
    }
  });
});
