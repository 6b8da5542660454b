/**
 * The agency's dashboard for officers (an administrator's token sees every agency): the
 * `<egov-service-stats>` element on `client.statistics.services()`, with the period and grouping
 * kept in the address so that a view can be bookmarked or shared. Satisfaction is anonymous:
 * the server sends no citizen's identity and withholds small groups.
 */

import { clientFor } from './api.js';
import { h, param, replace } from './dom.js';
import { requireSignIn, setupPage } from './layout.js';

const strings = {
  title: { vi: 'Thống kê của cơ quan', en: "Your agency's statistics" },
  lead: {
    vi: 'Số liệu tiếp nhận, giải quyết, đúng hạn và mức độ hài lòng của người dân — số liệu tổng hợp, không chứa thông tin người nộp.',
    en: "Dossiers received, resolved and on time, and citizens' satisfaction — totals only, never who applied.",
  },
  back: { vi: '← Hồ sơ cần xử lý', en: '← Dossiers to handle' },
};

const client = clientFor('officer');
const content = document.getElementById('content');
// The last twelve months by default, Vietnam time.
const day = (ms) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const today = day(Date.now());
const valid = (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value ?? '') ? value : null);
const groupings = ['month', 'agency', 'procedure', 'field'];

function dashboard() {
  const stats = h('egov-service-stats', {
    from: valid(param('from')) ?? day(Date.now() - 365 * 86_400_000),
    to: valid(param('to')) ?? today,
    'group-by': groupings.includes(param('groupBy')) ? param('groupBy') : 'month',
  });
  // The filters go into the address, so that the view can be bookmarked and shared.
  stats.addEventListener('egov-stats-change', (event) => {
    const { from, to, groupBy } = event.detail.query;
    const url = new URL(location.href);
    url.search = new URLSearchParams({ from, to, groupBy }).toString();
    history.replaceState(null, '', url);
  });
  stats.client = client;
  return stats;
}

setupPage({ title: strings.title, strings, current: '/officer/', role: 'officer' });
await requireSignIn('officer', content);
replace(content, dashboard());
