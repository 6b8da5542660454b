/**
 * A procedure's detail: `<egov-procedure-detail>` loads it by `code` through the client (with
 * its own loading, not-found and retry states) and links "Apply" to `/apply.html?code=…` at its
 * end. The page puts the same link under the title too (issue #18: at 360 px the element's
 * link is some 5,000 px down): its place is in the HTML, so nothing moves; it is hidden (its
 * room kept) until the procedure has loaded and can be applied for online.
 */
import { clientFor } from './api.js';
import { param } from './dom.js';
import { t } from './i18n.js';
import { setupPage } from './layout.js';

const strings = {
  title: { vi: 'Chi tiết thủ tục hành chính', en: 'Procedure details' },
  back: { vi: '← Tìm thủ tục khác', en: '← Find another procedure' },
  applyTop: { vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' },
  noCode: {
    vi: 'Địa chỉ trang thiếu mã thủ tục. Hãy tìm thủ tục ở trang chủ.',
    en: 'The page address has no procedure code. Find the procedure on the home page.',
  },
};

const code = param('code');
const detail = document.getElementById('detail');
const applyTop = document.getElementById('apply-top');
applyTop.style.visibility = 'hidden';

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
  const client = clientFor(null);
  // The element asks the client for the procedure; the page learns from the same answer
  // whether to offer the link at the top.
  detail.client = {
    procedures: {
      get: async (wanted, options) => {
        const procedure = await client.procedures.get(wanted, options);
        const online = procedure.onlineLevel && procedure.onlineLevel !== 'none';
        applyTop.href = `/apply.html?code=${encodeURIComponent(procedure.code)}`;
        applyTop.style.visibility = online ? '' : 'hidden';
        applyTop.parentElement.hidden = !online;
        return procedure;
      },
    },
  };
  detail.code = code;
} else {
  applyTop.parentElement.hidden = true;
}
