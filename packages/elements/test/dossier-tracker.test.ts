import type { Client } from '@egov-kit/client';
import {
  DOSSIER_STATUSES,
  type DossierStatus,
  type LookupResult,
  NATIONAL_STATUS_CODES,
  STATUS_LABELS,
} from '@egov-kit/schema';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/dossier-tracker/define.js';
import type {
  EgovDossierTracker,
  TrackerActionDetail,
  TrackerClient,
} from '../src/dossier-tracker/dossier-tracker.js';
import { demoDossier, manyEvents, NOW } from './fixtures/dossiers.js';
import { partText, until } from './helpers.js';

// The real client fits the tracker's `client` property (a compile-time check).
const fits: (client: Client) => TrackerClient = (client) => client;
void fits;

/** The demo procedure's case, with the document the demo supplement request asks for. */
const SUPPLEMENT_PROCEDURE = {
  name: 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
  cases: [
    {
      code: 'case-1',
      name: 'Đăng ký lần đầu',
      channels: [],
      documents: [
        {
          code: 'doc-2',
          name: 'Bản sao căn cước',
          originals: 0,
          copies: 1,
          required: true,
          acceptedTypes: [],
          maxSizeBytes: 1,
        },
      ],
    },
  ],
} as const satisfies NonNullable<EgovDossierTracker['procedure']>;

