import type { FieldDefinition, FieldType } from '@egov-kit/schema';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AddressValue } from '../address-field/address-field.js';
import { lazy } from '../base/egov-element.js';
import { translate } from '../base/localization.js';
import type { Uploader } from '../file-upload/file-upload.js';
import type { FormControl } from '../internal/form-control.js';
import '../text-field/define.js';

/** What a renderer needs besides the field: its answer, its words, the form's hooks. */
export interface FieldContext {
  readonly value: unknown;
  readonly label: string;
  readonly hint: string;
  readonly locale: string;
  /** The inner parts, re-exported with a `field-` prefix (`FIELD_PARTS`). */
  readonly parts: string;
  /** An upload field's uploader (the form's, or one sending to its server draft). */
  readonly uploader: Uploader | undefined;
}

/**
 * How the dossier form shows one kind of field: `load` fetches the element that renders it
 * (once per page, when a definition first uses the kind), `render` writes its template.
 */
export interface FieldRenderer {
  load(field: FieldDefinition): Promise<unknown>;
  /** Whether the element is there already (a form of text fields renders at once). */
  ready(field: FieldDefinition): boolean;
  render(field: FieldDefinition, context: FieldContext): TemplateResult;
}

/**
 * The inner fields' and summary's parts, re-exported under a prefix (`field-label`,
 * `summary-link`, …) so that a page can style them through the form's shadow root:
 * `egov-dossier-form::part(field-input)`. A part an inner element does not have is ignored.
 */
export const FIELD_PARTS = [
  'base',
  'label',
  'hint',
  'error',
  'input',
  'textarea',
  'select',
  'choices',
  'radio',
  'checkbox',
  'choice-label',
  'day',
  'month',
  'year',
  'dropzone',
  'button',
]
  .map((part) => `${part}:field-${part}`)
  .join(',');
/** The element a field renders to, whatever its value type. */
// biome-ignore lint/suspicious/noExplicitAny: any egov control, whatever its value type.
export type FieldControl = FormControl<any> & { checked?: boolean };

/** The answer a field's control holds, in the shape validateFormData reads. */
export function answerOf(field: FieldDefinition, control: FieldControl): unknown {
  if (field.type === 'checkbox' && !field.multiple) return control.checked === true;
  if (field.type === 'address') {
    const address = control.value as AddressValue;
    return address.provinceCode || address.communeCode || address.street.trim()
      ? address
      : undefined;
  }
  return control.value;
}

const EMPTY_ADDRESS: AddressValue = { provinceCode: '', communeCode: '', street: '' };
const NO_FILES: readonly (File | string)[] = [];

// The text field comes with the form (every form has one), as does the error summary; the
// other elements are fetched when a definition has such a field, so that a form of text
// fields does not ship an address picker and an upload.
const textarea = lazy(() => import('../textarea/define.js'));
const dateField = lazy(() => import('../date-field/define.js'));
const select = lazy(() => import('../select/define.js'));
const radioGroup = lazy(() => import('../radio-group/define.js'));
const checkbox = lazy(() => import('../checkbox/define.js'));
const checkboxGroup = lazy(() => import('../checkbox-group/define.js'));
const citizenId = lazy(() => import('../citizen-id-field/define.js'));
const phone = lazy(() => import('../phone-field/define.js'));
const address = lazy(() => import('../address-field/define.js'));
const fileUpload = lazy(() => import('../file-upload/define.js'));

const text = (value: unknown) =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/** The text field renders `text`, `email` and `number`. */
const textRenderer: FieldRenderer = {
  load: () => Promise.resolve(),
  ready: () => true,
  render: (field, { value, label, hint, locale, parts }) =>
    html`<egov-text-field part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
      type=${field.type === 'email' || field.type === 'number' ? field.type : 'text'}
      ?required=${field.required} minlength=${ifDefined(field.minLength)}
      maxlength=${ifDefined(field.maxLength)} pattern=${ifDefined(field.pattern)}
      pattern-message=${field.patternMessage ? translate(field.patternMessage, locale) : ''}
      min=${ifDefined(field.min)} max=${ifDefined(field.max)}
      autocomplete=${ifDefined(field.autocomplete)} .value=${live(text(value))}></egov-text-field>`,
};

