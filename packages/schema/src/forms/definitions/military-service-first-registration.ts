import type { FormDefinition } from '../../entities/form-definition.js';
import { ETHNIC_GROUP_OPTIONS, SEX_OPTIONS, YES_NO_OPTIONS } from './options.js';

/**
 * Thủ tục đăng ký nghĩa vụ quân sự lần đầu — first registration for military service, with the
 * commune military command (Ban Chỉ huy quân sự cấp xã), procedure 1.013133 (Decision
 * 6375/QĐ-BQP).
 *
 * The procedure asks for two documents, in this order, and the file fields carry their codes:
 * `doc-1` the health self-declaration (Phiếu tự khai sức khỏe nghĩa vụ quân sự, original) and
 * `doc-2` a copy of the citizen identity card, not needed when the command can read the national
 * population database. The health section collects what the self-declaration asks, so the
 * command can prepare the form for the citizen to sign; its exact wording follows no template
 * we could consult.
 *
 * Who registers: male citizens from 17, and female citizens from 18 whose profession the army
 * needs (Law on Military Service 78/2015/QH13, Art. 12).
 */
export const militaryServiceFirstRegistrationForm = {
  id: 'military-service-first-registration',
  version: 1,
  title: {
    vi: 'Đăng ký nghĩa vụ quân sự lần đầu',
    en: 'First registration for military service',
  },
  procedureCodes: ['1.013133'],
  sections: [
    {
      id: 'citizen',
      title: { vi: 'Thông tin công dân', en: 'About you' },
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
          hint: {
            vi: 'Công dân nam đăng ký lần đầu trong năm đủ 17 tuổi.',
            en: 'Men register for the first time in the year they turn 17.',
          },
          required: true,
          maxDate: 'today',
        },
        {
          name: 'sex',
          type: 'radio',
          label: { vi: 'Giới tính', en: 'Sex' },
          hint: {
            vi: 'Công dân nữ từ đủ 18 tuổi đăng ký khi có ngành, nghề chuyên môn phù hợp yêu cầu của Quân đội.',
            en: 'Women register from 18 if their profession is one the army needs.',
          },
          required: true,
          options: SEX_OPTIONS,
        },
        {
          name: 'citizenId',
          type: 'citizen-id',
          label: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
          required: true,
        },
        {
          name: 'ethnicity',
          type: 'select',
          label: { vi: 'Dân tộc', en: 'Ethnicity' },
          required: true,
          options: ETHNIC_GROUP_OPTIONS,
        },
        {
          name: 'ethnicityOther',
          type: 'text',
          label: { vi: 'Ghi rõ dân tộc', en: 'Ethnicity, in words' },
          required: true,
          maxLength: 50,
          visibleWhen: { field: 'ethnicity', operator: 'equals', value: 'other' },
        },
        {
          name: 'religion',
          type: 'text',
          label: { vi: 'Tôn giáo', en: 'Religion' },
          hint: {
            vi: 'Ghi "Không" nếu không theo tôn giáo nào.',
            en: 'Write "None" if you have no religion.',
          },
          maxLength: 50,
        },
        {
          name: 'permanentAddress',
          type: 'address',
          label: { vi: 'Nơi thường trú', en: 'Permanent residence' },
          required: true,
        },
        {
          name: 'currentAddressSame',
          type: 'checkbox',
          label: {
            vi: 'Nơi ở hiện tại là nơi thường trú',
            en: 'I live at my permanent residence',
          },
        },
        {
          name: 'currentAddress',
          type: 'address',
          label: { vi: 'Nơi ở hiện tại', en: 'Where you live now' },
          required: true,
          visibleWhen: { field: 'currentAddressSame', operator: 'empty' },
        },
        {
          name: 'phone',
          type: 'phone',
          label: { vi: 'Số điện thoại', en: 'Phone number' },
          required: true,
          autocomplete: 'tel',
        },
        {
          name: 'email',
          type: 'email',
          label: { vi: 'Email', en: 'Email' },
          autocomplete: 'email',
        },
      ],
    },
    {
      id: 'education-work',
      title: { vi: 'Học vấn và nghề nghiệp', en: 'Education and work' },
      fields: [
        {
          name: 'educationLevel',
          type: 'select',
          label: { vi: 'Trình độ học vấn cao nhất', en: 'Highest level of education' },
          required: true,
          options: [
            {
              value: 'below-lower-secondary',
              label: {
                vi: 'Chưa tốt nghiệp trung học cơ sở',
                en: 'Did not finish lower secondary school',
              },
            },
            {
              value: 'lower-secondary',
              label: {
                vi: 'Tốt nghiệp trung học cơ sở (lớp 9)',
                en: 'Lower secondary school (grade 9)',
              },
            },
            {
              value: 'upper-secondary',
              label: {
                vi: 'Tốt nghiệp trung học phổ thông (lớp 12)',
                en: 'Upper secondary school (grade 12)',
              },
            },
            { value: 'vocational', label: { vi: 'Trung cấp', en: 'Vocational secondary diploma' } },
            { value: 'college', label: { vi: 'Cao đẳng', en: 'College diploma' } },
            { value: 'university', label: { vi: 'Đại học', en: "Bachelor's degree" } },
            { value: 'postgraduate', label: { vi: 'Sau đại học', en: 'Postgraduate degree' } },
          ],
        },
        {
          name: 'fieldOfStudy',
          type: 'text',
          label: { vi: 'Chuyên ngành đào tạo', en: 'Field of study' },
          required: true,
          maxLength: 100,
          visibleWhen: {
            field: 'educationLevel',
            operator: 'in',
            value: ['vocational', 'college', 'university', 'postgraduate'],
          },
        },
        {
          name: 'currentActivity',
          type: 'radio',
          label: { vi: 'Hiện nay bạn đang', en: 'What you do now' },
          required: true,
          options: [
            { value: 'studying', label: { vi: 'Đi học', en: 'Studying' } },
            { value: 'working', label: { vi: 'Đi làm', en: 'Working' } },
            {
              value: 'other',
              label: { vi: 'Chưa có việc làm hoặc khác', en: 'Not working, or other' },
            },
          ],
        },
        {
          name: 'schoolName',
          type: 'text',
          label: { vi: 'Tên trường đang học', en: 'School, college or university' },
          hint: {
            vi: 'Học sinh, sinh viên đang học có thể thuộc diện tạm hoãn gọi nhập ngũ; ghi đúng tên trường để được xem xét.',
            en: 'Students may qualify for a deferral of call-up; give the exact name of the institution.',
          },
          required: true,
          maxLength: 200,
          visibleWhen: { field: 'currentActivity', operator: 'equals', value: 'studying' },
        },
        {
          name: 'occupation',
          type: 'text',
          label: { vi: 'Nghề nghiệp', en: 'Occupation' },
          required: true,
          maxLength: 100,
          visibleWhen: { field: 'currentActivity', operator: 'equals', value: 'working' },
        },
        {
          name: 'workplace',
          type: 'text',
          label: { vi: 'Nơi làm việc', en: 'Employer or workplace' },
          maxLength: 200,
          visibleWhen: { field: 'currentActivity', operator: 'equals', value: 'working' },
        },
        {
          name: 'membership',
          type: 'radio',
          label: { vi: 'Đoàn viên, đảng viên', en: 'Youth Union or Party membership' },
          options: [
            { value: 'none', label: { vi: 'Không', en: 'Neither' } },
            {
              value: 'youth-union',
              label: {
                vi: 'Đoàn viên Đoàn TNCS Hồ Chí Minh',
                en: 'Ho Chi Minh Communist Youth Union member',
              },
            },
            {
              value: 'party',
              label: {
                vi: 'Đảng viên Đảng Cộng sản Việt Nam',
                en: 'Communist Party of Viet Nam member',
              },
            },
          ],
        },
      ],
    },
    {
      id: 'health',
      title: { vi: 'Tự khai sức khỏe', en: 'Health self-declaration' },
      description: {
        vi: 'Dùng để lập Phiếu tự khai sức khỏe nghĩa vụ quân sự. Khai trung thực; sức khỏe sẽ được khám lại khi sơ tuyển.',
        en: 'Used to prepare your military service health self-declaration. Answer truthfully; your health is examined again at screening.',
      },
      fields: [
        {
          name: 'heightCm',
          type: 'number',
          label: { vi: 'Chiều cao (cm)', en: 'Height (cm)' },
          min: 100,
          max: 250,
        },
        {
          name: 'weightKg',
          type: 'number',
          label: { vi: 'Cân nặng (kg)', en: 'Weight (kg)' },
          min: 30,
          max: 200,
        },
        {
          name: 'familyHistory',
          type: 'radio',
          label: {
            vi: 'Cha, mẹ, anh, chị, em ruột có ai mắc bệnh tâm thần, động kinh, lao, hen, đái tháo đường hoặc bệnh di truyền không?',
            en: 'Has a parent, brother or sister had a mental illness, epilepsy, tuberculosis, asthma, diabetes or a hereditary disease?',
          },
          required: true,
          options: YES_NO_OPTIONS,
        },
        {
          name: 'familyHistoryDetails',
          type: 'textarea',
          label: { vi: 'Ghi rõ người mắc và bệnh', en: 'Who, and which illness' },
          required: true,
          maxLength: 1000,
          visibleWhen: { field: 'familyHistory', operator: 'equals', value: 'yes' },
        },
        {
          name: 'personalHistory',
          type: 'checkbox',
          multiple: true,
          label: {
            vi: 'Bạn đã từng hoặc đang mắc bệnh, tật nào dưới đây?',
            en: 'Have you ever had any of these conditions?',
          },
          hint: {
            vi: 'Để trống nếu không mắc bệnh nào.',
            en: 'Leave blank if none applies.',
          },
          options: [
            {
              value: 'heart',
              label: {
                vi: 'Bệnh tim mạch, tăng huyết áp',
                en: 'Heart disease or high blood pressure',
              },
            },
            {
              value: 'respiratory',
              label: { vi: 'Hen phế quản, bệnh phổi', en: 'Asthma or lung disease' },
            },
            { value: 'tuberculosis', label: { vi: 'Lao', en: 'Tuberculosis' } },
            { value: 'epilepsy', label: { vi: 'Động kinh', en: 'Epilepsy' } },
            { value: 'mental', label: { vi: 'Rối loạn tâm thần', en: 'Mental disorder' } },
            { value: 'diabetes', label: { vi: 'Đái tháo đường', en: 'Diabetes' } },
            { value: 'hepatitis', label: { vi: 'Viêm gan', en: 'Hepatitis' } },
            { value: 'kidney', label: { vi: 'Bệnh thận', en: 'Kidney disease' } },
            {
              value: 'eyesight',
              label: {
                vi: 'Tật khúc xạ (cận, viễn, loạn thị)',
                en: 'Short- or long-sightedness, astigmatism',
              },
            },
            {
              value: 'musculoskeletal',
              label: {
                vi: 'Bệnh cơ, xương, khớp; chấn thương hoặc đã phẫu thuật',
                en: 'Muscle, bone or joint disease; a serious injury or surgery',
              },
            },
            { value: 'drug-use', label: { vi: 'Đã từng sử dụng ma túy', en: 'Past drug use' } },
            { value: 'other', label: { vi: 'Bệnh khác', en: 'Another condition' } },
          ],
        },
        {
          name: 'personalHistoryDetails',
          type: 'textarea',
          label: {
            vi: 'Mô tả bệnh, thời gian mắc và nơi điều trị',
            en: 'Describe the condition, when you had it and where you were treated',
          },
          required: true,
          maxLength: 1000,
          visibleWhen: { field: 'personalHistory', operator: 'filled' },
        },
        {
          name: 'underTreatment',
          type: 'radio',
          label: {
            vi: 'Hiện bạn có đang điều trị bệnh gì không?',
            en: 'Are you being treated for anything now?',
          },
          required: true,
          options: YES_NO_OPTIONS,
        },
        {
          name: 'treatmentDetails',
          type: 'textarea',
          label: { vi: 'Bệnh đang điều trị và nơi điều trị', en: 'What for, and where' },
          required: true,
          maxLength: 1000,
          visibleWhen: { field: 'underTreatment', operator: 'equals', value: 'yes' },
        },
      ],
    },
    {
      id: 'family',
      title: { vi: 'Gia đình', en: 'Family' },
      fields: [
        {
          name: 'fatherFullName',
          type: 'text',
          label: { vi: 'Họ và tên cha', en: "Father's full name" },
          hint: { vi: 'Để trống nếu không có thông tin.', en: 'Leave blank if unknown.' },
          maxLength: 100,
          autocomplete: 'off',
        },
        {
          name: 'fatherBirthYear',
          type: 'number',
          label: { vi: 'Năm sinh của cha', en: "Father's year of birth" },
          min: 1900,
          max: 2100,
          visibleWhen: { field: 'fatherFullName', operator: 'filled' },
        },
        {
          name: 'fatherOccupation',
          type: 'text',
          label: { vi: 'Nghề nghiệp của cha', en: "Father's occupation" },
          maxLength: 100,
          visibleWhen: { field: 'fatherFullName', operator: 'filled' },
        },
        {
          name: 'motherFullName',
          type: 'text',
          label: { vi: 'Họ và tên mẹ', en: "Mother's full name" },
          hint: { vi: 'Để trống nếu không có thông tin.', en: 'Leave blank if unknown.' },
          maxLength: 100,
          autocomplete: 'off',
        },
        {
          name: 'motherBirthYear',
          type: 'number',
          label: { vi: 'Năm sinh của mẹ', en: "Mother's year of birth" },
          min: 1900,
          max: 2100,
          visibleWhen: { field: 'motherFullName', operator: 'filled' },
        },
        {
          name: 'motherOccupation',
          type: 'text',
          label: { vi: 'Nghề nghiệp của mẹ', en: "Mother's occupation" },
          maxLength: 100,
          visibleWhen: { field: 'motherFullName', operator: 'filled' },
        },
        {
          name: 'maritalStatus',
          type: 'radio',
          label: { vi: 'Tình trạng hôn nhân', en: 'Marital status' },
          required: true,
          options: [
            { value: 'single', label: { vi: 'Chưa kết hôn', en: 'Not married' } },
            { value: 'married', label: { vi: 'Đã kết hôn', en: 'Married' } },
          ],
        },
        {
          name: 'spouseFullName',
          type: 'text',
          label: { vi: 'Họ và tên vợ hoặc chồng', en: "Spouse's full name" },
          required: true,
          maxLength: 100,
          autocomplete: 'off',
          visibleWhen: { field: 'maritalStatus', operator: 'equals', value: 'married' },
        },
        {
          name: 'childrenCount',
          type: 'number',
          label: { vi: 'Số con', en: 'Number of children' },
          min: 0,
          max: 20,
          visibleWhen: { field: 'maritalStatus', operator: 'equals', value: 'married' },
        },
      ],
    },
    {
      id: 'documents',
      title: { vi: 'Thành phần hồ sơ', en: 'Documents' },
      fields: [
        {
          name: 'healthDeclarationFile',
          type: 'file',
          label: {
            vi: 'Phiếu tự khai sức khỏe nghĩa vụ quân sự',
            en: 'Military service health self-declaration',
          },
          hint: {
            vi: 'Bản chính có chữ ký của bạn. Ban Chỉ huy quân sự cấp xã hướng dẫn khai; những gì bạn khai ở mục Tự khai sức khỏe được dùng để điền sẵn phiếu.',
            en: 'The signed original. The commune military command explains how to fill it in; your answers in the health section are used to pre-fill it.',
          },
          required: true,
          maxFiles: 2,
          documentCode: 'doc-1',
        },
        {
          name: 'citizenIdCopy',
          type: 'file',
          label: {
            vi: 'Bản chụp thẻ Căn cước hoặc Căn cước công dân',
            en: 'Copy of your citizen identity card',
          },
          hint: {
            vi: 'Không cần nếu cơ quan tiếp nhận khai thác được thông tin của bạn trên Cơ sở dữ liệu quốc gia về dân cư.',
            en: 'Not needed if the office can read your details from the national population database.',
          },
          maxFiles: 2,
          documentCode: 'doc-2',
        },
      ],
    },
  ],
} satisfies FormDefinition;