async function tracker(status: DossierStatus, lang = 'vi', options = {}) {
  const { dossier, events } = demoDossier(status, options);
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-dossier-tracker .dossier=${dossier} .events=${events} .now=${NOW}
      procedure-name="Thủ tục đăng ký nghĩa vụ quân sự lần đầu"></egov-dossier-tracker>
  </div>`);
  const element = wrapper.querySelector('egov-dossier-tracker') as EgovDossierTracker;
  // The days left, the action, the next steps and the history load after the first render:
  // updateComplete waits for them (fixture() awaited it once; once more costs nothing).
  await element.updateComplete;
  return element;
}

const text = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A test double with the client's methods, answering with demo-shaped data. */
function fakeClient(answer: () => Promise<LookupResult>): TrackerClient & { calls: string[] } {
  const calls: string[] = [];
  const { dossier, events } = demoDossier('in_progress');
  return {
    calls,
    dossiers: {
      get: async (id) => {
        calls.push(`get ${id}`);
        return dossier;
      },
      events: async (id) => {
        calls.push(`events ${id}`);
        return { items: events };
      },
      lookup: async (query) => {
        calls.push(`lookup ${query.code} ${query.verifier}`);
        return answer();
      },
    },
  };
}

describe('egov-dossier-tracker', () => {
  // First in the file, so that it runs before anything has loaded the lazy details module.
  it('resolves updateComplete only once the lazily loaded parts are drawn', async () => {
    const { dossier, events } = demoDossier('awaiting_supplement');
    const element = document.createElement('egov-dossier-tracker');
    Object.assign(element, { dossier, events, now: NOW });
    document.body.append(element);
    try {
      // The first screen, drawn before the details module arrives: status and due date only.
      const root = element.shadowRoot as ShadowRoot;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const firstScreen = {
        status: root.querySelector('[part="status"]') !== null,
        due: root.querySelector('[part="due"]') !== null,
      };
      await element.updateComplete;
      expect(firstScreen).to.deep.equal({ status: true, due: true });
      expect(root.querySelector('.days'), 'the days').not.to.equal(null);
      expect(root.querySelector('.explained'), 'the explanation').not.to.equal(null);
      expect(root.querySelector('[part="action-button"]'), 'the action').not.to.equal(null);
      expect(root.querySelector('[part="next"]'), 'the next steps').not.to.equal(null);
      expect(root.querySelector('[part="timeline"]'), 'the history').not.to.equal(null);
    } finally {
      element.remove();
    }
  });

  it('marks the procedure’s Vietnamese name as lang="vi" on an English page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">
      <egov-dossier-tracker procedure-name="Đăng ký khai sinh" .dossier=${demoDossier('received').dossier}
        .events=${demoDossier('received').events} .now=${NOW}></egov-dossier-tracker></div>`);
    const element = wrapper.querySelector('egov-dossier-tracker') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await element.updateComplete;
    const name = element.shadowRoot?.querySelector('.procedure');
    expect(name?.textContent).to.equal('Đăng ký khai sinh');
    expect(name?.getAttribute('lang')).to.equal('vi');
  });

  for (const status of DOSSIER_STATUSES.filter((s) => s !== 'draft')) {
    for (const lang of ['vi', 'en'] as const) {
      it(`shows ${status} in plain words, the national code only to officials (${lang}), axe-clean`, async () => {
        const element = await tracker(status, lang);
        expect(partText(element, 'status')).to.contain(STATUS_LABELS[status][lang]);
        expect(element.shadowRoot?.querySelector('.national')).to.equal(null);
        element.showNationalCode = true;
        await element.updateComplete;
        expect(text(element)).to.contain(`: ${NATIONAL_STATUS_CODES[status]}`);
        const timeline = element.shadowRoot?.querySelector('ol[part="timeline"]');
        expect(timeline?.children.length).to.be.greaterThan(1);
        await expect(element).to.be.accessible();
      });
    }
  }

  // Issue #18: "Xem lý do bên dưới" pointed at nothing; the reason now sits under the status.
  it('gives the reason of a stop or a refusal right under the status', async () => {
    for (const [status, note] of [
      ['stopped', 'Chờ xác minh nơi cư trú với Công an xã.'],
      ['rejected', 'Hồ sơ không thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã.'],
    ] as const) {
      const element = await tracker(status);
      expect(text(element)).not.to.contain('bên dưới');
      const reason = element.shadowRoot?.querySelector('[part="reason"]');
      expect(reason?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`Lý do: ${note}`);
      await expect(element).to.be.accessible();
    }
  });

  it('speaks of "công dân", not "bạn", at the officer\'s desk (audience="officer")', async () => {
    for (const status of ['submitted', 'awaiting_supplement', 'in_progress', 'resolved'] as const) {
      const { dossier, events } = demoDossier(status);
      const wrapper = await fixture<HTMLElement>(html`<div lang="vi">
        <egov-dossier-tracker audience="officer" .dossier=${dossier} .events=${events} .now=${NOW}></egov-dossier-tracker>
      </div>`);
      const element = wrapper.querySelector('egov-dossier-tracker') as EgovDossierTracker;
      await element.updateComplete;
      const explained = element.shadowRoot?.querySelector('.explained')?.textContent ?? '';
      expect(explained, status).not.to.match(/\b[Bb]ạn\b/u);
      expect(explained, status).not.to.equal('');
    }
    const citizen = await tracker('submitted');
    expect(citizen.shadowRoot?.querySelector('.explained')?.textContent).to.contain('Bạn đã nộp');
  });

  it('offers the citizen the action each waiting status needs, and nothing otherwise', async () => {
    const expected: Partial<Record<DossierStatus, string>> = {
      awaiting_supplement: 'Bổ sung hồ sơ',
      awaiting_payment: 'Nộp phí, lệ phí',
      resolved: 'Nhận kết quả',
      returned: 'Đánh giá dịch vụ',
    };
    for (const status of DOSSIER_STATUSES.filter((s) => s !== 'draft')) {
      const element = await tracker(status);
      expect(partText(element, 'action-button'), status).to.equal(expected[status] ?? null);
    }
  });

  it('lists the documents asked for and fires egov-tracker-action with them', async () => {
    const element = await tracker('awaiting_supplement');
    element.procedure = {
      name: 'x',
      cases: [
        {
          code: 'case-1',
          name: 'x',
          channels: [],
          documents: [
            {
              code: 'doc-2',
              name: 'Bản sao căn cước',
              originals: 0,
              copies: 1,
              required: true,
              acceptedTypes: [],
              maxSizeBytes: 1,
            },
          ],
        },
      ],
    };
    await element.updateComplete;
    expect(partText(element, 'action')).to.contain('Bản sao căn cước');
    expect(partText(element, 'action')).to.contain('Bổ sung bản sao căn cước còn rõ nét.');
    const button = element.shadowRoot?.querySelector('[part="action-button"]') as HTMLElement;
    expect(button.localName).to.equal('button');
    setTimeout(() => button.click());
    const event = (await oneEvent(
      element,
      'egov-tracker-action',
    )) as CustomEvent<TrackerActionDetail>;
    expect(event.detail).to.deep.equal({
      action: 'supplement',
      code: 'HS-DEMO-000002',
      requestedDocuments: ['doc-2'],
    });
  });

  it('does not list bare requirement codes when the procedure is unknown', async () => {
    const element = await tracker('awaiting_supplement');
    expect(element.shadowRoot?.querySelector('.documents')).to.equal(null);
    expect(partText(element, 'action')).not.to.contain('doc-2');
    expect(partText(element, 'action')).to.contain('Bổ sung bản sao căn cước còn rõ nét.');
    // Nor announce a list that does not follow.
    expect(partText(element, 'action')).not.to.contain('các giấy tờ sau:');
    expect(partText(element, 'action')).to.contain('Xem phiếu yêu cầu bổ sung');
  });

  it('reads the procedure through `procedures` to name the documents asked for', async () => {
    const asked: string[] = [];
    const procedures = {
      get: async (code: string) => {
        asked.push(code);
        return SUPPLEMENT_PROCEDURE;
      },
    };
    const { dossier, events } = demoDossier('awaiting_supplement');
    const element = await fixture<EgovDossierTracker>(html`<egov-dossier-tracker
      .dossier=${dossier} .events=${events} .now=${NOW} .procedures=${procedures}></egov-dossier-tracker>`);
    await until(() => element.shadowRoot?.querySelector('.documents') !== null);
    expect(partText(element, 'action')).to.contain('Bản sao căn cước');
    expect(partText(element, 'action')).to.contain('các giấy tờ sau:');
    expect(asked).to.deep.equal(['1.013133']);
    // Read once, not on every render.
    element.showNationalCode = true;
    await element.updateComplete;
    expect(asked).to.have.length(1);
  });

  it('reads no procedure when nothing is asked for, and survives a failed read', async () => {
    let calls = 0;
    const failing = {
      get: async () => {
        calls += 1;
        throw new Error('offline');
      },
    };
    const { dossier, events } = demoDossier('in_progress');
    const element = await fixture<EgovDossierTracker>(html`<egov-dossier-tracker
      .dossier=${dossier} .events=${events} .now=${NOW} .procedures=${failing}></egov-dossier-tracker>`);
    await element.updateComplete;
    expect(calls).to.equal(0);
    const waiting = demoDossier('awaiting_supplement');
    element.events = waiting.events;
    element.dossier = waiting.dossier;
    await until(() => calls === 1);
    await element.updateComplete;
    expect(partText(element, 'action')).to.contain('Bổ sung bản sao căn cước còn rõ nét.');
  });

  it('makes the action a link when given an href, which preventDefault stops', async () => {
    const element = await tracker('awaiting_payment');
    element.hrefs = { pay: '#pay-here' };
    await element.updateComplete;
    const link = element.shadowRoot?.querySelector('a[part="action-button"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('#pay-here');
    element.addEventListener('egov-tracker-action', (event) => event.preventDefault(), {
      once: true,
    });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(click.defaultPrevented).to.equal(true);
    await expect(element).to.be.accessible();
  });

  it('counts the days left in working days', async () => {
    // Received Saturday 7 March 2026 (2.9 days before Tuesday 10 March, 10:00): due 5 working
    // days on, Monday 16 March; from Tuesday that leaves Wednesday to Monday, 4 working days.
    const element = await tracker('in_progress');
    expect(partText(element, 'due')).to.contain('16 tháng 3, 2026');
    expect(partText(element, 'due')).to.contain('Còn 4 ngày làm việc');
    expect(element.shadowRoot?.querySelector('[part="overdue"]')).to.equal(null);
  });

  it('says an overdue dossier is overdue in words, not only in colour (vi and en)', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const element = await tracker('in_progress', lang, { receivedDaysAgo: 20 });
      expect(partText(element, 'overdue')).to.contain(lang === 'vi' ? 'Quá hạn' : 'Overdue');
      expect(partText(element, 'due')).to.match(
        lang === 'vi' ? /Đã quá hạn \d+ ngày làm việc/ : /\d+ working days past the due date/,
      );
      expect(partText(element, 'due')).to.contain(lang === 'vi' ? 'xin lỗi' : 'apology');
      await expect(element).to.be.accessible();
    }
  });

  it('shows the apology with the new date and the one it replaces', async () => {
    const element = await tracker('in_progress', 'vi', { receivedDaysAgo: 8, apologyDays: 5 });
    const extension = partText(element, 'extension') ?? '';
    expect(extension).to.contain('hẹn lại ngày');
    expect(extension).to.contain('hẹn trước');
    expect(extension).to.contain('Chúng tôi xin lỗi ông.');
    expect(element.shadowRoot?.querySelector('[part="overdue"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('says the clock is paused while waiting for the citizen', async () => {
    const element = await tracker('awaiting_supplement', 'en');
    expect(partText(element, 'due')).to.contain('The time limit is paused');
  });

  it('explains what can happen next from the status machine', async () => {
    const inProgress = await tracker('in_progress', 'en');
    const next = partText(inProgress, 'next') ?? '';
    for (const status of [
      'resolved',
      'awaiting_supplement',
      'awaiting_payment',
      'stopped',
    ] as const) {
      expect(next).to.contain(STATUS_LABELS[status].en);
    }
    expect(next).not.to.contain(STATUS_LABELS.withdrawn.en);
    // Once the documents come, processing goes on: the citizen's supplement leads back.
    const waiting = await tracker('awaiting_supplement', 'en');
    expect(partText(waiting, 'next')).to.contain(STATUS_LABELS.in_progress.en);
    const returned = await tracker('returned', 'en');
    expect(partText(returned, 'next')).to.contain('nothing more will happen');
  });

  it('shows who, when, the note and the notice of each event, newest first', async () => {
    const element = await tracker('awaiting_supplement');
    const first = element.shadowRoot?.querySelector('[part="event"]') as HTMLElement;
    const line = (first.textContent ?? '').replace(/\s+/g, ' ');
    expect(line).to.contain('Yêu cầu bổ sung hồ sơ');
    expect(line).to.contain('Lê Minh Cường (demo)');
    expect(line).to.contain('Bổ sung bản sao căn cước còn rõ nét.');
    expect(line).to.contain('Phiếu yêu cầu bổ sung hồ sơ');
    expect(first.querySelector('time')?.getAttribute('datetime')).to.match(/^2026-03-09/);
  });

  it('announces a change of status politely, and not the first one', async () => {
    const element = await tracker('in_progress');
    const live = element.shadowRoot?.querySelector('[role="status"]') as HTMLElement;
    expect(live.textContent?.trim()).to.equal('');
    element.dossier = demoDossier('awaiting_supplement').dossier;
    await element.updateComplete;
    expect(live.textContent?.trim()).to.equal('Trạng thái hồ sơ đã thay đổi: Chờ bổ sung hồ sơ.');
  });

  it('renders 500 events fast, the newest 10 first, and all on request', async () => {
    const { dossier, events } = manyEvents(500);
    const start = performance.now();
    const element = await fixture<EgovDossierTracker>(html`<egov-dossier-tracker
      .dossier=${dossier} .events=${events} .now=${NOW}></egov-dossier-tracker>`);
    const first = performance.now() - start;
    expect(element.shadowRoot?.querySelectorAll('[part="event"]').length).to.equal(10);
    const more = element.shadowRoot?.querySelector('.show-all') as HTMLButtonElement;
    expect(more.textContent).to.contain('500');
    const before = performance.now();
    more.click();
    await element.updateComplete;
    const all = performance.now() - before;
    expect(element.shadowRoot?.querySelectorAll('[part="event"]').length).to.equal(500);
    expect(element.shadowRoot?.querySelector('ol')?.getAttribute('start')).to.equal('500');
    expect(first, 'first render ms').to.be.below(100);
    expect(all, 'all 500 events ms').to.be.below(250);
  });

  it('loads by code and verifier through the client', async () => {
    const { dossier, events } = demoDossier('resolved');
    const client = fakeClient(async () => ({
      dossier,
      procedureName: 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
      events: events.map(({ action, fromStatus, toStatus, at, dueAt, notice }) => ({
        action,
        fromStatus,
        toStatus,
        at,
        ...(dueAt ? { dueAt } : {}),
        ...(notice ? { notice } : {}),
      })),
      resultAttachmentIds: [],
    }));
    const element = await fixture<EgovDossierTracker>(html`<egov-dossier-tracker
      code="HS-DEMO-000002" verifier="DEMO2345" .client=${client} .now=${NOW}></egov-dossier-tracker>`);
    await until(() => partText(element, 'status') !== null);
    expect(client.calls).to.deep.equal(['lookup HS-DEMO-000002 DEMO2345']);
    expect(partText(element, 'status')).to.contain('Đã có kết quả');
    expect(text(element)).to.contain('Thủ tục đăng ký nghĩa vụ quân sự lần đầu');
    await expect(element).to.be.accessible();
  });

  it('loads the citizen’s own dossier by id', async () => {
    const client = fakeClient(async () => {
      throw new Error('not called');
    });
    const element = await fixture<EgovDossierTracker>(html`<egov-dossier-tracker
      dossier-id="d-1" .client=${client} .now=${NOW}></egov-dossier-tracker>`);
    await until(() => partText(element, 'status') !== null);
    expect(client.calls).to.deep.equal(['get d-1', 'events d-1']);
    expect(partText(element, 'status')).to.contain('Đang giải quyết');
  });

  it('says a failed load plainly and retries', async () => {
    let fail = true;
    const { dossier } = demoDossier('received');
    const client = fakeClient(async () => {
      if (fail)
        throw Object.assign(new Error('x'), { status: 429, code: 'rate_limited', retryAfter: 30 });
      return { dossier, procedureName: 'x', events: [], resultAttachmentIds: [] };
    });
    const element = await fixture<EgovDossierTracker>(html`<div lang="en"><egov-dossier-tracker
      code="HS-DEMO-000002" verifier="DEMO2345" .client=${client}></egov-dossier-tracker></div>`);
    const tracker = element.querySelector('egov-dossier-tracker') as EgovDossierTracker;
    await until(() => partText(tracker, 'error') !== null);
    expect(partText(tracker, 'error')).to.contain('Try again in 30 seconds');
    await expect(tracker).to.be.accessible();
    fail = false;
    (tracker.shadowRoot as ShadowRoot)
      .querySelector<HTMLButtonElement>('[part="error"] button')
      ?.click();
    await until(() => partText(tracker, 'status') !== null);
    expect(partText(tracker, 'error')).to.equal(null);
  });
});
