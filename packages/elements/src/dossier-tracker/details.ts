import type { ActionRule, DossierStatus } from '@egov-kit/schema';
import { workingDaysBetween } from '@egov-kit/schema/calendar';
import { ACTIONS, availableActions } from '@egov-kit/schema/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { type Message, translate } from '../base/localization.js';
import { STATUS_NAMES } from '../internal/status.messages.js';
import { formatDate, type TrackedDossier, type TrackedEvent } from '../internal/tracking.js';
import {
  NOTICE_LABELS,
  REASON_WORDS,
  STATUS_EXPLAINED,
  STATUS_EXPLAINED_OFFICER,
} from '../internal/tracking.messages.js';
import { EVENT_LABELS, dueAndAction as m, words } from './details.messages.js';
import type { TrackerActionDetail, TrackerActionKind } from './dossier-tracker.js';

/**
 * What the tracker shows after its first screen — the days left (by the working-day calendar),
 * the citizen's action, the history's words, the notices, what can happen next (read from the
 * status machine's table), the load errors and the status explanations — loaded with `import()`
 * after the first render: the status, the code and the due date show at once; these follow a
 * moment later. The tracker's `updateComplete` waits for them.
 */
export { loadErrorMessage } from '../internal/load-errors.js';
export { m as dueAndAction };

/** The newest first, as many as a phone shows without a long scroll; the rest on request. */
const FIRST_EVENTS = 10;

/**
 * Where the dossier can go from here, read from the status machine itself. Withdrawing is the
 * citizen's choice at any time, not a next step: it is left out.
 */
export function nextStatuses(dossier: TrackedDossier): DossierStatus[] {
  const targets = new Set<DossierStatus>();
  for (const action of availableActions(dossier)) {
    if (action === 'withdraw') continue;
    const rule: ActionRule = ACTIONS[action];
    const to =
      typeof rule.to === 'object'
        ? dossier.receivedAt
          ? rule.to.ifReceived
          : rule.to.otherwise
        : rule.to;
    if (to !== 'same' && to !== dossier.status) targets.add(to);
  }
  return [...targets];
}

/** One event of the history: what happened, when, by whom, the notice issued, a new due date. */
export function renderEvent(event: TrackedEvent, locale: string) {
  const known = (EVENT_LABELS as Readonly<Record<string, Message | undefined>>)[event.action];
  const label = known ? translate(known, locale) : event.action;
  const actor = event.actor;
  const who = actor
    ? actor.role === 'citizen'
      ? translate(words.you, locale)
      : [actor.name ?? translate(words[actor.role], locale), actor.agencyCode]
          .filter(Boolean)
          .join(', ')
    : '';
  const notice = event.notice;
  return html`<li part="event" class="event">
    <p class="what"><strong>${label}</strong></p>
    <p class="meta">
      <time datetime=${event.at}>${formatDate(event.at, locale, true)}</time>${who ? ` · ${who}` : ''}
    </p>
    ${event.note ? html`<p class="note">${event.note}</p>` : nothing}
    ${
      notice
        ? html`<p class="notice">
          ${translate(words.notice, locale)} ${translate(NOTICE_LABELS[notice.kind], locale)}${notice.number ? ` ${translate(words.number, locale)} ${notice.number}` : ''}
        </p>`
        : nothing
    }
    ${event.dueAt ? html`<p class="notice">${translate(words.newDue, locale)} ${formatDate(event.dueAt, locale)}</p>` : nothing}
  </li>`;
}

/** What the due box says under the date, as the tracker computed it for its first screen. */
export interface DueFacts {
  readonly events: readonly TrackedEvent[];
  readonly due: Date;
  readonly now: Date;
  /** Completed or returned. */
  readonly finished: boolean;
  /** Neither finished nor in a terminal status. */
  readonly open: boolean;
  /** The processing clock is stopped (waiting for the citizen). */
  readonly paused: boolean;
  readonly late: boolean;
}

/**
 * The due box's lines under the date: the working days left or past, the right to an apology
 * when late (Decree 61/2018, Art. 19), and the apology's new date.
 */
export function renderDueState(facts: DueFacts, locale: string) {
  const { events, due, now, finished, open, paused, late } = facts;
  const apology = [...events].reverse().find((event) => event.action === 'apologise');
  const before = apology
    ? events.find((event) => event.action === 'receive' && event.dueAt)?.dueAt
    : undefined;
  let state = '';
  if (finished) state = translate(late ? m.late : m.onTime, locale);
  else if (open && paused) state = translate(m.paused, locale);
  else if (open && late) {
    const days = workingDaysBetween(due, now);
    state = translate(days > 0 ? m.overdueDays(days) : m.overdueToday, locale);
  } else if (open) {
    const days = workingDaysBetween(now, due);
    state = translate(days > 0 ? m.daysLeft(days) : m.dueToday, locale);
  }
  return html`${state ? html`<p class="days">${state}</p>` : nothing}
    ${late && open && !apology ? html`<p>${translate(m.overdueRights, locale)}</p>` : nothing}
    ${
      apology?.dueAt
        ? html`<div part="extension" class="extension">
          <p>
            <strong>${translate(m.extended, locale)}.</strong>
            ${translate(m.extendedText(formatDate(apology.dueAt, locale), before ? formatDate(before, locale) : undefined), locale)}
          </p>
          ${apology.note ? html`<p class="note">${apology.note}</p>` : nothing}
        </div>`
        : nothing
    }`;
}

