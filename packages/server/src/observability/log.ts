/** A structured log line's fields; `msg` says what happened. */
export type LogFields = Record<string, unknown> & { readonly msg: string };

/** Writes one JSON object per line, with time and level. */
export interface Logger {
  info(fields: LogFields): void;
  warn(fields: LogFields): void;
  error(fields: LogFields): void;
}

/**
 * Masks personal data in free text before it is logged: runs of 9 to 12 digits (citizen
 * identity numbers of 9 and 12 digits, Vietnamese phone numbers of 10, also written with a +84
 * prefix or spaced) keep their last 3 digits only; e-mail addresses keep their domain.
 */
export function maskPersonalData(text: string): string {
  return text
    .replace(/(?<![\w-])\+?\d(?:[ .-]?\d){8,13}(?![\w-])/g, (digits) => {
      const plain = digits.replace(/\D/g, '');
      if (plain.length < 9) return digits;
      return `${'*'.repeat(plain.length - 3)}${plain.slice(-3)}`;
    })
    .replace(/[\w.+-]+@([\w-]+\.[\w.-]+)/g, '***@$1');
}

/** An address shortened for a log: IPv4 to its /24, IPv6 to its /48. */
export function maskAddress(address: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) return address.replace(/\.\d+$/, '.0/24');
  if (address.includes(':')) return `${address.split(':').slice(0, 3).join(':')}::/48`;
  return address;
}

/** Fields the pipeline fills with values of known shape (ids, route templates): never masked. */
const SAFE = new Set(['requestId', 'method', 'route', 'client', 'role']);

/**
 * A JSON-lines logger on `write` (stdout by default). Every free-text string value is masked;
 * the pipeline's own fields of known shape are not (a UUID is not a phone number).
 */
export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const emit = (level: string, fields: LogFields) => {
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    for (const [key, value] of Object.entries(fields)) {
      entry[key] = typeof value === 'string' && !SAFE.has(key) ? maskPersonalData(value) : value;
    }
    write(JSON.stringify(entry));
  };
  return {
    info: (fields) => emit('info', fields),
    warn: (fields) => emit('warn', fields),
    error: (fields) => emit('error', fields),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** An error as log fields: its name and masked message, the stack only outside production. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  return { error: error.name, detail: error.message, stack: error.stack };
}
