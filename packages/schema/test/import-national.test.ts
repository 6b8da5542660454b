import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Procedure } from '../src/entities/procedure.js';
import {
  deriveOnlineLevel,
  findUnitConflict,
  InvalidNationalRecordError,
  importNationalProcedure,
  isInvalidNationalRecordError,
  isRequiredDocument,
  type NationalProcedureRecord,
  parseDocumentCounts,
  parseDocuments,
  parseFees,
  parseLevels,
  parseProcessingTime,
  parseSteps,
  splitList,
  templateOf,
} from '../src/procedures/index.js';

/**
 * Real records of the national procedure database. The named cases read the byte-for-byte copies
 * in test/fixtures/national-records — chosen so that between them they meet every kind of import
 * issue — and run in any clone. The sweep over all 207 records, and the check that the copies are
 * still current, read the reference data beside the repository (../shared/data from its root):
 * a clone without it skips them, under a name that says why.
 */
const FIXTURES = new URL('./fixtures/national-records/', import.meta.url);
const SHARED = new URL('../../../../shared/data/procedures/', import.meta.url);
const hasSharedData = existsSync(SHARED);

function readRecords(dir: URL) {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort();
  const records = files.map(
    (file) => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as NationalProcedureRecord,
  );
  return { files, records };
}

const fixtures = readRecords(FIXTURES);
const recordOf = (code: string) => {
  const record = fixtures.records[fixtures.files.indexOf(`${code}.json`)];
  if (!record) throw new Error(`no record ${code} in test/fixtures/national-records`);
  return record;
};

/** Every kind of import issue the 207 records raise, with paths and quoted text generalised. */
const ISSUE_KINDS = [
  'cases[].channels[].fees: An amount in US dollars; Fee.amount holds đồng only.',
  'cases[].channels[].fees: The amount is a rule or a reference, not a figure.',
  'cases[].channels[].fees: The label gives no amount.',
  'cases[].channels[].processingTime: No duration: the limit is tied to an event or a condition, not to a number of days or hours.',
  'cases[].channels[].processingTime: Read as published, but the row\'s description gives "…" for the same figure.',
  'levels: Not a level of government the schema has (ministry, province, commune).',
];

function issueKinds(procedures: readonly Procedure[]): string[] {
  const kinds = new Set(
    procedures.flatMap((procedure) =>
      procedure.importIssues.map((issue) => {
        const field = issue.path.replace(/\[\d+\]/g, '[]');
        return `${field}: ${issue.reason.replace(/"[^"]*"/g, '"…"')}`;
      }),
    ),
  );
  return [...kinds].sort();
}

describe('parseProcessingTime', () => {
  it.each([
    ['07 Ngày', { value: 7, unit: 'days' }],
    ['05 Ngày làm việc', { value: 5, unit: 'working_days' }],
    ['1 Ngày làm việc', { value: 1, unit: 'working_days' }],
    ['155 Ngày', { value: 155, unit: 'days' }],
    ['03 Giờ', { value: 3, unit: 'hours' }],
    ['0 Giờ', { value: 0, unit: 'hours' }],
    ['0.5 Giờ', { value: 0.5, unit: 'hours' }],
    ['1,5 ngày', { value: 1.5, unit: 'days' }],
    ['Từ 05 đến 07 ngày làm việc', { value: 5, unit: 'working_days', maxValue: 7 }],
    ['Không quá 05 ngày làm việc.', { value: 5, unit: 'working_days' }],
    ['05 (năm) ngày làm việc, kể từ ngày nhận đủ hồ sơ', { value: 5, unit: 'working_days' }],
    ['30 phút', { value: 0.5, unit: 'hours' }],
    ['Trong ngày', { value: 0, unit: 'working_days' }],
  ] as const)('reads "%s"', (text, expected) => {
    expect(parseProcessingTime(text)).toEqual({ kind: 'parsed', value: expected });
  });

  it('takes the unit of a bare range from the row description (1.013629)', () => {
    expect(parseProcessingTime('10-25', '10-25 ngày kể từ ngày nhận được hồ sơ hợp lệ.')).toEqual({
      kind: 'parsed',
      value: { value: 10, unit: 'days', maxValue: 25 },
    });
    expect(parseProcessingTime('10-25')).toMatchObject({ kind: 'unparsed' });
  });

  it('reads decomposed (NFD) text as well', () => {
    expect(parseProcessingTime('05 Ngày làm việc'.normalize('NFD'))).toMatchObject({
      value: { value: 5, unit: 'working_days' },
    });
  });

  it('tells "no limit set" and a blank cell apart from unreadable text', () => {
    expect(parseProcessingTime('Không quy định')).toEqual({ kind: 'not-set' });
    expect(parseProcessingTime('')).toEqual({ kind: 'empty' });
    expect(parseProcessingTime('Chậm nhất là ngay trước khi tàu rời cảng')).toMatchObject({
      kind: 'unparsed',
      reason: expect.stringContaining('event'),
    });
    expect(parseProcessingTime('02 tháng')).toMatchObject({ kind: 'unparsed' });
    expect(parseProcessingTime('05 ngày đối với trường hợp đặc biệt')).toMatchObject({
      kind: 'unparsed',
    });
  });
});

