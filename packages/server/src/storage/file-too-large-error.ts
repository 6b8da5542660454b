/** An upload went over its size limit while it was being received. */
export class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';
  /** The limit, in bytes. */
  readonly maxBytes: number;

  constructor(maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes.`);
    this.maxBytes = maxBytes;
  }
}

/** True for a {@link FileTooLargeError}, also from another realm or copy of this module. */
export function isFileTooLargeError(error: unknown): error is FileTooLargeError {
  return error instanceof Error && error.name === 'FileTooLargeError' && 'maxBytes' in error;
}
