import type { FieldOption } from '../../entities/form-definition.js';

/*
 * Choices several forms share. Internal to the definitions: the index does not re-export them,
 * so a form may change its own copy without changing what the package promises.
 */

/** Sex as civil-status and residence records hold it (giới tính). */
export const SEX_OPTIONS: FieldOption[] = [
  { value: 'male', label: { vi: 'Nam', en: 'Male' } },
  { value: 'female', label: { vi: 'Nữ', en: 'Female' } },
];

/** A plain yes/no question answered with a radio group. */
export const YES_NO_OPTIONS: FieldOption[] = [
  { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
  { value: 'no', label: { vi: 'Không', en: 'No' } },
];

/**
 * Nationality for forms whose procedure is meant for Vietnamese citizens: the common answer
 * first, anything else written in a follow-up field.
 */
export const NATIONALITY_OPTIONS: FieldOption[] = [
  { value: 'vn', label: { vi: 'Việt Nam', en: 'Vietnamese' } },
  { value: 'other', label: { vi: 'Quốc tịch khác', en: 'Another nationality' } },
];

/**
 * The 54 ethnic groups of Viet Nam, in the order of the General Statistics Office's list
 * (Decision 121-TCTK/PPCĐ, 1979), with "other" for a person recorded otherwise. Values are
 * slugs rather than the GSO's two-digit codes so a reordering of the list cannot change them.
 */
export const ETHNIC_GROUP_OPTIONS: FieldOption[] = [
  { value: 'kinh', label: { vi: 'Kinh', en: 'Kinh' } },
  { value: 'tay', label: { vi: 'Tày', en: 'Tay' } },
  { value: 'thai', label: { vi: 'Thái', en: 'Thai' } },
  { value: 'hoa', label: { vi: 'Hoa', en: 'Hoa (ethnic Chinese)' } },
  { value: 'khmer', label: { vi: 'Khơ-me', en: 'Khmer' } },
  { value: 'muong', label: { vi: 'Mường', en: 'Muong' } },
  { value: 'nung', label: { vi: 'Nùng', en: 'Nung' } },
  { value: 'hmong', label: { vi: 'Mông', en: 'Hmong' } },
  { value: 'dao', label: { vi: 'Dao', en: 'Dao' } },
  { value: 'gia-rai', label: { vi: 'Gia-rai', en: 'Jarai' } },
  { value: 'ngai', label: { vi: 'Ngái', en: 'Ngai' } },
  { value: 'e-de', label: { vi: 'Ê-đê', en: 'Ede' } },
  { value: 'ba-na', label: { vi: 'Ba-na', en: 'Bahnar' } },
  { value: 'xo-dang', label: { vi: 'Xơ-đăng', en: 'Xo Dang' } },
  { value: 'san-chay', label: { vi: 'Sán Chay', en: 'San Chay' } },
  { value: 'co-ho', label: { vi: 'Cơ-ho', en: 'Koho' } },
  { value: 'cham', label: { vi: 'Chăm', en: 'Cham' } },
  { value: 'san-diu', label: { vi: 'Sán Dìu', en: 'San Diu' } },
  { value: 'hre', label: { vi: 'Hrê', en: 'Hre' } },
  { value: 'mnong', label: { vi: 'Mnông', en: 'Mnong' } },
  { value: 'ra-glai', label: { vi: 'Ra-glai', en: 'Raglai' } },
  { value: 'xtieng', label: { vi: 'Xtiêng', en: 'Stieng' } },
  { value: 'bru-van-kieu', label: { vi: 'Bru-Vân Kiều', en: 'Bru-Van Kieu' } },
  { value: 'tho', label: { vi: 'Thổ', en: 'Tho' } },
  { value: 'giay', label: { vi: 'Giáy', en: 'Giay' } },
  { value: 'co-tu', label: { vi: 'Cơ-tu', en: 'Co Tu' } },
  { value: 'gie-trieng', label: { vi: 'Gié-Triêng', en: 'Gie Trieng' } },
  { value: 'ma', label: { vi: 'Mạ', en: 'Ma' } },
  { value: 'kho-mu', label: { vi: 'Khơ-mú', en: 'Khmu' } },
  { value: 'co', label: { vi: 'Co', en: 'Co' } },
  { value: 'ta-oi', label: { vi: 'Tà-ôi', en: 'Ta Oi' } },
  { value: 'cho-ro', label: { vi: 'Chơ-ro', en: 'Cho Ro' } },
  { value: 'khang', label: { vi: 'Kháng', en: 'Khang' } },
  { value: 'xinh-mun', label: { vi: 'Xinh-mun', en: 'Xinh Mun' } },
  { value: 'ha-nhi', label: { vi: 'Hà Nhì', en: 'Ha Nhi' } },
  { value: 'chu-ru', label: { vi: 'Chu-ru', en: 'Chu Ru' } },
  { value: 'lao', label: { vi: 'Lào', en: 'Lao' } },
  { value: 'la-chi', label: { vi: 'La Chí', en: 'La Chi' } },
  { value: 'la-ha', label: { vi: 'La Ha', en: 'La Ha' } },
  { value: 'phu-la', label: { vi: 'Phù Lá', en: 'Phu La' } },
  { value: 'la-hu', label: { vi: 'La Hủ', en: 'La Hu' } },
  { value: 'lu', label: { vi: 'Lự', en: 'Lu' } },
  { value: 'lo-lo', label: { vi: 'Lô Lô', en: 'Lo Lo' } },
  { value: 'chut', label: { vi: 'Chứt', en: 'Chut' } },
  { value: 'mang', label: { vi: 'Mảng', en: 'Mang' } },
  { value: 'pa-then', label: { vi: 'Pà Thẻn', en: 'Pa Then' } },
  { value: 'co-lao', label: { vi: 'Cờ Lao', en: 'Co Lao' } },
  { value: 'cong', label: { vi: 'Cống', en: 'Cong' } },
  { value: 'bo-y', label: { vi: 'Bố Y', en: 'Bo Y' } },
  { value: 'si-la', label: { vi: 'Si La', en: 'Si La' } },
  { value: 'pu-peo', label: { vi: 'Pu Péo', en: 'Pu Peo' } },
  { value: 'brau', label: { vi: 'Brâu', en: 'Brau' } },
  { value: 'o-du', label: { vi: 'Ơ Đu', en: 'O Du' } },
  { value: 'ro-mam', label: { vi: 'Rơ-măm', en: 'Ro Mam' } },
  { value: 'other', label: { vi: 'Khác', en: 'Other' } },
];
