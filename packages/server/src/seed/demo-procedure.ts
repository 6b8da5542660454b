import type { Procedure } from '@egov-kit/schema';
import type { Queryable } from '../db/database.js';
import { bindForm, saveProcedure } from '../services/procedures.js';

const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const TEN_MB = 10 * 1024 * 1024;
const SAME_DAY =
  'Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.';
const FREE =
  'Miễn lệ phí đăng ký khai sinh đúng hạn (Luật Hộ tịch 2014, Điều 11). Bản sao Giấy khai sinh, nếu có yêu cầu, chịu phí cấp bản sao trích lục hộ tịch theo quy định của Bộ Tài chính.';

/**
 * DEMO DATA — "Đăng ký khai sinh" (1.001193), authored for the demo portal: the national data
 * file of this repository holds ministry-level records only, and birth registration is the
 * procedure people know. Written in the shape the importer produces, after the Law on Civil
 * Status 2014 (Luật Hộ tịch 60/2014/QH13, Art. 13–17: where, who, documents, same-day
 * registration; Art. 11: on-time birth registration is free of charge), Decree 123/2015/NĐ-CP
 * and Decree 87/2020/NĐ-CP (online civil-status registration). Not a copy of the national
 * record: check the National Database on Administrative Procedures before relying on it.
 *
 * The document codes are those of the `birth-registration` form's file fields, so that what
 * the form uploads is what the procedure asks for. Only one of the three proofs of birth is
 * needed (the form asks which), so none of them is `required` here; the form enforces the one
 * chosen. The declaration (tờ khai) is required, and online the e-form is it (`onlineForm`): no
 * scanned declaration is uploaded.
 */
