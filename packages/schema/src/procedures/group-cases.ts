import type { NationalChannelRow } from './national-record.js';
import { stripListMarks, tidy } from './source-text.js';

/** The channel rows of one case, with their indexes in `hinh_thuc_nop`. */
export interface CaseGroup {
  /** `case-1`, `case-2`, … in the order the cases first appear. */
  readonly code: string;
  readonly name: string;
  readonly rows: readonly { readonly row: NationalChannelRow; readonly index: number }[];
}

/**
 * Groups the rows of `hinh_thuc_nop` (one row per channel × case) into cases.
 *
 * The export has no case column. What marks a case is that a channel repeats: a procedure
 * with two cases lists "Trực tiếp" twice, "Trực tuyến" twice, and so on, each channel's rows in
 * the same case order (1.013285: four project classes × three channels; 1.014562: the urgent
 * case has no online row). So the k-th row of each channel belongs to case k. The row
 * descriptions (`mo_ta`) confirm it in the data — they agree across channels of one case — but
 * are not used to group, because some cases have identical or empty descriptions (2.002759:
 * "10 ngày hoặc 40 ngày …" on both).
 *
 * A single case is named after the procedure. Several cases are named by the first line of
 * their description ("Cấp xã: 02 ngày", "Trường hợp đột xuất: 01 giờ, …"); an empty or
 * repeated description gets the case's time limit added, "Trường hợp 1 (07 Ngày)".
 */
export function groupCases(
  rows: readonly NationalChannelRow[],
  procedureName: string,
): CaseGroup[] {
  const seen = new Map<string, number>();
  const groups: { row: NationalChannelRow; index: number }[][] = [];
  rows.forEach((row, index) => {
    const channel = tidy(row.hinh_thuc).toLowerCase();
    const k = seen.get(channel) ?? 0;
    seen.set(channel, k + 1);
    groups[k] ??= [];
    groups[k].push({ row, index });
  });

  if (groups.length <= 1) {
    return [{ code: 'case-1', name: procedureName, rows: groups[0] ?? [] }];
  }
  const labels = groups.map((group) => caseLabel(group.map(({ row }) => row.mo_ta)));
  const names = groups.map((group, k) => {
    const label = labels[k] ?? '';
    const time = group.map(({ row }) => tidy(row.thoi_han_giai_quyet ?? '')).find(Boolean);
    const withTime = (base: string) => (time ? `${base} (${time})` : base);
    if (label === '') return withTime(`Trường hợp ${k + 1}`);
    return labels.indexOf(label) === labels.lastIndexOf(label) ? label : withTime(label);
  });
  return groups.map((group, k) => {
    const name = names[k] ?? '';
    // Two cases can still collide (same description, same time): number them apart.
    const unique =
      names.indexOf(name) === names.lastIndexOf(name) ? name : `Trường hợp ${k + 1}: ${name}`;
    return { code: `case-${k + 1}`, name: unique, rows: group };
  });
}

/** The first line of the first non-empty description, without list marks. */
function caseLabel(descriptions: readonly (string | undefined)[]): string {
  for (const description of descriptions) {
    const line = tidy(description ?? '').split('\n')[0] ?? '';
    const label = stripListMarks(line.replace(/^:\s*/, ''));
    if (label !== '') return label;
  }
  return '';
}
