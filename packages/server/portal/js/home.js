/**
 * Home: find a procedure. `<egov-procedure-search>` in server mode — given the API client and
 * no list, it asks `GET /api/v1/procedures` as the person types — and each result links to its
 * detail page.
 */
import { clientFor } from './api.js';
import { setupPage } from './layout.js';

setupPage({
  title: { vi: 'Tìm thủ tục hành chính', en: 'Find a public service procedure' },
  current: '/',
  strings: {
    title: { vi: 'Tìm thủ tục hành chính', en: 'Find a public service procedure' },
    lead: {
      vi: 'Tìm thủ tục bạn cần, xem giấy tờ, phí và thời hạn giải quyết, rồi nộp hồ sơ trực tuyến.',
      en: 'Find the procedure you need, see its documents, fees and time limits, then apply online.',
    },
    moreTitle: { vi: 'Bạn muốn làm gì khác?', en: 'Something else?' },
    trackLink: { vi: 'Tra cứu hồ sơ', en: 'Track a dossier' },
    trackText: {
      vi: 'Bằng mã hồ sơ và mã xác thực in trên giấy tiếp nhận.',
      en: 'With the dossier code and verification code printed on your receipt.',
    },
    myLink: { vi: 'Hồ sơ của tôi', en: 'My dossiers' },
    myText: {
      vi: 'Xem tình trạng, bổ sung giấy tờ khi cơ quan yêu cầu.',
      en: 'See where they are; send documents when the agency asks.',
    },
    officerLink: { vi: 'Bàn làm việc của cán bộ', en: 'Officer desk' },
    officerText: {
      vi: 'Tiếp nhận, yêu cầu bổ sung, giải quyết và trả kết quả.',
      en: 'Receive, ask for documents, resolve and deliver results.',
    },
    apiLink: { vi: 'Tài liệu API', en: 'API reference' },
    apiText: {
      vi: 'Hợp đồng OpenAPI mà cổng này gọi.',
      en: 'The OpenAPI contract this portal calls.',
    },
    storybookLink: { vi: 'Storybook', en: 'Storybook' },
    storybookText: {
      vi: 'Mọi thành phần giao diện, từng trạng thái.',
      en: 'Every component, in every state.',
    },
  },
});

// Each result is a link to its procedure's page (`result-href` in the HTML): it opens in a new
// tab and a screen reader announces it as a link.
document.getElementById('search').client = clientFor(null);
