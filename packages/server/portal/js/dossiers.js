/**
 * Dossier facts the citizen's and the officer's lists share: the status in words, and the due
 * date with the working days left (or overdue) — said in text, never by colour alone. The
 * status labels and the working-day calendar are the schema package's own modules, served by
 * the reference server under `/schema/` (plain ES modules with no dependencies).
 */
import { workingDaysBetween } from '/schema/calendar/working-days.js';
import { STATUS_LABELS } from '/schema/status/statuses.js';
import { h } from './dom.js';
import { formatDate, t } from './i18n.js';

export { STATUS_LABELS };

/** The status of a dossier in words. */
export function statusText(status) {
  return t(STATUS_LABELS[status] ?? { vi: status, en: status });
}

const PAUSED = new Set(['awaiting_supplement', 'awaiting_payment', 'stopped']);
const FINISHED = new Set(['resolved', 'returned', 'rejected', 'withdrawn']);

/**
 * `{ date, text, overdue }` for a dossier's due date: `date` formatted, `text` such as
 * "còn 3 ngày làm việc" / "quá hạn 2 ngày làm việc" / "tạm dừng tính thời gian", `overdue` true
 * when late. Empty `date` when no due date is set yet (before the agency receives it).
 */
export function dueFacts(dossier, now = new Date()) {
  if (!dossier.dueAt) return { date: '', text: '', overdue: false };
  const due = new Date(dossier.dueAt);
  const date = formatDate(due);
  if (FINISHED.has(dossier.status) || dossier.completedAt) {
    return {
      date,
      text: t(
        dossier.overdue ? { vi: 'xong, trễ hạn', en: 'done, late' } : { vi: 'xong', en: 'done' },
      ),
      overdue: false,
    };
  }
  if (PAUSED.has(dossier.status)) {
    return {
      date,
      text: t({ vi: 'tạm dừng tính thời gian', en: 'clock stopped' }),
      overdue: dossier.overdue,
    };
  }
  if (dossier.overdue || now > due) {
    const days = workingDaysBetween(due, now);
    return {
      date,
      overdue: true,
      text: t(
        days > 0
          ? {
              vi: `quá hạn ${days} ngày làm việc`,
              en: `${days} working day${days === 1 ? '' : 's'} overdue`,
            }
          : { vi: 'quá hạn hôm nay', en: 'overdue today' },
      ),
    };
  }
  const days = workingDaysBetween(now, due);
  return {
    date,
    overdue: false,
    text: t(
      days > 0
        ? {
            vi: `còn ${days} ngày làm việc`,
            en: `${days} working day${days === 1 ? '' : 's'} left`,
          }
        : { vi: 'hạn là hôm nay', en: 'due today' },
    ),
  };
}

/**
 * What a list's "due" cell shows from `dueFacts()`: an "Overdue" flag in words when late, the
 * date, and the working days left or past; `notSet` when the agency has not set a date yet.
 */
export function dueCell(due, notSet) {
  if (!due.date) return t(notSet);
  return [
    due.overdue ? h('span', { class: 'overdue-flag' }, t({ vi: 'Quá hạn', en: 'Overdue' })) : null,
    due.overdue ? ' ' : null,
    due.date,
    h('br'),
    h('span', { class: 'muted' }, due.text),
  ];
}

/** The procedures' names by code, fetched once each. */
export function procedureNames(client) {
  const cache = new Map();
  return (code) => {
    if (!cache.has(code)) {
      cache.set(
        code,
        client.procedures.get(code).then(
          (procedure) => procedure,
          () => null,
        ),
      );
    }
    return cache.get(code);
  };
}
