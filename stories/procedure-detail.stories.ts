import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { ProcedureDetailClient } from '@egov-kit/elements';
import type { Procedure } from '@egov-kit/schema';
import details from '../packages/elements/test/fixtures/procedure-details.json';

type Args = { lang: string; code: string; headingLevel: number; applyHref: string };

// Five real procedures of the national database (see make-procedure-details.mjs).
const real = details as unknown as Procedure[];
const byCode = (code: string) => real.find((p) => p.code === code) as Procedure;

/** A client double: answers from the real records after a short wait, 404 for other codes. */
const client = (options: { fail?: boolean; hold?: boolean } = {}): ProcedureDetailClient => ({
  procedures: {
    get: (code, request) =>
      new Promise<Procedure>((resolve, reject) => {
        if (options.hold) return;
        const timer = setTimeout(() => {
          if (options.fail) reject(new TypeError('Failed to fetch'));
          else if (real.some((p) => p.code === code)) resolve(byCode(code));
          else reject(Object.assign(new Error('not found'), { status: 404, code: 'not_found' }));
        }, 400);
        request?.signal?.addEventListener('abort', () => clearTimeout(timer));
      }),
  },
});

const meta: Meta<Args> = {
  title: 'Procedures/Procedure detail',
  component: 'egov-procedure-detail',
  args: { lang: 'vi', code: '1.013124', headingLevel: 2, applyHref: '/apply.html?code={code}' },
  argTypes: {
    code: { control: 'select', options: real.map((p) => p.code) },
    headingLevel: { control: { type: 'number', min: 1, max: 5 } },
  },
  render: ({ lang, code, headingLevel, applyHref }) => html`<div lang=${lang}>
    <egov-procedure-detail
      .procedure=${byCode(code)}
      heading-level=${headingLevel}
      apply-href=${applyHref}
    ></egov-procedure-detail>
  </div>`,
};

export default meta;
type Story = StoryObj<Args>;

/** Free of charge on every channel: "Miễn phí". */
export const Free: Story = {};
export const FreeEnglish: Story = { args: { lang: 'en' } };
/** Four fees from 2,000,000 to 5,000,000 đồng, formatted for the reader. */
export const WithFees: Story = { args: { code: '1.013539' } };
export const WithFeesEnglish: Story = { args: { code: '1.013539', lang: 'en' } };
/** Fees in USD beside one in đồng: the đồng fee formatted, the whole text kept as published. */
export const FeesAsPublished: Story = { args: { code: '1.013575', lang: 'en' } };
/** Four cases, each with its channels, time limits and documents. */
export const SeveralCases: Story = { args: { code: '1.013285' } };
/** Not online: no apply action, and where to apply instead. */
export const NotOnline: Story = { args: { code: '1.013134' } };
/** Without apply-href the apply action is a button; `egov-apply` fires either way. */
export const ApplyButton: Story = { args: { applyHref: '' } };

/** Published HTML with a script, an image with onerror and a javascript: link: all removed. */
export const SanitisedText: Story = {
  render: ({ lang }) => {
    const procedure = structuredClone(byCode('1.013124'));
    procedure.description =
      '<p>Phê duyệt <strong>kế hoạch ứng phó</strong> sự cố tràn dầu.<img src="x" onerror="alert(1)"></p><script>alert(2)</script><p><a href="javascript:alert(3)">Liên kết độc</a> · <a href="https://vbpl.vn/">Văn bản pháp luật</a></p>';
    return html`<div lang=${lang}><egov-procedure-detail .procedure=${procedure}></egov-procedure-detail></div>`;
  },
};

/** Loading through a client: "Đang tải…", then the procedure. */
export const Loading: Story = {
  render: ({ lang, code }) => html`<div lang=${lang}>
    <egov-procedure-detail code=${code} .client=${client({ hold: true })}></egov-procedure-detail>
  </div>`,
};
export const LoadedThroughClient: Story = {
  render: ({ lang, code, applyHref }) => html`<div lang=${lang}>
    <egov-procedure-detail code=${code} apply-href=${applyHref} .client=${client()}></egov-procedure-detail>
  </div>`,
};
export const NotFound: Story = {
  render: ({ lang }) => html`<div lang=${lang}>
    <egov-procedure-detail code="9.999999" .client=${client()}></egov-procedure-detail>
  </div>`,
};
/** The network failed: the message and "Thử lại". */
export const LoadError: Story = {
  render: ({ lang, code }) => html`<div lang=${lang}>
    <egov-procedure-detail code=${code} .client=${client({ fail: true })}></egov-procedure-detail>
  </div>`,
};
export const LoadErrorEnglish: Story = { ...LoadError, args: { lang: 'en' } };
