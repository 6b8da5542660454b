import { expect, fixture, html, oneEvent } from '@open-wc/testing';
// jsQR ships only a UMD build: run as a module, it sets `self.jsQR`.
import 'jsqr';
import '../src/receipt/define.js';
import { type EgovReceipt, officialTime, type ReceiptDossier } from '../src/receipt/receipt.js';
import { receiptDossier } from './fixtures/dossiers.js';
import { partText, realProcedures } from './helpers.js';

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = (globalThis as unknown as { jsQR: Decode }).jsQR;
const procedure = (await realProcedures()).find((p) => p.code === '1.013133');
const AGENCY = 'Ủy ban nhân dân xã Hòa Vang';

async function receipt(dossier: ReceiptDossier, lang = 'vi', lookupUrl = '/tra-cuu') {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-receipt .dossier=${dossier} .procedure=${procedure} agency=${AGENCY}
      received-by="Lê Minh Cường" lookup-url=${lookupUrl}></egov-receipt>
  </div>`);
  const element = wrapper.querySelector('egov-receipt') as EgovReceipt;
  await element.updateComplete;
  return element;
}

const text = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Reads the QR code back as a phone would: draws the SVG on a canvas and decodes it. */
async function decodeQr(element: EgovReceipt): Promise<string | null> {
  const svg = element.shadowRoot?.querySelector('[part="qr"] svg') as SVGSVGElement;
  const source = new XMLSerializer().serializeToString(svg);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const size = 400;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d') as CanvasRenderingContext2D;
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, size, size);
  const pixels = context.getImageData(0, 0, size, size);
  return jsQR(pixels.data, size, size)?.data ?? null;
}

describe('egov-receipt', () => {
  it('marks Vietnamese data as lang="vi" on an English page (WCAG 3.1.2)', async () => {
    const element = await receipt(receiptDossier('received'), 'en');
    const marked = [...(element.shadowRoot?.querySelectorAll('[lang="vi"]') ?? [])].map((node) =>
      (node.textContent ?? '').trim(),
    );
    expect(marked).to.include(AGENCY);
    expect(marked).to.include(procedure?.name);
    // The labels stay English.
    expect(element.shadowRoot?.querySelector('dt')?.closest('[lang="vi"]')).to.equal(null);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`shows a received dossier: agency, applicant, request, documents, dates, codes (${lang}), axe-clean`, async () => {
      const element = await receipt(receiptDossier('received'), lang);
      const all = text(element);
      expect(partText(element, 'title')).to.equal(
        lang === 'vi'
          ? 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả'
          : 'Receipt of application and date for the result',
      );
      for (const expected of [
        AGENCY,
        'Nguyễn Văn An',
        '048207000123',
        'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
        'HS-DEMO-000002',
        'DEMO2345',
        'Lê Minh Cường',
      ]) {
        expect(all).to.contain(expected);
      }
      // The documents are named from the procedure, with originals/copies and files.
      const documents = element.shadowRoot?.querySelectorAll('[part="documents"] li') ?? [];
      expect(documents.length).to.equal(2);
      expect(documents[0]?.textContent).to.contain('Phiếu tự khai sức khỏe nghĩa vụ quân sự');
      expect(documents[0]?.textContent).to.contain(lang === 'vi' ? '1 bản chính' : '1 original');
      expect(documents[1]?.textContent).to.contain(lang === 'vi' ? '2 tệp' : '2 files');
      expect(partText(element, 'due')).to.match(
        // As docs/wording.md writes times: "17:00 ngày 16/03/2026".
        lang === 'vi' ? /\d{2}:\d{2} ngày \d{2}\/03\/2026/ : /\d{2}:\d{2} on \d{2}\/03\/2026/,
      );
      expect(element.shadowRoot?.querySelector('[part="due"]')?.classList.contains('missing')).to.be
        .false;
      await expect(element).to.be.accessible();
    });

    it(`says plainly when no due date is set (${lang}), axe-clean`, async () => {
      const { dueAt: _, ...dossier } = receiptDossier('received');
      const element = await receipt(dossier, lang);
      const due = element.shadowRoot?.querySelector('[part="due"]');
      expect(due?.classList.contains('missing')).to.be.true;
      expect(partText(element, 'due')).to.contain(
        lang === 'vi' ? 'Chưa có ngày hẹn trả kết quả' : 'No date for the result yet',
      );
      await expect(element).to.be.accessible();
    });

    it(`shows a resolved dossier's receipt with its current status on screen (${lang}), axe-clean`, async () => {
      const element = await receipt(receiptDossier('resolved'), lang);
      expect(text(element)).to.contain(lang === 'vi' ? 'Tình trạng hiện tại' : 'Current status');
      await expect(element).to.be.accessible();
    });
  }

  // Issue #18, item 7: before reception the paper must not call itself a receipt.
  it('before reception: a confirmation of online submission, no signature blocks, axe-clean', async () => {
    const { receivedAt: _r, dueAt: _d, ...dossier } = receiptDossier('submitted');
    const element = await receipt({ ...dossier, submittedAt: '2026-12-04T23:00:00Z' });
    expect(partText(element, 'title')).to.equal('Xác nhận nộp hồ sơ trực tuyến');
    const all = text(element);
    expect(all).not.to.contain('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(all).to.contain('Đây chưa phải giấy tiếp nhận hồ sơ');
    expect(all).to.contain('06:00 ngày 05/12/2026');
    expect(all).to.contain('Thành phần hồ sơ đã nộp');
    expect(element.shadowRoot?.querySelector('[part="signatures"]')).to.equal(null);
    expect(element.shadowRoot?.querySelector('[part="print"]')?.textContent).to.contain(
      'In xác nhận',
    );
    await expect(element).to.be.accessible();
  });

  it('after reception: the lines of Mẫu 01 — sets, statutory time, collection, both signatures', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="vi">
      <egov-receipt .dossier=${receiptDossier('received')} .procedure=${procedure} agency=${AGENCY}
        received-by="Lê Minh Cường" collect-at="Bộ phận Một cửa UBND xã Hòa Vang"
        address-text="Tổ 5, thôn Phú Sơn, Xã Hòa Vang, Thành phố Đà Nẵng"></egov-receipt>
    </div>`);
    const element = wrapper.querySelector('egov-receipt') as EgovReceipt;
    await element.updateComplete;
    const all = text(element);
    expect(partText(element, 'title')).to.equal('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    for (const line of [
      'Số lượng hồ sơ 01 bộ',
      'Thời gian giải quyết hồ sơ theo quy định',
      'Đăng ký nhận kết quả tại Bộ phận Một cửa UBND xã Hòa Vang',
      'Tổ 5, thôn Phú Sơn, Xã Hòa Vang, Thành phố Đà Nẵng',
      'Người nộp hồ sơ (Ký và ghi rõ họ tên) Nguyễn Văn An',
      'Người tiếp nhận hồ sơ (Ký và ghi rõ họ tên) Lê Minh Cường',
    ]) {
      expect(all).to.contain(line);
    }
    expect(partText(element, 'due')).to.match(
      /^Thời gian trả kết quả \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/,
    );
    await expect(element).to.be.accessible();
  });

  it('writes times as "06:00 ngày 05/12/2026", in Vietnam\'s time', () => {
    expect(officialTime('2026-12-04T23:00:00Z', 'vi')).to.equal('06:00 ngày 05/12/2026');
    expect(officialTime('2026-12-05T16:59:00Z', 'en')).to.equal('23:59 on 05/12/2026');
  });

  it('holds exactly the lookup URL with code and verifier in the QR code (decoded back)', async () => {
    const element = await receipt(receiptDossier('received'));
    const expected = new URL('/tra-cuu#code=HS-DEMO-000002&verifier=DEMO2345', location.href).href;
    expect(element.lookupHref).to.equal(expected);
    expect(await decodeQr(element)).to.equal(expected);
    // The link beside it for a person who cannot scan goes to the same place.
    expect(element.shadowRoot?.querySelector('[part="qr"] a')?.getAttribute('href')).to.equal(
      expected,
    );
  });

  it('keeps what is already in lookup-url and escapes the codes', async () => {
    const dossier = { ...receiptDossier('received'), code: 'HS 1&2', verifier: 'A+B/C' };
    const element = await receipt(dossier, 'vi', 'https://dvc.example.vn/tra-cuu?lang=vi');
    const url = new URL(element.lookupHref);
    expect(url.origin + url.pathname).to.equal('https://dvc.example.vn/tra-cuu');
    expect(url.searchParams.get('lang')).to.equal('vi');
    // In the fragment, which no browser sends to a server: not in the query.
    expect(url.searchParams.has('verifier')).to.equal(false);
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('code')).to.equal('HS 1&2');
    expect(fragment.get('verifier')).to.equal('A+B/C');
    expect(await decodeQr(element)).to.equal(element.lookupHref);
  });

  it('keeps the QR code dark on white in the dark theme', async () => {
    const element = await receipt(receiptDossier('received'));
    element.setAttribute('theme', 'dark');
    const svg = element.shadowRoot?.querySelector('[part="qr"] svg') as SVGSVGElement;
    const paper = svg.querySelector('rect') as SVGRectElement;
    // The page text is light in the dark theme; the code's ink is not.
    expect(getComputedStyle(element).color).to.equal('rgb(232, 234, 237)');
    expect(getComputedStyle(svg).color).to.equal('rgb(27, 27, 27)');
    expect(paper.getAttribute('fill')).to.equal('#fff');
  });

  it('draws no QR code without a lookup URL', async () => {
    const element = await receipt(receiptDossier('received'), 'vi', '');
    expect(element.lookupHref).to.equal('');
    expect(element.shadowRoot?.querySelector('[part="qr"]')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('names an organisation with its tax code and representative', async () => {
    const dossier: ReceiptDossier = {
      ...receiptDossier('received'),
      applicant: {
        kind: 'organisation',
        name: 'Công ty TNHH Bảo vệ Sông Hàn',
        taxCode: '0401234567',
        representative: {
          fullName: 'Trần Thị Bình',
          idType: 'citizen_id',
          idNumber: '048190000456',
          position: 'Giám đốc',
        },
        phone: '02363123456',
        address: { provinceCode: '48', communeCode: '20242', street: '12 Bạch Đằng' },
      },
    };
    const element = await receipt(dossier, 'en');
    expect(text(element)).to.contain('Công ty TNHH Bảo vệ Sông Hàn');
    expect(text(element)).to.contain('0401234567');
    expect(text(element)).to.contain('Trần Thị Bình, Giám đốc');
    await expect(element).to.be.accessible();
  });

  it('fires a cancelable egov-receipt-print before printing', async () => {
    const element = await receipt(receiptDossier('received'));
    element.addEventListener('egov-receipt-print', (event) => event.preventDefault());
    const button = element.shadowRoot?.querySelector('[part="print"]') as HTMLButtonElement;
    setTimeout(() => button.click());
    const event = await oneEvent(element, 'egov-receipt-print');
    expect(event.defaultPrevented).to.be.true;
  });
});
