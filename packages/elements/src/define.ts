/**
 * Registers every egov element. Import once, from the page or the app's entry:
 * `import '@egov-kit/elements/define';`
 *
 * All but `<egov-digital-signature>`, which needs the optional peer `@egov-kit/signing`: register
 * it with `import '@egov-kit/elements/digital-signature';` (docs/elements/signatures.md).
 */
import './address-field/define.js';
import './checkbox/define.js';
import './checkbox-group/define.js';
import './citizen-id-field/define.js';
import './date-field/define.js';
import './dossier-form/define.js';
import './dossier-lookup/define.js';
import './dossier-tracker/define.js';
import './error-summary/define.js';
import './file-upload/define.js';
import './payment/define.js';
import './phone-field/define.js';
import './procedure-detail/define.js';
import './procedure-search/define.js';
import './radio-group/define.js';
import './receipt/define.js';
import './satisfaction-survey/define.js';
import './select/define.js';
import './service-stats/define.js';
import './signature-pad/define.js';
import './signature-report/define.js';
import './text-field/define.js';
import './textarea/define.js';
