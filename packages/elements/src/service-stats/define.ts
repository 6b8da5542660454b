import { EgovServiceStats, type StatsChangeDetail } from './service-stats.js';

export {
  EgovServiceStats,
  type StatsChangeDetail,
  type StatsClient,
  type StatsView,
} from './service-stats.js';

EgovServiceStats.define('egov-service-stats');

declare global {
  interface HTMLElementTagNameMap {
    'egov-service-stats': EgovServiceStats;
  }
  interface GlobalEventHandlersEventMap {
    'egov-stats-change': CustomEvent<StatsChangeDetail>;
  }
}
