import type { Client } from '@egov-kit/client';
import {
  DEFAULT_SURVEY,
  type SatisfactionResponse,
  type SurveyDefinition,
  type SurveyStatus,
} from '@egov-kit/schema';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/satisfaction-survey/define.js';
import type {
  EgovSatisfactionSurvey,
  SurveyClient,
  SurveySubmitDetail,
} from '../src/satisfaction-survey/satisfaction-survey.js';
import { until } from './helpers.js';

// The real client fits the element's `client` property (a compile-time check).
const fits: (client: Client) => SurveyClient = (client) => client;
void fits;

const ID = '6f1c1d1e-0000-4000-8000-000000000001';
const closesAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
const answered: SatisfactionResponse = {
  dossierId: ID,
  surveyId: DEFAULT_SURVEY.id,
  answers: [
    { criterion: 'staff', score: 2 },
    { criterion: 'overall', score: 4 },
  ],
  comment: 'Chờ lâu ở quầy.',
  submittedAt: new Date().toISOString(),
  editableUntil: closesAt,
};

/** A test double of the client's surveys resource; records what it was sent. */
function fakeClient(status: SurveyStatus, options: { fail?: 'network' | 'server' } = {}) {
  const sent: unknown[] = [];
  let fail = options.fail;
  const client: SurveyClient & { sent: unknown[]; heal(): void } = {
    sent,
    heal: () => {
      fail = undefined;
    },
    surveys: {
      get: async (): Promise<SurveyDefinition> => DEFAULT_SURVEY,
      status: async () => {
        if (fail === 'network') throw Object.assign(new Error('offline'), { name: 'NetworkError' });
        if (fail === 'server') throw Object.assign(new Error('boom'), { status: 500 });
        return status;
      },
      answer: async (dossierId, body) => {
        sent.push(body);
        return {
          dossierId,
          ...body,
          submittedAt: new Date().toISOString(),
          editableUntil: closesAt,
        };
      },
    },
  };
  return client;
}

async function survey(client: SurveyClient, lang = 'vi') {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-satisfaction-survey dossier-id=${ID} .client=${client}></egov-satisfaction-survey>
  </div>`);
  const element = wrapper.querySelector('egov-satisfaction-survey') as EgovSatisfactionSurvey;
  await until(() => element.view !== 'loading');
  await element.updateComplete;
  return element;
}

/** An element of the shadow root, typed; the test fails on its use if it is missing. */
const shadow = <T extends Element>(element: Element, selector: string) =>
  element.shadowRoot?.querySelector(selector) as T;

const text = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const radios = (element: Element, name: string) => [
  ...(element.shadowRoot?.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`) ?? []),
];

