/**
 * What every page shares: the header (site name, the "demo" flag, the navigation and the
 * language switch), the footer, the page title in both languages — and the demo sign-in panel.
 *
 * Each page's HTML holds the skip link, the landmarks and the header and footer as this file
 * draws them in Vietnamese (with the page's link marked current and, on pages for a signed-in
 * person, an empty `p.who` line), so that nothing moves when the modules arrive (issue #18);
 * `setupPage()` redraws them in the chosen language and wires the language switch. Keep the
 * two in step: scripts/phone-checks.mjs fails a page whose header moves when it is redrawn.
 */

import { h, replace } from './dom.js';
import { applyStrings, locale, onLocaleChange, restoreLocale, setLocale, t } from './i18n.js';
import { SignInError, session, signIn, signOut } from './session.js';

const m = {
  skip: { vi: 'Chuyển đến nội dung chính', en: 'Skip to main content' },
  site: { vi: 'Cổng dịch vụ công', en: 'Public services portal' },
  demoFlag: { vi: 'Bản demo', en: 'Demo' },
  demoNote: {
    vi: 'Dữ liệu mẫu, không dùng cho hồ sơ thật',
    en: 'Sample data, not for real applications',
  },
  nav: { vi: 'Điều hướng chính', en: 'Main navigation' },
  home: { vi: 'Thủ tục', en: 'Procedures' },
  track: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
  my: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
  officer: { vi: 'Cán bộ', en: 'Officer desk' },
  apiDocs: { vi: 'Tài liệu API', en: 'API reference' },
  storybook: { vi: 'Thư viện thành phần (Storybook)', en: 'Component library (Storybook)' },
  source: {
    vi: 'Bản demo của egov-kit: các trang HTML thuần, không cần bước build.',
    en: 'The egov-kit demo: plain HTML pages, no build step.',
  },
  footerNav: { vi: 'Liên kết cho nhà phát triển', en: 'Links for developers' },
  signedInAs: { vi: 'Đăng nhập demo:', en: 'Demo sign-in:' },
  signedOut: { vi: 'Chưa đăng nhập', en: 'Not signed in' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  citizen: { vi: 'công dân', en: 'citizen' },
  officerRole: { vi: 'cán bộ', en: 'officer' },
};

const NAV = [
  { href: '/', text: m.home },
  { href: '/track.html', text: m.track },
  { href: '/my.html', text: m.my },
  { href: '/officer/', text: m.officer },
];

/**
 * Sets the page up. `title` is `{ vi, en }`; `strings` fill the page's `[data-i18n]` text;
 * `current` is the navigation link of this page; `role` the demo user the page acts as (its
 * sign-in shows in the header); `render` redraws the page's own dynamic parts after a switch
 * of language.
 */
export function setupPage({ title, strings = {}, current, role, render }) {
  restoreLocale();
  const header = document.querySelector('.site-header');
  const footer = document.querySelector('.site-footer');
  const draw = () => {
    document.title = `${t(title)} · ${t(m.site)} (${t(m.demoFlag)})`;
    drawHeader(header, current, role, render);
    drawFooter(footer);
    document.querySelector('.skip-link').textContent = t(m.skip);
    applyStrings(strings);
  };
  draw();
  onLocaleChange(() => {
    draw();
    render?.();
  });
}

function drawHeader(header, current, role, render) {
  const other = locale() === 'vi' ? 'en' : 'vi';
  const signedIn = role ? session(role) : null;
  replace(
    header,
    h(
      'div',
      { class: 'masthead' },
      h(
        'a',
        { class: 'brand', href: '/' },
        h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'e'),
        h('span', {}, t(m.site)),
      ),
      h(
        'p',
        { class: 'demo-flag' },
        h('strong', {}, t(m.demoFlag)),
        h('span', {}, ` — ${t(m.demoNote)}`),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'lang-switch',
          lang: other,
          // The switch redraws the header: keep focus on the (new) switch, not on <body>.
          onclick: () => {
            setLocale(other);
            header.querySelector('.lang-switch')?.focus();
          },
        },
        other === 'en' ? 'English' : 'Tiếng Việt',
      ),
    ),
    h(
      'nav',
      { class: 'site-nav', 'aria-label': t(m.nav) },
      h(
        'ul',
        {},
        NAV.map((link) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: link.href, 'aria-current': link.href === current ? 'page' : null },
              t(link.text),
            ),
          ),
        ),
      ),
      // A page for a signed-in person always has this line (the static HTML reserves it), so
      // that signing in or out does not move the page.
      role
        ? h(
            'p',
            { class: 'who' },
            signedIn
              ? h('span', { class: 'who-name' }, `${t(m.signedInAs)} ${signedIn.user.name}`)
              : t(m.signedOut),
            signedIn
              ? h(
                  'button',
                  {
                    type: 'button',
                    class: 'link-button',
                    onclick: () => {
                      signOut(role);
                      location.reload();
                    },
                  },
                  t(m.signOut),
                )
              : null,
          )
        : null,
    ),
  );
  // The header's sign-in line changes when someone signs in on the page.
  header.redraw = () => {
    drawHeader(header, current, role, render);
  };
}

