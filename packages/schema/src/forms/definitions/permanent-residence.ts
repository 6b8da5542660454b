import type { FormDefinition } from '../../entities/form-definition.js';
import { SEX_OPTIONS, YES_NO_OPTIONS } from './options.js';

/**
 * Đăng ký thường trú — registering a permanent residence with the commune police.
 *
 * The fields follow form CT01 "Tờ khai thay đổi thông tin cư trú" (Circular 66/2023/TT-BCA):
 * the person, the household head and relationship, the request and the members moving along.
 * The three bases for registering and their documents follow the Law on Residence 2020, Art. 20
 * and 21: one's own home; a relative's home (spouse, parent, child and the other cases of
 * Art. 20(2)); a rented, borrowed or lent home. Vietnamese citizens living abroad file form CT02
 * instead and are not covered here.
 *
 * Procedure code 1.004222 ("Đăng ký thường trú") was checked against several public sources
 * that quote the national procedure record.
 */
export const permanentResidenceForm = {
  id: 'permanent-residence',
  version: 1,
  title: { vi: 'Tờ khai đăng ký thường trú', en: 'Permanent residence registration' },
  procedureCodes: ['1.004222'],
  sections: [
    {
      id: 'applicant',
      title: { vi: 'Người đăng ký thường trú', en: 'Person registering' },
      fields: [
        {
          name: 'fullName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
          hint: {
            vi: 'Đủ dấu, đúng như trong Giấy khai sinh.',
            en: 'With all diacritics, as on the birth certificate.',
          },
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
          name: 'sex',
          type: 'radio',
          label: { vi: 'Giới tính', en: 'Sex' },
          required: true,
          options: SEX_OPTIONS,
        },
        {
          name: 'personalId',
          type: 'citizen-id',
          label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
          hint: {
            vi: '12 chữ số in trên thẻ Căn cước hoặc Căn cước công dân; trẻ em xem trên Giấy khai sinh.',
            en: 'The 12 digits on the citizen identity card; for a child, on the birth certificate.',
          },
          required: true,
        },
        {
          name: 'phone',
          type: 'phone',
          label: { vi: 'Số điện thoại liên hệ', en: 'Contact phone number' },
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
          name: 'isMinor',
          type: 'checkbox',
          label: { vi: 'Người đăng ký chưa đủ 18 tuổi', en: 'The person registering is under 18' },
          hint: {
            vi: 'Khi đó cần ý kiến đồng ý của cha, mẹ hoặc người giám hộ.',
            en: 'A parent or guardian must then agree to the registration.',
          },
        },
      ],
    },
    {
      id: 'residence',
      title: { vi: 'Nơi đăng ký thường trú', en: 'New permanent address' },
      fields: [
        {
          name: 'newAddress',
          type: 'address',
          label: { vi: 'Địa chỉ đăng ký thường trú', en: 'Address to register' },
          hint: {
            vi: 'Chỗ ở hợp pháp nơi bạn sinh sống ổn định, lâu dài.',
            en: 'The lawful home where you will live on a settled, long-term basis.',
          },
          required: true,
        },
        {
          name: 'residenceBasis',
          type: 'radio',
          label: { vi: 'Chỗ ở này là', en: 'This home is' },
          required: true,
          options: [
            {
              value: 'own',
              label: { vi: 'Nhà thuộc quyền sở hữu của tôi', en: 'My own home' },
            },
            {
              value: 'relative',
              label: {
                vi: 'Nhà của người thân mà tôi về ở cùng',
                en: "A relative's home I am moving into",
              },
            },
            {
              value: 'rented',
              label: { vi: 'Nhà thuê, mượn hoặc ở nhờ', en: 'Rented, borrowed or lent to me' },
            },
          ],
        },
        {
          name: 'relativeRelationship',
          type: 'select',
          label: { vi: 'Trường hợp về ở với người thân', en: 'Which relative you are joining' },
          hint: {
            vi: 'Các trường hợp được đăng ký vào chỗ ở của người thân không cần điều kiện diện tích (Luật Cư trú, Điều 20, khoản 2).',
            en: 'The cases in which you may register at a relative’s home without a floor-area condition (Law on Residence, Art. 20(2)).',
          },
          required: true,
          options: [
            {
              value: 'spouse',
              label: {
                vi: 'Vợ về ở với chồng, chồng về ở với vợ',
                en: 'Joining my husband or wife',
              },
            },
            {
              value: 'child-to-parent',
              label: { vi: 'Con về ở với cha, mẹ', en: 'Joining my parent' },
            },
            {
              value: 'parent-to-child',
              label: { vi: 'Cha, mẹ về ở với con', en: 'Joining my child' },
            },
            {
              value: 'elderly',
              label: {
                vi: 'Người cao tuổi về ở với anh, chị, em ruột hoặc cháu ruột',
                en: 'An older person joining a brother, sister, niece or nephew',
              },
            },
            {
              value: 'dependent',
              label: {
                vi: 'Người khuyết tật nặng, không có khả năng lao động hoặc mất khả năng nhận thức về ở với người thân',
                en: 'A person with a severe disability, unable to work or without mental capacity, joining a relative',
              },
            },
            {
              value: 'minor',
              label: {
                vi: 'Người chưa thành niên về ở với ông, bà, anh, chị, em ruột, bác, chú, cậu, cô, dì ruột hoặc người giám hộ',
                en: 'A minor joining a grandparent, sibling, aunt, uncle or guardian',
              },
            },
          ],
          visibleWhen: { field: 'residenceBasis', operator: 'equals', value: 'relative' },
        },
      ],
    },
    {
      id: 'household',
      title: { vi: 'Hộ gia đình', en: 'Household' },
      fields: [
        {
          name: 'householdChoice',
          type: 'radio',
          label: { vi: 'Đăng ký vào hộ nào?', en: 'Which household are you registering in?' },
          hint: {
            vi: 'Chọn nhập vào hộ đã có khi tại địa chỉ này đã có người đăng ký thường trú và bạn về ở cùng họ.',
            en: 'Choose the existing household when people are already registered at this address and you are moving in with them.',
          },
          required: true,
          options: [
            {
              value: 'join',
              label: {
                vi: 'Nhập vào hộ gia đình đã có tại địa chỉ này',
                en: 'Join the household already registered here',
              },
            },
            {
              value: 'new',
              label: {
                vi: 'Lập hộ mới, tôi là chủ hộ',
                en: 'Start a new household with me as its head',
              },
            },
          ],
        },
        {
          name: 'householdHeadName',
          type: 'text',
          label: { vi: 'Họ, chữ đệm và tên chủ hộ', en: "Household head's full name" },
          required: true,
          maxLength: 100,
          autocomplete: 'off',
          visibleWhen: { field: 'householdChoice', operator: 'equals', value: 'join' },
        },
        {
          name: 'householdHeadId',
          type: 'citizen-id',
          label: {
            vi: 'Số định danh cá nhân của chủ hộ',
            en: "Household head's personal identification number",
          },
          required: true,
          visibleWhen: { field: 'householdChoice', operator: 'equals', value: 'join' },
        },
        {
          name: 'relationshipToHead',
          type: 'text',
          label: { vi: 'Mối quan hệ với chủ hộ', en: 'Your relationship to the household head' },
          hint: {
            vi: 'Ví dụ: vợ, con, cháu ruột, người ở nhờ.',
            en: 'For example: wife, son, nephew, lodger.',
          },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'householdChoice', operator: 'equals', value: 'join' },
        },
        {
          name: 'hasAccompanyingMembers',
          type: 'radio',
          label: {
            vi: 'Có thành viên trong hộ gia đình cùng thay đổi nơi thường trú không?',
            en: 'Is anyone in your household moving with you?',
          },
          required: true,
          options: YES_NO_OPTIONS,
        },
        {
          name: 'accompanyingMembers',
          type: 'textarea',
          label: {
            vi: 'Những thành viên trong hộ gia đình cùng thay đổi',
            en: 'Household members moving with you',
          },
          hint: {
            vi: 'Mỗi người một dòng: họ tên, ngày sinh, giới tính, số định danh cá nhân, mối quan hệ với chủ hộ.',
            en: 'One person per line: full name, date of birth, sex, personal ID number, relationship to the household head.',
          },
          required: true,
          maxLength: 2000,
          visibleWhen: { field: 'hasAccompanyingMembers', operator: 'equals', value: 'yes' },
        },
        {
          name: 'requestContent',
          type: 'textarea',
          label: { vi: 'Nội dung đề nghị', en: 'What you are asking for' },
          hint: {
            vi: 'Ghi thêm nếu cần, ví dụ: Đăng ký thường trú cho tôi và con vào hộ ông Nguyễn Văn A.',
            en: 'Add details if needed, e.g. "Register me and my son in Mr Nguyen Van A\'s household".',
          },
          maxLength: 1000,
        },
      ],
    },
    {
      id: 'documents',
      title: { vi: 'Giấy tờ kèm theo', en: 'Supporting documents' },
      description: {
        vi: 'Giấy tờ mà cơ quan đăng ký cư trú đã tra cứu được trong cơ sở dữ liệu thì không phải nộp.',
        en: 'You need not upload documents the residence office can already find in a connected database.',
      },
      fields: [
        {
          name: 'ownershipProof',
          type: 'file',
          label: {
            vi: 'Giấy tờ chứng minh việc sở hữu chỗ ở hợp pháp',
            en: 'Proof that you own the home',
          },
          hint: {
            vi: 'Ví dụ: Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở. Không cần nếu thông tin đã có trong cơ sở dữ liệu chuyên ngành kết nối với cơ quan đăng ký cư trú.',
            en: 'E.g. the land use right and house ownership certificate. Not needed if it is already in a database the residence office is connected to.',
          },
          maxFiles: 5,
          documentCode: 'residence-ownership-proof',
          visibleWhen: { field: 'residenceBasis', operator: 'equals', value: 'own' },
        },
        {
          name: 'kinshipProof',
          type: 'file',
          label: {
            vi: 'Giấy tờ chứng minh quan hệ nhân thân với chủ hộ, thành viên hộ gia đình',
            en: 'Proof of your family relationship with the household head or a member',
          },
          hint: {
            vi: 'Không cần nếu quan hệ đã có trong Cơ sở dữ liệu quốc gia về dân cư, hoặc khi vợ về với chồng, chồng về với vợ, cha, mẹ về với con, con về với cha, mẹ.',
            en: 'Not needed if the relationship is in the national population database, or when joining a spouse, parent or child.',
          },
          maxFiles: 5,
          documentCode: 'residence-kinship-proof',
          visibleWhen: { field: 'residenceBasis', operator: 'equals', value: 'relative' },
        },
        {
          name: 'dependencyProof',
          type: 'file',
          label: {
            vi: 'Giấy tờ chứng minh thuộc trường hợp khuyết tật, không có khả năng lao động hoặc người chưa thành niên được đồng ý',
            en: 'Proof of disability, inability to work, or the consent given for a minor',
          },
          hint: {
            vi: 'Không cần nếu thông tin đã có trong Cơ sở dữ liệu quốc gia về dân cư hoặc cơ sở dữ liệu chuyên ngành.',
            en: 'Not needed if the information is in the national population database or another connected database.',
          },
          maxFiles: 5,
          documentCode: 'residence-dependency-proof',
          visibleWhen: {
            all: [
              { field: 'residenceBasis', operator: 'equals', value: 'relative' },
              { field: 'relativeRelationship', operator: 'in', value: ['dependent', 'minor'] },
            ],
          },
        },
        {
          name: 'rentalContract',
          type: 'file',
          label: {
            vi: 'Hợp đồng hoặc văn bản cho thuê, cho mượn, cho ở nhờ chỗ ở hợp pháp',
            en: 'Lease, loan or lodging agreement for the home',
          },
          hint: {
            vi: 'Đã được công chứng hoặc chứng thực.',
            en: 'Notarised or certified.',
          },
          required: true,
          maxFiles: 5,
          documentCode: 'residence-rental-contract',
          visibleWhen: { field: 'residenceBasis', operator: 'equals', value: 'rented' },
        },
        {
          name: 'floorAreaProof',
          type: 'file',
          label: {
            vi: 'Giấy tờ chứng minh đủ diện tích nhà ở để đăng ký thường trú',
            en: 'Proof the home has enough floor area',
          },
          hint: {
            vi: 'Diện tích tối thiểu do Hội đồng nhân dân tỉnh quy định, không thấp hơn 8 m² sàn mỗi người. Không cần nếu Giấy chứng nhận đã thể hiện diện tích và có trong cơ sở dữ liệu.',
            en: 'The minimum is set by the province, at least 8 m² of floor per person. Not needed if the certificate showing the area is already in a connected database.',
          },
          maxFiles: 5,
          documentCode: 'residence-floor-area-proof',
          visibleWhen: { field: 'residenceBasis', operator: 'equals', value: 'rented' },
        },
        {
          name: 'ownerConsent',
          type: 'file',
          label: {
            vi: 'Văn bản đồng ý cho đăng ký thường trú của chủ hộ, chủ sở hữu chỗ ở',
            en: "The household head's or owner's written consent",
          },
          hint: {
            vi: 'Không cần nếu chủ hộ, chủ sở hữu hoặc người được ủy quyền đã ghi ý kiến đồng ý vào tờ khai hoặc xác nhận đồng ý trực tuyến.',
            en: 'Not needed if the household head, owner or their representative has written their consent on the form or confirmed it online.',
          },
          maxFiles: 3,
          documentCode: 'residence-owner-consent',
          visibleWhen: {
            any: [
              { field: 'residenceBasis', operator: 'in', value: ['relative', 'rented'] },
              { field: 'householdChoice', operator: 'equals', value: 'join' },
            ],
          },
        },
        {
          name: 'guardianConsent',
          type: 'file',
          label: {
            vi: 'Văn bản đồng ý của cha, mẹ hoặc người giám hộ',
            en: "A parent's or guardian's written consent",
          },
          hint: {
            vi: 'Không cần nếu cha, mẹ hoặc người giám hộ đã ghi ý kiến đồng ý vào tờ khai.',
            en: 'Not needed if a parent or guardian has written their consent on the form.',
          },
          maxFiles: 3,
          documentCode: 'residence-guardian-consent',
          visibleWhen: { field: 'isMinor', operator: 'equals', value: true },
        },
      ],
    },
  ],
} satisfies FormDefinition;