describe('findUnitConflict', () => {
  it('finds a description that gives the same figure in another unit (1.013131, 1.013540)', () => {
    const hint =
      'Trường hợp nội dung thẩm định phức tạp thì thời gian tối đa không vượt quá 14 ngày.';
    expect(findUnitConflict({ value: 14, unit: 'hours' }, hint)).toBe('14 ngày');
    expect(findUnitConflict({ value: 14, unit: 'days' }, hint)).toBeUndefined();
    expect(
      findUnitConflict(
        { value: 5, unit: 'days' },
        '05 (năm) ngày làm việc, kể từ ngày nhận đủ hồ sơ hoặc 10 (mười) ngày làm việc',
      ),
    ).toBe('05 (năm) ngày làm việc');
  });

  it('says nothing when the description does not give the figure', () => {
    expect(findUnitConflict({ value: 7, unit: 'days' }, 'Kể từ ngày nhận được hồ sơ hợp lệ.')).toBe(
      undefined,
    );
    expect(findUnitConflict({ value: 7, unit: 'days' }, undefined)).toBeUndefined();
  });
});

describe('parseFees', () => {
  it('reads zero as free: an empty list', () => {
    for (const text of ['Phí : 0 Đồng', 'Lệ phí : 0 Đồng', 'Phí : Không Đồng', 'Phí : o Đồng']) {
      expect(parseFees(text)).toEqual({ fees: [], unread: [], empty: false });
    }
    expect(parseFees('Miễn phí').fees).toEqual([]);
  });

  it('reads a charge with dot grouping', () => {
    expect(parseFees('Lệ phí : 50.000 Đồng').fees).toEqual([{ kind: 'charge', amount: 50_000 }]);
    expect(parseFees('Phí : 1,200,000 đồng').fees).toEqual([{ kind: 'fee', amount: 1_200_000 }]);
  });

  it('reads several fees, one per line, with their notes (1.013540)', () => {
    const text =
      'Phí : 2.000.000 Đồng (Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ  nghiên cứu, kiểm định, thử nghiệm)\n' +
      'Phí : 3.500.000 Đồng (Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ tìm kiếm, thăm dò, khai thác trên đất liền)';
    expect(parseFees(text)).toEqual({
      fees: [
        {
          kind: 'fee',
          amount: 2_000_000,
          note: 'Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ nghiên cứu, kiểm định, thử nghiệm',
        },
        {
          kind: 'fee',
          amount: 3_500_000,
          note: 'Thẩm định cấp phép sử dụng vật liệu nổ công nghiệp phục vụ tìm kiếm, thăm dò, khai thác trên đất liền',
        },
      ],
      unread: [],
      empty: false,
    });
  });

  it('keeps nested parentheses inside a note', () => {
    const text =
      'Phí : 50.000 Đồng (Phí sơ tuyển: 50.000 đồng/hồ sơ. Riêng sơ tuyển các ngành năng khiếu: 120.000 đồng/hồ sơ (bao gồm tất cả các môn))';
    expect(parseFees(text).fees).toEqual([
      {
        kind: 'fee',
        amount: 50_000,
        note: 'Phí sơ tuyển: 50.000 đồng/hồ sơ. Riêng sơ tuyển các ngành năng khiếu: 120.000 đồng/hồ sơ (bao gồm tất cả các môn)',
      },
    ]);
  });

  it('keeps what it can read and reports US-dollar amounts', () => {
    const text =
      'Lệ phí : 01 USD (Người Việt Nam và nước ngoài từ 16 tuổi trở lên xuống tàu thuyền nước ngoài)\n' +
      'Lệ phí : 20000 Đồng (Người điều khiển phương tiện Việt Nam, nước ngoài cập mạn tàu thuyền nước ngoài)';
    const reading = parseFees(text);
    expect(reading.fees).toEqual([
      {
        kind: 'charge',
        amount: 20_000,
        note: 'Người điều khiển phương tiện Việt Nam, nước ngoài cập mạn tàu thuyền nước ngoài',
      },
    ]);
    expect(reading.unread).toEqual([
      {
        sourceText: expect.stringContaining('01 USD'),
        reason: expect.stringContaining('US dollars'),
      },
    ]);
  });

  it('reports amounts given as a rule or not given at all', () => {
    const rule =
      'Phí : Mức thu bằng 50% mức thu phí quy định tại Mục I và Mục II Biểu mức thu phí, lệ phí ban hành kèm theo Thông tư số 249/2016/TT-BTC ngày 11 tháng 11 năm 2016 Đồng (Thông tư số 64/2025/TT-BTC ngày 30/6/2025 quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ cho doanh nghiệp, người dân)\nFile đính kèm: 64-btc.pdf';
    expect(parseFees(rule)).toMatchObject({ fees: [], unread: [{ reason: expect.any(String) }] });
    expect(
      parseFees('Lệ phí :   (Thông tư số 249/2016/TT-BTC ngày 11 tháng 11 năm 2016)'),
    ).toMatchObject({ fees: [], unread: [{ reason: 'The label gives no amount.' }] });
    expect(parseFees('Phí :  Đồng').unread).toHaveLength(1);
  });

  it('marks a blank cell as empty, not as read', () => {
    expect(parseFees('')).toEqual({ fees: [], unread: [], empty: true });
  });
});

