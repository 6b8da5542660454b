import { STATUS_LABELS } from '@egov-kit/schema/rules';
import { defineMessages } from '../base/localization.js';

/** The statuses' names (ids `status.<status>`), with the schema's words as the defaults. */
export const STATUS_NAMES = /* @__PURE__ */ defineMessages('status', STATUS_LABELS);
