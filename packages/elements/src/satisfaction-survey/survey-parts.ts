import type { SatisfactionResponse } from '@egov-kit/schema';
import { css, html, nothing, type TemplateResult } from 'lit';
import { intlLocale } from '../base/localization.js';
import { buttonStyles } from '../internal/button.styles.js';
import type { EgovSatisfactionSurvey, SurveyView } from './satisfaction-survey.js';
import { surveyFormMessages as m } from './survey-parts.messages.js';

/**
 * The survey's form and the citizen's answers, in a module of their own: `<egov-satisfaction-
 * survey>` fetches it on connection, beside its status request, so that the element's first
 * load stays small (its loading, not-yet, closed, error and offline states need none of this).
 */

const COMMENT_MAX = 2000;

const formStyles = css`
  .success {
    border-left-color: var(--_egov-color-success);
  }

  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1.125rem;
  }

  fieldset {
    margin: 0 0 1rem;
    padding: 0.75rem;
    border: 1px solid var(--_egov-color-rule);
    border-radius: var(--_egov-radius);
  }

  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }

  .scale {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 0.5rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_egov-color-border);
    border-radius: var(--_egov-radius);
    background: var(--_egov-color-surface);
    cursor: pointer;
  }

  .choice:has(input:checked) {
    border-width: 2px;
    border-color: var(--_egov-color-accent);
    background: var(--_egov-color-notice);
    font-weight: 600;
  }

  .choice input {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_egov-color-accent);
  }

  .choice input:focus-visible,
  textarea:focus-visible {
    outline: var(--_egov-focus-width) solid var(--_egov-color-focus);
    outline-offset: var(--_egov-focus-offset);
  }

  .score {
    font-variant-numeric: tabular-nums;
    color: var(--_egov-color-hint);
  }

  .comment {
    display: block;
    font-weight: 600;
  }

  textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.5rem;
    font: inherit;
    color: var(--_egov-color-text);
    background: var(--_egov-color-surface);
    border: 2px solid var(--_egov-color-border);
    border-radius: var(--_egov-radius);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    margin-top: 1rem;
  }

  .problem-text {
    margin: 0 0 0.75rem;
    font-weight: 600;
    color: var(--_egov-color-error);
  }

  .summary {
    margin: 0 0 1rem;
  }

  .summary div {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    gap: 0.5rem;
    padding: 0.375rem 0;
    border-bottom: 1px solid var(--_egov-color-rule);
  }

  .summary dd {
    margin: 0;
    font-weight: 600;
  }

  .comment-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  @media (max-width: 30rem) {
    .summary div {
      grid-template-columns: 1fr;
      gap: 0;
    }
  }
`;

const styled = new WeakSet<ShadowRoot>();

/** Adds the form's styles to the element's shadow root, once. */
function adoptStyles(host: EgovSatisfactionSurvey): void {
  const root = host.shadowRoot;
  if (!root || styled.has(root)) return;
  styled.add(root);
  for (const styles of [buttonStyles, formStyles]) {
    const sheet = styles.styleSheet;
    if (sheet) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = styles.cssText;
      root.append(style);
    }
  }
}

/** The body of the survey in a view that shows the form or the answers. */
export function renderSurvey(host: EgovSatisfactionSurvey, view: SurveyView): TemplateResult {
  adoptStyles(host);
  switch (view) {
    case 'open':
    case 'editing':
      return form(host, view === 'editing');
    case 'closed':
      return html`<p part="message" class="message" tabindex="-1">
          ${host.words(m.closedAnswered)}
        </p>
        ${summary(host)}`;
    default:
      return answered(host, view === 'submitted');
  }
}

