import type { FormDefinition } from '../../entities/form-definition.js';
import { ETHNIC_GROUP_OPTIONS, SEX_OPTIONS } from './options.js';

/**
 * Đăng ký thành lập hộ kinh doanh — registering a household business.
 *
 * Follows the household business application (Giấy đề nghị đăng ký hộ kinh doanh): name,
 * address, business lines, capital, workforce, who founds it (one person or the members of a
 * household) and the owner's details. The documents follow Decree 01/2021/NĐ-CP, Art. 87, for
 * the members' case (minutes of the household meeting, the members' authorisation of one of
 * them as owner); Decree 168/2025/NĐ-CP replaced that decree from 1 July 2025 and its template
 * is in Circular 68/2025/TT-BTC, neither of which we could read in full: check both before
 * relying on the document list.
 *
 * `procedureCodes` is empty on purpose: the national code of this procedure (after the 2025
 * reorganisation) could not be confirmed, so the generic lookup does not route to this form.
 */
export const businessHouseholdRegistrationForm = {
  id: 'business-household-registration',
  version: 1,
  title: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
  procedureCodes: [],
  sections: [
    {
      id: 'business',
      title: { vi: 'Thông tin hộ kinh doanh', en: 'The business' },
      fields: [
        {
          name: 'businessName',
          type: 'text',
          label: { vi: 'Tên hộ kinh doanh', en: 'Business name' },
          hint: {
            vi: 'Gồm cụm từ "Hộ kinh doanh" và tên riêng, ví dụ: Hộ kinh doanh Phở Bình. Không dùng từ ngữ vi phạm truyền thống, đạo đức, thuần phong mỹ tục.',
            en: 'The words "Hộ kinh doanh" followed by a proper name, e.g. Hộ kinh doanh Phở Bình. Words contrary to tradition or public morals are refused.',
          },
          required: true,
          maxLength: 200,
          autocomplete: 'organization',
        },
        {
          name: 'businessAddress',
          type: 'address',
          label: { vi: 'Địa chỉ trụ sở hộ kinh doanh', en: 'Business address' },
          required: true,
        },
        {
          name: 'businessPhone',
          type: 'phone',
          label: { vi: 'Điện thoại', en: 'Business phone number' },
          required: true,
          autocomplete: 'tel',
        },
        {
          name: 'businessEmail',
          type: 'email',
          label: { vi: 'Thư điện tử', en: 'Business email' },
          autocomplete: 'email',
        },
        {
          name: 'businessLines',
          type: 'textarea',
          label: { vi: 'Ngành, nghề kinh doanh', en: 'Business activities' },
          hint: {
            vi: 'Mỗi ngành một dòng, ghi mã và tên ngành cấp bốn trong Hệ thống ngành kinh tế Việt Nam, ví dụ: 5610 – Nhà hàng và các dịch vụ ăn uống phục vụ lưu động.',
            en: 'One per line, with the four-digit code and name from the Vietnam Standard Industrial Classification, e.g. 5610 – Restaurants and mobile food service activities.',
          },
          required: true,
          maxLength: 4000,
        },
        {
          name: 'capital',
          type: 'number',
          label: { vi: 'Vốn kinh doanh (đồng)', en: 'Business capital (VND)' },
          hint: {
            vi: 'Tổng số vốn dự kiến đưa vào kinh doanh, ghi bằng số, đơn vị đồng.',
            en: 'The total you will put into the business, in đồng, as a number.',
          },
          required: true,
          min: 0,
        },
        {
          name: 'employees',
          type: 'number',
          label: { vi: 'Số lượng lao động (dự kiến)', en: 'Number of employees (expected)' },
          required: true,
          min: 0,
          max: 10000,
        },
        {
          name: 'startDate',
          type: 'date',
          label: { vi: 'Ngày bắt đầu hoạt động kinh doanh', en: 'Date you start trading' },
          hint: {
            vi: 'Dùng cho việc đăng ký thuế; để trống nếu chưa xác định.',
            en: 'Used for tax registration; leave blank if not yet known.',
          },
        },
      ],
    },
    {
      id: 'founder',
      title: { vi: 'Chủ thể thành lập', en: 'Who is founding the business' },
      fields: [
        {
          name: 'founderKind',
          type: 'radio',
          label: { vi: 'Chủ thể thành lập hộ kinh doanh', en: 'The business is founded by' },
          hint: {
            vi: 'Chọn "Các thành viên hộ gia đình" khi nhiều người trong gia đình cùng góp vốn, cùng kinh doanh và ủy quyền cho một người làm chủ hộ kinh doanh.',
            en: 'Choose "household members" when several members of a family invest and trade together and authorise one of them as owner.',
          },
          required: true,
          options: [
            { value: 'individual', label: { vi: 'Một cá nhân', en: 'One person' } },
            {
              value: 'household',
              label: { vi: 'Các thành viên hộ gia đình', en: 'Members of a household' },
            },
          ],
        },
      ],
    },
    {
      id: 'owner',
      title: { vi: 'Thông tin chủ hộ kinh doanh', en: 'The owner' },
      fields: [
        {
          name: 'ownerFullName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
          required: true,
          maxLength: 100,
          autocomplete: 'name',
        },
        {
          name: 'ownerDateOfBirth',
          type: 'date',
          label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
          hint: {
            vi: 'Chủ hộ kinh doanh phải đủ 18 tuổi và có đầy đủ năng lực hành vi dân sự.',
            en: 'The owner must be at least 18 and have full legal capacity.',
          },
          required: true,
          maxDate: 'today',
        },
        {
          name: 'ownerSex',
          type: 'radio',
          label: { vi: 'Giới tính', en: 'Sex' },
          required: true,
          options: SEX_OPTIONS,
        },
        {
          name: 'ownerEthnicity',
          type: 'select',
          label: { vi: 'Dân tộc', en: 'Ethnicity' },
          required: true,
          options: ETHNIC_GROUP_OPTIONS,
        },
        {
          name: 'ownerEthnicityOther',
          type: 'text',
          label: { vi: 'Ghi rõ dân tộc', en: 'Ethnicity, in words' },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'ownerEthnicity', operator: 'equals', value: 'other' },
        },
        {
          name: 'ownerCitizenId',
          type: 'citizen-id',
          label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
          required: true,
        },
        {
          name: 'ownerPermanentAddress',
          type: 'address',
          label: { vi: 'Địa chỉ thường trú', en: 'Permanent address' },
          required: true,
        },
        {
          name: 'ownerCurrentAddressSame',
          type: 'checkbox',
          label: {
            vi: 'Địa chỉ liên lạc là địa chỉ thường trú',
            en: 'My contact address is my permanent address',
          },
        },
        {
          name: 'ownerCurrentAddress',
          type: 'address',
          label: { vi: 'Địa chỉ liên lạc', en: 'Contact address' },
          required: true,
          visibleWhen: { field: 'ownerCurrentAddressSame', operator: 'empty' },
        },
        {
          name: 'ownerPhone',
          type: 'phone',
          label: { vi: 'Điện thoại', en: 'Phone number' },
          required: true,
          autocomplete: 'tel',
        },
        {
          name: 'ownerEmail',
          type: 'email',
          label: { vi: 'Thư điện tử', en: 'Email' },
          autocomplete: 'email',
        },
        {
          name: 'ownerTaxCode',
          type: 'text',
          label: { vi: 'Mã số thuế cá nhân (nếu có)', en: 'Personal tax code (if you have one)' },
          hint: {
            vi: 'Mã 10 chữ số đã được cấp trước đây. Từ ngày 01/7/2025 số định danh cá nhân được dùng làm mã số thuế; để trống nếu chưa có mã riêng.',
            en: 'A 10-digit code issued earlier. Since 1 July 2025 the personal identification number serves as the tax code; leave blank if you never had a separate one.',
          },
          pattern: '\\d{10}|\\d{12}',
          patternMessage: {
            vi: 'Mã số thuế gồm 10 chữ số, hoặc 12 chữ số của số định danh cá nhân.',
            en: 'A tax code is 10 digits, or the 12 digits of a personal identification number.',
          },
        },
      ],
    },
    {
      id: 'members',
      title: { vi: 'Thành viên hộ gia đình', en: 'Household members' },
      visibleWhen: { field: 'founderKind', operator: 'equals', value: 'household' },
      fields: [
        {
          name: 'householdMembers',
          type: 'textarea',
          label: {
            vi: 'Danh sách thành viên hộ gia đình đăng ký hộ kinh doanh',
            en: 'Household members registering the business',
          },
          hint: {
            vi: 'Mỗi người một dòng: họ tên, ngày sinh, số định danh cá nhân, nơi cư trú. Không cần ghi lại chủ hộ kinh doanh.',
            en: 'One person per line: full name, date of birth, personal ID number, address. Leave out the owner.',
          },
          required: true,
          maxLength: 4000,
        },
        {
          name: 'membersMeetingMinutes',
          type: 'file',
          label: {
            vi: 'Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh',
            en: 'Minutes of the household meeting deciding to found the business',
          },
          required: true,
          maxFiles: 5,
          documentCode: 'household-meeting-minutes',
        },
        {
          name: 'membersAuthorisation',
          type: 'file',
          label: {
            vi: 'Văn bản ủy quyền của các thành viên cho một thành viên làm chủ hộ kinh doanh',
            en: 'The members’ authorisation of one member as owner',
          },
          required: true,
          maxFiles: 5,
          documentCode: 'household-owner-authorisation',
        },
      ],
    },
  ],
} satisfies FormDefinition;
