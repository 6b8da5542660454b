/**
 * The receipt of a submitted dossier: `<egov-receipt>` from the dossier, its procedure and the
 * agency that has it — with the codes to look it up, a QR code that opens `/track.html`, and a
 * print button. The citizen must be signed in: the dossier is theirs.
 */
import { dueDate } from '/schema/calendar/due-date.js';
import { listProvinces, loadCommunes } from '/schema/units/lazy.js';
import { clientFor, describeError } from './api.js';
import { h, param, replace } from './dom.js';
import { formatDate, t } from './i18n.js';
import { requireSignIn, setupPage } from './layout.js';

const strings = {
  title: { vi: 'Nộp hồ sơ thành công', en: 'Application submitted' },
  titleReceived: { vi: 'Giấy tiếp nhận hồ sơ', en: 'Receipt of your application' },
  collectAt: (agency) => ({
    vi: `Bộ phận Một cửa, ${agency}; bản điện tử trên Cổng dịch vụ công`,
    en: `The one-stop desk, ${agency}; the electronic copy on the portal`,
  }),
  loading: { vi: 'Đang tải giấy tiếp nhận…', en: 'Loading the receipt…' },
  noId: {
    vi: 'Địa chỉ trang thiếu mã hồ sơ. Xem hồ sơ của bạn ở trang "Hồ sơ của tôi".',
    en: 'The page address has no dossier id. See your dossiers under "My dossiers".',
  },
  draft: {
    vi: 'Hồ sơ này chưa được nộp, nên chưa có giấy tiếp nhận.',
    en: 'This dossier has not been submitted yet, so there is no receipt.',
  },
  keep: {
    vi: 'Hãy lưu hoặc in giấy này: mã hồ sơ và mã xác thực dùng để tra cứu hồ sơ và nhận kết quả.',
    en: 'Keep or print this page: the dossier code and verification code let you track the dossier and collect the result.',
  },
  awaiting: {
    vi: 'Ngày hẹn trả kết quả được ghi khi cơ quan tiếp nhận hồ sơ; bạn sẽ thấy nó trong "Hồ sơ của tôi".',
    en: 'The result date is set when the agency receives the dossier; you will see it under "My dossiers".',
  },
  expected: {
    vi: 'Ngày hẹn dự kiến: {date}, nếu cơ quan tiếp nhận hồ sơ ngay khi bạn nộp.',
    en: 'Expected result date: {date}, if the agency receives the dossier as soon as you submitted it.',
  },
  follow: { vi: 'Theo dõi hồ sơ này', en: 'Follow this dossier' },
  retry: { vi: 'Thử lại', en: 'Try again' },
};

const id = param('id');
const content = document.getElementById('content');
let state = { kind: 'loading' };

function render() {
  if (state.kind === 'loading') replace(content, h('p', {}, t(strings.loading)));
  else if (state.kind === 'error') {
    replace(
      content,
      h(
        'div',
        { class: 'error', role: 'alert' },
        h('p', {}, state.message ? state.message : t(strings[state.key])),
        state.retry
          ? h('button', { type: 'button', class: 'button', onclick: load }, t(strings.retry))
          : null,
      ),
    );
  } else if (state.kind === 'ready') {
    const { dossier, procedure, agency, address } = state;
    const heading = document.querySelector('h1');
    heading.textContent = t(dossier.receivedAt ? strings.titleReceived : strings.title);
    replace(
      content,
      h('p', { class: 'success no-print' }, t(strings.keep)),
      dossier.receivedAt
        ? null
        : h(
            'p',
            { class: 'notice no-print' },
            t(strings.awaiting),
            ...expectedDue(dossier, procedure).flatMap((date) => [
              ' ',
              h('strong', {}, t(strings.expected).replace('{date}', formatDate(date))),
            ]),
          ),
      h(
        'div',
        { class: 'element-panel' },
        h('egov-receipt', {
          dossier,
          procedure,
          agency: agency ?? '',
          'lookup-url': '/track.html',
          'address-text': address ?? '',
          'collect-at': agency ? t(strings.collectAt(agency)) : '',
          'heading-level': '2',
        }),
      ),
      h(
        'p',
        { class: 'no-print' },
        h('a', { href: `/my.html?id=${encodeURIComponent(dossier.id)}` }, t(strings.follow)),
      ),
    );
  }
}

/**
 * The date the result would be due if the agency received the dossier when it was submitted,
 * counted as the server counts (working days, holidays, office hours): an estimate, said so,
 * until the agency receives the dossier and sets the real date.
 */
function expectedDue(dossier, procedure) {
  const caseOf = procedure.cases?.find((c) => c.code === dossier.caseCode) ?? procedure.cases?.[0];
  const channel = caseOf?.channels?.find((c) => c.channel === dossier.channel);
  const time = channel?.processingTime;
  if (!time || !dossier.submittedAt) return [];
  try {
    return [dueDate(new Date(dossier.submittedAt), time)];
  } catch {
    return [];
  }
}

/**
 * The applicant's address with the units' names (Mẫu 01 asks for the full address), through the
 * schema's units look-up; the street alone when the units cannot be named.
 */
async function addressWords(address) {
  if (!address) return '';
  const province = listProvinces().find((unit) => unit.code === address.provinceCode);
  const communes = province ? await loadCommunes(province.code).catch(() => []) : [];
  const commune = communes.find((unit) => unit.code === address.communeCode);
  return [address.street, commune?.name, province?.name].filter(Boolean).join(', ');
}

async function load() {
  state = { kind: 'loading' };
  render();
  const client = clientFor('citizen');
  try {
    const dossier = await client.dossiers.get(id);
    if (dossier.status === 'draft') {
      state = { kind: 'error', key: 'draft' };
    } else {
      const [procedure, agencies] = await Promise.all([
        client.procedures.get(dossier.procedureCode),
        client.agencies.list().catch(() => ({ items: [] })),
      ]);
      const agency = agencies.items.find((item) => item.code === dossier.agencyCode)?.name;
      const address = await addressWords(dossier.applicant?.address);
      state = { kind: 'ready', dossier, procedure, agency, address };
    }
  } catch (error) {
    state = { kind: 'error', message: describeError(error), retry: true };
  }
  render();
}

setupPage({ title: strings.title, strings, current: '/my.html', role: 'citizen', render });
if (!id) {
  state = { kind: 'error', key: 'noId' };
  render();
} else {
  await requireSignIn('citizen', content);
  await load();
}