describe('<egov-satisfaction-survey>', () => {
  it('says when the survey is not open yet', async () => {
    const element = await survey(fakeClient({ state: 'not_yet', closesAt: null, response: null }));
    expect(element.view).to.equal('not_yet');
    expect(text(element)).to.contain('sau khi nhận kết quả');
    await expect(element).to.be.accessible();
  });

  it('shows each criterion as a radio group labelled in words, and sends the answers', async () => {
    const client = fakeClient({ state: 'open', closesAt, response: null });
    const element = await survey(client);
    expect(element.view).to.equal('open');
    const fieldsets = element.shadowRoot?.querySelectorAll('fieldset') ?? [];
    expect(fieldsets.length).to.equal(DEFAULT_SURVEY.criteria.length);
    const overall = radios(element, 'overall');
    expect(overall).to.have.length(5);
    // Each choice is named by words, not a number or a star alone.
    expect(overall[4]?.closest('label')?.textContent).to.contain('Rất hài lòng');
    expect(overall[0]?.closest('label')?.textContent).to.contain('Rất không hài lòng');
    expect(text(element)).to.contain('Cán bộ chỉ thấy số liệu tổng hợp');
    await expect(element).to.be.accessible();
    overall[3]?.click();
    radios(element, 'staff')[1]?.click();
    const textarea = element.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = '  Nhanh gọn.  ';
    textarea.dispatchEvent(new Event('input'));
    const submitted = oneEvent(element, 'egov-survey-submit');
    shadow<HTMLButtonElement>(element, '[part="submit"]').click();
    const event = (await submitted) as CustomEvent<SurveySubmitDetail>;
    expect(client.sent).to.deep.equal([
      {
        surveyId: DEFAULT_SURVEY.id,
        answers: [
          { criterion: 'staff', score: 2 },
          { criterion: 'overall', score: 4 },
        ],
        comment: 'Nhanh gọn.',
      },
    ]);
    expect(event.detail.response.answers).to.have.length(2);
    await element.updateComplete;
    expect(element.view).to.equal('submitted');
    expect(text(element)).to.contain('Cảm ơn bạn đã đánh giá');
    expect(text(element)).to.contain('4 – Hài lòng');
    const message = element.shadowRoot?.querySelector('[part="message"]');
    expect(element.shadowRoot?.activeElement).to.equal(message);
    await expect(element).to.be.accessible();
  });

  it('refuses an empty form with a message and focus on the first choice', async () => {
    const client = fakeClient({ state: 'open', closesAt, response: null });
    const element = await survey(client);
    shadow<HTMLButtonElement>(element, '[part="submit"]').click();
    await element.updateComplete;
    await element.updateComplete;
    const alert = element.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('ít nhất một tiêu chí');
    expect(client.sent).to.have.length(0);
    expect(element.shadowRoot?.activeElement).to.equal(radios(element, 'information')[0]);
    await expect(element).to.be.accessible();
  });

  it('shows earlier answers and lets the citizen change them until the deadline', async () => {
    const client = fakeClient({ state: 'answered', closesAt, response: answered });
    const element = await survey(client, 'en');
    expect(element.view).to.equal('answered');
    expect(text(element)).to.contain('2 – Dissatisfied');
    expect(text(element)).to.contain('Not rated');
    expect(text(element)).to.contain('Chờ lâu ở quầy.');
    expect(text(element)).to.contain('You can rate or change your rating until');
    await expect(element).to.be.accessible();
    const edit = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
      b.textContent?.includes('Change my rating'),
    ) as HTMLButtonElement;
    edit.click();
    await element.updateComplete;
    expect(element.view).to.equal('editing');
    expect(radios(element, 'staff')[1]?.checked).to.equal(true);
    expect(shadow<HTMLTextAreaElement>(element, 'textarea').value).to.equal('Chờ lâu ở quầy.');
    await expect(element).to.be.accessible();
    radios(element, 'staff')[4]?.click();
    shadow<HTMLButtonElement>(element, '[part="submit"]').click();
    await until(() => element.view === 'submitted');
    expect(client.sent[0]).to.deep.include({ comment: 'Chờ lâu ở quầy.' });
  });

  it('is closed after the deadline, with or without answers', async () => {
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const withAnswers = await survey(
      fakeClient({ state: 'closed', closesAt: past, response: answered }),
    );
    expect(withAnswers.view).to.equal('closed');
    expect(text(withAnswers)).to.contain('Đã hết thời hạn sửa đánh giá');
    expect(withAnswers.shadowRoot?.querySelector('form')).to.equal(null);
    await expect(withAnswers).to.be.accessible();
    const without = await survey(fakeClient({ state: 'closed', closesAt: past, response: null }));
    expect(text(without)).to.contain('Đã hết thời hạn đánh giá hồ sơ này');
  });

  it('offers a retry after an error, and retries by itself when the network comes back', async () => {
    const broken = fakeClient({ state: 'open', closesAt, response: null }, { fail: 'server' });
    const failed = await survey(broken);
    expect(failed.view).to.equal('error');
    await expect(failed).to.be.accessible();
    broken.heal();
    shadow<HTMLButtonElement>(failed, 'button').click();
    await until(() => failed.view === 'open');

    const offline = fakeClient({ state: 'open', closesAt, response: null }, { fail: 'network' });
    const waiting = await survey(offline);
    expect(waiting.view).to.equal('offline');
    expect(text(waiting)).to.contain('Không có kết nối mạng');
    await expect(waiting).to.be.accessible();
    offline.heal();
    window.dispatchEvent(new Event('online'));
    await until(() => waiting.view === 'open');
  });

  it('fits a 360 px screen without sideways scrolling', async () => {
    const element = await survey(fakeClient({ state: 'open', closesAt, response: null }));
    element.style.width = '360px';
    await element.updateComplete;
    expect(element.scrollWidth).to.be.at.most(360);
  });
});
