import {
  signPades,
  type VerificationFailureResult,
  verifyCades,
  verifyPades,
  WebCryptoSigner,
} from '@egov-kit/signing';
import { expect, fixture, html } from '@open-wc/testing';
import '../src/signature-report/define.js';
import type { SignatureReportResult } from '../src/signature-report/report-model.js';
import type { EgovSignatureReport } from '../src/signature-report/signature-report.js';
import {
  SIGNATURE_RESULT_STATES,
  SIGNATURE_RESULTS,
  type SignatureResultState,
  untrustedSelfMade,
} from './fixtures/signature-results.js';
import { partText } from './helpers.js';
import { issue, smallPdf, testPki } from './signing-pki.js';

async function report(result: SignatureReportResult | undefined, lang = 'en') {
  const element = await fixture<EgovSignatureReport>(
    html`<egov-signature-report lang=${lang} time-zone="Asia/Ho_Chi_Minh"
      .result=${result}></egov-signature-report>`,
  );
  await element.updateComplete;
  return element;
}

const text = (node: Element | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The signatures' list items. */
const entries = (element: EgovSignatureReport) => [
  ...(element.shadowRoot?.querySelectorAll('[part="signature"]') ?? []),
];

/** The value of a row (`who`, `proven`, `claimed`, `revocation`, `changes`…) of a signature. */
const rowOf = (entry: Element | undefined, name: string) =>
  text(entry?.querySelector(`[data-row="${name}"] dd`));

const EXPECTED: Record<SignatureResultState, { verdict: string; vi: string; en: string }> = {
  'valid-with-timestamp': { verdict: 'valid', vi: 'Hợp lệ', en: 'Valid' },
  'valid-without-timestamp': { verdict: 'valid', vi: 'Hợp lệ', en: 'Valid' },
  revoked: { verdict: 'invalid', vi: 'Không hợp lệ', en: 'Not valid' },
  'untrusted-self-made': {
    verdict: 'indeterminate',
    vi: 'Chưa kết luận được',
    en: 'Cannot be decided yet',
  },
  'expired-without-timestamp': {
    verdict: 'indeterminate',
    vi: 'Chưa kết luận được',
    en: 'Cannot be decided yet',
  },
  'changed-after-signing': { verdict: 'invalid', vi: 'Không hợp lệ', en: 'Not valid' },
  'several-signatures': { verdict: 'valid', vi: 'Hợp lệ', en: 'Valid' },
  'try-later': { verdict: 'indeterminate', vi: 'Chưa kết luận được', en: 'Cannot be decided yet' },
};

describe('egov-signature-report', () => {
  for (const state of SIGNATURE_RESULT_STATES) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${state} (${lang}): the verdict in words and an icon, in a status region; accessible`, async () => {
        const element = await report(SIGNATURE_RESULTS[state], lang);
        const verdict = element.shadowRoot?.querySelector('[part="verdict"]');
        expect(verdict?.getAttribute('role')).to.equal('status');
        expect(element.verdict).to.equal(EXPECTED[state].verdict);
        expect(text(verdict?.querySelector('.verdict-word'))).to.equal(EXPECTED[state][lang]);
        // Never colour alone: a shape for each verdict, hidden from screen readers (the word says it).
        expect(verdict?.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
        // Every signature has its own verdict and a technical detail, closed at first.
        for (const entry of entries(element)) {
          expect(text(entry.querySelector('[part="signature-verdict"]'))).to.not.equal('');
          const details = entry.querySelector('details');
          expect(details?.open).to.equal(false);
        }
        await expect(element).to.be.accessible();
        // The same with every technical detail open.
        for (const details of element.shadowRoot?.querySelectorAll('details') ?? []) {
          details.open = true;
        }
        await expect(element).to.be.accessible();
      });
    }
  }

  it('every state in the dark theme: axe finds no contrast problem', async () => {
    for (const state of SIGNATURE_RESULT_STATES) {
      const element = await fixture<EgovSignatureReport>(
        html`<div style="background: #16202b; color-scheme: dark">
          <egov-signature-report theme="dark" lang="en" .result=${SIGNATURE_RESULTS[state]}></egov-signature-report>
        </div>`,
      );
      const report = element.querySelector('egov-signature-report') as EgovSignatureReport;
      await report.updateComplete;
      for (const details of report.shadowRoot?.querySelectorAll('details') ?? [])
        details.open = true;
      // The colours really are the dark ones (light text on the dark surface).
      const color = getComputedStyle(report).color;
      expect(color, state).to.equal('rgb(232, 234, 237)');
      const verdict = report.shadowRoot?.querySelector('[part="verdict"]') as HTMLElement;
      expect(getComputedStyle(verdict).backgroundColor, state).to.equal('rgb(22, 32, 43)');
      await expect(report).to.be.accessible();
    }
  });

  it('without a result: says there is no check yet', async () => {
    const element = await report(undefined, 'vi');
    expect(partText(element, 'verdict')).to.equal('Chưa có kết quả kiểm tra chữ ký.');
    expect(element.verdict).to.equal(undefined);
    await expect(element).to.be.accessible();
  });

  it('a time-stamped signature: the proven time and its authority, the claimed time said to be a claim', async () => {
    const element = await report(SIGNATURE_RESULTS['valid-with-timestamp']);
    expect(partText(element, 'verdict')).to.contain(
      'The digital signature is valid and the document was not changed after signing.',
    );
    const [entry] = entries(element);
    expect(text(entry?.querySelector('.entry-title'))).to.equal(
      'Signature: Nguyễn Thị Minh Anh (DEMO)',
    );
    expect(rowOf(entry, 'identifier')).to.equal('CCCD:001190012345');
    expect(rowOf(entry, 'proven')).to.match(
      /^1 December 2026.*10:15:44.*GMT\+7 — proven by a time-stamp from Demo Time-Stamping Authority \(DEMO\)$/,
    );
    expect(rowOf(entry, 'claimed')).to.match(/10:15:42.*\(a claim, not a proof\)$/);
    expect(rowOf(entry, 'revocation')).to.contain('Not revoked — checked online (OCSP of');
    expect(rowOf(entry, 'changes')).to.equal('Nothing was changed.');
    // The chain: the issuing CA, then the trusted root.
    const chain = [...(entry?.querySelectorAll('[data-row="issuer"] li') ?? [])].map(text);
    expect(chain).to.deep.equal([
      'Demo Issuing CA G2 (DEMO)',
      'Root CA Demo (DEMO) (trusted root)',
    ]);
  });

  it('no time-stamp: says the time is not proven; revocation from the document', async () => {
    const element = await report(SIGNATURE_RESULTS['valid-without-timestamp'], 'vi');
    const [entry] = entries(element);
    expect(rowOf(entry, 'proven')).to.equal(
      'Không có dấu thời gian hợp lệ: thời điểm ký chưa được chứng minh.',
    );
    expect(rowOf(entry, 'revocation')).to.contain(
      'Chưa bị thu hồi — theo dữ liệu kèm trong tài liệu',
    );
    // An organisation name with an escaped comma reads whole.
    expect(text(entry)).to.contain('UBND xã Hòa Vang, TP Đà Nẵng (DEMO)');
  });

  it('revoked: not valid, with the sub-indication in the technical detail', async () => {
    const element = await report(SIGNATURE_RESULTS.revoked);
    expect(partText(element, 'verdict')).to.contain(
      "The signer's certificate was revoked before the proven time of signing.",
    );
    const [entry] = entries(element);
    expect(rowOf(entry, 'revocation')).to.equal('Revoked');
    // One signature: its verdict does not repeat the sentence the overall verdict just said.
    expect(text(entry?.querySelector('[part="signature-verdict"]'))).to.equal('Not valid');
    // A failed signature's chain is only the path that came closest: no "trusted root" on it.
    expect(rowOf(entry, 'issuer')).to.not.contain('trusted root');
    const technical = text(entry?.querySelector('details'));
    expect(technical).to.contain('TOTAL-FAILED');
    expect(technical).to.contain('REVOKED');
    expect(technical).to.contain('keyCompromise');
  });

  it('a self-made certificate: cannot be decided, the issuer not checked, no PDF changes row', async () => {
    const element = await report(SIGNATURE_RESULTS['untrusted-self-made']);
    expect(partText(element, 'verdict')).to.contain(
      "The signer's certificate was not issued by a trusted certification authority.",
    );
    expect(partText(element, 'verdict')).to.contain('Do not rely on the signature yet.');
    const [entry] = entries(element);
    expect(rowOf(entry, 'issuer')).to.equal(
      'Nguyễn Thị Minh Anh (not checked against the trusted authorities)',
    );
    expect(entry?.querySelector('[data-row="changes"]')).to.equal(null);
  });

  it('expired without a time-stamp: cannot be decided, the claimed time shown as a claim', async () => {
    const element = await report(SIGNATURE_RESULTS['expired-without-timestamp']);
    const [entry] = entries(element);
    expect(rowOf(entry, 'proven')).to.equal(
      'No valid time-stamp: the time of signing is not proven.',
    );
    expect(rowOf(entry, 'claimed')).to.match(/^30 December 2023.*\(a claim, not a proof\)$/);
    expect(text(entry?.querySelector('details'))).to.contain('OUT_OF_BOUNDS_NO_POE');
  });

  it('changed after signing: not valid, and the signature says the page content changed', async () => {
    const element = await report(SIGNATURE_RESULTS['changed-after-signing'], 'vi');
    expect(partText(element, 'verdict')).to.contain('Tài liệu đã bị thay đổi sau chữ ký của');
    const [entry] = entries(element);
    expect(text(entry?.querySelector('[part="signature-verdict"]'))).to.contain('Không hợp lệ');
    expect(rowOf(entry, 'changes')).to.equal(
      'Nội dung trang — tài liệu đã bị thay đổi sau chữ ký này.',
    );
    expect(text(entry?.querySelector('details'))).to.contain('/Contents changed');
  });

  it('several signatures: each numbered, the certification and what it allowed, the document time-stamp', async () => {
    const element = await report(SIGNATURE_RESULTS['several-signatures']);
    expect(partText(element, 'verdict')).to.contain('All 3 digital signatures are valid');
    const all = entries(element);
    expect(all.map((entry) => text(entry.querySelector('.entry-title')))).to.deep.equal([
      'Signature 1 of 3: Trần Văn Bình (DEMO)',
      'Signature 2 of 3: Nguyễn Thị Minh Anh (DEMO)',
      'Signature 3 of 3: CÔNG TY TNHH MINH ANH (DEMO)',
      'Document time-stamp',
    ]);
    expect(rowOf(all[0], 'certification')).to.equal(
      'Certifying signature: only filling in forms and signing allowed after it.',
    );
    expect(rowOf(all[0], 'changes')).to.equal(
      'New signatures and form fields were added or changed, as the certification of the document allows.',
    );
    expect(rowOf(all[1], 'changes')).to.contain('Only validation data was added');
    expect(rowOf(all[2], 'identifier')).to.equal('MST:0101234567');
    expect(rowOf(all[1], 'proven')).to.contain('proven by a document time-stamp');
    expect(rowOf(all[3], 'who')).to.equal('Demo Time-Stamping Authority (DEMO)');
    // Headings follow the page's outline: the report's title, then one level down per signature.
    const levels = [...(element.shadowRoot?.querySelectorAll('[role="heading"]') ?? [])].map(
      (heading) => heading.getAttribute('aria-level'),
    );
    expect(levels).to.deep.equal(['2', '3', '3', '3', '3']);
  });

  it('try later: cannot be decided, revocation could not be checked', async () => {
    const element = await report(SIGNATURE_RESULTS['try-later'], 'vi');
    expect(partText(element, 'verdict')).to.contain(
      'Chưa kiểm tra được tình trạng thu hồi của chứng thư số; vui lòng thử lại sau.',
    );
    expect(rowOf(entries(element)[0], 'revocation')).to.contain('Chưa kiểm tra được');
  });

  it('a certificate name is text, never markup: a hostile CN shows as written', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const base = untrustedSelfMade as VerificationFailureResult;
    const certificate = base.certificate;
    if (!certificate) throw new Error('the fixture should carry a certificate');
    const element = await report({
      ...base,
      certificate: { ...certificate, commonName: hostile, subject: `CN=${hostile}, C=VN` },
    });
    const [entry] = entries(element);
    expect(rowOf(entry, 'who')).to.equal(hostile);
    expect(element.shadowRoot?.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('the technical detail opens from the keyboard', async () => {
    const element = await report(SIGNATURE_RESULTS.revoked);
    const summary = element.shadowRoot?.querySelector('summary') as HTMLElement;
    summary.focus();
    expect(element.shadowRoot?.activeElement).to.equal(summary);
    // A <summary> toggles on Enter and Space natively; its click is what those keys fire.
    summary.click();
    expect(element.shadowRoot?.querySelector('details')?.open).to.equal(true);
  });

  it('follows the page language when it changes', async () => {
    const element = await report(SIGNATURE_RESULTS.revoked, 'vi');
    expect(text(element.shadowRoot?.querySelector('.verdict-word'))).to.equal('Không hợp lệ');
    element.setAttribute('lang', 'en');
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
    expect(text(element.shadowRoot?.querySelector('.verdict-word'))).to.equal('Not valid');
  });

  describe('with real results of @egov-kit/signing', () => {
    let pdf: Uint8Array;
    let rootPem: string;

    before(async function () {
      this.timeout(20_000);
      const pki = await testPki();
      rootPem = pki.root.pem;
      const signer = new WebCryptoSigner({
        privateKey: pki.signer.privateKey,
        certificate: pki.signer.der,
        chain: [pki.root.der],
      });
      pdf = await signPades(await smallPdf(), signer, { reason: 'Nộp hồ sơ trực tuyến' });
    });

    it('a PDF signed here and verified against its root: valid, the signer named', async () => {
      const element = await report(await verifyPades(pdf, { trustedRoots: [rootPem] }));
      expect(element.verdict).to.equal('valid');
      const [entry] = entries(element);
      expect(text(entry?.querySelector('.entry-title'))).to.equal('Signature: Nguyễn Văn Thử');
      expect(rowOf(entry, 'issuer')).to.equal('egov-kit Test Root CA');
      expect(rowOf(entry, 'proven')).to.equal(
        'No valid time-stamp: the time of signing is not proven.',
      );
      expect(rowOf(entry, 'changes')).to.equal('Nothing was changed.');
      await expect(element).to.be.accessible();
    });

    it('the same PDF against another root: cannot be decided (no chain to a trusted root)', async function () {
      this.timeout(10_000);
      const stranger = await issue('Stranger Root', { ca: true });
      const element = await report(await verifyPades(pdf, { trustedRoots: [stranger.pem] }));
      expect(element.verdict).to.equal('indeterminate');
      expect(text(entries(element)[0]?.querySelector('details'))).to.contain(
        'NO_CERTIFICATE_CHAIN_FOUND',
      );
    });

    it('a byte of the signed revision changed: not valid', async () => {
      const changed = pdf.slice();
      // The page's width in /MediaBox: still a PDF, no longer the one signed.
      const at = new TextDecoder('latin1').decode(changed).indexOf(' 595 ');
      expect(at).to.be.greaterThan(0);
      changed[at + 3] = '6'.charCodeAt(0);
      const element = await report(await verifyPades(changed, { trustedRoots: [rootPem] }));
      expect(element.verdict).to.equal('invalid');
      expect(text(entries(element)[0]?.querySelector('details'))).to.contain('HASH_FAILURE');
    });

    it('a PDF without any signature: not valid, and said so', async () => {
      const element = await report(
        await verifyPades(await smallPdf(), { trustedRoots: [rootPem] }),
      );
      expect(element.verdict).to.equal('invalid');
      expect(partText(element, 'verdict')).to.contain('The PDF has no digital signature.');
      expect(entries(element)).to.have.length(0);
      await expect(element).to.be.accessible();
    });

    it('a CAdES result (no PDF revisions): no changes row', async () => {
      const pki = await testPki();
      const signer = new WebCryptoSigner({
        privateKey: pki.signer.privateKey,
        certificate: pki.signer.der,
        chain: [pki.root.der],
      });
      const { signCades } = await import('@egov-kit/signing');
      const content = new TextEncoder().encode('Đơn đề nghị');
      const p7s = await signCades(content, signer);
      const element = await report(await verifyCades(p7s, content, { trustedRoots: [rootPem] }));
      expect(element.verdict).to.equal('valid');
      expect(entries(element)[0]?.querySelector('[data-row="changes"]')).to.equal(null);
    });
  });
});
