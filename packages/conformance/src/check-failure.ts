import type { Exchange } from './types.js';

/**
 * A broken rule of the contract, with the request and answer that showed it. Thrown by a
 * check's assertions; the runner turns it into a failed result.
 */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
  /** The rule, as the contract states it. */
  readonly rule: string;
  readonly exchange: Exchange | undefined;

  constructor(rule: string, message: string, exchange?: Exchange) {
    super(message);
    this.rule = rule;
    this.exchange = exchange;
  }
}

/** Whether `error` is a {@link CheckFailure}, also across bundled copies. */
export function isCheckFailure(error: unknown): error is CheckFailure {
  return error instanceof Error && error.name === 'CheckFailure';
}