function deadline(host: EgovSatisfactionSurvey) {
  const closesAt = host.status?.closesAt;
  if (!closesAt) return nothing;
  const date = new Intl.DateTimeFormat(intlLocale(host.locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(new Date(closesAt));
  return html`<p class="muted">${host.words(m.deadline(date))}</p>`;
}

/** The form's submit: at least one criterion rated, else a message and focus on the first. */
function onSubmit(host: EgovSatisfactionSurvey, event: Event): void {
  event.preventDefault();
  if (host.chosen.size === 0) {
    host.problem = 'need_one';
    void host.updateComplete.then(() =>
      host.renderRoot.querySelector<HTMLInputElement>('input[type="radio"]')?.focus(),
    );
    return;
  }
  host.problem = null;
  void send(host);
}

/**
 * Sends the chosen scores and comment through the element's client (or, without one, takes them
 * as stored: a static page that handles `egov-survey-submit` itself), then thanks the citizen
 * and moves focus to the thanks. Offline, the answers wait and go when the network returns.
 */
export async function send(host: EgovSatisfactionSurvey): Promise<void> {
  const survey = host.survey;
  if (!survey) return;
  const answers = survey.criteria
    .filter((c) => host.chosen.has(c.code))
    .map((c) => ({ criterion: c.code, score: host.chosen.get(c.code) as number }));
  const comment = host.comment.trim();
  const body = { surveyId: survey.id, answers, ...(comment ? { comment } : {}) };
  const editing = host.shown === 'editing';
  host.pendingSend = true;
  host.sending = true;
  try {
    let response: SatisfactionResponse;
    if (host.client) {
      response = await host.client.surveys.answer(host.dossierId, body);
    } else {
      const at = new Date().toISOString();
      response = {
        dossierId: host.dossierId,
        ...body,
        submittedAt: host.status?.response?.submittedAt ?? at,
        updatedAt: at,
        ...(host.status?.closesAt ? { editableUntil: host.status.closesAt } : {}),
      };
    }
    host.pendingSend = false;
    host.status = {
      state: 'answered',
      closesAt: response.editableUntil ?? host.status?.closesAt ?? null,
      response,
    };
    host.show('submitted');
    host.dispatchEvent(
      new CustomEvent('egov-survey-submit', {
        bubbles: true,
        composed: true,
        detail: { response },
      }),
    );
    await host.updateComplete;
    host.renderRoot.querySelector<HTMLElement>('[part="message"]')?.focus();
  } catch (error) {
    if ((error as { code?: string })?.code === 'survey_closed') {
      host.pendingSend = false;
      await host.load();
    } else {
      host.failed(error, () => void send(host));
      if (editing && (host.shown as SurveyView) === 'error') host.pendingSend = false;
    }
  } finally {
    host.sending = false;
  }
}

function form(host: EgovSatisfactionSurvey, editing: boolean) {
  const survey = host.survey;
  if (!survey) return html``;
  return html`<p class="muted">${host.words(m.intro)}</p>
    ${deadline(host)}
    <form part="form" novalidate @submit=${(e: Event) => onSubmit(host, e)}>
      ${
        host.problem
          ? html`<p class="problem-text" role="alert" id="problem">${host.words(m.needOne)}</p>`
          : nothing
      }
      ${survey.criteria.map(
        (criterion, index) => html`<fieldset part="criterion"
          aria-describedby=${host.problem && index === 0 ? 'problem' : nothing}>
          <legend>${host.words(criterion.label)}</legend>
          <div class="scale">
            ${survey.scale.map((label, i) => {
              const score = i + 1;
              return html`<label class="choice">
                <input
                  type="radio"
                  name=${criterion.code}
                  .value=${String(score)}
                  .checked=${host.chosen.get(criterion.code) === score}
                  @change=${() => {
                    host.chosen = new Map(host.chosen).set(criterion.code, score);
                    host.problem = null;
                  }}
                />
                <span class="score" aria-hidden="true">${score}</span>
                <span>${host.words(label)}</span>
              </label>`;
            })}
          </div>
        </fieldset>`,
      )}
      <label class="comment" for="comment">${host.words(m.comment)}</label>
      <p class="muted" id="comment-hint">${host.words(m.commentHint)}</p>
      <textarea
        id="comment"
        rows="4"
        maxlength=${COMMENT_MAX}
        aria-describedby="comment-hint"
        .value=${host.comment}
        @input=${(e: Event) => {
          host.comment = (e.target as HTMLTextAreaElement).value;
        }}
      ></textarea>
      <div class="actions">
        <button part="submit" class="primary" type="submit" ?disabled=${host.sending}>
          ${host.words(host.sending ? m.sending : editing ? m.update : m.submit)}
        </button>
        ${
          editing
            ? html`<button type="button" @click=${() => host.show('answered')}>
                ${host.words(m.cancel)}
              </button>`
            : nothing
        }
      </div>
    </form>`;
}

function answered(host: EgovSatisfactionSurvey, justSent: boolean) {
  const closesAt = host.status?.closesAt;
  const editable = !!closesAt && Date.parse(closesAt) > Date.now();
  return html`${
    justSent
      ? html`<p part="message" class="message success" role="status" tabindex="-1">
          ${host.words(m.submitted)}
        </p>`
      : nothing
  }
    ${summary(host)} ${editable ? deadline(host) : nothing}
    ${
      editable
        ? html`<button type="button" @click=${() => host.show('editing')}>
            ${host.words(m.edit)}
          </button>`
        : nothing
    }`;
}

function summary(host: EgovSatisfactionSurvey) {
  const response = host.status?.response;
  const survey = host.survey;
  if (!response || !survey) return nothing;
  const scores = new Map(response.answers.map((a) => [a.criterion, a.score]));
  return html`<h3>${host.words(m.yourAnswers)}</h3>
    <dl class="summary">
      ${survey.criteria.map((criterion) => {
        const score = scores.get(criterion.code);
        const label = score ? survey.scale[score - 1] : undefined;
        return html`<div>
          <dt>${host.words(criterion.label)}</dt>
          <dd>${label ? `${score} – ${host.words(label)}` : host.words(m.notRated)}</dd>
        </div>`;
      })}
    </dl>
    ${response.comment ? html`<p class="comment-text">${response.comment}</p>` : nothing}`;
}
