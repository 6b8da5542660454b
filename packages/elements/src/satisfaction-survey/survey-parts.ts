import type { SatisfactionResponse } from '@egov-kit/schema';
import { html, nothing, type TemplateResult } from 'lit';
import { intlLocale } from '../base/localization.js';
import { cssAdopter } from '../internal/adopt-css.js';
import { buttonCss } from '../internal/button.css.js';
import type { EgovSatisfactionSurvey, SurveyView } from './satisfaction-survey.js';
import { surveyFormMessages as m } from './survey-parts.messages.js';
import { formCss } from './survey-parts.styles.js';

/**
 * The survey's form and the citizen's answers, in a module of their own: `<egov-satisfaction-
 * survey>` fetches it on connection, beside its status request, so that the element's first
 * load stays small (its loading, not-yet, closed, error and offline states need none of this).
 */

const COMMENT_MAX = 2000;

/** The form's styles, after the buttons', beside the element's own. */
const adoptStyles = cssAdopter(buttonCss + formCss);

/** The body of the survey in a view that shows the form or the answers. */
export function renderSurvey(host: EgovSatisfactionSurvey, view: SurveyView): TemplateResult {
  adoptStyles(host.renderRoot as ShadowRoot);
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
