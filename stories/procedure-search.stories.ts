import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { SearchableProcedure } from '@egov-kit/elements';
import procedures from '../packages/elements/test/fixtures/procedures.json';

type Args = {
  lang: string;
  query: string;
  level: string;
  onlineLevel: string;
  procedures: readonly SearchableProcedure[];
};

// The 16 real procedures of the fixtures (Bộ Quốc phòng, Bộ Công Thương, Ban Cơ yếu, …).
const real = procedures as unknown as SearchableProcedure[];
// More than one page: the real procedures twice, with distinct codes.
const many = [...real, ...real].map((p, i) => ({ ...p, code: `${p.code}-${i}` }));

const meta: Meta<Args> = {
  title: 'Procedures/Procedure search',
  component: 'egov-procedure-search',
  args: { lang: 'vi', query: '', level: '', onlineLevel: '', procedures: real },
  argTypes: {
    level: { control: 'select', options: ['', 'ministry', 'province', 'commune'] },
    onlineLevel: { control: 'select', options: ['', 'full', 'partial', 'none'] },
    procedures: { control: false },
  },
  render: ({ lang, query, level, onlineLevel, procedures }) => html`<div lang=${lang}>
    <egov-procedure-search
      .procedures=${procedures}
      query=${query}
      level=${level}
      online-level=${onlineLevel}
    ></egov-procedure-search>
  </div>`,
};

export default meta;
type Story = StoryObj<Args>;

/** No words yet: every procedure, in the catalogue's order. */
export const Empty: Story = {};
export const EmptyEnglish: Story = { args: { lang: 'en' } };
/** Typed without diacritics: the first military service registration comes first. */
export const Results: Story = { args: { query: 'nghia vu quan su lan dau' } };
export const ResultsEnglish: Story = { args: { query: 'nghia vu quan su lan dau', lang: 'en' } };
/** One letter wrong in a long word still finds it. */
export const WithTypo: Story = { args: { query: 'nghla vu quan su' } };
/** Filtered to the ministry level and partly online procedures. */
export const Filtered: Story = { args: { level: 'ministry', onlineLevel: 'partial' } };
export const NoResults: Story = { args: { query: 'khai sinh' } };
export const NoResultsEnglish: Story = { args: { query: 'khai sinh', lang: 'en' } };
/** More than 20 results: "Show more". */
export const Paged: Story = { args: { procedures: many } };
export const PagedEnglish: Story = { args: { procedures: many, lang: 'en' } };