function drawFooter(footer) {
  replace(
    footer,
    h(
      'nav',
      { 'aria-label': t(m.footerNav) },
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: '/api/v1/docs' }, t(m.apiDocs))),
        h('li', {}, h('a', { href: '/storybook/' }, t(m.storybook))),
      ),
    ),
    h('p', {}, t(m.source)),
  );
}

const signInText = {
  heading: { vi: 'Đăng nhập để tiếp tục', en: 'Sign in to continue' },
  citizen: {
    vi: 'Trên cổng thật, công dân đăng nhập bằng tài khoản định danh điện tử (VNeID). Bản demo này dùng một công dân mẫu.',
    en: 'On a real portal, citizens sign in with their electronic identity (VNeID). This demo uses a sample citizen.',
  },
  officer: {
    vi: 'Trên hệ thống thật, cán bộ đăng nhập bằng tài khoản của cơ quan. Bản demo này dùng một cán bộ mẫu của UBND Phường Hải Châu.',
    en: "On a real system, officers sign in with their agency account. This demo uses a sample officer of Hai Chau ward's People's Committee.",
  },
  button: {
    citizen: { vi: 'Đăng nhập demo: công dân', en: 'Demo sign-in: citizen' },
    officer: { vi: 'Đăng nhập demo: cán bộ', en: 'Demo sign-in: officer' },
  },
  busy: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
};

/**
 * The demo user of `role`, signing in first when needed: shows a panel with a clearly
 * labelled demo button in `container` and resolves once the person has pressed it.
 */
export function requireSignIn(role, container) {
  const existing = session(role);
  if (existing) return Promise.resolve(existing);
  return new Promise((resolve) => {
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const button = h('button', { type: 'button', class: 'button' });
    const heading = h('h2', { id: 'sign-in-heading', tabindex: '-1' });
    const text = h('p');
    let failure = null;
    const draw = () => {
      heading.textContent = t(signInText.heading);
      error.textContent = failure ? t(failure) : '';
      error.hidden = !failure;
      text.textContent = t(signInText[role]);
      button.textContent = button.disabled ? t(signInText.busy) : t(signInText.button[role]);
    };
    const panel = h(
      'section',
      { class: 'panel sign-in', 'aria-labelledby': 'sign-in-heading' },
      heading,
      text,
      button,
      error,
    );
    button.addEventListener('click', async () => {
      button.disabled = true;
      failure = null;
      draw();
      try {
        const saved = await signIn(role);
        stop();
        panel.remove();
        document.querySelector('.site-header').redraw?.();
        resolve(saved);
      } catch (caught) {
        button.disabled = false;
        failure =
          caught instanceof SignInError
            ? caught.text
            : { vi: 'Không đăng nhập được. Thử lại.', en: 'Could not sign in. Try again.' };
        draw();
      }
    });
    const stop = onLocaleChange(draw);
    draw();
    container.replaceChildren(panel);
  });
}