describe('documents', () => {
  it.each([
    ['Bản chính: 1\nBản sao: 0', { originals: 1, copies: 0 }],
    ['Bản chính: 0\nBản sao: 1', { originals: 0, copies: 1 }],
    ['Bản chính: 5\nBản sao: 0', { originals: 5, copies: 0 }],
    ['Bản chính: 1 / Bản sao: 1', { originals: 1, copies: 1 }],
  ])('reads the counts in %j', (text, expected) => {
    expect(parseDocumentCounts(text)).toEqual(expected);
  });

  it('has no counts for text without them', () => {
    expect(parseDocumentCounts('01 bản')).toBeUndefined();
  });

  it.each([
    ['Danh sách hành khách (nếu có)', false],
    [
      'Giấy phép kinh doanh sản phẩm, dịch vụ mật mã dân sự đã được cấp (không bắt buộc doanh nghiệp phải cung cấp)',
      false,
    ],
    [
      'Đối với trường hợp mất tích: Bản khai theo Mẫu số 14 Phụ lục I Nghị định số 131/2021/NĐ-CP',
      false,
    ],
    ['Bản chính giấy phép hoạt động trong trường hợp bị hư hỏng hoặc có sai sót thông tin', false],
    ['Phiếu tự khai sức khỏe nghĩa vụ quân sự', true],
    [
      'Bản sao hợp đồng mua bán hoặc vận chuyển vật liệu nổ công nghiệp, tiền chất thuốc nổ (trường hợp thực hiện vận chuyển nhiều lần thì gửi một lần cho cả thời hạn thực hiện hợp đồng)',
      true,
    ],
  ])('decides whether "%s" is required', (name, required) => {
    expect(isRequiredDocument(name)).toBe(required);
  });

  it('names the template of a form', () => {
    expect(
      templateOf(
        'Đơn đề nghị cấp mới giấy phép hành nghề theo Mẫu số 01 Phụ lục II kèm theo Nghị định số 16/2024/NĐ-CP; b) Một trong các giấy tờ sau',
        [],
      ),
    ).toEqual({ name: 'Mẫu số 01 Phụ lục II kèm theo Nghị định số 16/2024/NĐ-CP' });
    expect(templateOf('Bản khai chung', ['Bnkhaichung.docx'])).toEqual({ name: 'Bản khai chung' });
    expect(templateOf('Danh sách hành khách (nếu có)', ['Danhschhnhkhchnuc.docx'])).toEqual({
      name: 'Danh sách hành khách',
    });
    expect(templateOf('Bản sao Giấy chứng nhận bị thương.', [])).toBeUndefined();
  });

  it('reads the document table of 1.013133 with codes, counts and defaults', () => {
    const { documents, unread } = parseDocuments(
      recordOf('1.013133').tables?.thanh_phan_ho_so ?? [],
    );
    expect(unread).toEqual([]);
    expect(documents).toHaveLength(2);
    expect(documents[0]).toEqual({
      code: 'doc-1',
      name: 'Phiếu tự khai sức khỏe nghĩa vụ quân sự',
      originals: 1,
      copies: 0,
      required: true,
      acceptedTypes: ['application/pdf', 'image/jpeg', 'image/png'],
      maxSizeBytes: 10 * 1024 * 1024,
    });
    expect(documents[1]).toMatchObject({
      code: 'doc-2',
      name: expect.stringMatching(/^Bản chụp Căn cước công dân/),
      originals: 0,
      copies: 1,
      required: false,
    });
  });

  it('keeps the attached template files in the note', () => {
    const { documents } = parseDocuments([
      {
        ten_giay_to: 'Bản khai chung',
        so_luong: 'Bnkhaichung.docx',
        ghi_chu: 'Bản chính: 1\nBản sao: 0',
      },
    ]);
    expect(documents[0]).toMatchObject({
      template: { name: 'Bản khai chung' },
      note: 'Tệp mẫu: Bnkhaichung.docx',
    });
  });
});

