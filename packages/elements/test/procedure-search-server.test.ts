import {
  foldVietnamese,
  type ListProceduresQuery,
  type Page,
  type Procedure,
  type ProcedureSummary,
} from '@egov-kit/schema';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/procedure-search/define.js';
import type {
  EgovProcedureSearch,
  ProcedureSearchClient,
} from '../src/procedure-search/procedure-search.js';
import { partText, typeInto, until } from './helpers.js';
import { nationalProcedures } from './national-procedures.js';

const all = await nationalProcedures();

/**
 * The reference server's `GET /procedures` over the 207 real procedures, in the browser: the
 * same filters (every folded word in the name, field, keywords, code or agencies; level, field,
 * online level, agency), name matches first, pages by cursor. Records every call, and can hold
 * answers back or fail.
 */
class CatalogueDouble implements ProcedureSearchClient {
  calls: { query: ListProceduresQuery; signal: AbortSignal | undefined }[] = [];
  failures: unknown[] = [];
  held: (() => void)[] = [];
  hold = false;

  procedures = {
    list: async (
      query: ListProceduresQuery,
      options?: { readonly signal?: AbortSignal },
    ): Promise<Page<ProcedureSummary>> => {
      this.calls.push({ query, signal: options?.signal });
      if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
      else await new Promise((resolve) => setTimeout(resolve, 1));
      options?.signal?.throwIfAborted();
      const failure = this.failures.shift();
      if (failure) throw failure;
      return answer(query);
    },
  };
}

function answer(query: ListProceduresQuery): Page<ProcedureSummary> {
  const words = query.q ? foldVietnamese(query.q).split(' ') : [];
  const agency = query.agency ? foldVietnamese(query.agency) : '';
  const text = (p: Procedure) =>
    foldVietnamese(
      [p.name, p.field, p.keywords.join(' '), p.code, ...Object.values(p.agencies).flat()].join(
        ' ',
      ),
    );
  const matches = all
    .filter(
      (p) =>
        (!query.level || p.levels.includes(query.level)) &&
        (!query.field || p.field === query.field) &&
        (!query.onlineLevel || p.onlineLevel === query.onlineLevel) &&
        (!agency || foldVietnamese(Object.values(p.agencies).flat().join(' ')).includes(agency)) &&
        words.every((word) => text(p).includes(word)),
    )
    .map((p) => ({
      p,
      score: words.filter((word) => foldVietnamese(p.name).includes(word)).length,
    }))
    .sort((a, b) => b.score - a.score || a.p.code.localeCompare(b.p.code));
  const from = Number(query.cursor ?? 0);
  const limit = query.limit ?? 20;
  const items = matches.slice(from, from + limit).map(({ p }) => ({
    code: p.code,
    name: p.name,
    field: p.field,
    levels: p.levels,
    onlineLevel: p.onlineLevel,
    keywords: p.keywords,
  }));
  return { items, nextCursor: from + limit < matches.length ? String(from + limit) : null };
}

async function search(
  client: CatalogueDouble,
  lang = 'vi',
  extra: Partial<EgovProcedureSearch> = {},
) {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <egov-procedure-search
      debounce="40"
      .client=${client}
      .fields=${extra.fields ?? null}
      .agencies=${extra.agencies ?? null}
    ></egov-procedure-search>
  </div>`);
  const element = wrapper.querySelector('egov-procedure-search') as EgovProcedureSearch;
  await settled(element, client, 1);
  return element;
}

const names = (element: EgovProcedureSearch) =>
  [...(element.shadowRoot?.querySelectorAll('[part="result"] .name') ?? [])].map(
    (name) => name.textContent ?? '',
  );

const items = (element: EgovProcedureSearch) => [
  ...(element.shadowRoot?.querySelectorAll<HTMLLIElement>('[part="list"] > li') ?? []),
];

function busy(element: EgovProcedureSearch) {
  return element.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'true';
}

/** Waits until `calls` requests were made and the last answer is shown. */
async function settled(element: EgovProcedureSearch, client: CatalogueDouble, calls: number) {
  await until(() => client.calls.length === calls);
  await element.updateComplete;
  await until(() => !busy(element));
  await element.updateComplete;
}

async function choose(element: EgovProcedureSearch, id: string, value: string) {
  const select = element.shadowRoot?.querySelector(`#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await element.updateComplete;
}

