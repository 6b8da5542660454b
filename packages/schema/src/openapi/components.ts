import { PaymentNotification } from '../api/requests.js';
import { LookupResult, ProcedureSummary, PublicDossier } from '../api/responses.js';
import { AdministrativeUnit } from '../entities/administrative-unit.js';
import { Agency } from '../entities/agency.js';
import {
  Address,
  Applicant,
  IndividualApplicant,
  OrganisationApplicant,
} from '../entities/applicant.js';
import { Attachment } from '../entities/attachment.js';
import { LocalizedTextSchema } from '../entities/common.js';
import { Dossier, DossierDocument, DossierOutcome } from '../entities/dossier.js';
import { DossierEvent, Notice } from '../entities/dossier-event.js';
import {
  Condition,
  FieldDefinition,
  FieldOption,
  FormDefinition,
  FormSection,
  VisibleWhen,
} from '../entities/form-definition.js';
import { Payment, PaymentMethod, VietQrTransfer } from '../entities/payment.js';
import { FieldError, Problem } from '../entities/problem.js';
import {
  ChannelOption,
  Fee,
  ImportIssue,
  LegalBasis,
  Procedure,
  ProcedureCase,
  ProcessingTime,
  RequiredDocument,
} from '../entities/procedure.js';
import {
  OnTimeRow,
  OnTimeStatistics,
  SatisfactionSummary,
  ServiceStatistics,
  ServiceStatisticsRow,
} from '../entities/statistics.js';
import {
  SatisfactionResponse,
  SurveyCriterion,
  SurveyDefinition,
  SurveyStatus,
} from '../entities/survey.js';
import { DossierStatus } from '../status/status-schema.js';

/**
 * The named schemas of the contract, which the OpenAPI document lists under
 * `components/schemas` (each carries its `id` in zod's global registry). Listed here, not
 * collected from the registry, so that an app's own zod schemas never leak into our document.
 */
export const COMPONENT_SCHEMAS = [
  LocalizedTextSchema,
  AdministrativeUnit,
  Agency,
  Address,
  IndividualApplicant,
  OrganisationApplicant,
  Applicant,
  ProcessingTime,
  Fee,
  ChannelOption,
  RequiredDocument,
  ProcedureCase,
  ImportIssue,
  LegalBasis,
  Procedure,
  ProcedureSummary,
  Condition,
  VisibleWhen,
  FieldOption,
  FieldDefinition,
  FormSection,
  FormDefinition,
  DossierStatus,
  DossierDocument,
  DossierOutcome,
  Dossier,
  PublicDossier,
  Notice,
  DossierEvent,
  Attachment,
  VietQrTransfer,
  Payment,
  PaymentMethod,
  PaymentNotification,
  SurveyCriterion,
  SurveyDefinition,
  SatisfactionResponse,
  SurveyStatus,
  OnTimeRow,
  OnTimeStatistics,
  SatisfactionSummary,
  ServiceStatisticsRow,
  ServiceStatistics,
  LookupResult,
  FieldError,
  Problem,
];