describe('lists, steps and levels', () => {
  it('splits comma lists without breaking entries that contain commas', () => {
    expect(
      splitList(
        'Công dân Việt Nam, Người nước ngoài, Cán bộ, công chức, viên chức, Tổ chức (không bao gồm doanh nghiệp, HTX), Hợp tác xã',
      ),
    ).toEqual([
      'Công dân Việt Nam',
      'Người nước ngoài',
      'Cán bộ, công chức, viên chức',
      'Tổ chức (không bao gồm doanh nghiệp, HTX)',
      'Hợp tác xã',
    ]);
    expect(
      splitList(
        'Bộ chỉ huy quân sự cấp tỉnh, Bệnh viện theo quy định; Hội đồng xác nhận người có công; ; Giám đốc Bệnh viện nơi tổ chức Hội đồng Giám định y khoa; Hội đồng Giám định y khoa.',
      ),
    ).toEqual([
      'Bộ chỉ huy quân sự cấp tỉnh',
      'Bệnh viện theo quy định',
      'Hội đồng xác nhận người có công',
      'Giám đốc Bệnh viện nơi tổ chức Hội đồng Giám định y khoa',
      'Hội đồng Giám định y khoa',
    ]);
    expect(splitList('Không có thông tin')).toEqual([]);
    expect(splitList('Giấy phép kinh doanh sản phẩm, dịch vụ mật mã dân sự')).toEqual([
      'Giấy phép kinh doanh sản phẩm, dịch vụ mật mã dân sự',
    ]);
  });

  it('splits "Bước N:" steps and drops labels that just count', () => {
    expect(
      parseSteps(
        'Bước 1: Người đề nghị cấp Giấy phép nộp và xuất trình các loại giấy theo quy định Bước 2: Biên phòng cửa khẩu cảng tiếp nhận, kiểm tra các loại giấy tờ',
      ),
    ).toEqual([
      'Người đề nghị cấp Giấy phép nộp và xuất trình các loại giấy theo quy định',
      'Biên phòng cửa khẩu cảng tiếp nhận, kiểm tra các loại giấy tờ',
    ]);
  });

  it('splits steps by line and inline numbering', () => {
    expect(parseSteps('1. Đơn vị bình xét.\n2. Tập thể viết báo cáo.\n+ theo mẫu')).toEqual([
      '1. Đơn vị bình xét.',
      '2. Tập thể viết báo cáo.\n+ theo mẫu',
    ]);
    expect(
      parseSteps(
        '1. Trường hợp A thì làm X. 2. Trường hợp B thì làm Y. 3. Trong thời hạn 05 ngày.',
      ),
    ).toEqual(['Trường hợp A thì làm X.', 'Trường hợp B thì làm Y.', 'Trong thời hạn 05 ngày.']);
  });

  it('reads levels and reports what is not a level', () => {
    expect(parseLevels('Cấp Bộ, Cấp Tỉnh, Cấp Xã')).toEqual({
      levels: ['ministry', 'province', 'commune'],
      unread: [],
    });
    expect(parseLevels('Cấp Bộ, Cấp Tỉnh, Cấp Xã, Cơ quan khác')).toEqual({
      levels: ['ministry', 'province', 'commune'],
      unread: ['Cơ quan khác'],
    });
  });

  it('derives the online level from the channels', () => {
    const electronic = ['Bản điện tử xác nhận hoàn thành thủ tục biên phòng điện tử'];
    expect(deriveOnlineLevel({ channels: ['in_person', 'postal'], texts: [], results: [] })).toBe(
      'none',
    );
    expect(
      deriveOnlineLevel({ channels: ['in_person', 'online'], texts: [], results: electronic }),
    ).toBe('partial');
    expect(deriveOnlineLevel({ channels: ['online'], texts: [], results: electronic })).toBe(
      'full',
    );
    expect(deriveOnlineLevel({ channels: ['online'], texts: [], results: ['Giấy phép'] })).toBe(
      'partial',
    );
    expect(
      deriveOnlineLevel({
        channels: ['online', 'in_person'],
        texts: ['Dịch vụ công trực tuyến toàn trình'],
        results: [],
      }),
    ).toBe('full');
  });
});

