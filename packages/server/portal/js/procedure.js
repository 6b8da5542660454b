/**
 * A procedure's detail: `<egov-procedure-detail>` loads it by `code` through the client (with
 * its own loading, not-found and retry states) and links "Apply" to `/apply.html?code=…`.
 */
import { clientFor } from './api.js';
import { param } from './dom.js';
import { t } from './i18n.js';
import { setupPage } from './layout.js';

const strings = {
  title: { vi: 'Chi tiết thủ tục hành chính', en: 'Procedure details' },
  back: { vi: '← Tìm thủ tục khác', en: '← Find another procedure' },
  noCode: {
    vi: 'Địa chỉ trang thiếu mã thủ tục. Hãy tìm thủ tục ở trang chủ.',
    en: 'The page address has no procedure code. Find the procedure on the home page.',
  },
};

const code = param('code');
const detail = document.getElementById('detail');

function render() {
  if (!code) {
    const message = document.createElement('p');
    message.className = 'error';
    message.setAttribute('role', 'alert');
    message.textContent = t(strings.noCode);
    document.getElementById('content').replaceChildren(message);
  }
}

setupPage({ title: strings.title, strings, current: '/', render });
render();
if (code) {
  detail.client = clientFor(null);
  detail.code = code;
}
