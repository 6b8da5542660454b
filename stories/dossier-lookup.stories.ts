import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { LookupClient } from '@egov-kit/elements';
import type { LookupResult } from '@egov-kit/schema';
import { demoDossier, NOW } from '../packages/elements/test/fixtures/dossiers.js';
import procedures from '../packages/elements/test/fixtures/procedures.json';

type Args = { lang: string; code: string; verifier: string };

/**
 * A stand-in for the reference server's lookup with its demo receipt: HS-DEMO-000002 with
 * verifier DEMO2345 is found; another code is unknown (404), another verifier is wrong (403),
 * and the code SPAM is rate limited (429, retry in 2 minutes).
 */
const server: LookupClient = {
  dossiers: {
    lookup: async ({ code, verifier }): Promise<LookupResult> => {
      const fail = (status: number, problem: string, retryAfter?: number) =>
        Promise.reject(Object.assign(new Error(problem), { status, code: problem, retryAfter }));
      if (code.toUpperCase() === 'SPAM') return fail(429, 'rate_limited', 120);
      if (code.toUpperCase() !== 'HS-DEMO-000002') return fail(404, 'unknown_code');
      if (verifier.toUpperCase() !== 'DEMO2345') return fail(403, 'wrong_verifier');
      const { dossier, events } = demoDossier('awaiting_supplement');
      const procedure = procedures.find((p) => p.code === dossier.procedureCode);
      return { dossier, events, procedureName: procedure?.name ?? '', resultAttachmentIds: [] };
    },
  },
};

const submit = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await customElements.whenDefined('egov-dossier-lookup');
  await canvasElement.querySelector('egov-dossier-lookup')?.lookup();
};

const meta: Meta<Args> = {
  title: 'Tracking/Dossier lookup',
  component: 'egov-dossier-lookup',
  args: { lang: 'vi', code: '', verifier: '' },
  render: ({ lang, code, verifier }) => html`<div lang=${lang} style="max-width: 40rem">
    <egov-dossier-lookup .client=${server} .now=${NOW} code=${code} verifier=${verifier}></egov-dossier-lookup>
  </div>`,
};

export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};
export const EmptyEnglish: Story = { args: { lang: 'en' } };
/** The demo receipt: the tracker shows below the form. */
export const Found: Story = {
  args: { code: 'HS-DEMO-000002', verifier: 'DEMO2345' },
  play: submit,
};
export const FoundEnglish: Story = {
  args: { lang: 'en', code: 'HS-DEMO-000002', verifier: 'DEMO2345' },
  play: submit,
};
export const Missing: Story = { play: submit };
export const UnknownCode: Story = {
  args: { code: 'HS-2026-999999', verifier: 'DEMO2345' },
  play: submit,
};
export const WrongVerifier: Story = {
  args: { code: 'HS-DEMO-000002', verifier: 'ABCD1234' },
  play: submit,
};
export const WrongVerifierEnglish: Story = {
  args: { lang: 'en', code: 'HS-DEMO-000002', verifier: 'ABCD1234' },
  play: submit,
};
export const RateLimited: Story = { args: { code: 'SPAM', verifier: 'DEMO2345' }, play: submit };
export const RateLimitedEnglish: Story = {
  args: { lang: 'en', code: 'SPAM', verifier: 'DEMO2345' },
  play: submit,
};
