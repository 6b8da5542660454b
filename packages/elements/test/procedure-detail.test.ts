import type { Procedure } from '@egov-kit/schema';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/procedure-detail/define.js';
import type {
  EgovProcedureDetail,
  ProcedureDetailClient,
} from '../src/procedure-detail/procedure-detail.js';
import { partText, until } from './helpers.js';
import { nationalProcedure } from './national-procedures.js';

// Real records of the national database (packages/server/data), each chosen for one trait.
const FREE = '1.013124'; // "Phí : 0 Đồng" on all three channels
const PAID = '1.013539'; // four fees from 2,000,000 to 5,000,000 đồng
const MIXED_FEES = '1.013575'; // fees in USD and in đồng: only the đồng one is read as a number
const WORDS_FEE = '1.013200'; // "50% of the rate of Circular 249/2016": no number at all
const FOUR_CASES = '1.013285'; // four cases, 10 to 30 working days
const NOT_ONLINE = '1.013134'; // onlineLevel: none

async function show(procedure: Procedure | null, lang = 'vi', attrs: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-procedure-detail
      .procedure=${procedure}
      apply-href=${attrs['apply-href'] ?? ''}
      heading-level=${attrs['heading-level'] ?? '2'}
    ></egov-procedure-detail>
  </div>`);
  const element = wrapper.querySelector('egov-procedure-detail') as EgovProcedureDetail;
  await element.updateComplete;
  return element;
}

const headings = (element: EgovProcedureDetail) =>
  [...(element.shadowRoot?.querySelectorAll('[role="heading"]') ?? [])].map((heading) => ({
    level: Number(heading.getAttribute('aria-level')),
    text: (heading.textContent ?? '').trim(),
  }));

const texts = (element: EgovProcedureDetail, selector: string) =>
  [...(element.shadowRoot?.querySelectorAll(selector) ?? [])].map((node) =>
    (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );

/** A real procedure with every optional section filled, the rich ones with HTML as published. */
async function complete(): Promise<Procedure> {
  const procedure = await nationalProcedure(PAID);
  procedure.description =
    '<p>Cấp <strong>Giấy phép</strong> sử dụng vật liệu nổ công nghiệp.</p><ul><li>Lần đầu</li></ul>';
  const document = procedure.cases[0]?.documents[0];
  if (document) {
    document.template = { name: 'Mẫu số 01', url: 'https://dichvucong.gov.vn/mau-01.docx' };
  }
  return procedure;
}

describe('egov-procedure-detail', () => {
  it('shows every section of a complete procedure, with semantic headings', async () => {
    const element = await show(await complete());
    expect(headings(element)).to.deep.equal([
      {
        level: 2,
        text: 'Thủ tục cấp Giấy phép sử dụng vật liệu nổ công nghiệp lần đầu (đối với tổ chức, doanh nghiệp không thi công công trình quốc phòng, an ninh; không làm dịch vụ nổ mìn)',
      },
      { level: 3, text: 'Thủ tục này để làm gì' },
      { level: 3, text: 'Ai được thực hiện' },
      { level: 4, text: 'Yêu cầu, điều kiện' },
      { level: 3, text: 'Các bước thực hiện' },
      { level: 3, text: 'Cách nộp, thời hạn và phí, lệ phí' },
      { level: 3, text: 'Thành phần hồ sơ' },
      { level: 3, text: 'Kết quả bạn nhận được' },
      { level: 3, text: 'Nơi nộp hồ sơ và cơ quan giải quyết' },
      { level: 3, text: 'Căn cứ pháp lý' },
    ]);
    const summary = [...(element.shadowRoot?.querySelectorAll('[part="summary"] > div') ?? [])].map(
      (pair) => [...pair.children].map((child) => child.textContent?.trim()).join(' '),
    );
    expect(summary[0]).to.equal('Mã thủ tục 1.013539');
    expect(summary).to.include('Cấp thực hiện Cấp Bộ');
    expect(partText(element, 'online-level')).to.contain('Trực tuyến một phần');
    expect(partText(element, 'online-level')).to.contain('có bước phải đến cơ quan');
    const rich = element.shadowRoot?.querySelector('[part="rich-text"]');
    expect(rich?.querySelector('strong')?.textContent).to.equal('Giấy phép');
    expect(rich?.querySelectorAll('li').length).to.equal(1);
    expect(texts(element, '[part="document"]').length).to.equal(13);
    const template = element.shadowRoot?.querySelector('[part="document"] a') as HTMLAnchorElement;
    expect(template.href).to.equal('https://dichvucong.gov.vn/mau-01.docx');
    expect(template.rel).to.equal('noopener noreferrer');
    expect(template.textContent).to.equal('Tải mẫu: Mẫu số 01');
    expect(texts(element, '.legal li')[0]).to.match(/^\S/);
    expect(texts(element, '.pairs dt')).to.include('Địa chỉ tiếp nhận hồ sơ');
  });

  it('follows heading-level', async () => {
    const element = await show(await nationalProcedure(FREE), 'vi', { 'heading-level': '3' });
    const levels = headings(element).map((heading) => heading.level);
    expect(levels[0]).to.equal(3);
    expect(levels.slice(1).every((level) => level === 4)).to.be.true;
  });

  it('leaves out the sections a procedure does not have', async () => {
    const procedure = await nationalProcedure(FREE);
    procedure.description = undefined;
    procedure.conditions = undefined;
    procedure.targetGroups = [];
    procedure.legalBasis = [];
    procedure.results = [];
    procedure.receivingAddress = undefined;
    procedure.agencies = { implementing: [], competent: [], delegated: [], coordinating: [] };
    const element = await show(procedure);
    expect(headings(element).map((heading) => heading.text)).to.deep.equal([
      procedure.name,
      'Các bước thực hiện',
      'Cách nộp, thời hạn và phí, lệ phí',
      'Thành phần hồ sơ',
    ]);
    await expect(element).to.be.accessible();
  });

  it('sanitises every published text: no script, no event handler, no javascript: link', async () => {
    const procedure = await nationalProcedure(FREE);
    const attack = [
      '<p>Mô tả <img src="x" onerror="window.__pwned = 1"></p>',
      '<script>window.__pwned = 2</script>',
      '<a href="javascript:window.__pwned = 3">bấm</a>',
      '<a href=" JaVaScRiPt:alert(1)">lừa</a>',
      '<a href="https://thuvienphapluat.vn/van-ban" target="_top" onclick="x()">văn bản</a>',
      '<p style="color:red" class="x" onmouseover="y()">đỏ</p>',
      '<svg><script>window.__pwned = 4</script></svg><iframe src="https://evil"></iframe>',
      '<form action="https://evil"><input name="q"></form>',
    ].join('');
    procedure.description = attack;
    procedure.conditions = attack;
    procedure.steps = [attack];
    procedure.results = [attack];
    procedure.receivingAddress = attack;
    const channel = procedure.cases[0]?.channels[0];
    if (channel) channel.description = attack;
    const document = procedure.cases[0]?.documents[0];
    if (document) document.note = attack;
    const element = await show(procedure);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const root = element.shadowRoot as ShadowRoot;
    const rich = [...root.querySelectorAll('[part="rich-text"]')].filter((block) =>
      block.textContent?.includes('Mô tả'),
    );
    // Description, conditions, a step, a result, the address, a channel's and a document's note.
    expect(rich.length).to.equal(7);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    for (const block of rich) {
      expect(
        block.querySelector(
          'img, script, svg, iframe, form, input, [style], [class], [onclick], [onerror], [onmouseover], [target]',
        ),
      ).to.be.null;
      const links = [...block.querySelectorAll('a')];
      expect(links.length).to.equal(3);
      expect(links[0]?.hasAttribute('href')).to.be.false;
      expect(links[1]?.hasAttribute('href')).to.be.false;
      expect(links[2]?.getAttribute('href')).to.equal('https://thuvienphapluat.vn/van-ban');
      expect(links[2]?.getAttribute('rel')).to.equal('noopener noreferrer');
      // The text of what was removed stays where it was harmless.
      expect(block.textContent).to.contain('Mô tả');
      expect(block.textContent).to.contain('đỏ');
      expect(block.textContent).not.to.contain('__pwned');
    }
  });

  it('keeps the line breaks of plain published text', async () => {
    const procedure = await nationalProcedure(FREE);
    procedure.description = 'Dòng một\nDòng hai: 3 < 5 & 5 > 3';
    const element = await show(procedure);
    const rich = element.shadowRoot?.querySelector('[part="rich-text"]');
    expect(rich?.querySelectorAll('br').length).to.equal(1);
    expect(rich?.textContent).to.equal('Dòng mộtDòng hai: 3 < 5 & 5 > 3');
  });

  it('says "Miễn phí" / "Free of charge" per channel for a free procedure', async () => {
    const procedure = await nationalProcedure(FREE);
    const vi = await show(procedure);
    expect(texts(vi, '[part="channel"] .channel-name')).to.deep.equal([
      'Nộp trực tiếp',
      'Nộp trực tuyến',
      'Qua dịch vụ bưu chính',
    ]);
    expect(texts(vi, '[part="fees"]')).to.deep.equal(['Miễn phí', 'Miễn phí', 'Miễn phí']);
    expect(texts(vi, '[part="channel"] dd')[0]).to.equal('30 ngày làm việc');
    const en = await show(procedure, 'en');
    expect(texts(en, '[part="fees"]')).to.deep.equal([
      'Free of charge',
      'Free of charge',
      'Free of charge',
    ]);
    expect(texts(en, '[part="channel"] dd')[0]).to.equal('30 working days');
  });

  it('formats fees in đồng for the reader, per channel, with who pays', async () => {
    const procedure = await nationalProcedure(PAID);
    const vi = await show(procedure);
    const fees = texts(vi, '[part="fees"]');
    expect(fees.length).to.equal(3);
    expect(fees[0]).to.contain('Phí: 2.000.000 ₫ — Thẩm định cấp phép sử dụng vật liệu nổ');
    expect(fees[0]).to.contain('5.000.000 ₫');
    expect(fees[0]).not.to.contain('Miễn phí');
    const en = await show(procedure, 'en');
    expect(texts(en, '[part="fees"]')[0]).to.contain('Fee: ₫2,000,000');
  });

  it('keeps a fee it cannot read as a number in the published words', async () => {
    const words = await show(await nationalProcedure(WORDS_FEE));
    for (const fee of texts(words, '[part="fees"]')) {
      expect(fee).to.contain('Mức thu bằng 50% mức thu phí');
      expect(fee).not.to.contain('Miễn phí');
    }
    // USD amounts beside a đồng one: the đồng fee formatted, and the whole text as published.
    const mixed = await show(await nationalProcedure(MIXED_FEES), 'en');
    const fee = texts(mixed, '[part="fees"]')[0] ?? '';
    expect(fee).to.contain('Charge: ₫20,000');
    expect(fee).to.contain('As published (in Vietnamese)');
    expect(fee).to.contain('01 USD');
    expect(texts(mixed, '[part="channel"] dd')[0]).to.equal('The same day');
    await expect(mixed).to.be.accessible();
  });

  it('groups channels and documents by case when there are several', async () => {
    const procedure = await nationalProcedure(FOUR_CASES);
    const element = await show(procedure);
    const cases = texts(element, '.case');
    expect(cases.length).to.equal(8);
    expect(cases.slice(0, 4)).to.deep.equal(procedure.cases.map((c) => c.name));
    expect(texts(element, '[part="channel"]').length).to.equal(12);
    const times = texts(element, '[part="channel"] .pairs > div:first-child dd');
    expect(times.filter((_, i) => i % 3 === 0)).to.deep.equal([
      '10 ngày làm việc',
      '15 ngày làm việc',
      '20 ngày làm việc',
      '30 ngày làm việc',
    ]);
    await expect(element).to.be.accessible();
  });

  it('counts originals and copies, and says which documents are required', async () => {
    const procedure = await nationalProcedure(FREE);
    const [first, second] = procedure.cases[0]?.documents ?? [];
    if (!first || !second) throw new Error('fixture');
    first.originals = 1;
    first.copies = 2;
    second.required = false;
    second.originals = 0;
    second.copies = 1;
    const vi = await show(procedure);
    const meta = texts(vi, '.document-meta');
    expect(meta).to.deep.equal([
      'Bắt buộc · 1 bản chính, 2 bản sao',
      'Nếu thuộc trường hợp · 1 bản sao',
    ]);
    const en = await show(procedure, 'en');
    expect(texts(en, '.document-meta')).to.deep.equal([
      'Required · 1 original, 2 copies',
      'Only if it applies to you · 1 copy',
    ]);
  });

  it('says the declaration is required but filled in online, not uploaded', async () => {
    const procedure = await nationalProcedure(FREE);
    const [first] = procedure.cases[0]?.documents ?? [];
    if (!first) throw new Error('fixture');
    first.required = true;
    first.onlineForm = true;
    first.originals = 1;
    first.copies = 0;
    const [vi] = texts(await show(procedure), '.document-meta');
    expect(vi).to.equal(
      'Bắt buộc — nộp trực tuyến: kê khai trên biểu mẫu điện tử, không cần tải lên · 1 bản chính',
    );
    const [en] = texts(await show(procedure, 'en'), '.document-meta');
    expect(en).to.equal(
      'Required — online, the e-form is this document: nothing to upload · 1 original',
    );
  });

  it('makes the apply action a link with the code filled in, and fires egov-apply', async () => {
    const procedure = await nationalProcedure(FREE);
    const element = await show(procedure, 'vi', { 'apply-href': '/apply.html?code={code}' });
    const link = element.shadowRoot?.querySelector('a[part="apply"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('/apply.html?code=1.013124');
    expect(link.textContent).to.equal('Nộp hồ sơ trực tuyến');
    // Cancel it so that the test page stays; cancelling also stops the link.
    element.addEventListener('egov-apply', (event) => event.preventDefault(), { once: true });
    const fired = oneEvent(element, 'egov-apply');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    const event = await fired;
    expect(event.detail.procedure).to.equal(procedure);
    expect(click.defaultPrevented).to.be.true;
    await expect(element).to.be.accessible();
  });

  it('is a button without apply-href, and does not offer to apply when not online', async () => {
    const element = await show(await nationalProcedure(FREE), 'en');
    const button = element.shadowRoot?.querySelector('button[part="apply"]') as HTMLButtonElement;
    expect(button.textContent?.trim()).to.equal('Apply online');
    const fired = oneEvent(element, 'egov-apply');
    button.click();
    expect((await fired).detail.procedure.code).to.equal(FREE);
    const offline = await show(await nationalProcedure(NOT_ONLINE), 'vi', {
      'apply-href': '/apply.html?code={code}',
    });
    expect(offline.shadowRoot?.querySelector('[part="apply"]')).to.be.null;
    expect(partText(offline, 'online-level')).to.contain('Không trực tuyến');
    expect(offline.shadowRoot?.querySelector('.not-online')?.textContent).to.contain(
      'chưa nộp trực tuyến được',
    );
  });

  it('refuses a javascript: apply-href', async () => {
    const element = await show(await nationalProcedure(FREE), 'vi', {
      'apply-href': 'javascript:alert({code})',
    });
    expect(element.shadowRoot?.querySelector('a[part="apply"]')).to.be.null;
    expect(element.shadowRoot?.querySelector('button[part="apply"]')).not.to.be.null;
  });

  describe('loading through a client', () => {
    /** A client double: answers from the real records, or fails as told. */
    function client(failures: unknown[] = []) {
      const calls: { code: string; signal: AbortSignal | undefined }[] = [];
      const gate: { release?: () => void } = {};
      const double: ProcedureDetailClient & { calls: typeof calls; hold: boolean } = {
        calls,
        hold: false,
        procedures: {
          async get(code, options) {
            calls.push({ code, signal: options?.signal });
            if (double.hold) await new Promise<void>((resolve) => (gate.release = resolve));
            const failure = failures.shift();
            if (failure) throw failure;
            return nationalProcedure(code).catch(() => {
              throw Object.assign(new Error('not found'), { status: 404, code: 'not_found' });
            });
          },
        },
      };
      return { double, gate };
    }

    async function load(code: string, lang: string, c: ProcedureDetailClient) {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
        <egov-procedure-detail code=${code} .client=${c}></egov-procedure-detail>
      </div>`);
      return wrapper.querySelector('egov-procedure-detail') as EgovProcedureDetail;
    }

    for (const lang of ['vi', 'en'] as const) {
      it(`says it is loading, then shows the procedure (${lang})`, async () => {
        const { double, gate } = client();
        double.hold = true;
        const element = await load(FREE, lang, double);
        expect(partText(element, 'status')).to.equal(
          lang === 'vi' ? 'Đang tải thông tin thủ tục…' : 'Loading the procedure…',
        );
        expect(element.shadowRoot?.querySelector('[part="status"]')?.getAttribute('role')).to.equal(
          'status',
        );
        await expect(element).to.be.accessible();
        gate.release?.();
        await until(() => !!element.procedure);
        await element.updateComplete;
        expect(partText(element, 'status')).to.be.null;
        expect(headings(element)[0]?.text).to.contain('ứng phó sự cố tràn dầu');
        await expect(element).to.be.accessible();
      });

      it(`says plainly when no procedure has the code (${lang})`, async () => {
        const { double } = client();
        const element = await load('9.999999', lang, double);
        await until(() => partText(element, 'error') !== null);
        expect(partText(element, 'error')).to.equal(
          lang === 'vi'
            ? 'Không tìm thấy thủ tục có mã 9.999999. Kiểm tra lại mã thủ tục hoặc tìm theo tên.'
            : 'There is no procedure with code 9.999999. Check the code, or search by name.',
        );
        expect(element.shadowRoot?.querySelector('[part="retry"]')).to.be.null;
        await expect(element).to.be.accessible();
      });

      it(`offers to try again after a network failure (${lang})`, async () => {
        const { double } = client([new TypeError('Failed to fetch')]);
        const element = await load(FREE, lang, double);
        await until(() => partText(element, 'error') !== null);
        expect(element.shadowRoot?.querySelector('[part="error"]')?.getAttribute('role')).to.equal(
          'alert',
        );
        expect(partText(element, 'error')).to.contain(
          lang === 'vi' ? 'Không tải được thông tin thủ tục' : 'The procedure could not be loaded',
        );
        await expect(element).to.be.accessible();
        (element.shadowRoot as ShadowRoot)
          .querySelector<HTMLButtonElement>('[part="retry"]')
          ?.click();
        await until(() => !!element.procedure);
        await element.updateComplete;
        expect(partText(element, 'error')).to.be.null;
        expect(double.calls.length).to.equal(2);
      });
    }

    it('cancels the previous load when the code changes', async () => {
      const { double, gate } = client();
      double.hold = true;
      const element = await load(FREE, 'vi', double);
      const first = double.calls[0];
      double.hold = false;
      const release = gate.release;
      element.code = PAID;
      await until(() => element.procedure?.code === PAID);
      expect(first?.signal?.aborted).to.be.true;
      release?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
      // The late answer for the old code does not replace the new one.
      expect(element.procedure?.code).to.equal(PAID);
    });

    it('does not load when a procedure with that code is given', async () => {
      const { double } = client();
      const procedure = await nationalProcedure(FREE);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <egov-procedure-detail code=${FREE} .procedure=${procedure} .client=${double}></egov-procedure-detail>
      </div>`);
      await (wrapper.firstElementChild as EgovProcedureDetail).updateComplete;
      expect(double.calls).to.deep.equal([]);
    });
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`is axe-clean with every section (${lang})`, async () => {
      const element = await show(await complete(), lang, { 'apply-href': '/apply?c={code}' });
      await expect(element).to.be.accessible();
      if (lang === 'en') {
        expect(headings(element)[1]?.text).to.equal('What this procedure is for');
        expect(partText(element, 'online-level')).to.contain('Partly online');
        expect(
          element.shadowRoot?.querySelector('[part="heading"]')?.getAttribute('lang'),
        ).to.equal('vi');
      }
    });
  }
});
