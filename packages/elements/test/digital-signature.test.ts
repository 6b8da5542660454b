import {
  CscApiError,
  type DataSigner,
  type DigestSigner,
  RemoteApprovalRejectedError,
  RemoteApprovalTimeoutError,
  type Signer,
  verifyCades,
  verifyPades,
  WebCryptoSigner,
} from '@egov-kit/signing';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/digital-signature/define.js';
import type { EgovDigitalSignature } from '../src/digital-signature/digital-signature.js';
import type { EgovSignatureReport } from '../src/signature-report/signature-report.js';
import { partText, until } from './helpers.js';
import { type Issued, issue, smallPdf, type TestPki, testPki } from './signing-pki.js';

let pki: TestPki;

before(async function () {
  this.timeout(20_000);
  pki = await testPki();
});

const signerFor = (issued: Issued, root = pki.root) =>
  new WebCryptoSigner({
    privateKey: issued.privateKey,
    certificate: issued.der,
    chain: [root.der],
  });

/** A signer that counts its signatures and can be told to fail first. */
function scripted(inner: WebCryptoSigner, failures: unknown[] = []) {
  let calls = 0;
  const signer: DataSigner & { calls: () => number } = {
    kind: 'data',
    describe: () => inner.describe(),
    sign: async (data, options) => {
      calls += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return inner.sign(data, options);
    },
    calls: () => calls,
  };
  return signer;
}

/** A remote (digest) signer waiting for an approval that never comes, until aborted. */
function waitingRemote(inner: WebCryptoSigner) {
  let seen: AbortSignal | undefined;
  const signer: DigestSigner & { signal: () => AbortSignal | undefined } = {
    kind: 'digest',
    describe: () => inner.describe(),
    signDigest: (_digest, options) =>
      new Promise<Uint8Array>((_, reject) => {
        seen = options?.signal;
        seen?.addEventListener('abort', () => reject(seen?.reason));
      }),
    signal: () => seen,
  };
  return signer;
}

async function ready(
  document: Blob | undefined,
  signer: Signer | undefined,
  attributes: { lang?: string; trusted?: boolean } = {},
) {
  const element = await fixture<EgovDigitalSignature>(
    html`<egov-digital-signature lang=${attributes.lang ?? 'vi'} reason="Nộp hồ sơ trực tuyến"
      .document=${document} .signer=${signer}
      .trustedRoots=${attributes.trusted === false ? [] : [pki.root.pem]}></egov-digital-signature>`,
  );
  await until(() => element.status !== 'preparing', 5000);
  await element.updateComplete;
  return element;
}

const part = (element: EgovDigitalSignature, name: string) =>
  element.shadowRoot?.querySelector(`[part~="${name}"]`) as HTMLElement | null;