export const DEMO_PROCEDURE: Procedure = {
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  levels: ['commune'],
  description:
    'Đăng ký việc sinh và cấp Giấy khai sinh cho trẻ em sinh ra tại Việt Nam có cha, mẹ là công dân Việt Nam, tại Ủy ban nhân dân cấp xã nơi cư trú của cha hoặc mẹ. Trẻ được cấp số định danh cá nhân khi đăng ký. (Dữ liệu demo.)',
  agencies: {
    implementing: ['Ủy ban nhân dân cấp xã', 'Ủy ban nhân dân Phường Hải Châu (Đà Nẵng)'],
    competent: ['Ủy ban nhân dân cấp xã'],
    delegated: [],
    coordinating: [],
  },
  targetGroups: ['Công dân Việt Nam'],
  conditions:
    'Trong thời hạn 60 ngày kể từ ngày sinh con, cha hoặc mẹ có trách nhiệm đăng ký khai sinh cho con; trường hợp cha, mẹ không thể đăng ký thì ông hoặc bà, người thân thích khác hoặc cá nhân, tổ chức đang nuôi dưỡng trẻ em có trách nhiệm đăng ký khai sinh (Luật Hộ tịch 2014, Điều 15).',
  steps: [
    'Người có yêu cầu nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân cấp xã, gửi qua bưu chính, hoặc nộp trực tuyến trên Cổng dịch vụ công.',
    'Người tiếp nhận kiểm tra ngay toàn bộ hồ sơ; hồ sơ đầy đủ, hợp lệ thì tiếp nhận, chưa đầy đủ thì hướng dẫn người nộp bổ sung, hoàn thiện.',
    'Công chức tư pháp - hộ tịch ghi nội dung khai sinh vào Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử để lấy số định danh cá nhân cho trẻ; người đi đăng ký khai sinh ký tên vào Sổ.',
    'Chủ tịch Ủy ban nhân dân cấp xã cấp Giấy khai sinh cho người được đăng ký khai sinh.',
  ],
  results: ['Giấy khai sinh (bản chính)', 'Bản sao Giấy khai sinh, nếu có yêu cầu'],
  receivingAddress:
    'Bộ phận tiếp nhận và trả kết quả, Ủy ban nhân dân Phường Hải Châu, Thành phố Đà Nẵng (địa chỉ demo)',
  legalBasis: [
    { number: '60/2014/QH13', title: 'Luật Hộ tịch' },
    {
      number: '123/2015/NĐ-CP',
      title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    },
    {
      number: '87/2020/NĐ-CP',
      title: 'Nghị định quy định về Cơ sở dữ liệu hộ tịch điện tử, đăng ký hộ tịch trực tuyến',
    },
    {
      number: '04/2020/TT-BTP',
      title:
        'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
    },
  ],
  onlineLevel: 'full',
  legacyOnlineLevel: 4,
  keywords: ['khai sinh', 'giấy khai sinh', 'hộ tịch', 'trẻ em', 'số định danh cá nhân'],
  cases: [
    {
      code: 'case-1',
      name: 'Đăng ký khai sinh',
      formId: 'birth-registration',
      channels: (['in_person', 'online', 'postal'] as const).map((channel) => ({
        channel,
        processingTime: { value: 0, unit: 'working_days', maxValue: 1 },
        processingTimeText: SAME_DAY,
        fees: [],
        feeText: FREE,
      })),
      documents: [
        {
          code: 'birth-declaration',
          name: 'Tờ khai đăng ký khai sinh theo mẫu',
          originals: 1,
          copies: 0,
          required: true,
          onlineForm: true,
          template: { name: 'Tờ khai đăng ký khai sinh' },
          acceptedTypes: UPLOAD_TYPES,
          maxSizeBytes: TEN_MB,
          note: 'Nộp trực tuyến: tờ khai điện tử trên cổng thay cho tờ khai giấy.',
        },
        {
          code: 'birth-medical-certificate',
          name: 'Giấy chứng sinh',
          originals: 1,
          copies: 0,
          required: false,
          acceptedTypes: UPLOAD_TYPES,
          maxSizeBytes: TEN_MB,
          note: 'Nộp một trong ba giấy tờ chứng minh việc sinh: Giấy chứng sinh; nếu không có thì văn bản của người làm chứng; nếu không có người làm chứng thì giấy cam đoan về việc sinh (Luật Hộ tịch 2014, Điều 16).',
        },
        {
          code: 'birth-witness-statement',
          name: 'Văn bản của người làm chứng xác nhận về việc sinh',
          originals: 1,
          copies: 0,
          required: false,
          acceptedTypes: UPLOAD_TYPES,
          maxSizeBytes: TEN_MB,
          note: 'Chỉ khi không có Giấy chứng sinh.',
        },
        {
          code: 'birth-commitment',
          name: 'Giấy cam đoan về việc sinh',
          originals: 1,
          copies: 0,
          required: false,
          acceptedTypes: UPLOAD_TYPES,
          maxSizeBytes: TEN_MB,
          note: 'Chỉ khi không có Giấy chứng sinh và không có người làm chứng.',
        },
        {
          code: 'marriage-certificate',
          name: 'Giấy chứng nhận kết hôn của cha, mẹ',
          originals: 0,
          copies: 1,
          required: false,
          acceptedTypes: UPLOAD_TYPES,
          maxSizeBytes: TEN_MB,
          note: 'Khi cha, mẹ đã đăng ký kết hôn và cơ quan đăng ký không tra cứu được trong Cơ sở dữ liệu hộ tịch điện tử.',
        },
        {
          code: 'authorisation-letter',
          name: 'Văn bản ủy quyền',
          originals: 1,
          copies: 0,
          required: false,
          acceptedTypes: UPLOAD_TYPES,
          maxSizeBytes: TEN_MB,
          note: 'Khi người khác được ủy quyền đăng ký khai sinh; phải được chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
        },
      ],
    },
  ],
  importIssues: [],
};

/** Stores the demo procedure and binds it to the authored birth-registration form. */
export async function seedDemoProcedure(tx: Queryable): Promise<void> {
  await saveProcedure(tx, DEMO_PROCEDURE);
  for (const procedureCase of DEMO_PROCEDURE.cases)
    await bindForm(tx, DEMO_PROCEDURE.code, procedureCase.code, 'birth-registration');
}
