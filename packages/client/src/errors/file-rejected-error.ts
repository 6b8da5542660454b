import type { Locale, LocalizedText, RequiredDocument } from '@egov-kit/schema';
import { brand, isKind } from '../internal/brand.js';
import { formatBytes } from '../internal/messages.js';

/** Why a file was refused before it was sent (the words of `<egov-file-upload>`). */
export type FileRejectionReason = 'size' | 'empty' | 'content';

/**
 * A file refused before it was sent, because it does not fit the required document given as
 * `requirement` to `attachments.upload`: larger than `maxSizeBytes`, empty, or — judged by its
 * first bytes, as the server will — not one of `acceptedTypes`. Nothing was uploaded.
 */
export class FileRejectedError extends Error {
  override readonly name: string = 'FileRejectedError';
  readonly reason: FileRejectionReason;
  /** The message in Vietnamese and English; `message` is the one in the client's locale. */
  readonly localizedMessage: LocalizedText;
  readonly fileName: string;
  readonly size: number;
  /** The type its content shows, if one is known. */
  readonly detectedType: string | undefined;
  readonly requirement: RequiredDocument;

  constructor(init: {
    reason: FileRejectionReason;
    fileName: string;
    size: number;
    detectedType?: string | undefined;
    requirement: RequiredDocument;
    locale: Locale;
  }) {
    const text = textOf(init);
    super(text[init.locale]);
    brand(this, 'FileRejectedError');
    this.reason = init.reason;
    this.localizedMessage = text;
    this.fileName = init.fileName;
    this.size = init.size;
    this.detectedType = init.detectedType;
    this.requirement = init.requirement;
  }
}

function textOf(init: {
  reason: FileRejectionReason;
  fileName: string;
  size: number;
  requirement: RequiredDocument;
}): LocalizedText {
  const name = init.fileName;
  switch (init.reason) {
    case 'size': {
      const [size, max] = [formatBytes(init.size), formatBytes(init.requirement.maxSizeBytes)];
      return {
        vi: `Tệp "${name}" nặng ${size}, vượt giới hạn ${max}.`,
        en: `"${name}" is ${size}, over the ${max} limit.`,
      };
    }
    case 'empty':
      return { vi: `Tệp "${name}" trống.`, en: `"${name}" is empty.` };
    case 'content': {
      const types = init.requirement.acceptedTypes.join(', ') || '—';
      return {
        vi: `Tệp "${name}" không phải định dạng được chấp nhận (${types}).`,
        en: `"${name}" is not an accepted format (${types}).`,
      };
    }
  }
}

/** Whether `error` is a {@link FileRejectedError}, from any realm. */
export function isFileRejectedError(error: unknown): error is FileRejectedError {
  return isKind(error, 'FileRejectedError');
}