/** What the action box needs from the tracker. */
export interface ActionContext {
  readonly action: TrackerActionKind;
  readonly code: string | undefined;
  readonly events: readonly TrackedEvent[];
  /** The box's heading, at the tracker's level. */
  readonly heading: TemplateResult;
  /** The page's link for the action, if it gave one (`hrefs`). */
  readonly href: string | undefined;
  /** A requested document's name, from the procedure when the tracker knows it. */
  readonly documentName: (code: string) => string | undefined;
  /** Fires `egov-tracker-action`; false when a listener cancelled it. */
  readonly fire: (detail: TrackerActionDetail) => boolean;
}

/** What the citizen must do now: the words, the requested documents by name, the button or link. */
export function renderAction(context: ActionContext, locale: string) {
  const { action, href } = context;
  const request = [...context.events]
    .reverse()
    .find((event) => event.notice?.kind === 'supplement_request');
  const documents = action === 'supplement' ? (request?.notice?.requestedDocuments ?? []) : [];
  const detail: TrackerActionDetail = { action, code: context.code, requestedDocuments: documents };
  const names = documents.flatMap((code) => context.documentName(code) ?? []);
  // "These documents:" only above a list; without names, the request's note and notice say it.
  const text =
    action === 'supplement' && !names.length ? m.supplementTextUnnamed : m[`${action}Text`];
  const label = translate(m[action], locale);
  const onClick = (event: Event) => {
    if (!context.fire(detail)) event.preventDefault();
  };
  return html`<div part="action" class="action">
    ${context.heading}
    <p>${translate(text, locale)}</p>
    ${
      // Named only when the procedure is known: a bare requirement code means nothing to a
      // person, and the agency's note says what is missing in words anyway.
      names.length
        ? html`<ul class="documents">
          ${names.map((name) => html`<li>${name}</li>`)}
        </ul>`
        : nothing
    }
    ${action === 'supplement' && request?.note ? html`<p class="note">${request.note}</p>` : nothing}
    ${
      href
        ? html`<a part="action-button" class="button" href=${href} @click=${onClick}>${label}</a>`
        : html`<button part="action-button" class="button" type="button" @click=${onClick}>
          ${label}
        </button>`
    }
  </div>`;
}

/**
 * The status in a plain sentence under its name — the citizen is "bạn", at the officer's desk
 * "công dân" — and, for a stopped or refused dossier, why: the note of the last stop or reject
 * event, or where the reason is when the history has none (issue #18).
 */
export function renderExplained(
  status: DossierStatus,
  events: readonly TrackedEvent[],
  audience: 'citizen' | 'officer',
  locale: string,
) {
  const explained = (audience === 'officer' ? STATUS_EXPLAINED_OFFICER : STATUS_EXPLAINED)[status];
  const action = status === 'stopped' ? 'stop' : status === 'rejected' ? 'reject' : undefined;
  const event = action && [...events].reverse().find((e) => e.action === action);
  return html`<p class="explained">${translate(explained, locale)}</p>
    ${
      action
        ? html`<p part="reason" class="reason">
          <strong>${translate(REASON_WORDS.reason, locale)}:</strong>
          ${event?.note ? html`<span lang="vi">${event.note}</span>` : translate(REASON_WORDS.noReason, locale)}
        </p>`
        : nothing
    }`;
}

/** What can happen next, from the status machine, each status with its plain sentence. */
export function renderNext(
  dossier: TrackedDossier,
  heading: (text: string) => TemplateResult,
  locale: string,
) {
  const targets = nextStatuses(dossier);
  return html`<div part="next" class="next">
    ${heading(translate(words.next, locale))}
    ${
      targets.length
        ? html`<p>${translate(words.nextAgency, locale)}</p>
          <ul>
            ${targets.map(
              (to) =>
                html`<li><strong>${translate(STATUS_NAMES[to], locale)}</strong> — ${translate(STATUS_EXPLAINED[to], locale)}</li>`,
            )}
          </ul>`
        : html`<p>${translate(words.nextNone, locale)}</p>`
    }
  </div>`;
}

/** What the history needs from the tracker. */
export interface TimelineContext {
  readonly events: readonly TrackedEvent[];
  /** Every event, not only the newest {@link FIRST_EVENTS}. */
  readonly showAll: boolean;
  readonly onShowAll: () => void;
  readonly heading: (text: string) => TemplateResult;
}

/** The history, newest first: the first ten, the rest behind a button. */
export function renderTimeline(context: TimelineContext, locale: string) {
  const { events } = context;
  const count = events.length;
  if (!count) return nothing;
  const shown = context.showAll ? count : Math.min(count, FIRST_EVENTS);
  const items: TrackedEvent[] = [];
  for (let index = count - 1; index >= count - shown; index--) {
    items.push(events[index] as TrackedEvent);
  }
  return html`<div class="history">
    ${context.heading(translate(words.history, locale))}
    <ol part="timeline" class="timeline" reversed start=${count}>
      ${items.map((event) => renderEvent(event, locale))}
    </ol>
    ${
      shown < count
        ? html`<button type="button" class="show-all" @click=${context.onShowAll}>${translate(words.showAll(count), locale)}</button>`
        : nothing
    }
  </div>`;
}