describe('egov-procedure-search, server mode', () => {
  it('lists the first page from the server, and says more remain', async () => {
    const client = new CatalogueDouble();
    const element = await search(client);
    expect(element.serverMode).to.be.true;
    expect(client.calls.map((call) => call.query)).to.deep.equal([{ limit: 20 }]);
    expect(items(element).length).to.equal(20);
    expect(partText(element, 'count')).to.equal('20 thủ tục đầu tiên, còn nữa');
    // The total is unknown while pages remain: -1, as ARIA says for an unknown set size.
    expect(items(element)[0]?.getAttribute('aria-setsize')).to.equal('-1');
    expect(items(element)[4]?.getAttribute('aria-posinset')).to.equal('5');
  });

  it('debounces typing: one request for the words typed in a burst', async () => {
    const client = new CatalogueDouble();
    const element = await search(client);
    for (const words of ['n', 'ng', 'nghia', 'nghia vu', 'nghia vu quan su']) {
      await typeInto(element, 'input', words);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(client.calls.length).to.equal(1);
    await settled(element, client, 2);
    expect(client.calls[1]?.query).to.deep.equal({ limit: 20, q: 'nghia vu quan su' });
    expect(names(element)).to.deep.equal(
      answer({ q: 'nghia vu quan su' }).items.map((p) => p.name),
    );
    expect(names(element).length).to.be.greaterThan(1);
    expect(partText(element, 'count')).to.equal(`${names(element).length} thủ tục`);
    await expect(element).to.be.accessible();
  });

  it('cancels the request in flight when the words change; a late answer is ignored', async () => {
    const client = new CatalogueDouble();
    const element = await search(client);
    client.hold = true;
    await typeInto(element, 'input', 'quan su');
    await until(() => client.calls.length === 2);
    expect(partText(element, 'count')).to.equal('Đang tìm…');
    await typeInto(element, 'input', 'vat lieu no');
    // Cancelled at once, not only when the next request leaves.
    expect(client.calls[1]?.query.q).to.equal('quan su');
    expect(client.calls[1]?.signal?.aborted).to.be.true;
    await until(() => client.calls.length === 3);
    client.hold = false;
    client.held[1]?.();
    await until(() => partText(element, 'count') !== 'Đang tìm…');
    client.held[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await element.updateComplete;
    expect(names(element).length).to.be.greaterThan(0);
    expect(names(element)).to.deep.equal(answer({ q: 'vat lieu no' }).items.map((p) => p.name));
    expect(names(element)).not.to.deep.equal(answer({ q: 'quan su' }).items.map((p) => p.name));
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`says when the search failed and tries again (${lang})`, async () => {
      const client = new CatalogueDouble();
      client.failures.push(new TypeError('Failed to fetch'));
      const element = await search(client, lang);
      const error = element.shadowRoot?.querySelector('[part="error"]');
      expect(error?.getAttribute('role')).to.equal('alert');
      expect(partText(element, 'error')).to.contain(
        lang === 'vi' ? 'Không tìm được thủ tục' : 'The search failed',
      );
      expect(partText(element, 'empty')).to.be.null;
      await expect(element).to.be.accessible();
      (element.shadowRoot as ShadowRoot)
        .querySelector<HTMLButtonElement>('[part="retry"]')
        ?.click();
      await settled(element, client, 2);
      expect(partText(element, 'error')).to.be.null;
      expect(items(element).length).to.equal(20);
      await expect(element).to.be.accessible();
    });

    it(`is axe-clean while searching (${lang})`, async () => {
      const client = new CatalogueDouble();
      client.hold = true;
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
        <egov-procedure-search .client=${client}></egov-procedure-search>
      </div>`);
      const element = wrapper.querySelector('egov-procedure-search') as EgovProcedureSearch;
      await element.updateComplete;
      expect(partText(element, 'count')).to.equal(lang === 'vi' ? 'Đang tìm…' : 'Searching…');
      await expect(element).to.be.accessible();
      client.held[0]?.();
    });
  }

  it('sends the field and agency filters, with the options given', async () => {
    const fields = [...new Set(all.map((p) => p.field))].sort();
    const client = new CatalogueDouble();
    const element = await search(client, 'vi', {
      fields,
      agencies: ['Bộ Chỉ huy Bộ đội Biên phòng', 'Bộ Công Thương'],
    });
    expect(element.shadowRoot?.querySelectorAll('#field option').length).to.equal(
      fields.length + 1,
    );
    await choose(element, 'field', 'Ứng phó sự cố tràn dầu');
    await settled(element, client, 2);
    expect(client.calls[1]?.query).to.deep.equal({ limit: 20, field: 'Ứng phó sự cố tràn dầu' });
    expect(element.results.length).to.be.greaterThan(0);
    expect(element.results.every((p) => p.field === 'Ứng phó sự cố tràn dầu')).to.be.true;
    await choose(element, 'field', '');
    await choose(element, 'agency', 'Bộ Chỉ huy Bộ đội Biên phòng');
    await settled(element, client, 4);
    expect(client.calls[3]?.query).to.deep.equal({
      limit: 20,
      agency: 'Bộ Chỉ huy Bộ đội Biên phòng',
    });
    expect(element.results.length).to.be.greaterThan(0);
    await expect(element).to.be.accessible();
  });

  it('shows no field or agency filter without options in server mode', async () => {
    const element = await search(new CatalogueDouble());
    expect(element.shadowRoot?.querySelector('#field')).to.be.null;
    expect(element.shadowRoot?.querySelector('#agency')).to.be.null;
    expect(element.shadowRoot?.querySelector('#level')).not.to.be.null;
  });

  it('"Show more" fetches the next page and focuses its first result', async () => {
    const client = new CatalogueDouble();
    const element = await search(client);
    await choose(element, 'level', 'commune');
    await settled(element, client, 2);
    const total = all.filter((p) => p.levels.includes('commune')).length;
    expect(total).to.be.greaterThan(40);
    const more = () =>
      element.shadowRoot?.querySelector('[part="more"]') as HTMLButtonElement | null;
    more()?.click();
    await settled(element, client, 3);
    await until(() => element.shadowRoot?.activeElement !== null);
    expect(client.calls[2]?.query).to.deep.equal({ limit: 20, level: 'commune', cursor: '20' });
    expect(items(element).length).to.equal(40);
    expect(element.shadowRoot?.activeElement).to.equal(
      element.shadowRoot?.querySelectorAll('[part="result"]')[20],
    );
    while (more()) {
      const calls = client.calls.length;
      more()?.click();
      await settled(element, client, calls + 1);
    }
    expect(items(element).length).to.equal(total);
    expect(partText(element, 'count')).to.equal(`${total} thủ tục`);
    expect(items(element)[0]?.getAttribute('aria-setsize')).to.equal(String(total));
  });

  it('fires egov-procedure-select with the server item', async () => {
    const client = new CatalogueDouble();
    const element = await search(client);
    const picked = oneEvent(element, 'egov-procedure-select');
    (element.shadowRoot as ShadowRoot).querySelector<HTMLButtonElement>('[part="result"]')?.click();
    const { detail } = await picked;
    expect(detail.procedure).to.equal(element.results[0]);
    expect(detail.procedure.code).to.equal(answer({}).items[0]?.code);
  });

  it('searches in the browser, not on the server, when procedures are given', async () => {
    const client = new CatalogueDouble();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <egov-procedure-search .client=${client} .procedures=${all}></egov-procedure-search>
    </div>`);
    const element = wrapper.querySelector('egov-procedure-search') as EgovProcedureSearch;
    await typeInto(element, 'input', 'vat lieu no');
    expect(element.serverMode).to.be.false;
    expect(client.calls).to.deep.equal([]);
    expect(names(element)[0]).to.match(/vật liệu nổ/i);
    // Client mode offers the fields and agencies found in the list, and filters by them.
    await typeInto(element, 'input', '');
    const options = element.shadowRoot?.querySelectorAll('#field option') ?? [];
    expect(options.length).to.equal(new Set(all.map((p) => p.field)).size + 1);
    await choose(element, 'field', 'Ứng phó sự cố tràn dầu');
    expect(element.results.length).to.equal(
      all.filter((p) => p.field === 'Ứng phó sự cố tràn dầu').length,
    );
    await choose(element, 'field', '');
    await choose(element, 'agency', 'Ủy ban Quốc gia Ứng phó sự cố, thiên tai và Tìm kiếm cứu nạn');
    expect(element.results.length).to.be.greaterThan(0);
    expect(element.results.length).to.be.lessThan(all.length);
    expect(items(element)[0]?.getAttribute('aria-setsize')).to.equal(
      String(element.results.length),
    );
    await expect(element).to.be.accessible();
  });
});
