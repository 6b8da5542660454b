import type { ActionRule, DossierStatus } from '@egov-kit/schema';
import { ACTIONS, availableActions } from '@egov-kit/schema/rules';
import { html, nothing } from 'lit';
import { type Message, translate } from '../base/localization.js';
import { formatDate, type TrackedDossier, type TrackedEvent } from '../internal/tracking.js';
import { NOTICE_LABELS } from '../internal/tracking.messages.js';
import { EVENT_LABELS, words } from './details.messages.js';

/**
 * What the tracker shows below the fold — the history's words, the notices, what can happen
 * next (read from the status machine's table), the load errors and the status explanations —
 * loaded with `import()` after the first render, beside the working-day calendar: the status,
 * the code and the due date show at once; these follow a moment later. The tracker's
 * `updateComplete` waits for them.
 */
export { loadErrorMessage } from '../internal/tracking.js';
export {
  REASON_WORDS,
  STATUS_EXPLAINED,
  STATUS_EXPLAINED_OFFICER,
} from '../internal/tracking.messages.js';
export { words };

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
