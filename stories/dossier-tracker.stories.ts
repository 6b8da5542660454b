import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { TrackerClient } from '@egov-kit/elements';
import type { DossierStatus, LookupResult } from '@egov-kit/schema';
import {
  demoDossier,
  manyEvents,
  NOW,
  type Options,
} from '../packages/elements/test/fixtures/dossiers.js';
import procedures from '../packages/elements/test/fixtures/procedures.json';

type Args = { lang: string; status: DossierStatus; options: Options };

// The real procedure the demo dossiers are for: first military service registration.
const procedure = procedures.find((p) => p.code === '1.013133') ?? procedures[0];

const meta: Meta<Args> = {
  title: 'Tracking/Dossier tracker',
  component: 'egov-dossier-tracker',
  args: { lang: 'vi', status: 'in_progress', options: {} },
  argTypes: {
    status: {
      control: 'select',
      options: [
        'submitted',
        'received',
        'in_progress',
        'awaiting_supplement',
        'awaiting_payment',
        'stopped',
        'resolved',
        'returned',
        'rejected',
        'withdrawn',
      ],
    },
  },
  render: ({ lang, status, options }) => {
    const { dossier, events } = demoDossier(status, options);
    return html`<div lang=${lang} style="max-width: 40rem">
      <egov-dossier-tracker
        .dossier=${dossier}
        .events=${events}
        .procedure=${procedure}
        .now=${NOW}
        procedure-name=${procedure?.name ?? ''}
      ></egov-dossier-tracker>
    </div>`;
  },
};

export default meta;
type Story = StoryObj<Args>;

export const Submitted: Story = { args: { status: 'submitted' } };
export const Received: Story = { args: { status: 'received' } };
export const InProgress: Story = {};
export const InProgressEnglish: Story = { args: { lang: 'en' } };
/** The agency asks for a document: the tracker names it and offers the action. */
export const AwaitingSupplement: Story = { args: { status: 'awaiting_supplement' } };
export const AwaitingSupplementEnglish: Story = {
  args: { status: 'awaiting_supplement', lang: 'en' },
};
export const AwaitingPayment: Story = { args: { status: 'awaiting_payment' } };
export const Stopped: Story = { args: { status: 'stopped' } };
export const Resolved: Story = { args: { status: 'resolved' } };
export const Returned: Story = { args: { status: 'returned' } };
export const ReturnedEnglish: Story = { args: { status: 'returned', lang: 'en' } };
export const Rejected: Story = { args: { status: 'rejected' } };
export const Withdrawn: Story = { args: { status: 'withdrawn' } };
/** Late: said in words and with a mark, not only in red. */
export const Overdue: Story = { args: { options: { receivedDaysAgo: 20 } } };
export const OverdueEnglish: Story = { args: { lang: 'en', options: { receivedDaysAgo: 20 } } };
/** The agency apologised and set a new date. */
export const Extended: Story = { args: { options: { receivedDaysAgo: 8, apologyDays: 5 } } };
export const ExtendedEnglish: Story = {
  args: { lang: 'en', options: { receivedDaysAgo: 8, apologyDays: 5 } },
};

/** 500 events: the newest 10 show, the rest on request. */
export const ManyEvents: Story = {
  render: ({ lang }) => {
    const { dossier, events } = manyEvents(500);
    return html`<div lang=${lang}><egov-dossier-tracker .dossier=${dossier} .events=${events} .now=${NOW}></egov-dossier-tracker></div>`;
  },
};

const lookupClient = (answer: () => Promise<LookupResult>): TrackerClient => ({
  dossiers: {
    get: () => Promise.reject(new Error('not in this story')),
    events: () => Promise.reject(new Error('not in this story')),
    lookup: answer,
  },
});

/** Loading by the code and verifier on the receipt, through a client (a stand-in here). */
export const LoadedByCode: Story = {
  render: ({ lang }) => {
    const { dossier, events } = demoDossier('resolved');
    const client = lookupClient(async () => ({
      dossier,
      procedureName: procedure?.name ?? '',
      events,
      resultAttachmentIds: [],
    }));
    return html`<div lang=${lang}><egov-dossier-tracker code="HS-DEMO-000002" verifier="DEMO2345" .client=${client} .now=${NOW}></egov-dossier-tracker></div>`;
  },
};

/** Still loading: a slow connection. */
export const Loading: Story = {
  render: ({ lang }) => {
    const client = lookupClient(() => new Promise(() => {}));
    return html`<div lang=${lang}><egov-dossier-tracker code="HS-DEMO-000002" verifier="DEMO2345" .client=${client}></egov-dossier-tracker></div>`;
  },
};

/** The load failed (here: too many lookups, retry in 30 s). */
export const LoadFailed: Story = {
  render: ({ lang }) => {
    const client = lookupClient(() =>
      Promise.reject(Object.assign(new Error('429'), { status: 429, retryAfter: 30 })),
    );
    return html`<div lang=${lang}><egov-dossier-tracker code="HS-DEMO-000002" verifier="DEMO2345" .client=${client}></egov-dossier-tracker></div>`;
  },
};
export const LoadFailedEnglish: Story = { ...LoadFailed, args: { lang: 'en' } };