describe('importNationalProcedure', () => {
  it('imports 1.013133 (one case, two channels)', () => {
    const procedure = importNationalProcedure(recordOf('1.013133'));
    expect(procedure).toMatchObject({
      code: '1.013133',
      name: 'Thủ tục đăng ký nghĩa vụ quân sự lần đầu',
      field: 'Nghĩa vụ quân sự',
      levels: ['commune'],
      decision: 'Quyết định số 6375/QĐ-BQP',
      type: 'TTHC được luật giao quy định chi tiết',
      agencies: {
        implementing: ['Ban chỉ huy quân sự cấp Xã'],
        competent: ['Chủ tịch UBND cấp xã'],
        delegated: [],
        coordinating: [],
      },
      targetGroups: ['Công dân Việt Nam'],
      results: ['Giấy chứng nhận đăng ký nghĩa vụ quân sự'],
      keywords: [],
      onlineLevel: 'partial',
      importIssues: [],
    });
    expect(procedure.steps).toHaveLength(3);
    expect(procedure.legalBasis[0]).toEqual({
      number: '13/2016/NĐ-CP',
      title: 'Nghị định 13/2016/NĐ-CP',
    });
    expect(procedure.conditions).toBeUndefined();
    expect(procedure.cases).toHaveLength(1);
    expect(procedure.cases[0]?.channels).toEqual([
      {
        channel: 'in_person',
        processingTime: { value: 1, unit: 'working_days' },
        processingTimeText: '1 Ngày làm việc',
        fees: [],
        feeText: 'Phí : 0 Đồng',
      },
      {
        channel: 'online',
        processingTime: { value: 2, unit: 'hours' },
        processingTimeText: '02 Giờ',
        fees: [],
      },
    ]);
  });

  it('groups repeated channels into cases (1.013285: four project classes)', () => {
    const procedure = importNationalProcedure(recordOf('1.013285'));
    expect(procedure.cases.map((item) => item.code)).toEqual([
      'case-1',
      'case-2',
      'case-3',
      'case-4',
    ]);
    expect(procedure.cases.map((item) => item.channels.map((option) => option.channel))).toEqual(
      Array(4).fill(['in_person', 'online', 'postal']),
    );
    expect(procedure.cases[1]?.name).toMatch(/^Mười lăm \(15\) ngày làm việc đối với/);
    expect(procedure.cases[1]?.channels[0]?.processingTime).toEqual({
      value: 15,
      unit: 'working_days',
    });
    // Documents are not split by case in the source: every case has the same list.
    expect(procedure.cases[3]?.documents).toEqual(procedure.cases[0]?.documents);
  });

  it('gives a case without an online row only its own channels (1.014562)', () => {
    const procedure = importNationalProcedure(recordOf('1.014562'));
    expect(
      procedure.cases.map((item) => [item.name, item.channels.map((option) => option.channel)]),
    ).toEqual([
      [
        'Trường hợp thông thường: 01 ngày, kể từ khi nhận được hồ sơ hợp lệ',
        ['in_person', 'online'],
      ],
      ['Trường hợp đột xuất: 01 giờ, sau khi nhận được văn bản đề nghị hợp lệ', ['in_person']],
    ]);
  });

  it('names cases with the same description apart by their time limit (2.002759)', () => {
    const names = importNationalProcedure(recordOf('2.002759')).cases.map((item) => item.name);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/\(10 Ngày\)$/);
    expect(names[1]).toMatch(/\(40 Ngày\)$/);
  });

  it('keeps unreadable times and fees as text with an import issue', () => {
    const port = importNationalProcedure(recordOf('1.013582'));
    const option = port.cases[0]?.channels[0];
    expect(option?.processingTime).toBeUndefined();
    expect(option?.processingTimeText).toBe('Chậm nhất là ngay trước khi tàu rời cảng.');
    expect(port.importIssues).toContainEqual({
      path: 'cases[0].channels[0].processingTime',
      sourceText: 'Chậm nhất là ngay trước khi tàu rời cảng.',
      reason: expect.any(String),
    });
  });

  it('flags a limit its own description contradicts (1.013131: 14 Giờ, described as 14 ngày)', () => {
    const procedure = importNationalProcedure(recordOf('1.013131'));
    expect(procedure.cases[1]?.channels[2]?.processingTime).toEqual({ value: 14, unit: 'hours' });
    expect(procedure.importIssues).toEqual([
      {
        path: 'cases[1].channels[2].processingTime',
        sourceText: '14 Giờ',
        reason: expect.stringContaining('"14 ngày"'),
      },
    ]);
  });

  it('keeps a row with an unknown channel in an issue, and flags a record with no channel', () => {
    const record = recordOf('1.013133');
    const fax = { hinh_thuc: 'Fax', thoi_han_giai_quyet: '05 Ngày', phi_le_phi: 'Phí : 0 Đồng' };
    const odd = importNationalProcedure({
      ...record,
      tables: { ...record.tables, hinh_thuc_nop: [fax] },
    });
    expect(odd.cases[0]?.channels).toEqual([]);
    expect(odd.onlineLevel).toBe('none');
    expect(odd.importIssues).toEqual([
      {
        path: 'cases[0].channels',
        sourceText: 'Fax | 05 Ngày | Phí : 0 Đồng | ',
        reason: expect.stringContaining('"Fax"'),
      },
    ]);
    const none = importNationalProcedure({
      ...record,
      tables: { ...record.tables, hinh_thuc_nop: [] },
    });
    expect(none.cases).toHaveLength(1);
    expect(none.importIssues).toMatchObject([{ path: 'cases[0].channels', sourceText: '' }]);
  });

  it('reports "Cơ quan khác" as an issue, not a level', () => {
    const record = recordOf('1.013133');
    const procedure = importNationalProcedure({
      ...record,
      metadata: { ...record.metadata, cấp_thực_hiện: 'Cấp Bộ, Cấp Tỉnh, Cấp Xã, Cơ quan khác' },
    });
    expect(procedure.levels).toEqual(['ministry', 'province', 'commune']);
    expect(procedure.importIssues).toEqual([
      { path: 'levels', sourceText: 'Cơ quan khác', reason: expect.any(String) },
    ]);
  });

  it('reads a record whose keys and text are decomposed (NFD)', () => {
    const decomposed = JSON.parse(JSON.stringify(recordOf('1.013133')).normalize('NFD'));
    expect(importNationalProcedure(decomposed)).toEqual(
      importNationalProcedure(recordOf('1.013133')),
    );
  });

  it('rejects a malformed record with the failing path, in Vietnamese and English', () => {
    const record = recordOf('1.013133');
    const broken = { ...record, metadata: { ...record.metadata, mã_thủ_tục: 'ABC' } };
    let error: unknown;
    try {
      importNationalProcedure(broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidNationalRecordError);
    expect(isInvalidNationalRecordError(error)).toBe(true);
    expect(isInvalidNationalRecordError(new Error('x'))).toBe(false);
    const { message, issues } = error as InvalidNationalRecordError;
    expect(message).toMatch(/Bản ghi thủ tục hành chính ABC/);
    expect(message).toMatch(/The national procedure record ABC is malformed/);
    expect(message).toContain('mã_thủ_tục');
    expect(issues[0]?.path).toEqual(['metadata', 'mã_thủ_tục']);

    const noLevel = { ...record, metadata: { ...record.metadata, cấp_thực_hiện: 'Cấp Huyện' } };
    expect(() => importNationalProcedure(noLevel)).toThrow(InvalidNationalRecordError);
    expect(() => importNationalProcedure({} as NationalProcedureRecord)).toThrow(/metadata/);
  });
});

