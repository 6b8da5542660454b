import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@egov-kit/elements/define';
import type { ProcedureSearchClient, SearchableProcedure } from '@egov-kit/elements';
import { foldVietnamese, type ProcedureSummary } from '@egov-kit/schema';
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

/**
 * A stand-in for `GET /procedures` over the fixtures, answering after 300 ms like a server:
 * every folded word in the name, field, keywords or code; level, online level and field filters;
 * pages of `limit` by cursor. Pass `fail` to see the error and "Try again".
 */
function server(options: { fail?: boolean } = {}): ProcedureSearchClient {
  let failing = options.fail ?? false;
  return {
    procedures: {
      list: (query, request) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            if (failing) {
              failing = false;
              reject(new TypeError('Failed to fetch'));
              return;
            }
            const words = query.q ? foldVietnamese(query.q).split(' ') : [];
            const matches = many.filter(
              (p) =>
                (!query.level || p.levels.includes(query.level)) &&
                (!query.onlineLevel || p.onlineLevel === query.onlineLevel) &&
                (!query.field || p.field === query.field) &&
                words.every((w) =>
                  foldVietnamese(`${p.name} ${p.field} ${p.keywords.join(' ')} ${p.code}`).includes(
                    w,
                  ),
                ),
            );
            const from = Number(query.cursor ?? 0);
            const limit = query.limit ?? 20;
            const items: ProcedureSummary[] = matches.slice(from, from + limit);
            resolve({
              items,
              nextCursor: from + limit < matches.length ? String(from + limit) : null,
            });
          }, 300);
          request?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(request.signal?.reason);
          });
        }),
    },
  };
}

const fields = [...new Set(real.map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'vi'));

/** Server mode: searches go through the client, debounced; "Show more" fetches the next page. */
export const ServerMode: Story = {
  render: ({ lang }) => html`<div lang=${lang}>
    <egov-procedure-search .client=${server()} .fields=${fields}></egov-procedure-search>
  </div>`,
};
export const ServerModeEnglish: Story = { ...ServerMode, args: { lang: 'en' } };
/** Server mode, the first request fails: the message and "Try again". */
export const ServerError: Story = {
  render: ({ lang }) => html`<div lang=${lang}>
    <egov-procedure-search .client=${server({ fail: true })}></egov-procedure-search>
  </div>`,
};
