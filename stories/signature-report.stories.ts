import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import {
  SIGNATURE_RESULT_STATES,
  SIGNATURE_RESULTS,
  type SignatureResultState,
} from '../packages/elements/test/fixtures/signature-results.js';

type Args = { lang: string; state: SignatureResultState; timeZone: string };

// The results are plain objects shaped like what `verifyPades` and `verifyCades` return (see
// packages/elements/test/fixtures/signature-results.ts): the report only reads them. Nothing in
// them is a real person or authority. (A line comment: a doc comment here would replace the
// element's own description on its Docs page.)
const meta: Meta<Args> = {
  title: 'Signing/Signature report',
  component: 'egov-signature-report',
  args: { lang: 'vi', state: 'valid-with-timestamp', timeZone: 'Asia/Ho_Chi_Minh' },
  argTypes: {
    state: { control: 'select', options: [...SIGNATURE_RESULT_STATES] },
    lang: { control: 'inline-radio', options: ['vi', 'en'] },
  },
  render: ({ lang, state, timeZone }) =>
    html`<div lang=${lang} style="max-width: 60rem">
      <egov-signature-report
        time-zone=${timeZone}
        .result=${SIGNATURE_RESULTS[state]}
      ></egov-signature-report>
    </div>`,
};

export default meta;
type Story = StoryObj<Args>;

/** PAdES-B-T: valid, the time proven by a signature time-stamp, revocation checked online. */
export const ValidWithTimestamp: Story = {};
export const ValidWithTimestampEnglish: Story = { args: { lang: 'en' } };
/** PAdES-B-B: valid now, but the time of signing is only claimed; revocation from the document. */
export const ValidWithoutTimestamp: Story = { args: { state: 'valid-without-timestamp' } };
export const ValidWithoutTimestampEnglish: Story = {
  args: { state: 'valid-without-timestamp', lang: 'en' },
};
/** The signer's certificate was revoked: not valid. */
export const Revoked: Story = { args: { state: 'revoked' } };
export const RevokedEnglish: Story = { args: { state: 'revoked', lang: 'en' } };
/** A certificate someone made in the citizen's name (a detached CAdES check): cannot be decided. */
export const UntrustedSelfMade: Story = { args: { state: 'untrusted-self-made' } };
export const UntrustedSelfMadeEnglish: Story = {
  args: { state: 'untrusted-self-made', lang: 'en' },
};
/** An expired certificate and no time-stamp to prove when it signed: cannot be decided. */
export const ExpiredWithoutTimestamp: Story = { args: { state: 'expired-without-timestamp' } };
export const ExpiredWithoutTimestampEnglish: Story = {
  args: { state: 'expired-without-timestamp', lang: 'en' },
};
/** Page content changed after the signature: not valid, and the signature says so. */
export const ChangedAfterSigning: Story = { args: { state: 'changed-after-signing' } };
export const ChangedAfterSigningEnglish: Story = {
  args: { state: 'changed-after-signing', lang: 'en' },
};
/** A certified result with two more signatures, a DSS and a document time-stamp. */
export const SeveralSignatures: Story = { args: { state: 'several-signatures' } };
export const SeveralSignaturesEnglish: Story = {
  args: { state: 'several-signatures', lang: 'en' },
};
/** No CRL or OCSP answer for a certificate that names a responder: try again later. */
export const TryLater: Story = { args: { state: 'try-later' } };
export const TryLaterEnglish: Story = { args: { state: 'try-later', lang: 'en' } };
