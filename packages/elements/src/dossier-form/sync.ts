/**
 * The form's server half, as the chunk `import()` fetches when a form is given a client (a form
 * without one never loads it): the `SyncController` and, with it, its words (sync.messages.ts).
 */
export { SyncController } from './sync-controller.js';
