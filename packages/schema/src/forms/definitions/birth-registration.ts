import type { FormDefinition } from '../../entities/form-definition.js';
import {
  ETHNIC_GROUP_OPTIONS,
  NATIONALITY_OPTIONS,
  SEX_OPTIONS,
  YES_NO_OPTIONS,
} from './options.js';

/**
 * Tờ khai đăng ký khai sinh — birth registration at the commune People's Committee, for a child
 * born in Viet Nam to Vietnamese parents.
 *
 * Follows the declaration form of Circular 04/2020/TT-BTP (as amended by Circular 04/2024/TT-BTP):
 * requester, then the child, the mother and the father. Supporting documents follow the Law on
 * Civil Status 2014, Art. 16: a medical birth certificate, or failing that a witness's statement,
 * or failing that a written commitment about the birth.
 *
 * Procedure code 1.001193 ("Đăng ký khai sinh") was checked against several independent public
 * sources that name it; the national portal itself was not reachable from here.
 */
export const birthRegistrationForm = {
  id: 'birth-registration',
  version: 1,
  title: { vi: 'Tờ khai đăng ký khai sinh', en: 'Birth registration' },
  procedureCodes: ['1.001193'],
  sections: [
    {
      id: 'requester',
      title: { vi: 'Người yêu cầu đăng ký khai sinh', en: 'You, the person registering the birth' },
      fields: [
        {
          name: 'requesterRelationship',
          type: 'select',
          label: { vi: 'Quan hệ với người được khai sinh', en: 'Your relationship to the child' },
          hint: {
            vi: 'Cha hoặc mẹ khai sinh cho con trong 60 ngày kể từ ngày sinh; nếu cha, mẹ không thể đi, ông, bà hoặc người thân thích khác đi thay.',
            en: 'The mother or father registers the birth within 60 days; if they cannot, a grandparent or another relative may do it.',
          },
          required: true,
          options: [
            { value: 'mother', label: { vi: 'Mẹ', en: 'Mother' } },
            { value: 'father', label: { vi: 'Cha', en: 'Father' } },
            { value: 'grandparent', label: { vi: 'Ông, bà', en: 'Grandparent' } },
            { value: 'relative', label: { vi: 'Người thân thích khác', en: 'Another relative' } },
            {
              value: 'carer',
              label: {
                vi: 'Cá nhân, tổ chức đang nuôi dưỡng trẻ',
                en: 'Person or organisation caring for the child',
              },
            },
            {
              value: 'authorised',
              label: { vi: 'Người được ủy quyền', en: 'Someone authorised by the parents' },
            },
          ],
        },
        {
          name: 'requesterFullName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm, tên người yêu cầu', en: 'Your full name' },
          required: true,
          maxLength: 100,
          autocomplete: 'name',
        },
        {
          name: 'requesterCitizenId',
          type: 'citizen-id',
          label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
          hint: {
            vi: '12 chữ số in trên thẻ Căn cước hoặc Căn cước công dân.',
            en: 'The 12 digits on your citizen identity card.',
          },
          required: true,
        },
        {
          name: 'requesterAddress',
          type: 'address',
          label: { vi: 'Nơi cư trú', en: 'Where you live' },
          hint: {
            vi: 'Nơi thường trú; nếu không có thì nơi tạm trú hoặc nơi đang sinh sống.',
            en: 'Your permanent residence; if you have none, your temporary residence or where you actually live.',
          },
          required: true,
        },
        {
          name: 'requesterPhone',
          type: 'phone',
          label: { vi: 'Số điện thoại', en: 'Phone number' },
          required: true,
          autocomplete: 'tel',
        },
        {
          name: 'requesterEmail',
          type: 'email',
          label: { vi: 'Thư điện tử', en: 'Email' },
          hint: {
            vi: 'Để nhận thông báo về hồ sơ; không bắt buộc.',
            en: 'For notices about your application; optional.',
          },
          autocomplete: 'email',
        },
      ],
    },
    {
      id: 'child',
      title: { vi: 'Người được khai sinh', en: 'The child' },
      fields: [
        {
          name: 'childFullName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm, tên', en: "Child's full name" },
          hint: {
            vi: 'Ghi đủ dấu, đúng như muốn ghi trong Giấy khai sinh. Họ của con là họ cha hoặc họ mẹ, theo thỏa thuận của cha mẹ.',
            en: "With all diacritics, exactly as it should appear on the birth certificate. The child takes the father's or the mother's family name, as the parents agree.",
          },
          required: true,
          maxLength: 100,
          autocomplete: 'off',
        },
        {
          name: 'childSex',
          type: 'radio',
          label: { vi: 'Giới tính', en: 'Sex' },
          required: true,
          options: SEX_OPTIONS,
        },
        {
          name: 'childDateOfBirth',
          type: 'date',
          label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
          required: true,
          maxDate: 'today',
        },
        {
          name: 'childBirthPlaceKind',
          type: 'radio',
          label: { vi: 'Nơi sinh', en: 'Where the child was born' },
          required: true,
          options: [
            {
              value: 'health-facility',
              label: { vi: 'Tại cơ sở y tế', en: 'At a hospital or clinic' },
            },
            {
              value: 'elsewhere',
              label: {
                vi: 'Ngoài cơ sở y tế (tại nhà, trên đường…)',
                en: 'Elsewhere (at home, on the way…)',
              },
            },
          ],
        },
        {
          name: 'childBirthFacility',
          type: 'text',
          label: { vi: 'Tên cơ sở y tế', en: 'Name of the hospital or clinic' },
          hint: {
            vi: 'Ghi như trên Giấy chứng sinh, ví dụ: Bệnh viện Phụ sản Hà Nội.',
            en: 'As written on the medical birth certificate, e.g. Hanoi Obstetrics and Gynaecology Hospital.',
          },
          required: true,
          maxLength: 200,
          visibleWhen: {
            field: 'childBirthPlaceKind',
            operator: 'equals',
            value: 'health-facility',
          },
        },
        {
          name: 'childBirthPlace',
          type: 'address',
          label: { vi: 'Địa chỉ nơi sinh', en: 'Address of the place of birth' },
          hint: {
            vi: 'Địa chỉ cơ sở y tế, hoặc nơi trẻ được sinh ra nếu sinh ngoài cơ sở y tế.',
            en: 'The address of the hospital or clinic, or of the place where the child was born.',
          },
          required: true,
        },
        {
          name: 'childHometown',
          type: 'text',
          label: { vi: 'Quê quán', en: 'Home town (quê quán)' },
          hint: {
            vi: 'Theo quê quán của cha hoặc của mẹ, theo thỏa thuận của cha mẹ; ghi xã, tỉnh.',
            en: "The father's or the mother's home town, as the parents agree; give the commune and province.",
          },
          required: true,
          maxLength: 200,
        },
        {
          name: 'childEthnicity',
          type: 'select',
          label: { vi: 'Dân tộc', en: 'Ethnicity' },
          hint: {
            vi: 'Theo dân tộc của cha hoặc của mẹ, theo thỏa thuận của cha mẹ.',
            en: "The father's or the mother's ethnicity, as the parents agree.",
          },
          required: true,
          options: ETHNIC_GROUP_OPTIONS,
        },
        {
          name: 'childEthnicityOther',
          type: 'text',
          label: { vi: 'Ghi rõ dân tộc', en: 'Ethnicity, in words' },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'childEthnicity', operator: 'equals', value: 'other' },
        },
        {
          name: 'childNationality',
          type: 'select',
          label: { vi: 'Quốc tịch', en: 'Nationality' },
          hint: {
            vi: 'Nếu cha hoặc mẹ là người nước ngoài, việc khai sinh theo thủ tục có yếu tố nước ngoài.',
            en: 'If a parent is a foreign national, the birth is registered under the procedure for births with a foreign element.',
          },
          required: true,
          options: NATIONALITY_OPTIONS,
        },
        {
          name: 'childNationalityOther',
          type: 'text',
          label: { vi: 'Ghi rõ quốc tịch', en: 'Nationality, in words' },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'childNationality', operator: 'equals', value: 'other' },
        },
      ],
    },
    {
      id: 'mother',
      title: { vi: 'Người mẹ', en: 'Mother' },
      fields: [
        {
          name: 'motherFullName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm, tên người mẹ', en: "Mother's full name" },
          required: true,
          maxLength: 100,
          autocomplete: 'off',
        },
        {
          name: 'motherDateOfBirth',
          type: 'date',
          label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
          hint: {
            vi: 'Giấy khai sinh chỉ ghi năm sinh; ngày đầy đủ giúp đối chiếu với Cơ sở dữ liệu quốc gia về dân cư.',
            en: 'Only the year goes on the birth certificate; the full date lets the office match the national population database.',
          },
          required: true,
          maxDate: 'today',
        },
        {
          name: 'motherCitizenId',
          type: 'citizen-id',
          label: {
            vi: 'Số định danh cá nhân của người mẹ',
            en: "Mother's personal identification number",
          },
          required: true,
        },
        {
          name: 'motherEthnicity',
          type: 'select',
          label: { vi: 'Dân tộc', en: 'Ethnicity' },
          required: true,
          options: ETHNIC_GROUP_OPTIONS,
        },
        {
          name: 'motherEthnicityOther',
          type: 'text',
          label: { vi: 'Ghi rõ dân tộc của người mẹ', en: "Mother's ethnicity, in words" },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'motherEthnicity', operator: 'equals', value: 'other' },
        },
        {
          name: 'motherNationality',
          type: 'select',
          label: { vi: 'Quốc tịch', en: 'Nationality' },
          required: true,
          options: NATIONALITY_OPTIONS,
        },
        {
          name: 'motherNationalityOther',
          type: 'text',
          label: { vi: 'Ghi rõ quốc tịch của người mẹ', en: "Mother's nationality, in words" },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'motherNationality', operator: 'equals', value: 'other' },
        },
        {
          name: 'motherAddress',
          type: 'address',
          label: { vi: 'Nơi cư trú của người mẹ', en: 'Where the mother lives' },
          required: true,
        },
      ],
    },
    {
      id: 'father',
      title: { vi: 'Người cha', en: 'Father' },
      fields: [
        {
          name: 'fatherDeclared',
          type: 'radio',
          label: { vi: 'Khai thông tin người cha?', en: "Are you giving the father's details?" },
          hint: {
            vi: 'Nếu chưa xác định được người cha, phần này để trống; việc nhận cha, con có thể đăng ký sau. Nếu cha, mẹ chưa đăng ký kết hôn mà muốn ghi tên người cha, cần đăng ký khai sinh kết hợp nhận cha, con.',
            en: "If the father is not yet established, leave his details out; paternity can be registered later. If the parents are not married and the father's name should appear, register the birth together with the recognition of paternity.",
          },
          required: true,
          options: [
            { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
            {
              value: 'no',
              label: {
                vi: 'Không — chưa xác định được người cha',
                en: 'No — the father is not established',
              },
            },
          ],
        },
        {
          name: 'fatherFullName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm, tên người cha', en: "Father's full name" },
          required: true,
          maxLength: 100,
          autocomplete: 'off',
          visibleWhen: { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
        },
        {
          name: 'fatherDateOfBirth',
          type: 'date',
          label: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
          required: true,
          maxDate: 'today',
          visibleWhen: { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
        },
        {
          name: 'fatherCitizenId',
          type: 'citizen-id',
          label: {
            vi: 'Số định danh cá nhân của người cha',
            en: "Father's personal identification number",
          },
          required: true,
          visibleWhen: { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
        },
        {
          name: 'fatherEthnicity',
          type: 'select',
          label: { vi: 'Dân tộc', en: 'Ethnicity' },
          required: true,
          options: ETHNIC_GROUP_OPTIONS,
          visibleWhen: { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
        },
        {
          name: 'fatherEthnicityOther',
          type: 'text',
          label: { vi: 'Ghi rõ dân tộc của người cha', en: "Father's ethnicity, in words" },
          required: true,
          maxLength: 50,
          visibleWhen: {
            all: [
              { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
              { field: 'fatherEthnicity', operator: 'equals', value: 'other' },
            ],
          },
        },
        {
          name: 'fatherNationality',
          type: 'select',
          label: { vi: 'Quốc tịch', en: 'Nationality' },
          required: true,
          options: NATIONALITY_OPTIONS,
          visibleWhen: { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
        },
        {
          name: 'fatherNationalityOther',
          type: 'text',
          label: { vi: 'Ghi rõ quốc tịch của người cha', en: "Father's nationality, in words" },
          required: true,
          maxLength: 50,
          visibleWhen: {
            all: [
              { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
              { field: 'fatherNationality', operator: 'equals', value: 'other' },
            ],
          },
        },
        {
          name: 'fatherAddress',
          type: 'address',
          label: { vi: 'Nơi cư trú của người cha', en: 'Where the father lives' },
          required: true,
          visibleWhen: { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
        },
        {
          name: 'parentsMarried',
          type: 'radio',
          label: {
            vi: 'Cha, mẹ của trẻ đã đăng ký kết hôn chưa?',
            en: "Are the child's parents married (marriage registered)?",
          },
          required: true,
          options: YES_NO_OPTIONS,
          visibleWhen: { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
        },
      ],
    },
    {
      id: 'documents',
      title: { vi: 'Giấy tờ kèm theo', en: 'Supporting documents' },
      fields: [
        {
          name: 'birthProofKind',
          type: 'radio',
          label: { vi: 'Giấy tờ chứng minh việc sinh', en: 'Proof of the birth' },
          hint: {
            vi: 'Giấy chứng sinh do cơ sở y tế cấp. Chỉ khi không có Giấy chứng sinh mới nộp văn bản của người làm chứng; không có người làm chứng thì nộp giấy cam đoan về việc sinh.',
            en: "The medical birth certificate from the hospital or clinic. Only without it, a witness's written statement; without a witness, your written commitment about the birth.",
          },
          required: true,
          options: [
            {
              value: 'medical-certificate',
              label: { vi: 'Giấy chứng sinh', en: 'Medical birth certificate (giấy chứng sinh)' },
            },
            {
              value: 'witness-statement',
              label: { vi: 'Văn bản của người làm chứng', en: "A witness's written statement" },
            },
            {
              value: 'commitment',
              label: {
                vi: 'Giấy cam đoan về việc sinh',
                en: 'A written commitment about the birth',
              },
            },
          ],
        },
        {
          name: 'birthCertificateFile',
          type: 'file',
          label: { vi: 'Giấy chứng sinh', en: 'Medical birth certificate' },
          hint: {
            vi: 'Ảnh chụp hoặc bản quét rõ nét bản chính.',
            en: 'A clear photo or scan of the original.',
          },
          required: true,
          maxFiles: 2,
          documentCode: 'birth-medical-certificate',
          visibleWhen: {
            field: 'birthProofKind',
            operator: 'equals',
            value: 'medical-certificate',
          },
        },
        {
          name: 'witnessStatementFile',
          type: 'file',
          label: {
            vi: 'Văn bản của người làm chứng xác nhận về việc sinh',
            en: "Witness's statement confirming the birth",
          },
          required: true,
          maxFiles: 3,
          documentCode: 'birth-witness-statement',
          visibleWhen: { field: 'birthProofKind', operator: 'equals', value: 'witness-statement' },
        },
        {
          name: 'birthCommitmentFile',
          type: 'file',
          label: { vi: 'Giấy cam đoan về việc sinh', en: 'Written commitment about the birth' },
          required: true,
          maxFiles: 3,
          documentCode: 'birth-commitment',
          visibleWhen: { field: 'birthProofKind', operator: 'equals', value: 'commitment' },
        },
        {
          name: 'marriageCertificateFile',
          type: 'file',
          label: { vi: 'Giấy chứng nhận kết hôn của cha, mẹ', en: "Parents' marriage certificate" },
          hint: {
            vi: 'Có thể không cần nếu việc kết hôn đã có trong Cơ sở dữ liệu hộ tịch điện tử và cơ quan đăng ký tra cứu được.',
            en: 'May not be needed if the marriage is in the electronic civil status database and the office can look it up.',
          },
          maxFiles: 2,
          documentCode: 'marriage-certificate',
          visibleWhen: {
            all: [
              { field: 'fatherDeclared', operator: 'equals', value: 'yes' },
              { field: 'parentsMarried', operator: 'equals', value: 'yes' },
            ],
          },
        },
        {
          name: 'authorisationFile',
          type: 'file',
          label: { vi: 'Văn bản ủy quyền', en: 'Letter of authorisation' },
          hint: {
            vi: 'Phải được chứng thực, trừ khi người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền.',
            en: 'Must be certified, unless you are the grandparent, parent, child, spouse or sibling of the person authorising you.',
          },
          required: true,
          maxFiles: 3,
          documentCode: 'authorisation-letter',
          visibleWhen: { field: 'requesterRelationship', operator: 'equals', value: 'authorised' },
        },
      ],
    },
    {
      id: 'copies',
      title: { vi: 'Bản sao Giấy khai sinh', en: 'Certified copies' },
      fields: [
        {
          name: 'requestCopies',
          type: 'radio',
          label: {
            vi: 'Đề nghị cấp bản sao Giấy khai sinh?',
            en: 'Do you want certified copies of the birth certificate?',
          },
          required: true,
          options: YES_NO_OPTIONS,
        },
        {
          name: 'copiesCount',
          type: 'number',
          label: { vi: 'Số bản sao', en: 'Number of copies' },
          required: true,
          min: 1,
          max: 10,
          visibleWhen: { field: 'requestCopies', operator: 'equals', value: 'yes' },
        },
      ],
    },
  ],
} satisfies FormDefinition;
