import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import '@egov-kit/elements/digital-signature';
import type { EgovDigitalSignature } from '@egov-kit/elements/digital-signature';
import {
  CscApiError,
  type DigestSigner,
  RemoteApprovalRejectedError,
  RemoteApprovalTimeoutError,
  type Signer,
  WebCryptoSigner,
} from '@egov-kit/signing';
import { type Issued, issue, smallPdf, testPki } from '../packages/elements/test/signing-pki.js';

type Scenario =
  | 'no-document'
  | 'no-signer'
  | 'ready-pdf'
  | 'ready-text'
  | 'signing-remote'
  | 'signed-pdf'
  | 'signed-text'
  | 'expired'
  | 'not-yet-valid'
  | 'cancelled'
  | 'timed-out'
  | 'rejected'
  | 'unreachable'
  | 'service-error'
  | 'invalid-pdf'
  | 'verification-failed';

type Args = { lang: string; scenario: Scenario };

/**
 * Everything the stories sign with is made in the browser when a story loads: a test root CA,
 * certificates (valid, expired, not yet valid) and their keys. Nothing here is a real identity.
 */
async function load({ args }: { args: Args }) {
  const pki = await testPki();
  const signerFor = (issued: Issued) =>
    new WebCryptoSigner({
      privateKey: issued.privateKey,
      certificate: issued.der,
      chain: [pki.root.der],
    });
  const valid = signerFor(pki.signer);
  /** A remote signer whose service answers with `error`, or never (waiting for the phone). */
  const remote = (error?: unknown): DigestSigner => ({
    kind: 'digest',
    describe: () => valid.describe(),
    signDigest: (_digest, options) =>
      new Promise((_, reject) => {
        if (error) setTimeout(() => reject(error), 600);
        options?.signal?.addEventListener('abort', () => reject(options.signal?.reason));
      }),
  });
  const pdf = new File([(await smallPdf()) as BlobPart], 'to-khai-dang-ky-khai-sinh.pdf', {
    type: 'application/pdf',
  });
  const text = new File(['Đơn đề nghị cấp bản sao trích lục khai sinh\n'], 'don-de-nghi.txt', {
    type: 'text/plain',
  });
  const broken = new File(['%PDF-1.7\nnot really a PDF\n%%EOF'], 'tep-hong.pdf', {
    type: 'application/pdf',
  });
  const stranger = async () => {
    const root = await issue('Một CA không được tin cậy', { ca: true });
    const person = await issue('Người Lạ', { issuer: root });
    return new WebCryptoSigner({
      privateKey: person.privateKey,
      certificate: person.der,
      chain: [root.der],
    });
  };
  const setups: Record<Scenario, () => Promise<{ document?: Blob; signer?: Signer }>> = {
    'no-document': async () => ({ signer: valid }),
    'no-signer': async () => ({ document: pdf }),
    'ready-pdf': async () => ({ document: pdf, signer: valid }),
    'ready-text': async () => ({ document: text, signer: valid }),
    'signing-remote': async () => ({ document: pdf, signer: remote() }),
    'signed-pdf': async () => ({ document: pdf, signer: valid }),
    'signed-text': async () => ({ document: text, signer: valid }),
    expired: async () => ({ document: pdf, signer: signerFor(pki.expired) }),
    'not-yet-valid': async () => ({ document: pdf, signer: signerFor(pki.notYetValid) }),
    cancelled: async () => ({ document: pdf, signer: remote() }),
    'timed-out': async () => ({
      document: pdf,
      signer: remote(new RemoteApprovalTimeoutError(120_000, 'demo')),
    }),
    rejected: async () => ({
      document: pdf,
      signer: remote(new RemoteApprovalRejectedError('demo')),
    }),
    unreachable: async () => ({ document: pdf, signer: remote(new TypeError('Failed to fetch')) }),
    'service-error': async () => ({
      document: pdf,
      signer: remote(new CscApiError('signatures/signHash', 401, 'invalid_token')),
    }),
    'invalid-pdf': async () => ({ document: broken, signer: valid }),
    'verification-failed': async () => ({ document: text, signer: await stranger() }),
  };
  return { ...(await setups[args.scenario]()), roots: [pki.root.pem] };
}

/** Presses Sign, as the person would, for the stories that show what follows. */
const sign =
  (then?: (element: EgovDigitalSignature) => void) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const element = canvasElement.querySelector('egov-digital-signature') as EgovDigitalSignature;
    while (element.status === 'preparing' || element.status === 'missing') {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const done = element.sign();
    then?.(element);
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 1500))]);
  };

const meta: Meta<Args> = {
  title: 'Signing/Digital signature',
  component: 'egov-digital-signature',
  args: { lang: 'vi', scenario: 'ready-pdf' },
  argTypes: { lang: { control: 'inline-radio', options: ['vi', 'en'] } },
  loaders: [load],
  render: (args, { loaded }) => html`<div lang=${args.lang} style="max-width: 44rem">
    <egov-digital-signature
      reason="Nộp hồ sơ trực tuyến"
      location="Hà Nội"
      .document=${loaded.document}
      .signer=${loaded.signer}
      .trustedRoots=${loaded.roots}
    ></egov-digital-signature>
  </div>`,
};

export default meta;
type Story = StoryObj<Args>;

export const NoDocument: Story = { args: { scenario: 'no-document' } };
export const NoSigner: Story = { args: { scenario: 'no-signer' } };
export const ReadyPdf: Story = {};
export const ReadyPdfEnglish: Story = { args: { lang: 'en' } };
export const ReadyTextFile: Story = { args: { scenario: 'ready-text' } };
export const ApproveOnPhone: Story = { args: { scenario: 'signing-remote' }, play: sign() };
export const ApproveOnPhoneEnglish: Story = {
  args: { scenario: 'signing-remote', lang: 'en' },
  play: sign(),
};
export const SignedPdf: Story = { args: { scenario: 'signed-pdf' }, play: sign() };
export const SignedTextFile: Story = {
  args: { scenario: 'signed-text', lang: 'en' },
  play: sign(),
};
export const Expired: Story = { args: { scenario: 'expired' }, play: sign() };
export const ExpiredEnglish: Story = { args: { scenario: 'expired', lang: 'en' }, play: sign() };
export const NotYetValid: Story = { args: { scenario: 'not-yet-valid' }, play: sign() };
export const Cancelled: Story = {
  args: { scenario: 'cancelled' },
  play: sign((element) => setTimeout(() => element.cancel(), 300)),
};
export const TimedOut: Story = { args: { scenario: 'timed-out' }, play: sign() };
export const Rejected: Story = { args: { scenario: 'rejected' }, play: sign() };
export const RejectedEnglish: Story = { args: { scenario: 'rejected', lang: 'en' }, play: sign() };
export const Unreachable: Story = { args: { scenario: 'unreachable' }, play: sign() };
export const ServiceError: Story = { args: { scenario: 'service-error' }, play: sign() };
export const InvalidPdf: Story = { args: { scenario: 'invalid-pdf' }, play: sign() };
export const VerificationFailed: Story = {
  args: { scenario: 'verification-failed' },
  play: sign(),
};
