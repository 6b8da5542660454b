import * as z from 'zod/mini';
import { described } from '../internal/described.js';

/** A free-text cell: absent and empty both mean "nothing published". */
const Text = z.optional(z.string());

/** One row of `tables.hinh_thuc_nop`: one channel of one case. */
export const NationalChannelRow = z.looseObject({
  hinh_thuc: described(z.string(), 'Channel: "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính".'),
  thoi_han_giai_quyet: Text,
  phi_le_phi: Text,
  mo_ta: Text,
});
export type NationalChannelRow = z.infer<typeof NationalChannelRow>;

/** One row of `tables.thanh_phan_ho_so`: a document to supply. */
export const NationalDocumentRow = z.looseObject({
  ten_giay_to: described(z.string(), 'The document, as published.'),
  so_luong: Text,
  ghi_chu: Text,
});
export type NationalDocumentRow = z.infer<typeof NationalDocumentRow>;

/** One row of `tables.can_cu_phap_ly`: a legal document the procedure rests on. */
export const NationalLegalBasisRow = z.looseObject({
  so_ky_hieu: Text,
  trich_yeu: Text,
  ngay_ban_hanh: Text,
  co_quan_ban_hanh: Text,
});
export type NationalLegalBasisRow = z.infer<typeof NationalLegalBasisRow>;

/**
 * A record of the National Database on Administrative Procedures (Cơ sở dữ liệu quốc gia về
 * thủ tục hành chính), in the shape of its "Chi tiết TTHC" export: Vietnamese keys with
 * diacritics, free text everywhere.
 *
 * Only what an importer cannot do without is required: the code, the name, the levels, and
 * the channel of each `hinh_thuc_nop` row and the name of each document row. Every other cell
 * may be missing, and unknown keys pass through, because the export adds columns over time.
 * Keys are matched in Unicode NFC; {@link importNationalProcedure} normalises the record first.
 */
export const NationalProcedureRecord = z.looseObject({
  thu_tuc_id: Text,
  source_file: Text,
  metadata: z.looseObject({
    mã_thủ_tục: z
      .string()
      .check(
        z.regex(
          /^\s*\d+\.\d{6}(?:\.\d+)?\s*$/,
          'Expected a national procedure code such as 1.013133.',
        ),
      ),
    tên_thủ_tục: z.string().check(z.regex(/\S/, 'The procedure has no name.')),
    số_quyết_định: Text,
    cấp_thực_hiện: z.string(),
    loại_thủ_tục: Text,
    lĩnh_vực: Text,
  }),
  content: z.optional(
    z.looseObject({
      trình_tự_thực_hiện: Text,
      cách_thức_thực_hiện: Text,
      đối_tượng_thực_hiện: Text,
      cơ_quan_thực_hiện: Text,
      cơ_quan_có_thẩm_quyền: Text,
      cơ_quan_được_ủy_quyền: Text,
      cơ_quan_phối_hợp: Text,
      địa_chỉ_tiếp_nhận_hs: Text,
      kết_quả_thực_hiện: Text,
      yêu_cầu_điều_kiện_thực_hiện: Text,
      từ_khóa: Text,
      mô_tả: Text,
    }),
  ),
  tables: z.optional(
    z.looseObject({
      hinh_thuc_nop: z.optional(z.array(NationalChannelRow)),
      thanh_phan_ho_so: z.optional(z.array(NationalDocumentRow)),
      can_cu_phap_ly: z.optional(z.array(NationalLegalBasisRow)),
    }),
  ),
});
/** A record of the national procedure database, as {@link NationalProcedureRecord} reads it. */
export type NationalProcedureRecord = z.infer<typeof NationalProcedureRecord>;
