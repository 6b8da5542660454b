import type { Check } from '../check.js';
import { accountChecks } from './account.js';
import { authChecks } from './auth.js';
import { catalogueChecks } from './catalogue.js';
import { clientChecks } from './client.js';
import { dossierChecks } from './dossiers.js';
import { lookupChecks } from './lookup.js';
import { statusMachineChecks } from './status-machine.js';
import { systemChecks } from './system.js';
import { TITLES_VI } from './titles-vi.js';
import { uploadChecks } from './uploads.js';

/** Every check of the kit, in the order they run, with its Vietnamese title. */
export const CHECKS: readonly Check[] = [
  ...systemChecks,
  ...catalogueChecks,
  ...authChecks,
  ...dossierChecks,
  ...uploadChecks,
  ...statusMachineChecks,
  ...lookupChecks,
  ...accountChecks,
  ...clientChecks,
].map((check) => ({ ...check, titleVi: TITLES_VI[check.id] }));
