/**
 * Every element, in the states a person can reach, under a pseudo-locale in which every
 * message of the localisation layer reads "[!! Ŧħë wöřđš !!]": any visible text left outside
 * those brackets — in the shadow DOM's text, or in aria-label, placeholder, title or alt — was
 * written around the layer, and a site could neither translate nor override it.
 *
 * Data stays data: what the page gives (labels, names, codes, a procedure's texts — written
 * here in brackets too, or listed from the fixtures) and what `Intl` formats (dates, numbers,
 * money) are allowed.
 */
import { DOSSIER_STATUSES, type FormDefinition, type LookupResult } from '@egov-kit/schema';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/define.js';
import '../src/digital-signature/define.js';
// The parts that load later bring their words with them: load them now, so that every message
// is in the pseudo-locale's table.
import '../src/dossier-form/sync.js';
import '../src/dossier-tracker/details.js';
import {
  intlLocale,
  messageIds,
  registerTranslation,
  translate,
} from '../src/base/localization.js';
import type { EgovDossierForm } from '../src/dossier-form/dossier-form.js';
import type { EgovDossierLookup, LookupClient } from '../src/dossier-lookup/dossier-lookup.js';
import type { EgovErrorSummary } from '../src/error-summary/error-summary.js';
import type { EgovFileUpload } from '../src/file-upload/file-upload.js';
import type { FormControl } from '../src/internal/form-control.js';
import type { SearchableProcedure } from '../src/procedure-search/procedure-index.js';
import { demoDossier, NOW, receiptDossier } from './fixtures/dossiers.js';
import { SIGNATURE_RESULTS } from './fixtures/signature-results.js';
import { realProcedures, typeInto, until } from './helpers.js';

const PSEUDO = 'en-XA';

const ACCENTS: Record<string, string> = {
  a: 'å',
  e: 'ë',
  i: 'ï',
  o: 'ö',
  u: 'ü',
  y: 'ÿ',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  z: 'ž',
  t: 'ŧ',
  d: 'đ',
  A: 'Å',
  E: 'Ë',
  I: 'Ï',
  O: 'Ö',
  U: 'Ü',
  Y: 'Ÿ',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Z: 'Ž',
  T: 'Ŧ',
  D: 'Đ',
};

/** A pseudo-translation: accented, so that it looks foreign, and bracketed, so that it is seen. */
const pseudo = (text: string) => `[!! ${text.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c)} !!]`;

/**
 * Puts every message registered so far in the pseudo-locale. Called again before each check:
 * some ids register on first use (a validator's words).
 */
function pseudoize() {
  const table: Record<string, (...args: unknown[]) => string> = {};
  for (const id of messageIds()) table[id] = (...args) => pseudo(translate({ id, args }, 'en'));
  registerTranslation(PSEUDO, table);
}

/** The text with every bracketed (pseudo-translated or data) part cut out, nesting included. */
function outsideBrackets(text: string): string {
  let depth = 0;
  let rest = '';
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('[!!', i)) {
      depth += 1;
      i += 2;
    } else if (depth && text.startsWith('!!]', i)) {
      depth -= 1;
      i += 2;
    } else if (!depth) rest += text[i];
  }
  return rest;
}

const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt', 'aria-valuetext'];

/** Every visible text of the element: text nodes and labelling attributes, shadow roots crossed. */
function visibleTexts(root: Element | ShadowRoot, found: string[] = []): string[] {
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      // An option with a value is data (a province, a commune); "— Select —" has none.
      const data = parent?.localName === 'option' && parent.getAttribute('value');
      if (parent?.localName !== 'style' && !data) found.push(node.textContent ?? '');
    } else if (node instanceof Element) {
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value) found.push(value);
      }
      if (node.shadowRoot) visibleTexts(node.shadowRoot, found);
      visibleTexts(node, found);
    }
  }
  return found;
}

