import type { Channel, OnlineLevel } from '../entities/procedure.js';

/** What {@link deriveOnlineLevel} looks at. */
export interface OnlineLevelInput {
  /** Every channel of every case. */
  readonly channels: readonly Channel[];
  /** The texts that may name the level: how it is done, the channel descriptions. */
  readonly texts: readonly string[];
  /** What the applicant receives (kết quả thực hiện). */
  readonly results: readonly string[];
}

/**
 * The online level after Decree 42/2022/NĐ-CP, Art. 11, from what the record shows — the
 * export has no level column:
 *
 * - `none` — no case can be lodged online;
 * - `full` (toàn trình) — a text says "toàn trình", or every channel of every case is online
 *   and the result is an electronic document ("Bản điện tử xác nhận …"): then submission,
 *   processing and result all happen online, which is what Art. 11 calls full. This is how
 *   the border-guard e-procedures (1.013552, 1.013566 …) read.
 * - `partial` (một phần) — an online channel exists but the applicant may still lodge or
 *   collect at a desk or by post.
 */
export function deriveOnlineLevel(input: OnlineLevelInput): OnlineLevel {
  if (!input.channels.includes('online')) return 'none';
  if (input.texts.some((text) => /toàn trình/iu.test(text))) return 'full';
  const onlineOnly = input.channels.every((channel) => channel === 'online');
  const electronicResult =
    input.results.length > 0 && input.results.every((result) => /điện tử/iu.test(result));
  return onlineOnly && electronicResult ? 'full' : 'partial';
}
