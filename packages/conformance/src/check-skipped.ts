/**
 * A check that cannot run here (a token or an option it needs was not given, or the fixture it
 * needs could not be made): a skip, not a failure.
 */
export class CheckSkipped extends Error {
  override name = 'CheckSkipped';
}

/** Whether `error` is a {@link CheckSkipped}. */
export function isCheckSkipped(error: unknown): error is CheckSkipped {
  return error instanceof Error && error.name === 'CheckSkipped';
}
