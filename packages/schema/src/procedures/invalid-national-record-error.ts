import * as z from 'zod/mini';

const NAME = 'InvalidNationalRecordError';

/**
 * A record of the national procedure database that does not have the shape the importer needs
 * (see `NationalProcedureRecord`). Carries zod's issues; the message names the record and
 * each failing path, in Vietnamese and English.
 */
export class InvalidNationalRecordError extends Error {
  override name = NAME;
  /** What was wrong, as zod reports it; `path` is relative to the record. */
  readonly issues: readonly z.core.$ZodIssue[];
  /** The record's procedure code, when it has one. */
  readonly procedureCode: string | undefined;

  constructor(issues: readonly z.core.$ZodIssue[], procedureCode?: string) {
    const which = procedureCode ? ` ${procedureCode}` : '';
    const details = z.prettifyError({ issues: [...issues] });
    super(
      `Bản ghi thủ tục hành chính${which} không đúng cấu trúc. / ` +
        `The national procedure record${which} is malformed.\n${details}`,
    );
    this.issues = issues;
    this.procedureCode = procedureCode;
  }
}

/** True for an {@link InvalidNationalRecordError}, also one from another realm or bundle copy. */
export function isInvalidNationalRecordError(value: unknown): value is InvalidNationalRecordError {
  return (
    value instanceof InvalidNationalRecordError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === NAME &&
      Array.isArray((value as { issues?: unknown }).issues))
  );
}
