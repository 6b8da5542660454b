import createDOMPurify, { type DOMPurify } from 'dompurify';

/**
 * The tags a procedure's text may keep. The national database publishes descriptions,
 * conditions, steps and notes as HTML pasted from office documents: paragraphs, lists, emphasis
 * and links are the meaning; everything else (styles, classes, images, tables of layout, forms,
 * scripts) is dropped, keeping the text inside. (DOMPurify's defaults drop the content of `script`, `style`, `svg` and the
 * like too, not only the tags.)
 */
const TAGS = ['p', 'br', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 'sub', 'sup', 'a'];

/** Links may go to web pages, mail and phone numbers only — never `javascript:` or `data:`. */
const SAFE_HREF = /^(?:https?:|mailto:|tel:|\/|#|\.{0,2}\/)/i;

let purifier: DOMPurify | undefined;

/** An instance of its own, so that our hook never touches a page's global DOMPurify. */
function instance(): DOMPurify {
  if (purifier) return purifier;
  purifier = createDOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href')?.trim() ?? '';
    if (!href || !SAFE_HREF.test(href)) {
      node.removeAttribute('href');
      return;
    }
    // Links out of the page must not reach back into it (window.opener).
    node.setAttribute('rel', 'noopener noreferrer');
  });
  return purifier;
}

const HAS_TAG = /<[a-z!/?]/i;

/**
 * A published text as safe HTML: tags outside the allow-list removed (their text kept), every
 * attribute removed except a safe `href` on links. Plain text keeps its line breaks.
 */
export function sanitizeRichText(text: string): string {
  const source = HAS_TAG.test(text)
    ? text
    : text
        .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
        .replace(/\r?\n/g, '<br>');
  return instance().sanitize(source, {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ['href'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}
