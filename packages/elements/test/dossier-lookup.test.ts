import type { LookupResult } from '@egov-kit/schema';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/dossier-lookup/define.js';
import type { EgovDossierLookup, LookupClient } from '../src/dossier-lookup/dossier-lookup.js';
import { demoDossier, NOW } from './fixtures/dossiers.js';
import { partText, typeInto, until } from './helpers.js';

/** Answers as the reference server does for the demo receipt HS-DEMO-000002 / DEMO2345. */
function fakeServer(): LookupClient & { calls: number } {
  const { dossier, events } = demoDossier('in_progress');
  const fake = {
    calls: 0,
    dossiers: {
      lookup: async ({
        code,
        verifier,
      }: {
        code: string;
        verifier: string;
      }): Promise<LookupResult> => {
        fake.calls += 1;
        if (code === 'SPAM')
          throw Object.assign(new Error('429'), {
            status: 429,
            code: 'rate_limited',
            retryAfter: 120,
          });
        if (code === 'HS-NOMATCH')
          throw Object.assign(new Error('404'), { status: 404, code: 'no_match' });
        if (code !== 'HS-DEMO-000002')
          throw Object.assign(new Error('404'), { status: 404, code: 'unknown_code' });
        if (verifier !== 'DEMO2345')
          throw Object.assign(new Error('403'), { status: 403, code: 'wrong_verifier' });
        return {
          dossier,
          procedureName: 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
          events,
          resultAttachmentIds: [],
        };
      },
    },
  };
  return fake;
}

async function lookup(lang = 'vi') {
  const wrapper = await fixture<HTMLElement>(
    html`<div lang=${lang}><egov-dossier-lookup .client=${fakeServer()} .now=${NOW}></egov-dossier-lookup></div>`,
  );
  const element = wrapper.querySelector('egov-dossier-lookup') as EgovDossierLookup;
  await element.updateComplete;
  return element;
}

async function submit(element: EgovDossierLookup, code: string, verifier: string) {
  await typeInto(element, '#code', code);
  await typeInto(element, '#verifier', verifier);
  (element.shadowRoot as ShadowRoot).querySelector<HTMLButtonElement>('[part="submit"]')?.click();
  await until(
    () =>
      !(element.shadowRoot as ShadowRoot).querySelector<HTMLButtonElement>('[part="submit"]')
        ?.disabled,
  );
  await element.updateComplete;
}

const focusedId = (element: EgovDossierLookup) =>
  (element.shadowRoot?.activeElement as HTMLElement | null)?.id;

