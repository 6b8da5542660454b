import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { ReceiptDossier } from '@egov-kit/elements';
import type { DossierStatus } from '@egov-kit/schema';
import { receiptDossier } from '../packages/elements/test/fixtures/dossiers.js';
import procedures from '../packages/elements/test/fixtures/procedures.json';

type Args = { lang: string; status: DossierStatus; dueDate: boolean; lookupUrl: string };

// The real procedure the demo dossier is for: first military service registration.
const procedure = procedures.find((p) => p.code === '1.013133') ?? procedures[0];

const withoutDue = ({ dueAt: _, ...dossier }: ReceiptDossier): ReceiptDossier => dossier;
const notReceived = ({ receivedAt: _, ...dossier }: ReceiptDossier): ReceiptDossier => dossier;

const meta: Meta<Args> = {
  title: 'Tracking/Receipt',
  component: 'egov-receipt',
  args: { lang: 'vi', status: 'received', dueDate: true, lookupUrl: '/tra-cuu' },
  argTypes: {
    status: { control: 'select', options: ['submitted', 'received', 'in_progress', 'resolved'] },
  },
  render: ({ lang, status, dueDate, lookupUrl }) => {
    const full = receiptDossier(status);
    // Submitted online, not yet received: no reception time, no result date yet.
    const dossier =
      status === 'submitted'
        ? { ...notReceived(withoutDue(full)), submittedAt: '2026-12-04T23:00:00Z' }
        : full;
    return html`<div lang=${lang}>
      <egov-receipt
        .dossier=${dueDate ? dossier : withoutDue(dossier)}
        .procedure=${procedure}
        agency="Ủy ban nhân dân xã Hòa Vang"
        received-by="Lê Minh Cường (demo)"
        collect-at="Bộ phận Một cửa UBND xã Hòa Vang"
        address-text="Tổ 5, thôn Phú Sơn, Xã Hòa Vang, Thành phố Đà Nẵng"
        lookup-url=${lookupUrl}
      ></egov-receipt>
    </div>`;
  },
};

export default meta;
type Story = StoryObj<Args>;

/** Just received: the codes, the QR code to the lookup and the result date. */
/** Submitted online, before the agency receives it: a confirmation of submission, not a receipt. */
export const SubmittedConfirmation: Story = { args: { status: 'submitted' } };
export const SubmittedConfirmationEnglish: Story = { args: { status: 'submitted', lang: 'en' } };

export const Received: Story = {};
export const ReceivedEnglish: Story = { args: { lang: 'en' } };
/** Printed again after the result came: the screen says the current status, paper does not. */
export const Resolved: Story = { args: { status: 'resolved' } };
export const ResolvedEnglish: Story = { args: { status: 'resolved', lang: 'en' } };
/** No result date set yet: said in words, not a blank. */
export const MissingDueDate: Story = { args: { dueDate: false } };
export const MissingDueDateEnglish: Story = { args: { dueDate: false, lang: 'en' } };
/** No lookup page given: no QR code, the codes alone. */
export const WithoutQrCode: Story = { args: { lookupUrl: '' } };