describe('the fixture records (copies of real ones)', () => {
  const imported = fixtures.records.map((record) => importNationalProcedure(record));

  it.each(fixtures.files.map((file, i) => [file, i] as const))(
    '%s imports into a valid Procedure',
    (_, i) => {
      const result = z.safeParse(Procedure, imported[i]);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );

  it('meet every kind of import issue the 207 records raise', () => {
    expect(issueKinds(imported)).toEqual(ISSUE_KINDS);
  });
});

describe.skipIf(!hasSharedData)('the 207 national records (needs ../shared/data)', () => {
  // Collected even when skipped, so read nothing unless the folder is there.
  const { files, records } = hasSharedData ? readRecords(SHARED) : { files: [], records: [] };

  it('finds them all', () => {
    expect(fileURLToPath(SHARED)).toMatch(/shared[\\/]data[\\/]procedures[\\/]$/);
    expect(files).toHaveLength(207);
  });

  it('has the fixture records byte for byte (copy them again if not)', () => {
    for (const file of fixtures.files) {
      expect(readFileSync(new URL(file, FIXTURES), 'utf8'), file).toBe(
        readFileSync(new URL(file, SHARED), 'utf8'),
      );
    }
  });

  const imported = records.map((record) => importNationalProcedure(record));

  it.each(files.map((file, i) => [file, i] as const))(
    '%s imports into a valid Procedure',
    (_, i) => {
      const result = z.safeParse(Procedure, imported[i]);
      expect(result.success ? [] : result.error.issues).toEqual([]);
    },
  );

  it('reads ≥ 95 % of times and documents, and every fee but the unrepresentable', () => {
    const figures = reportFigures(imported);
    console.log(formatReport(figures));
    expect(figures.times.parsed / figures.times.published).toBeGreaterThanOrEqual(0.95);
    expect(figures.documents.read / figures.documents.total).toBeGreaterThanOrEqual(0.95);
    // 93.6 % of fee texts: the rest name no figure in đồng (checked one by one, see below).
    expect(figures.fees.read / figures.fees.published).toBeGreaterThanOrEqual(0.93);
  });

  it('leaves only the genuinely unparseable, each for a known reason', () => {
    expect(issueKinds(imported)).toEqual(ISSUE_KINDS);
  });

  // Issue #18: a procedure page marked every document, the declaration too, "Nếu thuộc
  // trường hợp". On the real records, a declaration or application (tờ khai, đơn, bản khai)
  // is mandatory unless its own first clause scopes it ("(nếu có)", "Trường hợp …").
  it('marks every unscoped declaration or application mandatory, and only scoped ones not', () => {
    const declarations = imported.flatMap((procedure) =>
      procedure.cases.flatMap((c) =>
        c.documents.filter((d) =>
          /^(?:\d+\s*(?:\([^)]*\))?\s*)?(?:bản chính\s+)?(?:tờ khai|đơn|bản khai)\b/iu.test(d.name),
        ),
      ),
    );
    expect(declarations.length).toBeGreaterThan(100);
    const wrong = declarations.filter((d) => {
      const firstClause = d.name.split(';')[0] ?? '';
      // "(trường hợp …)" in brackets says how to supply it, not whether (parse-documents.ts).
      const scoped =
        /nếu|không bắt buộc|không yêu cầu/iu.test(firstClause) ||
        /^(?:trong )?trường hợp/iu.test(d.name);
      return d.required === scoped;
    });
    expect(wrong.map((d) => `${d.required ? 'required' : 'optional'}: ${d.name}`)).toEqual([]);
  });
});

