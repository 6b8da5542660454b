/**
 * The public lookup — what the receipt's QR code opens: `<egov-dossier-lookup read-url>` reads
 * `#code=&verifier=` and looks up at once. When the dossier has result documents, the page lists
 * download links: the API lets the receipt holder download them with the code and verifier,
 * fetched by the client, so that the verifier is in no address the browser keeps.
 */
import { clientFor } from './api.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { setupPage } from './layout.js';

const strings = {
  title: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
  lead: {
    vi: 'Nhập mã hồ sơ và mã xác thực in trên giấy tiếp nhận. Không cần đăng nhập; trang không hiện thông tin cá nhân.',
    en: 'Enter the dossier code and verification code printed on your receipt. No sign-in needed; no personal data is shown.',
  },
  resultsTitle: { vi: 'Văn bản kết quả', en: 'Result documents' },
  resultsText: {
    vi: 'Tải văn bản kết quả giải quyết (có chữ ký số của cơ quan):',
    en: 'Download the decision (digitally signed by the agency):',
  },
  download: (n, count) => ({
    vi: count > 1 ? `Tải văn bản kết quả ${n}` : 'Tải văn bản kết quả',
    en: count > 1 ? `Download result document ${n}` : 'Download the result document',
  }),
};

// Made here rather than in the HTML: with `read-url` it looks up as soon as it is connected,
// so it must have its client by then.
const lookup = h('egov-dossier-lookup', {
  client: clientFor(null),
  'read-url': true,
  'heading-level': '2',
});
const results = document.getElementById('results');
let found = null;

function render() {
  const ids = found?.result.resultAttachmentIds ?? [];
  results.hidden = ids.length === 0;
  replace(
    document.getElementById('result-links'),
    ids.map((id, index) =>
      h(
        'li',
        {},
        h(
          'a',
          { href: `#result-${index + 1}`, onclick: (event) => download(event, id) },
          t(strings.download(index + 1, ids.length)),
        ),
      ),
    ),
  );
}

/**
 * Fetches the file with the receipt and saves it from memory: a plain link would put the
 * verifier in an address the browser keeps (history, the downloads list) and every proxy logs.
 */
async function download(event, id) {
  event.preventDefault();
  const receipt = { code: found.code, verifier: found.verifier };
  const file = await clientFor(null).attachments.download(id, { receipt });
  const url = URL.createObjectURL(file);
  const save = h('a', { href: url, download: file.name || 'ket-qua.pdf', hidden: true });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

setupPage({ title: strings.title, strings, current: '/track.html', render });
lookup.addEventListener('egov-dossier-found', (event) => {
  const { result } = event.detail;
  found = { result, code: result.dossier.code ?? lookup.code, verifier: lookup.verifier };
  render();
});
document.getElementById('lookup-panel').append(lookup);