async function hex(blob: Blob) {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const textFile = () =>
  new File(['Đơn đề nghị cấp bản sao trích lục khai sinh\n'], 'don-de-nghi.txt', {
    type: 'text/plain',
  });

describe('egov-digital-signature', () => {
  it('says what is missing: the document, the signer, or both', async () => {
    const none = await ready(undefined, undefined);
    expect(none.status).to.equal('missing');
    expect(partText(none, 'notice')).to.contain('Chưa có tài liệu để ký');
    expect(partText(none, 'notice')).to.contain('Chưa có chứng thư số');
    expect(part(none, 'sign')).to.not.exist;
    await expect(none).to.be.accessible();

    const noSigner = await ready(textFile(), undefined, { lang: 'en' });
    expect(partText(noSigner, 'notice')).to.equal(
      'There is no signing certificate yet. Connect your signing device (USB token) or choose a remote signing service.',
    );
    expect(partText(noSigner, 'document')).to.contain('don-de-nghi.txt');
    await expect(noSigner).to.be.accessible();
  });

  it('shows the document (name, size, SHA-256) and the certificate before signing', async () => {
    const file = textFile();
    const element = await ready(file, signerFor(pki.signer));
    expect(element.status).to.equal('ready');
    const digest = partText(element, 'digest') ?? '';
    expect(digest.replaceAll(' ', '').toLowerCase()).to.equal(await hex(file));
    expect(digest.split(' ')).to.have.length(8);
    expect(partText(element, 'document')).to.contain(`${file.size} B`);
    expect(partText(element, 'document')).to.contain('CAdES');
    const certificate = partText(element, 'certificate') ?? '';
    expect(certificate).to.contain('Nguyễn Văn Thử (egov-kit test)');
    expect(certificate).to.contain('egov-kit Test Root CA');
    expect(certificate).to.match(/Số hiệu\s*[0-9A-F]{4}/);
    expect(certificate).to.contain(String(new Date().getFullYear() + 1));
    expect(part(element, 'warning')).to.not.exist;
    await expect(element).to.be.accessible();
  });

  it('signs a PDF with PAdES, verifies it and hands over the signed PDF', async () => {
    const pdf = new File([(await smallPdf()) as BlobPart], 'to-khai.pdf', {
      type: 'application/pdf',
    });
    const element = await ready(pdf, signerFor(pki.signer));
    expect(partText(element, 'document')).to.contain('PAdES');
    const signed = oneEvent(element, 'egov-signed');
    part(element, 'sign')?.click();
    const { detail } = await signed;
    expect(detail.file.name).to.equal('to-khai-signed.pdf');
    expect(detail.file.type).to.equal('application/pdf');
    expect(detail.verification.ok).to.equal(true);
    const bytes = new Uint8Array(await detail.file.arrayBuffer());
    const report = await verifyPades(bytes, { trustedRoots: [pki.root.pem] });
    expect(report.ok).to.equal(true);
    expect(report.signatures).to.have.length(1);
    expect(report.signatures[0]?.reason).to.equal('Nộp hồ sơ trực tuyến');
    expect(report.signatures[0]?.name).to.equal('Nguyễn Văn Thử');
    // Signed against another root, it is not trusted: the check is real.
    const stranger = await otherRoot();
    expect((await verifyPades(bytes, { trustedRoots: [stranger] })).ok).to.equal(false);

    await element.updateComplete;
    expect(element.status).to.equal('signed');
    const result = partText(element, 'result') ?? '';
    expect(result).to.contain('Chữ ký hợp lệ');
    expect(result).to.contain('tổ chức chứng thực được tin cậy');
    expect(result).to.contain('Nguyễn Văn Thử');
    const link = part(element, 'download') as HTMLAnchorElement;
    expect(link.download).to.equal('to-khai-signed.pdf');
    expect(link.href).to.match(/^blob:/);
    expect(element.shadowRoot?.activeElement).to.equal(part(element, 'result'));
    // The full check follows, in the report: the verdict, the signer, what changed after.
    const shown = part(element, 'report') as EgovSignatureReport;
    expect(shown.localName).to.equal('egov-signature-report');
    expect(shown.result).to.equal(detail.verification);
    await shown.updateComplete;
    expect(shown.verdict).to.equal('valid');
    expect(partText(shown, 'verdict')).to.contain('Hợp lệ');
    expect(partText(shown, 'signature')).to.contain('Nguyễn Văn Thử');
    expect(partText(shown, 'signature')).to.contain('Không có thay đổi nào.');
    await expect(element).to.be.accessible();
  });

  it('signs any other file with a detached CAdES .p7s that verifies', async () => {
    const file = textFile();
    const element = await ready(file, signerFor(pki.signer), { lang: 'en' });
    const signed = oneEvent(element, 'egov-signed');
    const returned = element.sign();
    const { detail } = await signed;
    expect(await returned).to.equal(detail);
    expect(detail.file.name).to.equal('don-de-nghi.txt.p7s');
    expect(detail.file.type).to.equal('application/pkcs7-signature');
    const p7s = new Uint8Array(await detail.file.arrayBuffer());
    const result = await verifyCades(p7s, file, { trustedRoots: [pki.root.pem] });
    expect(result.ok).to.equal(true);
    const tampered = new File(['Đơn đã sửa\n'], 'don-de-nghi.txt');
    expect((await verifyCades(p7s, tampered, { trustedRoots: [pki.root.pem] })).ok).to.equal(false);
    await element.updateComplete;
    expect(partText(element, 'result')).to.contain('The signature is valid');
    expect(partText(element, 'download')).to.equal('Download don-de-nghi.txt.p7s');
  });

  it('says when no trusted roots were given that the issuer was not checked', async () => {
    const element = await ready(textFile(), signerFor(pki.signer), { trusted: false });
    await element.sign();
    await element.updateComplete;
    expect(element.status).to.equal('signed');
    expect(partText(element, 'result')).to.contain('Chưa kiểm tra được tổ chức cấp');
  });

  it('refuses an expired certificate before asking it to sign', async () => {
    const signer = scripted(signerFor(pki.expired));
    const element = await ready(textFile(), signer);
    expect(partText(element, 'warning')).to.equal(
      'Chứng thư số này đã hết hạn: không thể dùng để ký.',
    );
    const failed = oneEvent(element, 'egov-sign-error');
    part(element, 'sign')?.click();
    expect((await failed).detail.code).to.equal('expired');
    await element.updateComplete;
    expect(signer.calls()).to.equal(0);
    expect(partText(element, 'failure')).to.contain('Chứng thư số đã hết hạn ngày');
    expect(part(element, 'retry')).to.exist;
    await expect(element).to.be.accessible();
  });

  it('refuses a certificate that is not valid yet, in English', async () => {
    const signer = scripted(signerFor(pki.notYetValid));
    const element = await ready(textFile(), signer, { lang: 'en' });
    expect(partText(element, 'warning')).to.contain('not valid yet');
    expect(await element.sign()).to.equal(null);
    await element.updateComplete;
    expect(signer.calls()).to.equal(0);
    expect(partText(element, 'failure')).to.contain('The certificate is only valid from');
  });

  for (const [name, error, code, words] of [
    [
      'declined on the phone',
      new RemoteApprovalRejectedError('r-1'),
      'rejected',
      'bị từ chối trên điện thoại',
    ],
    [
      'not approved in time',
      new RemoteApprovalTimeoutError(120_000, 'r-2'),
      'timed-out',
      'Hết thời gian chờ xác nhận',
    ],
    [
      'unreachable',
      new TypeError('Failed to fetch'),
      'unreachable',
      'Không kết nối được với dịch vụ ký số',
    ],
    [
      'refusing the request',
      new CscApiError('signatures/signHash', 400, 'invalid_request'),
      'service-error',
      'từ chối yêu cầu signatures/signHash',
    ],
  ] as const) {
    it(`explains a signing service ${name}, and Try again signs`, async () => {
      const file = textFile();
      const signer = scripted(signerFor(pki.signer), [error]);
      const element = await ready(file, signer);
      const failed = oneEvent(element, 'egov-sign-error');
      part(element, 'sign')?.click();
      expect((await failed).detail.code).to.equal(code);
      await element.updateComplete;
      expect(element.status).to.equal('failed');
      expect(partText(element, 'failure')).to.contain(words);
      // Nothing prepared is lost: the document and the certificate are still shown.
      expect(partText(element, 'document')).to.contain('don-de-nghi.txt');
      expect(partText(element, 'certificate')).to.contain('Nguyễn Văn Thử');
      expect(element.shadowRoot?.activeElement).to.equal(part(element, 'failure'));
      await expect(element).to.be.accessible();

      const signed = oneEvent(element, 'egov-signed');
      part(element, 'retry')?.click();
      const { detail } = await signed;
      expect(signer.calls()).to.equal(2);
      const p7s = new Uint8Array(await detail.file.arrayBuffer());
      expect((await verifyCades(p7s, file, { trustedRoots: [pki.root.pem] })).ok).to.equal(true);
    });
  }

  it('asks to approve on the phone for a remote signer, and Cancel aborts it', async () => {
    const remote = waitingRemote(signerFor(pki.signer));
    const element = await ready(textFile(), remote, { lang: 'en' });
    const result = element.sign();
    await until(() => remote.signal() !== undefined, 5000);
    await element.updateComplete;
    expect(element.status).to.equal('signing');
    expect(element.shadowRoot?.textContent).to.contain('approve the request');
    const cancel = part(element, 'cancel') as HTMLButtonElement;
    expect(element.shadowRoot?.activeElement).to.equal(cancel);
    await expect(element).to.be.accessible();
    cancel.click();
    expect(await result).to.equal(null);
    expect(remote.signal()?.aborted).to.equal(true);
    await element.updateComplete;
    expect(element.status).to.equal('failed');
    expect(partText(element, 'failure')).to.contain('You cancelled the signing');
  });

  it('says a damaged PDF cannot be signed', async () => {
    const broken = new File(['%PDF-1.7\nthis is not really a PDF\n%%EOF'], 'hong.pdf', {
      type: 'application/pdf',
    });
    const element = await ready(broken, signerFor(pki.signer));
    const failed = oneEvent(element, 'egov-sign-error');
    await element.sign();
    expect((await failed).detail.code).to.equal('invalid-pdf');
    await element.updateComplete;
    expect(partText(element, 'failure')).to.contain('Không ký được tệp PDF này');
  });

  it('refuses a signature that does not check out against the trusted roots', async () => {
    const element = await ready(textFile(), await outsider());
    const failed = oneEvent(element, 'egov-sign-error');
    part(element, 'sign')?.click();
    const { detail } = await failed;
    expect(detail.code).to.equal('verification-failed');
    await element.updateComplete;
    expect(partText(element, 'failure')).to.contain('không vượt qua bước kiểm tra');
    expect(partText(element, 'failure')).to.contain('không do tổ chức chứng thực được tin cậy cấp');
    expect(element.signedFile).to.equal(undefined);
    // Not only a sentence: the report shows the check that did not pass, and why.
    const shown = part(element, 'report') as EgovSignatureReport;
    await shown.updateComplete;
    expect(shown.verdict).to.equal('indeterminate');
    expect(partText(shown, 'technical')).to.contain('NO_CERTIFICATE_CHAIN_FOUND');
    await expect(element).to.be.accessible();
    // Try again signs and checks again: the new check replaces the old one.
    const retried = oneEvent(element, 'egov-sign-error');
    part(element, 'retry')?.click();
    await retried;
    await element.updateComplete;
    const again = part(element, 'report') as EgovSignatureReport;
    expect(again.result).to.not.equal(shown.result);
    expect(again.verdict).to.equal('indeterminate');
  });

  it('explains a certificate that cannot be read, and Try again reads it again', async () => {
    const inner = signerFor(pki.signer);
    let fail = true;
    const flaky: DataSigner = {
      kind: 'data',
      describe: async () => {
        if (fail) throw new TypeError('Failed to fetch');
        return inner.describe();
      },
      sign: (data, options) => inner.sign(data, options),
    };
    const element = await ready(textFile(), flaky);
    expect(element.status).to.equal('failed');
    expect(partText(element, 'failure')).to.contain('Không đọc được chứng thư số');
    fail = false;
    const signed = oneEvent(element, 'egov-signed');
    part(element, 'retry')?.click();
    await signed;
    expect(element.status).to.equal('signed');
  });
});

/** A root nobody trusts here. */
async function otherRoot(): Promise<string> {
  return (await issue('Other Root', { ca: true })).pem;
}

/** A signer certified by a root the element does not trust. */
async function outsider(): Promise<WebCryptoSigner> {
  const other = await issue('Other Root', { ca: true });
  const person = await issue('Người Lạ', { issuer: other });
  return new WebCryptoSigner({
    privateKey: person.privateKey,
    certificate: person.der,
    chain: [other.der],
  });
}