/** The importer's figures over a set of procedures, for the lead's report. */
function reportFigures(procedures: readonly Procedure[]) {
  const options = procedures.flatMap((procedure) =>
    procedure.cases.flatMap((item, caseIndex) =>
      item.channels.map((option, channelIndex) => ({
        option,
        path: `cases[${caseIndex}].channels[${channelIndex}]`,
        issues: procedure.importIssues,
      })),
    ),
  );
  const issueAt = (issues: readonly { path: string }[], path: string) =>
    issues.some((issue) => issue.path === path);
  const times = {
    total: options.length,
    parsed: options.filter(({ option }) => option.processingTime !== undefined).length,
    notSet: options.filter(({ option }) => /^không quy định/i.test(option.processingTimeText ?? ''))
      .length,
    blank: options.filter(({ option }) => option.processingTimeText === undefined).length,
    unread: options.filter(
      ({ option, issues, path }) =>
        option.processingTime === undefined && issueAt(issues, `${path}.processingTime`),
    ).length,
    conflicting: options.filter(
      ({ option, issues, path }) =>
        option.processingTime !== undefined && issueAt(issues, `${path}.processingTime`),
    ).length,
    published: 0,
  };
  // A time was published when it has text other than "no limit set".
  times.published = times.total - times.blank - times.notSet;
  const feeUnread = options.filter(({ issues, path }) => issueAt(issues, `${path}.fees`));
  const fees = {
    total: options.length,
    blank: options.filter(({ option }) => option.feeText === undefined).length,
    unread: feeUnread.length,
    partlyRead: feeUnread.filter(({ option }) => option.fees.length > 0).length,
    free: options.filter(({ option }) => option.feeText !== undefined && option.fees.length === 0)
      .length,
    published: 0,
    read: 0,
  };
  fees.published = fees.total - fees.blank;
  fees.read = fees.published - fees.unread;
  fees.free -= fees.unread - fees.partlyRead;
  const documentIssues = procedures.flatMap((procedure) =>
    procedure.importIssues.filter((issue) => issue.path.includes('.documents[')),
  );
  const allDocuments = procedures.flatMap((procedure) => procedure.cases[0]?.documents ?? []);
  const documents = {
    total: allDocuments.length,
    read: allDocuments.length - documentIssues.length,
    optional: allDocuments.filter((document) => !document.required).length,
    withTemplate: allDocuments.filter((document) => document.template).length,
    zeroCounts: allDocuments.filter((document) => document.originals + document.copies === 0)
      .length,
  };
  const casesPerProcedure = new Map<number, number>();
  for (const procedure of procedures) {
    const n = procedure.cases.length;
    casesPerProcedure.set(n, (casesPerProcedure.get(n) ?? 0) + 1);
  }
  const onlineLevels = new Map<string, number>();
  for (const { onlineLevel } of procedures) {
    onlineLevels.set(onlineLevel, (onlineLevels.get(onlineLevel) ?? 0) + 1);
  }
  const leftovers = procedures.flatMap((procedure) =>
    procedure.importIssues.map((issue) => ({ code: procedure.code, ...issue })),
  );
  return {
    procedures: procedures.length,
    times,
    fees,
    documents,
    casesPerProcedure,
    onlineLevels,
    leftovers,
  };
}

