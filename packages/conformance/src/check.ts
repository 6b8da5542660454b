import type { CheckContext } from './context.js';

/** One rule of the contract, as a runnable check. */
export interface Check {
  /** Stable id, `group.name`, for `--only` and `--skip`. */
  readonly id: string;
  /** The rule, as a sentence a vendor reads in the report (English). */
  readonly title: string;
  /** The same in Vietnamese, the report's first language. */
  readonly titleVi?: string | undefined;
  /** What in the contract it tests: DESIGN.md sections, route ids, OpenAPI paths. */
  readonly cites: readonly string[];
  run(ctx: CheckContext): Promise<void>;
}
