import { expect, fixture, html as fixtureHtml } from '@open-wc/testing';
import { html } from 'lit';
import {
  defineMessages,
  EgovElement,
  lazy,
  localeOf,
  matchLocale,
  plural,
  registerTranslation,
  translate,
} from '../src/index.js';

// Namespaces of this file only: the registry is page-wide and other tests share it.
const words = defineMessages('test-greeting', {
  hello: { vi: 'Xin chào', en: 'Hello' },
  files: (count: number) => ({
    vi: `${count} tệp`,
    en: plural('en', count, { one: `${count} file`, other: `${count} files` }),
  }),
  welcome: (name: string) => ({ vi: `Chào ${name}`, en: `Welcome, ${name}` }),
});

interface GreetingEvents {
  'egov-greet': { readonly name: string };
  'egov-ping': undefined;
}

class TestGreeting extends EgovElement<GreetingEvents> {
  greet(name: string) {
    return this.emit('egov-greet', { name });
  }
  ping() {
    return this.emit('egov-ping');
  }
  override render() {
    return html`<p>${this.localize(words.hello)}</p>
      <p>${this.localize(words.files(2))}</p>
      <button aria-label=${this.localize(words.welcome('An'))}></button>`;
  }
}
TestGreeting.define('test-greeting');
// A second define of the same tag is ignored, as a second copy of the package would be.
TestGreeting.define('test-greeting');