/**
 * One renderer per kind of field of `@egov-kit/schema`'s `FieldType`: the type makes a kind
 * added to the schema a compile error here until it has one (and test/dossier-form-fields
 * renders each).
 */
export const FIELD_RENDERERS: { readonly [K in FieldType]: FieldRenderer } = {
  text: textRenderer,
  email: textRenderer,
  number: textRenderer,
  textarea: {
    load: () => textarea.load(),
    ready: () => textarea.value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      html`<egov-textarea part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} minlength=${ifDefined(field.minLength)}
        maxlength=${ifDefined(field.maxLength)} .value=${live(text(value))}></egov-textarea>`,
  },
  date: {
    load: () => dateField.load(),
    ready: () => dateField.value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      html`<egov-date-field part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} min=${ifDefined(field.minDate)} max=${ifDefined(field.maxDate)}
        autocomplete=${ifDefined(field.autocomplete)} .value=${live(text(value))}></egov-date-field>`,
  },
  select: {
    load: () => select.load(),
    ready: () => select.value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      html`<egov-select part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} .options=${field.options ?? []} .value=${live(text(value))}></egov-select>`,
  },
  radio: {
    load: () => radioGroup.load(),
    ready: () => radioGroup.value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      html`<egov-radio-group part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} ?inline=${(field.options?.length ?? 0) <= 2}
        .options=${field.options ?? []} .value=${live(text(value))}></egov-radio-group>`,
  },
  checkbox: {
    load: (field) => (field.multiple ? checkboxGroup.load() : checkbox.load()),
    ready: (field) => (field.multiple ? checkboxGroup : checkbox).value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      field.multiple
        ? html`<egov-checkbox-group part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
            ?required=${field.required} .options=${field.options ?? []}
            .value=${live(Array.isArray(value) ? value : [])}></egov-checkbox-group>`
        : html`<egov-checkbox part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
            ?required=${field.required} .checked=${live(value === true)}></egov-checkbox>`,
  },
  'citizen-id': {
    load: () => citizenId.load(),
    ready: () => citizenId.value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      html`<egov-citizen-id-field part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} .value=${live(text(value))}></egov-citizen-id-field>`,
  },
  phone: {
    load: () => phone.load(),
    ready: () => phone.value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      html`<egov-phone-field part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} autocomplete=${field.autocomplete ?? 'tel'} .value=${live(text(value))}></egov-phone-field>`,
  },
  address: {
    load: () => address.load(),
    ready: () => address.value !== undefined,
    render: (field, { value, label, hint, parts }) =>
      html`<egov-address-field part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} .value=${live((value as AddressValue | undefined) ?? EMPTY_ADDRESS)}></egov-address-field>`,
  },
  file: {
    load: () => fileUpload.load(),
    ready: () => fileUpload.value !== undefined,
    // Not live(): while a file uploads, the field's value moves on without an event, and a
    // re-render (a sync status, say) must not hand it back its older value, which would clear
    // the list. A value changed here (a draft restored, the saved version) still goes.
    render: (field, { value, label, hint, parts, uploader }) =>
      html`<egov-file-upload part="field" exportparts=${parts} id=${field.name} name=${field.name} label=${label} hint=${hint}
        ?required=${field.required} ?multiple=${field.maxFiles !== 1} max-files=${ifDefined(field.maxFiles)}
        data-document-code=${ifDefined(field.documentCode)} .uploader=${uploader}
        .value=${Array.isArray(value) ? value : NO_FILES}></egov-file-upload>`,
  },
};

/** Fetches the elements of every field of `fields`, each kind once. */
/** Fetches the elements of `fields` not there yet, each kind once; `undefined` if none is missing. */
export function loadFieldElements(fields: Iterable<FieldDefinition>): Promise<unknown> | undefined {
  const missing = [...fields].filter((field) => !FIELD_RENDERERS[field.type].ready(field));
  if (!missing.length) return undefined;
  return Promise.all(missing.map((field) => FIELD_RENDERERS[field.type].load(field)));
}