/** The words `Intl` writes in the pseudo-locale: month and day names, the day periods. */
function intlWords(): string[] {
  const locale = intlLocale(PSEUDO.toLowerCase());
  const words: string[] = [];
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2026, month, 15));
    for (const style of ['long', 'short'] as const) {
      words.push(new Intl.DateTimeFormat(locale, { month: style }).format(date));
      words.push(new Intl.DateTimeFormat(locale, { weekday: style }).format(date));
    }
  }
  // The literals of the formats the elements use ("March 10, 2026 at 07:36 AM").
  const sample = new Date(Date.UTC(2026, 2, 10, 3, 0));
  for (const options of [
    { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
    { dateStyle: 'long', timeStyle: 'short' },
  ] as const) {
    for (const part of new Intl.DateTimeFormat(locale, options).formatToParts(sample)) {
      if (part.type === 'literal' || part.type === 'dayPeriod') words.push(part.value.trim());
    }
  }
  words.push('AM', 'PM', 'am', 'pm', '₫', 'VND', 'KB', 'MB', 'GB', 'B');
  return words.filter(Boolean).sort((a, b) => b.length - a.length);
}

/** Every string inside the fixtures' data (names, codes, notes), longest first. */
function dataStrings(...values: unknown[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (value.trim()) found.add(value.trim());
      // A certificate's name ("CN=…, UID=CCCD:0011…"): its values are shown one by one.
      if (/^[A-Z]+=/.test(value)) {
        for (const part of value.split(/(?<!\\),\s*(?=[A-Z]+=)/)) {
          found.add(part.replace(/^[A-Z]+=/, '').replaceAll('\\,', ','));
        }
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  values.forEach(walk);
  return [...found].sort((a, b) => b.length - a.length);
}

let allowed: string[] = [];

/** Fails with the texts that did not come through the localisation layer. */
async function expectLocalized(element: Element, state: string) {
  pseudoize();
  await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  await new Promise((resolve) => setTimeout(resolve, 0));
  const words = [...allowed, ...intlWords()];
  const leaks = visibleTexts(element.shadowRoot ?? element)
    .map((text) => {
      // A link's address is data (before the data is cut out of it, and after: a technical
      // detail may name one).
      const url = /https?:\/\/\S+/g;
      const cut = (from: string) => words.reduce((rest, word) => rest.split(word).join(' '), from);
      const outside = outsideBrackets(text);
      const first = cut(outside).replace(url, ' ');
      const rest = /\p{L}/u.test(first) ? cut(outside.replace(url, ' ')) : first;
      return { text: text.trim(), rest };
    })
    .filter(({ rest }) => /\p{L}/u.test(rest));
  expect(
    leaks.map(({ text }) => text),
    `${element.localName} (${state}): text outside the localisation layer`,
  ).to.deep.equal([]);
}

async function show<T extends Element>(template: TemplateResult, tag: string): Promise<T> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${PSEUDO}>${template}</div>`);
  const element = wrapper.querySelector(tag) as unknown as T & { updateComplete: Promise<unknown> };
  await element.updateComplete;
  return element;
}

/** Data the page gives, in brackets: allowed through as it is. */
const LABEL = '[!! Łåbël !!]';
const HINT = '[!! Ħïñŧ !!]';
const OPTIONS = [
  { value: 'a', label: '[!! Öñë !!]' },
  { value: 'b', label: '[!! Ŧŵö !!]' },
];

async function reveal(control: FormControl<unknown>) {
  control.reportValidity();
  await control.updateComplete;
}

describe('pseudo-locale: no visible text bypasses the localisation layer', () => {
  before(async () => {
    const procedures = await realProcedures();
    const lookedUp = demoDossier('awaiting_supplement');
    allowed = dataStrings(
      procedures,
      lookedUp,
      receiptDossier('resolved'),
      ...Object.values(SIGNATURE_RESULTS),
      ...DOSSIER_STATUSES.map((status) => demoDossier(status)),
      demoDossier('in_progress', { receivedDaysAgo: 40, apologyDays: 3 }),
      'Lê Minh Cường',
      'to-khai.pdf',
      'anh-the.png',
    );
  });

  it('the text field: empty, required, a bad email, a number out of range', async () => {
    const field = await show<FormControl>(
      html`<egov-text-field label=${LABEL} hint=${HINT} required></egov-text-field>`,
      'egov-text-field',
    );
    await expectLocalized(field, 'empty');
    await reveal(field);
    await expectLocalized(field, 'required');
    const email = await show<FormControl>(
      html`<egov-text-field label=${LABEL} type="email" value="x@"></egov-text-field>`,
      'egov-text-field',
    );
    await reveal(email);
    await expectLocalized(email, 'bad email');
    const number = await show<FormControl>(
      html`<egov-text-field label=${LABEL} type="number" max="5" value="9" minlength="3"></egov-text-field>`,
      'egov-text-field',
    );
    await reveal(number);
    await expectLocalized(number, 'over the maximum');
    number.value = 'abc';
    await reveal(number);
    await expectLocalized(number, 'not a number');
  });

  it('the textarea: counting, over the limit', async () => {
    const area = await show<FormControl>(
      html`<egov-textarea label=${LABEL} maxlength="5" required></egov-textarea>`,
      'egov-textarea',
    );
    await expectLocalized(area, 'empty');
    await typeInto(area as never, 'textarea', 'abcdefgh');
    await reveal(area);
    await expectLocalized(area, 'over the limit');
  });

  it('choices: select, radio group, checkbox group, checkbox — required', async () => {
    for (const tag of ['egov-select', 'egov-radio-group', 'egov-checkbox-group']) {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${PSEUDO}></div>`);
      const control = document.createElement(tag) as FormControl<unknown> & {
        options: typeof OPTIONS;
      };
      control.label = LABEL;
      control.required = true;
      control.options = OPTIONS;
      wrapper.append(control);
      await control.updateComplete;
      await expectLocalized(control, 'empty');
      await reveal(control);
      await expectLocalized(control, 'required');
    }
    const checkbox = await show<FormControl>(
      html`<egov-checkbox label=${LABEL} required></egov-checkbox>`,
      'egov-checkbox',
    );
    await reveal(checkbox);
    await expectLocalized(checkbox, 'required');
  });

  it('the date, citizen ID and phone fields: empty, invalid', async () => {
    const date = await show<FormControl>(
      html`<egov-date-field label=${LABEL} required></egov-date-field>`,
      'egov-date-field',
    );
    await expectLocalized(date, 'empty');
    await reveal(date);
    await expectLocalized(date, 'required');
    await typeInto(date as never, '#day', '31');
    await typeInto(date as never, '#month', '2');
    await typeInto(date as never, '#year', '20');
    await reveal(date);
    await expectLocalized(date, 'not a real date');
    for (const [tag, value] of [
      ['egov-citizen-id-field', '123'],
      ['egov-phone-field', '0123'],
    ] as const) {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${PSEUDO}></div>`);
      const control = document.createElement(tag) as FormControl<string>;
      control.label = LABEL;
      control.value = value;
      wrapper.append(control);
      await reveal(control);
      await expectLocalized(control, 'invalid');
    }
  });

  it('the address field: loaded, required', async () => {
    const address = await show<FormControl<unknown>>(
      html`<egov-address-field label=${LABEL} required></egov-address-field>`,
      'egov-address-field',
    );
    await until(() => address.shadowRoot?.querySelector('select option:nth-child(3)') !== null);
    await expectLocalized(address, 'loaded');
    await reveal(address);
    await expectLocalized(address, 'required');
  });

  it('the file upload: empty, a file chosen, a file refused, required', async () => {
    const upload = await show<EgovFileUpload>(
      html`<egov-file-upload label=${LABEL} accept=".pdf" max-size="1000" multiple required></egov-file-upload>`,
      'egov-file-upload',
    );
    await expectLocalized(upload, 'empty');
    await reveal(upload);
    await expectLocalized(upload, 'required');
    const input = upload.shadowRoot?.querySelector('input[type="file"]') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4\n'], 'to-khai.pdf', { type: 'application/pdf' }));
    transfer.items.add(new File(['x'], 'anh-the.png', { type: 'image/png' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => upload.entries.length === 2);
    await expectLocalized(upload, 'a file chosen and a file refused');
  });

  it('the error summary, with errors', async () => {
    const summary = await show<EgovErrorSummary>(
      html`<egov-error-summary></egov-error-summary>`,
      'egov-error-summary',
    );
    summary.items = [{ message: '[!! Ëŕŕöŕ !!]', control: document.body }];
    await summary.updateComplete;
    expect(summary.hidden).to.equal(false);
    await expectLocalized(summary, 'with errors');
  });

  it('the signature pad, in each mode, required', async () => {
    for (const mode of ['draw', 'type', 'declaration']) {
      const pad = await show<FormControl<unknown> & { mode: string }>(
        html`<egov-signature-pad label=${LABEL} signer-name="[!! Ŧëšŧ !!]" required></egov-signature-pad>`,
        'egov-signature-pad',
      );
      pad.mode = mode;
      await pad.updateComplete;
      await expectLocalized(pad, mode);
      await reveal(pad);
      await expectLocalized(pad, `${mode}, required`);
    }
  });

  it('the dossier form: in steps, after a failed submit, on the last step', async () => {
    const label = (text: string) => ({ vi: `[!! ${text} !!]`, en: `[!! ${text} !!]` });
    const definition: FormDefinition = {
      id: 'pseudo-form',
      version: 1,
      title: label('Ŧöŕm'),
      sections: [
        {
          id: 'one',
          title: label('Öñë'),
          fields: [
            { name: 'name', type: 'text', label: label('Ñåmë'), required: true },
            { name: 'phone', type: 'phone', label: label('Þħöñë'), required: true },
            {
              name: 'choice',
              type: 'radio',
              label: label('Çħöïçë'),
              required: true,
              options: [{ value: 'a', label: label('Å') }],
            },
          ],
        },
        {
          id: 'two',
          title: label('Ŧŵö'),
          fields: [{ name: 'agree', type: 'checkbox', label: label('Åğŕëë'), required: true }],
        },
      ],
    };
    const form = await show<EgovDossierForm>(
      html`<egov-dossier-form .definition=${definition} steps no-draft></egov-dossier-form>`,
      'egov-dossier-form',
    );
    await until(() => form.shadowRoot?.querySelector('egov-text-field') !== null);
    await expectLocalized(form, 'first step');
    form.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"], [part="next"]')?.click();
    await until(() => form.shadowRoot?.querySelector('egov-error-summary[hidden]') === null);
    await form.updateComplete;
    await expectLocalized(form, 'after a failed submit');
  });

  it('the tracker, in every status with the citizen’s action, and late', async () => {
    for (const status of [
      'submitted',
      'in_progress',
      'awaiting_supplement',
      'awaiting_payment',
      'resolved',
      'returned',
      'rejected',
      'stopped',
      'withdrawn',
    ] as const) {
      const { dossier, events } = demoDossier(status);
      const tracker = await show<HTMLElement & { updateComplete: Promise<unknown> }>(
        html`<egov-dossier-tracker .dossier=${dossier} .events=${events} .now=${NOW}
          show-national-code procedure-name="[!! Þŕöçëđüŕë !!]"></egov-dossier-tracker>`,
        'egov-dossier-tracker',
      );
      await until(() => tracker.shadowRoot?.querySelector('[part="timeline"]') !== null);
      await expectLocalized(tracker, status);
    }
    const late = demoDossier('in_progress', { receivedDaysAgo: 40, apologyDays: 3 });
    const tracker = await show<HTMLElement>(
      html`<egov-dossier-tracker .dossier=${late.dossier} .events=${late.events} .now=${NOW}></egov-dossier-tracker>`,
      'egov-dossier-tracker',
    );
    await until(() => tracker.shadowRoot?.querySelector('[part="timeline"]') !== null);
    await expectLocalized(tracker, 'late, with a new date');
  });

  it('the lookup: empty, a wrong code, too many tries, found', async () => {
    const { dossier, events } = demoDossier('awaiting_supplement');
    const client: LookupClient = {
      dossiers: {
        lookup: async ({ code }): Promise<LookupResult> => {
          if (code === 'WRONG') throw Object.assign(new Error('404'), { status: 404 });
          if (code === 'SPAM')
            throw Object.assign(new Error('429'), { status: 429, retryAfter: 90 });
          return { dossier, events, procedureName: '[!! Þŕöçëđüŕë !!]', resultAttachmentIds: [] };
        },
      },
    };
    const lookup = await show<EgovDossierLookup>(
      html`<egov-dossier-lookup .client=${client} .now=${NOW}></egov-dossier-lookup>`,
      'egov-dossier-lookup',
    );
    await expectLocalized(lookup, 'empty');
    lookup.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
    await lookup.updateComplete;
    await expectLocalized(lookup, 'nothing typed');
    for (const code of ['WRONG', 'SPAM', 'HS-DEMO-000002']) {
      await typeInto(lookup, '#code', code);
      await typeInto(lookup, '#verifier', 'DEMO2345');
      lookup.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
      await until(
        () => !lookup.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]')?.disabled,
      );
      await lookup.updateComplete;
      const tracker = lookup.shadowRoot?.querySelector('egov-dossier-tracker');
      if (tracker)
        await until(() => tracker.shadowRoot?.querySelector('[part="timeline"]') !== null);
      await expectLocalized(lookup, code);
    }
  });

  it('the procedure search: results, nothing found', async () => {
    const procedures = (await realProcedures()) as unknown as SearchableProcedure[];
    const search = await show<HTMLElement & { updateComplete: Promise<unknown> }>(
      html`<egov-procedure-search .procedures=${procedures}></egov-procedure-search>`,
      'egov-procedure-search',
    );
    await expectLocalized(search, 'every procedure');
    await typeInto(search as never, '#query', 'zzzzqqqq');
    await until(() => search.shadowRoot?.querySelector('[part="empty"]') !== null);
    await expectLocalized(search, 'nothing found');
  });

  it('the procedure detail, a receipt, signature reports', async () => {
    const [procedure] = await realProcedures();
    const detail = await show<HTMLElement>(
      html`<egov-procedure-detail .procedure=${procedure} apply-href="#apply"></egov-procedure-detail>`,
      'egov-procedure-detail',
    );
    await expectLocalized(detail, 'a procedure');
    const receipt = await show<HTMLElement>(
      html`<egov-receipt .dossier=${receiptDossier('resolved')} .procedure=${procedure} agency="[!! Åğëñçÿ !!]"
        received-by="Lê Minh Cường" lookup-url="/tra-cuu"></egov-receipt>`,
      'egov-receipt',
    );
    await expectLocalized(receipt, 'received');
    for (const [state, result] of Object.entries(SIGNATURE_RESULTS)) {
      const report = await show<HTMLElement>(
        html`<egov-signature-report time-zone="Asia/Ho_Chi_Minh" .result=${result}></egov-signature-report>`,
        'egov-signature-report',
      );
      await expectLocalized(report, state);
    }
  });

  it('the digital signature, waiting for a document', async () => {
    const signature = await show<HTMLElement>(
      html`<egov-digital-signature></egov-digital-signature>`,
      'egov-digital-signature',
    );
    await expectLocalized(signature, 'nothing to sign');
  });
});