const text = (element: Element) =>
  (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the localisation registry', () => {
  it('gives each locale its words, parameters and English plurals included', () => {
    expect(translate(words.hello, 'vi')).to.equal('Xin chào');
    expect(translate(words.hello, 'en')).to.equal('Hello');
    expect(translate(words.files(1), 'en')).to.equal('1 file');
    expect(translate(words.files(3), 'en')).to.equal('3 files');
    expect(translate(words.files(1), 'vi')).to.equal('1 tệp');
    expect(translate(words.welcome('Lan'), 'en')).to.equal('Welcome, Lan');
  });

  it('picks plural forms by Intl.PluralRules, with `other` as the fallback', () => {
    const forms = { one: 'one', few: 'few', many: 'many', other: 'other' } as const;
    expect(plural('pl', 2, forms)).to.equal('few');
    expect(plural('pl', 5, forms)).to.equal('many');
    expect(plural('vi', 1, forms)).to.equal('other');
    expect(plural('ar', 2, { other: 'other' })).to.equal('other');
  });

  it('falls back from region to language, then English, then Vietnamese', () => {
    registerTranslation('de', { 'test-greeting.hello': 'Hallo' });
    expect(translate(words.hello, 'de-AT')).to.equal('Hallo');
    expect(translate(words.files(2), 'de')).to.equal('2 files');
    expect(translate(words.hello, 'en-US')).to.equal('Hello');
    // A text given in both languages follows the same order.
    expect(translate({ vi: 'Có', en: 'Yes' }, 'de')).to.equal('Yes');
    expect(translate({ vi: 'Có', en: 'Yes' }, 'vi-VN')).to.equal('Có');
    expect(translate('Nguyễn Văn An', 'de')).to.equal('Nguyễn Văn An');
  });

  it('matches a lang to a registered locale, else Vietnamese', () => {
    registerTranslation('de', {});
    expect(matchLocale('EN-gb')).to.equal('en');
    expect(matchLocale('de_CH')).to.equal('de');
    expect(matchLocale('ja')).to.equal('vi');
    expect(matchLocale('')).to.equal('vi');
    expect(matchLocale(null)).to.equal('vi');
  });

  it('treats a translation’s text as text, never as markup', async () => {
    registerTranslation('xx-attack', {
      'test-greeting.hello': '<img src=x onerror="window.__pwned=1">',
    });
    const page = await fixture(
      fixtureHtml`<div lang="xx-attack"><test-greeting></test-greeting></div>`,
    );
    const element = page.querySelector('test-greeting') as TestGreeting;
    await element.updateComplete;
    expect(element.shadowRoot?.querySelector('img')).to.equal(null);
    expect(text(element)).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('localeOf', () => {
  it('reads the nearest lang without closest() or getRootNode(), as under Lit SSR', () => {
    // Lit SSR's element shim: attributes, a parent chain, a shadow root's host — no closest().
    const shimHost = { getAttribute: (name: string) => (name === 'lang' ? 'en' : null) };
    const shadowRoot = { host: shimHost };
    const child = { getAttribute: () => null, parentNode: shadowRoot };
    expect(localeOf(child as unknown as Element)).to.equal('en');
    expect(localeOf({ getAttribute: () => null } as unknown as Element)).to.equal('vi');
  });
});

describe('EgovElement', () => {
  it('renders in the page’s locale and follows a change of lang', async () => {
    const page = await fixture(fixtureHtml`<div lang="en"><test-greeting></test-greeting></div>`);
    const element = page.querySelector('test-greeting') as TestGreeting;
    await element.updateComplete;
    expect(element.locale).to.equal('en');
    expect(text(element)).to.equal('Hello 2 files');
    page.setAttribute('lang', 'vi');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
    expect(text(element)).to.equal('Xin chào 2 tệp');
    expect(element.shadowRoot?.querySelector('button')?.getAttribute('aria-label')).to.equal(
      'Chào An',
    );
  });

  it('takes an agency’s override and an added locale at once, on the page', async () => {
    const page = await fixture(fixtureHtml`<div lang="vi"><test-greeting></test-greeting></div>`);
    const element = page.querySelector('test-greeting') as TestGreeting;
    await element.updateComplete;
    registerTranslation('vi', { 'test-greeting.hello': 'Kính chào quý khách' });
    await element.updateComplete;
    expect(text(element)).to.equal('Kính chào quý khách 2 tệp');

    registerTranslation('fr', {
      'test-greeting.hello': 'Bonjour',
      'test-greeting.files': (count: number) =>
        plural('fr', count, { one: `${count} fichier`, other: `${count} fichiers` }),
    });
    page.setAttribute('lang', 'fr-FR');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
    expect(text(element)).to.equal('Bonjour 2 fichiers');
    // French has no word for the button: English stands in.
    expect(element.shadowRoot?.querySelector('button')?.getAttribute('aria-label')).to.equal(
      'Welcome, An',
    );
    registerTranslation('vi', { 'test-greeting.hello': 'Xin chào' });
  });

  it('fires typed events that bubble out of shadow roots and can be cancelled', async () => {
    const element = await fixture<TestGreeting>(fixtureHtml`<test-greeting></test-greeting>`);
    let detail: unknown;
    document.addEventListener(
      'egov-greet',
      (event) => {
        detail = (event as CustomEvent).detail;
        event.preventDefault();
      },
      { once: true },
    );
    expect(element.greet('Lan')).to.equal(false);
    expect(detail).to.deep.equal({ name: 'Lan' });
    expect(element.ping()).to.equal(true);
  });

  it('reflects a forced theme', async () => {
    const element = await fixture<TestGreeting>(fixtureHtml`<test-greeting></test-greeting>`);
    element.theme = 'dark';
    await element.updateComplete;
    expect(element.getAttribute('theme')).to.equal('dark');
  });
});

describe('lazy', () => {
  it('fetches once for every caller, and again after a failure', async () => {
    let calls = 0;
    let fail = true;
    const module = lazy(async () => {
      calls += 1;
      if (fail) throw new Error('offline');
      return { answer: 42 };
    });
    expect(module.value).to.equal(undefined);
    const [first, second] = await Promise.allSettled([module.load(), module.load()]);
    expect(first.status).to.equal('rejected');
    expect(second.status).to.equal('rejected');
    expect(calls).to.equal(1);
    fail = false;
    expect(await module.load()).to.deep.equal({ answer: 42 });
    expect(module.value).to.deep.equal({ answer: 42 });
    await module.load();
    expect(calls).to.equal(2);
  });
});
