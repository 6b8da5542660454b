import type { TransitionError } from '@egov-kit/schema';
import { DomainError } from './domain-error.js';

/** The 4xx for an action the status machine refuses: 409 for status, 403 for role, 400 for a missing note. */
export function refuseTransition(error: TransitionError): DomainError {
  switch (error.code) {
    case 'wrong_actor':
      return new DomainError('forbidden', error.message, { subcode: error.code });
    case 'note_required':
      return new DomainError('invalid', error.message, {
        subcode: error.code,
        errors: [{ path: 'note', code: 'required', message: error.message }],
      });
    case 'unknown_action':
      return new DomainError('invalid', error.message, { subcode: error.code });
    default:
      return new DomainError('conflict', error.message, { subcode: error.code });
  }
}