describe('egov-dossier-lookup names the documents asked for', () => {
  it('reads the procedure through the client and lists the documents in its tracker', async () => {
    const { dossier, events } = demoDossier('awaiting_supplement');
    const asked: string[] = [];
    const client: LookupClient = {
      dossiers: {
        lookup: async () => ({
          dossier,
          procedureName: 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
          events,
          resultAttachmentIds: [],
        }),
      },
      procedures: {
        get: async (code) => {
          asked.push(code);
          return {
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
          };
        },
      },
    };
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><egov-dossier-lookup .client=${client} .now=${NOW}></egov-dossier-lookup></div>`,
    );
    const element = wrapper.querySelector('egov-dossier-lookup') as EgovDossierLookup;
    await submit(element, 'HS-DEMO-000002', 'DEMO2345');
    const tracker = element.shadowRoot?.querySelector('egov-dossier-tracker') as HTMLElement;
    await until(() => tracker.shadowRoot?.querySelector('.documents') !== null);
    expect(partText(tracker, 'action')).to.contain('The agency asks you to send these documents:');
    expect(partText(tracker, 'action')).to.contain('Bản sao căn cước');
    expect(asked).to.deep.equal(['1.013133']);
    await expect(element).to.be.accessible();
  });
});

describe('egov-dossier-lookup', () => {
  it('is axe-clean empty, in vi and en', async () => {
    for (const lang of ['vi', 'en']) await expect(await lookup(lang)).to.be.accessible();
  });

  it('asks for both codes before calling the server', async () => {
    const element = await lookup();
    await submit(element, '', 'DE');
    expect(partText(element, 'field-error')).to.contain('Nhập mã hồ sơ.');
    expect(element.shadowRoot?.querySelectorAll('[part="field-error"]').length).to.equal(2);
    expect(focusedId(element)).to.equal('code');
    await expect(element).to.be.accessible();
  });

  it('finds the dossier and shows the tracker, firing egov-dossier-found', async () => {
    const element = await lookup();
    const found = oneEvent(element, 'egov-dossier-found');
    await submit(element, 'HS-DEMO-000002', 'DEMO2345');
    expect((await found).detail.result.dossier.status).to.equal('in_progress');
    const tracker = element.shadowRoot?.querySelector('egov-dossier-tracker') as HTMLElement;
    await until(() => partText(tracker, 'status') !== null);
    expect(partText(tracker, 'status')).to.contain('Đang giải quyết');
    await expect(element).to.be.accessible();
  });

  it('announces what it found and takes focus to the status (WCAG 4.1.3, 2.4.3)', async () => {
    const element = await lookup();
    await submit(element, 'HS-DEMO-000002', 'DEMO2345');
    const live = element.shadowRoot?.querySelector('[role="status"]');
    expect(live?.textContent?.trim()).to.equal('Đã tìm thấy hồ sơ HS-DEMO-000002.');
    const tracker = element.shadowRoot?.querySelector('egov-dossier-tracker') as HTMLElement;
    await until(() => (tracker.shadowRoot?.activeElement as HTMLElement | null)?.id === 'status');
    expect(element.shadowRoot?.activeElement).to.equal(tracker);
    expect(tracker.shadowRoot?.activeElement?.textContent).to.contain('Đang giải quyết');
    // A failed lookup empties the message: it does not repeat an earlier success.
    await submit(element, 'HS-NOMATCH', 'DEMO2345');
    expect(live?.textContent?.trim()).to.equal('');
  });

  it('says a wrong code at the code field (vi and en)', async () => {
    for (const [lang, words] of [
      ['vi', 'Không tìm thấy hồ sơ'],
      ['en', 'No application has this code'],
    ]) {
      const element = await lookup(lang);
      await submit(element, 'HS-NOPE', 'DEMO2345');
      const input = element.shadowRoot?.querySelector('#code') as HTMLInputElement;
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.contain('code-error');
      expect(partText(element, 'field-error')).to.contain(words);
      expect(focusedId(element)).to.equal('code');
      await expect(element).to.be.accessible();
    }
  });

  it('says a wrong verifier at the verifier field', async () => {
    const element = await lookup('en');
    await submit(element, 'HS-DEMO-000002', 'WRONG1');
    expect(partText(element, 'field-error')).to.contain('The verification code is wrong');
    expect(focusedId(element)).to.equal('verifier');
    expect(element.shadowRoot?.querySelector('egov-dossier-tracker')).to.equal(null);
  });

  it('says a code-and-verifier mismatch at both fields when the server will not say which', async () => {
    const element = await lookup('en');
    await submit(element, 'HS-NOMATCH', 'DEMO2345');
    expect(element.shadowRoot?.querySelectorAll('[part="field-error"]').length).to.equal(2);
    expect(partText(element, 'field-error')).to.contain('Check both on your receipt');
    expect(focusedId(element)).to.equal('code');
    await expect(element).to.be.accessible();
  });

  it('reads the receipt from the fragment, looks up at once and takes the verifier out of the address', async () => {
    const before = location.href;
    history.replaceState(null, '', '?keep=1#code=HS-DEMO-000002&verifier=DEMO2345');
    try {
      const fake = fakeServer();
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="en"><egov-dossier-lookup read-url .client=${fake} .now=${NOW}></egov-dossier-lookup></div>`,
      );
      const element = wrapper.querySelector('egov-dossier-lookup') as EgovDossierLookup;
      await until(() => fake.calls === 1);
      expect(element.code).to.equal('HS-DEMO-000002');
      expect(location.href).not.to.contain('DEMO2345');
      expect(location.search).to.equal('?keep=1');
      expect(location.hash).to.equal('');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('says when to try again when rate limited', async () => {
    for (const [lang, words] of [
      ['vi', 'thử lại sau 2 phút'],
      ['en', 'Try again in 2 minutes'],
    ]) {
      const element = await lookup(lang);
      await submit(element, 'SPAM', 'DEMO2345');
      expect(partText(element, 'error')).to.contain(words);
      expect(element.shadowRoot?.activeElement?.getAttribute('part')).to.equal('error');
      await expect(element).to.be.accessible();
    }
  });
});
