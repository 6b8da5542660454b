import type { FormDefinition } from '../../entities/form-definition.js';
import { birthRegistrationForm } from './birth-registration.js';
import { businessHouseholdRegistrationForm } from './business-household-registration.js';
import { constructionPermitHouseForm } from './construction-permit-house.js';
import { genericApplicationForm } from './generic-application.js';
import { militaryServiceFirstRegistrationForm } from './military-service-first-registration.js';
import { permanentResidenceForm } from './permanent-residence.js';

export { exampleAnswers } from '../example-answers.js';
export { birthRegistrationForm } from './birth-registration.js';
export { businessHouseholdRegistrationForm } from './business-household-registration.js';
export { constructionPermitHouseForm } from './construction-permit-house.js';
export { genericApplicationForm } from './generic-application.js';
export { militaryServiceFirstRegistrationForm } from './military-service-first-registration.js';
export { permanentResidenceForm } from './permanent-residence.js';

/** Every authored form, the generic one last. */
export const formDefinitions: readonly FormDefinition[] = [
  birthRegistrationForm,
  permanentResidenceForm,
  militaryServiceFirstRegistrationForm,
  businessHouseholdRegistrationForm,
  constructionPermitHouseForm,
  genericApplicationForm,
];

// Built once; a test checks that no procedure code is claimed by two forms.
const formsByProcedure = new Map<string, FormDefinition>(
  formDefinitions.flatMap((form) =>
    (form.procedureCodes ?? []).map((code) => [code, form] as const),
  ),
);

/**
 * The form to fill in for a procedure (by its national code, e.g. `1.013133`): the one authored
 * for it, or the generic application form when none is.
 */
export function formForProcedure(procedureCode: string): FormDefinition {
  return formsByProcedure.get(procedureCode.trim()) ?? genericApplicationForm;
}
