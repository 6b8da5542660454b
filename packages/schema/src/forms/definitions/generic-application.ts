import type { FormDefinition } from '../../entities/form-definition.js';

/**
 * The form for every procedure without one of its own: who applies (a person, or an
 * organisation through its representative), how to reach them, what they ask for, and the
 * procedure's documents in one upload. It asks for what an `Applicant` of a dossier needs and no
 * more, so that any procedure can be filed online before its own form is written.
 *
 * The upload carries no `documentCode`: it does not satisfy one named document but all of them,
 * and the office sorts them when it receives the dossier.
 */
export const genericApplicationForm = {
  id: 'generic-application',
  version: 1,
  title: { vi: 'Đơn đề nghị giải quyết thủ tục hành chính', en: 'Application' },
  procedureCodes: [],
  sections: [
    {
      id: 'applicant-kind',
      title: { vi: 'Người nộp hồ sơ', en: 'Who is applying' },
      fields: [
        {
          name: 'applicantKind',
          type: 'radio',
          label: { vi: 'Bạn nộp hồ sơ với tư cách', en: 'You are applying as' },
          required: true,
          options: [
            { value: 'individual', label: { vi: 'Cá nhân', en: 'An individual' } },
            {
              value: 'organisation',
              label: { vi: 'Tổ chức, doanh nghiệp', en: 'An organisation or business' },
            },
          ],
        },
      ],
    },
    {
      id: 'individual',
      title: { vi: 'Thông tin cá nhân', en: 'About you' },
      visibleWhen: { field: 'applicantKind', operator: 'equals', value: 'individual' },
      fields: [
        {
          name: 'fullName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
          required: true,
          maxLength: 100,
          autocomplete: 'name',
        },
        {
          name: 'dateOfBirth',
          type: 'date',
          label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
          required: true,
          maxDate: 'today',
        },
        {
          name: 'citizenId',
          type: 'citizen-id',
          label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
          hint: {
            vi: '12 chữ số in trên thẻ Căn cước hoặc Căn cước công dân.',
            en: 'The 12 digits on your citizen identity card.',
          },
          required: true,
        },
      ],
    },
    {
      id: 'organisation',
      title: { vi: 'Thông tin tổ chức', en: 'About the organisation' },
      visibleWhen: { field: 'applicantKind', operator: 'equals', value: 'organisation' },
      fields: [
        {
          name: 'organisationName',
          type: 'text',
          label: { vi: 'Tên tổ chức, doanh nghiệp', en: 'Name of the organisation' },
          hint: {
            vi: 'Đúng như trên Giấy chứng nhận đăng ký doanh nghiệp hoặc quyết định thành lập.',
            en: 'As on its business registration certificate or founding decision.',
          },
          required: true,
          maxLength: 250,
          autocomplete: 'organization',
        },
        {
          name: 'taxCode',
          type: 'text',
          label: { vi: 'Mã số thuế', en: 'Tax code' },
          hint: {
            vi: 'Với doanh nghiệp, mã số doanh nghiệp cũng là mã số thuế. Đơn vị phụ thuộc ghi dạng 0100109106-001.',
            en: 'For a business, the enterprise code is its tax code. A branch writes it like 0100109106-001.',
          },
          required: true,
          pattern: '\\d{10}(-\\d{3})?',
          patternMessage: {
            vi: 'Mã số thuế gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số.',
            en: 'A tax code is 10 digits, or 10 digits, a dash and 3 digits.',
          },
        },
        {
          name: 'representativeName',
          type: 'text',
          label: { vi: 'Họ và tên người đại diện', en: "Representative's full name" },
          required: true,
          maxLength: 100,
          autocomplete: 'name',
        },
        {
          name: 'representativePosition',
          type: 'text',
          label: { vi: 'Chức vụ', en: 'Position' },
          hint: {
            vi: 'Nếu không phải người đại diện theo pháp luật, đính kèm giấy ủy quyền trong phần hồ sơ.',
            en: 'If you are not the legal representative, include the authorisation among the documents.',
          },
          required: true,
          maxLength: 100,
          autocomplete: 'organization-title',
        },
        {
          name: 'representativeCitizenId',
          type: 'citizen-id',
          label: {
            vi: 'Số định danh cá nhân của người đại diện',
            en: "Representative's personal identification number",
          },
          required: true,
        },
      ],
    },
    {
      id: 'contact',
      title: { vi: 'Thông tin liên hệ', en: 'Contact details' },
      fields: [
        {
          name: 'phone',
          type: 'phone',
          label: { vi: 'Số điện thoại', en: 'Phone number' },
          hint: {
            vi: 'Cơ quan giải quyết gọi hoặc nhắn tin về hồ sơ qua số này.',
            en: 'The office calls or texts you about the application on this number.',
          },
          required: true,
          autocomplete: 'tel',
        },
        {
          name: 'email',
          type: 'email',
          label: { vi: 'Email', en: 'Email' },
          autocomplete: 'email',
        },
        {
          name: 'address',
          type: 'address',
          label: { vi: 'Địa chỉ liên hệ', en: 'Postal address' },
          hint: {
            vi: 'Nơi nhận kết quả nếu bạn chọn nhận qua bưu chính.',
            en: 'Where the result is sent if you choose delivery by post.',
          },
          required: true,
        },
      ],
    },
    {
      id: 'request',
      title: { vi: 'Nội dung đề nghị', en: 'Your request' },
      fields: [
        {
          name: 'requestContent',
          type: 'textarea',
          label: { vi: 'Nội dung đề nghị giải quyết', en: 'What you are asking for' },
          hint: {
            vi: 'Nêu ngắn gọn việc cần giải quyết và lý do, ví dụ số giấy tờ liên quan.',
            en: 'Say briefly what you need and why, with the numbers of any related papers.',
          },
          required: true,
          minLength: 10,
          maxLength: 4000,
        },
        {
          name: 'documents',
          type: 'file',
          label: { vi: 'Thành phần hồ sơ', en: 'Documents' },
          hint: {
            vi: 'Tải lên các giấy tờ mà thủ tục yêu cầu; giấy tờ đã có trong cơ sở dữ liệu quốc gia thì không phải nộp.',
            en: 'Upload the documents the procedure asks for; you need not upload what is already in a national database.',
          },
          required: true,
          maxFiles: 20,
        },
      ],
    },
  ],
} satisfies FormDefinition;
