import type { ProcedureLevel } from '../entities/procedure.js';
import { isNoInformation, tidy } from './source-text.js';

/** What {@link parseLevels} made of `cấp_thực_hiện`. */
export interface LevelsReading {
  /** The levels, each once, in the order ministry, province, commune. */
  readonly levels: ProcedureLevel[];
  /** Entries that are not a level of government, such as "Cơ quan khác" (other bodies). */
  readonly unread: string[];
}

const LEVELS: readonly (readonly [RegExp, ProcedureLevel])[] = [
  [/^cấp (?:bộ|trung ương)$/u, 'ministry'],
  [/^cấp tỉnh$/u, 'province'],
  [/^cấp xã$/u, 'commune'],
];

/**
 * Reads the implementing levels, "Cấp Bộ, Cấp Tỉnh, Cấp Xã" → ministry, province, commune.
 * "Cơ quan khác" (other bodies, in three records) and the abolished "Cấp Huyện" are not
 * levels of the schema; they come back in `unread` for the caller to report.
 */
export function parseLevels(text: string | undefined): LevelsReading {
  const found = new Set<ProcedureLevel>();
  const unread: string[] = [];
  if (text === undefined || isNoInformation(text)) return { levels: [], unread };
  for (const part of tidy(text).split(/[,;\n]/u)) {
    const entry = part.trim();
    if (entry === '') continue;
    const level = LEVELS.find(([pattern]) => pattern.test(entry.toLowerCase()))?.[1];
    if (level) found.add(level);
    else unread.push(entry);
  }
  const order: readonly ProcedureLevel[] = ['ministry', 'province', 'commune'];
  return { levels: order.filter((level) => found.has(level)), unread };
}