function formatReport(figures: ReturnType<typeof reportFigures>): string {
  const { times, fees, documents } = figures;
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
  const cases = [...figures.casesPerProcedure].sort(([a], [b]) => a - b);
  return [
    `Import report: ${figures.procedures} procedures, ${times.total} channel rows`,
    `Processing times: ${times.parsed}/${times.published} published limits parsed (${pct(times.parsed, times.published)}); ` +
      `of all ${times.total} rows: ${times.parsed} parsed, ${times.notSet} "Không quy định" (no limit set), ` +
      `${times.blank} blank, ${times.unread} unreadable; ${times.conflicting} parsed but contradicted by their description`,
    `Fees: ${fees.read}/${fees.published} published fee texts fully read (${pct(fees.read, fees.published)}); ` +
      `${fees.free} free, ${fees.blank} blank cells, ${fees.unread} with unread parts (${fees.partlyRead} partly read)`,
    `Documents: ${documents.read}/${documents.total} counts read (${pct(documents.read, documents.total)}); ` +
      `${documents.optional} not required, ${documents.withTemplate} with a template, ${documents.zeroCounts} published as 0 originals + 0 copies`,
    `Cases per procedure: ${cases.map(([n, count]) => `${n} case${n === 1 ? '' : 's'} × ${count}`).join(', ')}`,
    `Online level: ${[...figures.onlineLevels].map(([level, n]) => `${level} ${n}`).join(', ')}`,
    `Import issues (${figures.leftovers.length}):`,
    ...figures.leftovers.map(
      (issue) =>
        `  ${issue.code} ${issue.path}: ${JSON.stringify(issue.sourceText.slice(0, 120))} — ${issue.reason}`,
    ),
  ].join('\n');
}
