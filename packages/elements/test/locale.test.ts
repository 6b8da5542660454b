import { expect, fixture, html } from '@open-wc/testing';
import { localeOf } from '../src/base/localization.js';

describe('localeOf', () => {
  it('takes the element’s own lang first, then the nearest ancestor’s', async () => {
    const page = await fixture(html`<div lang="en"><p><span lang="vi-VN"></span><i></i></p></div>`);
    expect(localeOf(page.querySelector('span') as Element)).to.equal('vi');
    expect(localeOf(page.querySelector('i') as Element)).to.equal('en');
  });

  it('crosses shadow roots, nested ones too, to the page', async () => {
    const page = await fixture(html`<section lang="en"><div></div></section>`);
    const outer = (page.querySelector('div') as HTMLElement).attachShadow({ mode: 'open' });
    outer.innerHTML = '<article><span></span></article>';
    const inner = (outer.querySelector('span') as HTMLElement).attachShadow({ mode: 'open' });
    inner.innerHTML = '<em></em>';
    const deep = inner.querySelector('em') as Element;
    expect(localeOf(deep)).to.equal('en');
    // A lang inside a shadow root wins over the page's.
    (outer.querySelector('article') as Element).setAttribute('lang', 'vi');
    expect(localeOf(deep)).to.equal('vi');
    page.setAttribute('lang', 'vi');
    (outer.querySelector('article') as Element).removeAttribute('lang');
    expect(localeOf(deep)).to.equal('vi');
  });

  it('is Vietnamese with no lang anywhere, or detached', () => {
    const detached = document.createElement('div');
    detached.append(document.createElement('span'));
    expect(localeOf(detached.firstElementChild as Element)).to.equal('vi');
    const english = document.createElement('div');
    english.lang = 'en';
    english.append(document.createElement('span'));
    expect(localeOf(english.firstElementChild as Element)).to.equal('en');
  });
});

describe('a change of lang', () => {
  it('re-renders the egov elements in the new language', async () => {
    await import('../src/dossier-lookup/define.js');
    const page = await fixture(
      html`<div lang="vi"><egov-dossier-lookup></egov-dossier-lookup></div>`,
    );
    const lookup = page.querySelector('egov-dossier-lookup') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await lookup.updateComplete;
    const text = () => lookup.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
    const before = text();
    page.setAttribute('lang', 'en');
    // The observer runs as a microtask after the attribute changes; the render follows.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await lookup.updateComplete;
    const after = text();
    expect(after).to.not.equal(before);
    expect(localeOf(lookup)).to.equal('en');
  });
});
