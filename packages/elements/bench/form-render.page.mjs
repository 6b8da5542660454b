/**
 * The measured code of form-render.mjs, run in the page: the same 200-field application as an
 * egov FormDefinition and as a SurveyJS survey JSON, and one function per measurement.
 */

const KINDS = [
  'text',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'textarea',
  'citizen-id',
  'phone',
];
const OPTIONS = [
  { value: 'a', label: { vi: 'Lựa chọn A', en: 'Option A' } },
  { value: 'b', label: { vi: 'Lựa chọn B', en: 'Option B' } },
  { value: 'c', label: { vi: 'Lựa chọn C', en: 'Option C' } },
];
/** The field whose keystrokes are timed: required, with a pattern (a 6-digit postal code). */
export const PATTERN_FIELD = 'f000';
const POSTCODE = '^[0-9]{6}$';

/** 200 fields in 10 sections of 20, every kind in turn; half required, text ones with a pattern. */
export function egovDefinition() {
  const sections = [];
  for (let s = 0; s < 10; s += 1) {
    const fields = [];
    for (let i = 0; i < 20; i += 1) {
      const n = s * 20 + i;
      const type = KINDS[n % KINDS.length];
      const name = `f${String(n).padStart(3, '0')}`;
      const field = {
        name,
        type,
        label: { vi: `Câu hỏi ${n + 1}`, en: `Question ${n + 1}` },
        hint: n % 4 === 0 ? { vi: 'Gợi ý cho câu hỏi.', en: 'A hint.' } : undefined,
        required: n % 2 === 0,
      };
      if (type === 'text') {
        field.pattern = POSTCODE;
        field.patternMessage = {
          vi: 'Nhập mã bưu chính 6 chữ số.',
          en: 'Enter a 6-digit postcode.',
        };
      }
      if (type === 'number') Object.assign(field, { min: 0, max: 100 });
      if (type === 'select' || type === 'radio' || type === 'checkbox') field.options = OPTIONS;
      if (type === 'checkbox') field.multiple = true;
      if (type === 'textarea') field.maxLength = 500;
      fields.push(field);
    }
    sections.push({ id: `s${s}`, title: { vi: `Phần ${s + 1}`, en: `Part ${s + 1}` }, fields });
  }
  return {
    id: 'bench-200',
    version: 1,
    title: { vi: 'Tờ khai 200 câu', en: '200 questions' },
    sections,
  };
}

/** The same survey for SurveyJS, each rule mapped to its validator. */
export function surveyJson(definition) {
  const question = (field) => {
    const base = {
      name: field.name,
      title: field.label.vi,
      description: field.hint?.vi,
      isRequired: field.required,
    };
    const choices = field.options?.map((option) => ({
      value: option.value,
      text: option.label.vi,
    }));
    switch (field.type) {
      case 'text':
        return {
          ...base,
          type: 'text',
          validators: [{ type: 'regex', regex: field.pattern, text: field.patternMessage.vi }],
        };
      case 'number':
        return {
          ...base,
          type: 'text',
          inputType: 'number',
          min: field.min,
          max: field.max,
          validators: [{ type: 'numeric', minValue: field.min, maxValue: field.max }],
        };
      case 'date':
        return { ...base, type: 'text', inputType: 'date' };
      case 'select':
        return { ...base, type: 'dropdown', choices };
      case 'radio':
        return { ...base, type: 'radiogroup', choices };
      case 'checkbox':
        return { ...base, type: 'checkbox', choices };
      case 'textarea':
        return { ...base, type: 'comment', maxLength: field.maxLength };
      case 'citizen-id':
        return {
          ...base,
          type: 'text',
          maxLength: 12,
          validators: [{ type: 'regex', regex: '^[0-9]{12}$', text: 'Số định danh có 12 chữ số.' }],
        };
      case 'phone':
        return {
          ...base,
          type: 'text',
          inputType: 'tel',
          validators: [
            { type: 'regex', regex: '^0[0-9]{9}$', text: 'Số điện thoại có 10 chữ số.' },
          ],
        };
      default:
        throw new Error(field.type);
    }
  };
  return {
    title: definition.title.vi,
    // Errors as the person types, as the egov controls' validity follows every keystroke.
    checkErrorsMode: 'onValueChanged',
    textUpdateMode: 'onTyping',
    pages: [
      {
        name: 'page1',
        elements: definition.sections.map((section) => ({
          type: 'panel',
          name: section.id,
          title: section.title.vi,
          elements: section.fields.map(question),
        })),
      },
    ],
  };
}

const definition = egovDefinition();
const json = surveyJson(definition);
const stage = document.getElementById('stage');
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
/** After the next paint: a frame, then a task (the frame's paint happens between them). */
const painted = async () => {
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

async function clear() {
  stage.replaceChildren();
  await painted();
}

let ours;
let survey;

/** Ours: from setting `definition` to every field rendered and painted. */
async function renderOurs() {
  await clear();
  const form = document.createElement('egov-dossier-form');
  form.noDraft = true;
  stage.append(form);
  await form.updateComplete;
  const start = performance.now();
  form.definition = definition;
  // The form renders once the (no-)draft lookup has settled; then each control renders itself.
  let controls = [];
  while (controls.length < 200) {
    await form.updateComplete;
    controls = form.shadowRoot.querySelectorAll('[name]');
    if (controls.length < 200) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  await Promise.all(Array.from(controls, (control) => control.updateComplete));
  await painted();
  const time = performance.now() - start;
  if (form.shadowRoot.querySelectorAll('[name]').length !== 200) throw new Error('ours: not 200');
  ours = form;
  return time;
}

/** SurveyJS: from `new Model(json)` to every question rendered and painted. */
async function renderSurvey() {
  await clear();
  const container = document.createElement('div');
  stage.append(container);
  const start = performance.now();
  const model = new window.Survey.Model(json);
  window.SurveyUI.renderSurvey(model, container);
  while (container.querySelectorAll('.sd-question').length < 200) await frame();
  await painted();
  const time = performance.now() - start;
  survey = { model, container };
  return time;
}

/** The text input of our pattern field. */
function ourInput() {
  const control = ours.shadowRoot.querySelector(`[name="${PATTERN_FIELD}"]`);
  return { control, input: control.shadowRoot.querySelector('input') };
}

function surveyInput() {
  return survey.container.querySelector(`[data-name="${PATTERN_FIELD}"] input`);
}

const typeInto = (input, value) => {
  input.value = value;
  input.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, data: value.at(-1) }),
  );
};

/** Ours: "12345" (invalid) then the 6th digit typed: until the validity says valid, painted. */
async function keyOurs() {
  const { control, input } = ourInput();
  typeInto(input, '12345');
  await control.updateComplete;
  await painted();
  if (control.validity.valid) throw new Error('ours: 12345 should be invalid');
  const start = performance.now();
  typeInto(input, '123456');
  while (!control.validity.valid) await control.updateComplete;
  await control.updateComplete;
  await painted();
  return performance.now() - start;
}

/** SurveyJS: the same keystroke, until the question's error is gone, painted. */
async function keySurvey() {
  const question = survey.model.getQuestionByName(PATTERN_FIELD);
  const input = surveyInput();
  typeInto(input, '12345');
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await painted();
  if (!question.errors.length) throw new Error('survey: 12345 should show an error');
  const start = performance.now();
  typeInto(input, '123456');
  while (question.errors.length) await frame();
  await painted();
  return performance.now() - start;
}

window.bench = { renderOurs, renderSurvey, keyOurs, keySurvey, ready: true };
