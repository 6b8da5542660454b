import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/satisfaction-survey';
import type { EgovSatisfactionSurvey, SurveyClient } from '@egov-kit/elements';
import { DEFAULT_SURVEY, type SurveyStatus } from '@egov-kit/schema';

type Kind = 'loading' | 'not_yet' | 'open' | 'answered' | 'closed' | 'error' | 'offline';
type Args = { lang: string; kind: Kind; width: string; theme: string };

const ID = '6f1c1d1e-0000-4000-8000-000000000001';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const response = {
  dossierId: ID,
  surveyId: DEFAULT_SURVEY.id,
  answers: DEFAULT_SURVEY.criteria
    .filter((c) => c.code !== 'fees')
    .map((c, i) => ({ criterion: c.code, score: 3 + (i % 3) })),
  comment: 'Cán bộ hướng dẫn rõ ràng, nhưng phải chờ lâu ở quầy.',
  submittedAt: inDays(-2),
  editableUntil: inDays(28),
};

const STATUS: Record<Kind, SurveyStatus> = {
  loading: { state: 'open', closesAt: inDays(28), response: null },
  not_yet: { state: 'not_yet', closesAt: null, response: null },
  open: { state: 'open', closesAt: inDays(28), response: null },
  answered: { state: 'answered', closesAt: inDays(28), response },
  closed: { state: 'closed', closesAt: inDays(-1), response },
  error: { state: 'open', closesAt: inDays(28), response: null },
  offline: { state: 'open', closesAt: inDays(28), response: null },
};

/** A stand-in for `createClient()` of `@egov-kit/client`, answering as the server would. */
function client(kind: Kind): SurveyClient {
  return {
    surveys: {
      get: async () => DEFAULT_SURVEY,
      status: async () => {
        if (kind === 'loading') return new Promise<never>(() => {});
        if (kind === 'error') throw Object.assign(new Error('500'), { status: 500 });
        if (kind === 'offline') throw Object.assign(new Error('offline'), { name: 'NetworkError' });
        return STATUS[kind];
      },
      answer: async (dossierId, body) => ({
        dossierId,
        ...body,
        submittedAt: new Date().toISOString(),
        editableUntil: inDays(28),
      }),
    },
  };
}

const meta: Meta<Args> = {
  title: 'Tracking/Satisfaction survey',
  component: 'egov-satisfaction-survey',
  args: { lang: 'vi', kind: 'open', width: '100%', theme: 'light' },
  argTypes: {
    kind: {
      control: 'select',
      options: ['loading', 'not_yet', 'open', 'answered', 'closed', 'error', 'offline'],
    },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: ({ lang, kind, width, theme }) =>
    html`<div lang=${lang} style="max-width:${width}">
      <egov-satisfaction-survey
        theme=${theme}
        dossier-id=${ID}
        .client=${client(kind)}
      ></egov-satisfaction-survey>
    </div>`,
};

export default meta;
type Story = StoryObj<Args>;

/** Waiting for the server. */
export const Loading: Story = { args: { kind: 'loading' } };
/** The result is not returned yet: nothing to rate. */
export const NotYetAvailable: Story = { args: { kind: 'not_yet' } };
/** The form: each criterion a radio group in words, an optional comment. */
export const Open: Story = {};
export const OpenEnglish: Story = { args: { lang: 'en' } };
/** On a 360 px phone. */
export const OpenNarrow: Story = { args: { width: '360px' } };
export const OpenDark: Story = { args: { theme: 'dark' } };
/** Just sent: thanks, the answers, and the way to change them. */
export const Submitted: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector(
      'egov-satisfaction-survey',
    ) as EgovSatisfactionSurvey;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await element.updateComplete;
    for (const input of element.shadowRoot?.querySelectorAll<HTMLInputElement>(
      'input[value="4"]',
    ) ?? [])
      input.click();
    element.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
  },
};
/** Answered earlier, still editable until the deadline. */
export const AnsweredEditable: Story = { args: { kind: 'answered' } };
export const AnsweredEnglish: Story = { args: { kind: 'answered', lang: 'en' } };
/** Editing the earlier answers. */
export const Editing: Story = {
  args: { kind: 'answered' },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector(
      'egov-satisfaction-survey',
    ) as EgovSatisfactionSurvey;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await element.updateComplete;
    [...(element.shadowRoot?.querySelectorAll('button') ?? [])].at(-1)?.click();
  },
};
/** Past the deadline. */
export const Closed: Story = { args: { kind: 'closed' } };
/** The server failed: a retry button. */
export const ErrorState: Story = { args: { kind: 'error' } };
/** No network: retried when the connection comes back. */
export const Offline: Story = { args: { kind: 'offline' } };
