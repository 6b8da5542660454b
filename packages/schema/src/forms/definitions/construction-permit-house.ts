import type { FormDefinition } from '../../entities/form-definition.js';
import { YES_NO_OPTIONS } from './options.js';

/**
 * Cấp giấy phép xây dựng nhà ở riêng lẻ — a building permit for a detached family house (new
 * build, renovation or repair).
 *
 * Follows the permit application form (Đơn đề nghị cấp giấy phép xây dựng, Form 01 of Appendix II
 * to Decree 175/2024/NĐ-CP): investor, plot and land certificate, what is to be built (type,
 * floors, ground-floor and gross floor area, height), the designer and the expected duration.
 * Documents follow the Law on Construction 2014, Art. 95 (new build: land document, design
 * drawings; a commitment on the safety of adjoining buildings where there is a basement) and
 * Art. 96 (renovation or repair: photos of the current state). A later decree may have replaced
 * Decree 175/2024; check before relying on the document list.
 *
 * `procedureCodes` is empty on purpose: the national code of this procedure could not be
 * confirmed.
 */
export const constructionPermitHouseForm = {
  id: 'construction-permit-house',
  version: 1,
  title: {
    vi: 'Đơn đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ',
    en: 'Building permit for a family house',
  },
  procedureCodes: [],
  sections: [
    {
      id: 'investor',
      title: { vi: 'Chủ đầu tư', en: 'Owner (investor)' },
      fields: [
        {
          name: 'investorName',
          type: 'text',
          label: { vi: 'Tên chủ đầu tư (chủ hộ)', en: 'Full name of the owner' },
          hint: {
            vi: 'Người có tên trên giấy tờ về quyền sử dụng đất hoặc người được chủ sở hữu đồng ý cho xây dựng.',
            en: 'The person named on the land document, or the person the owner allows to build.',
          },
          required: true,
          maxLength: 100,
          autocomplete: 'name',
        },
        {
          name: 'investorCitizenId',
          type: 'citizen-id',
          label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
          required: true,
        },
        {
          name: 'investorAddress',
          type: 'address',
          label: { vi: 'Địa chỉ liên hệ', en: 'Contact address' },
          required: true,
        },
        {
          name: 'investorPhone',
          type: 'phone',
          label: { vi: 'Số điện thoại', en: 'Phone number' },
          required: true,
          autocomplete: 'tel',
        },
        {
          name: 'investorEmail',
          type: 'email',
          label: { vi: 'Email', en: 'Email' },
          autocomplete: 'email',
        },
      ],
    },
    {
      id: 'plot',
      title: { vi: 'Thửa đất xây dựng', en: 'The plot' },
      fields: [
        {
          name: 'landCertificateNumber',
          type: 'text',
          label: {
            vi: 'Số phát hành Giấy chứng nhận quyền sử dụng đất',
            en: 'Serial number of the land use right certificate',
          },
          hint: {
            vi: 'In ở trang 1 của Giấy chứng nhận, ví dụ: CS 123456.',
            en: 'Printed on page 1 of the certificate, e.g. CS 123456.',
          },
          required: true,
          maxLength: 30,
        },
        {
          name: 'plotNumber',
          type: 'text',
          label: { vi: 'Thửa đất số', en: 'Plot number' },
          hint: {
            vi: 'Ghi trong mục "Thửa đất" của Giấy chứng nhận.',
            en: 'In the "plot" part of the certificate.',
          },
          required: true,
          maxLength: 20,
        },
        {
          name: 'mapSheetNumber',
          type: 'text',
          label: { vi: 'Tờ bản đồ số', en: 'Cadastral map sheet number' },
          required: true,
          maxLength: 20,
        },
        {
          name: 'plotArea',
          type: 'number',
          label: { vi: 'Diện tích thửa đất (m²)', en: 'Plot area (m²)' },
          required: true,
          min: 0,
        },
        {
          name: 'constructionAddress',
          type: 'address',
          label: { vi: 'Địa điểm xây dựng', en: 'Address of the site' },
          required: true,
        },
      ],
    },
    {
      id: 'works',
      title: { vi: 'Nội dung đề nghị cấp phép', en: 'What you will build' },
      fields: [
        {
          name: 'constructionType',
          type: 'select',
          label: { vi: 'Loại đề nghị cấp phép', en: 'Type of work' },
          hint: {
            vi: 'Sửa chữa, cải tạo bên trong không làm thay đổi kết cấu chịu lực, công năng sử dụng hay kiến trúc mặt ngoài thì được miễn giấy phép (Luật Xây dựng, Điều 89).',
            en: 'Interior repairs that change neither the load-bearing structure, the use nor the facade need no permit (Law on Construction, Art. 89).',
          },
          required: true,
          options: [
            { value: 'new', label: { vi: 'Xây dựng mới', en: 'New build' } },
            { value: 'renovation', label: { vi: 'Cải tạo', en: 'Renovation' } },
            { value: 'repair', label: { vi: 'Sửa chữa', en: 'Repair' } },
          ],
        },
        {
          name: 'existingPermitNumber',
          type: 'text',
          label: {
            vi: 'Số giấy phép xây dựng đã được cấp (nếu có)',
            en: 'Number of the existing building permit (if any)',
          },
          maxLength: 50,
          visibleWhen: {
            field: 'constructionType',
            operator: 'in',
            value: ['renovation', 'repair'],
          },
        },
        {
          name: 'worksDescription',
          type: 'textarea',
          label: { vi: 'Nội dung sửa chữa, cải tạo', en: 'What will be repaired or changed' },
          hint: {
            vi: 'Bộ phận nào, thay đổi gì; ví dụ: nâng thêm một tầng, thay kết cấu mái, mở rộng phía sau.',
            en: 'Which parts and how; e.g. adding a floor, replacing the roof structure, extending at the back.',
          },
          required: true,
          maxLength: 2000,
          visibleWhen: {
            field: 'constructionType',
            operator: 'in',
            value: ['renovation', 'repair'],
          },
        },
        {
          name: 'floors',
          type: 'number',
          label: { vi: 'Số tầng', en: 'Number of floors' },
          hint: {
            vi: 'Sau khi xây dựng, kể cả tầng hầm, tầng lửng và tum.',
            en: 'When finished, including any basement, mezzanine and roof structure.',
          },
          required: true,
          min: 1,
          max: 30,
        },
        {
          name: 'hasBasement',
          type: 'radio',
          label: { vi: 'Có tầng hầm không?', en: 'Is there a basement?' },
          required: true,
          options: YES_NO_OPTIONS,
        },
        {
          name: 'groundFloorArea',
          type: 'number',
          label: { vi: 'Diện tích xây dựng tầng 1 (m²)', en: 'Ground-floor footprint (m²)' },
          required: true,
          min: 0,
        },
        {
          name: 'grossFloorArea',
          type: 'number',
          label: { vi: 'Tổng diện tích sàn (m²)', en: 'Gross floor area (m²)' },
          hint: {
            vi: 'Cộng diện tích sàn của tất cả các tầng, kể cả tầng hầm, tầng lửng và tum.',
            en: 'The floor area of every level added up, including any basement, mezzanine and roof structure.',
          },
          required: true,
          min: 0,
        },
        {
          name: 'height',
          type: 'number',
          label: { vi: 'Chiều cao công trình (m)', en: 'Building height (m)' },
          hint: {
            vi: 'Tính từ cốt mặt đất đặt công trình đến điểm cao nhất của công trình.',
            en: 'From ground level at the building to its highest point.',
          },
          required: true,
          min: 0,
          max: 150,
        },
        {
          name: 'designedBy',
          type: 'radio',
          label: { vi: 'Đơn vị thiết kế', en: 'Who designed it' },
          hint: {
            vi: 'Hộ gia đình được tự thiết kế nhà dưới 3 tầng, hoặc có tổng diện tích sàn dưới 250 m², hoặc cao dưới 12 m; còn lại phải do tổ chức, cá nhân có năng lực thiết kế.',
            en: 'A family may design a house itself if it has fewer than 3 floors, or under 250 m² of floor area, or is under 12 m high; otherwise a qualified designer must.',
          },
          required: true,
          options: [
            {
              value: 'self',
              label: { vi: 'Hộ gia đình tự thiết kế', en: 'We designed it ourselves' },
            },
            {
              value: 'professional',
              label: { vi: 'Tổ chức, cá nhân có năng lực thiết kế', en: 'A qualified designer' },
            },
          ],
        },
        {
          name: 'designerName',
          type: 'text',
          label: { vi: 'Tên tổ chức, cá nhân thiết kế', en: 'Name of the designer or firm' },
          required: true,
          maxLength: 200,
          autocomplete: 'off',
          visibleWhen: { field: 'designedBy', operator: 'equals', value: 'professional' },
        },
        {
          name: 'designerCertificate',
          type: 'text',
          label: {
            vi: 'Số chứng chỉ năng lực hoặc chứng chỉ hành nghề thiết kế',
            en: "Number of the firm's capacity certificate or the designer's practising certificate",
          },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'designedBy', operator: 'equals', value: 'professional' },
        },
        {
          name: 'expectedDurationMonths',
          type: 'number',
          label: {
            vi: 'Dự kiến thời gian hoàn thành (tháng)',
            en: 'Expected time to complete (months)',
          },
          required: true,
          min: 1,
          max: 120,
        },
      ],
    },
    {
      id: 'documents',
      title: { vi: 'Giấy tờ kèm theo', en: 'Supporting documents' },
      fields: [
        {
          name: 'landDocument',
          type: 'file',
          label: {
            vi: 'Giấy tờ hợp pháp về quyền sử dụng đất',
            en: 'Land use right document',
          },
          hint: {
            vi: 'Thường là Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở; chụp đủ các trang.',
            en: 'Usually the land use right and house ownership certificate; photograph every page.',
          },
          required: true,
          maxFiles: 6,
          documentCode: 'land-use-right-document',
        },
        {
          name: 'designDrawings',
          type: 'file',
          label: { vi: 'Bộ bản vẽ thiết kế xây dựng', en: 'Design drawings' },
          hint: {
            vi: 'Mặt bằng vị trí công trình trên lô đất, mặt bằng các tầng, mặt đứng, mặt cắt, mặt bằng móng và sơ đồ đấu nối hạ tầng kỹ thuật.',
            en: 'Site plan, floor plans, elevations, sections, foundation plan and the utility connection diagram.',
          },
          required: true,
          maxFiles: 20,
          documentCode: 'construction-design-drawings',
        },
        {
          name: 'currentStatePhotos',
          type: 'file',
          label: { vi: 'Ảnh chụp hiện trạng công trình', en: 'Photos of the building as it is' },
          hint: {
            vi: 'Ảnh bộ phận sẽ sửa chữa, cải tạo và mặt đứng công trình.',
            en: 'The parts to be repaired or changed, and the facade.',
          },
          required: true,
          maxFiles: 10,
          documentCode: 'current-state-photos',
          visibleWhen: {
            field: 'constructionType',
            operator: 'in',
            value: ['renovation', 'repair'],
          },
        },
        {
          name: 'adjacentSafetyCommitment',
          type: 'file',
          label: {
            vi: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề',
            en: 'Commitment to keep adjoining buildings safe',
          },
          required: true,
          maxFiles: 3,
          documentCode: 'adjacent-safety-commitment',
          visibleWhen: { field: 'hasBasement', operator: 'equals', value: 'yes' },
        },
      ],
    },
  ],
} satisfies FormDefinition;
