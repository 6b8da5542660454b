import { EgovSatisfactionSurvey, type SurveySubmitDetail } from './satisfaction-survey.js';

export {
  EgovSatisfactionSurvey,
  type SurveyClient,
  type SurveySubmitDetail,
  type SurveyView,
} from './satisfaction-survey.js';

EgovSatisfactionSurvey.define('egov-satisfaction-survey');

declare global {
  interface HTMLElementTagNameMap {
    'egov-satisfaction-survey': EgovSatisfactionSurvey;
  }
  interface GlobalEventHandlersEventMap {
    'egov-survey-submit': CustomEvent<SurveySubmitDetail>;
  }
}
