/**
 * The build for `<script type="module" src=".../egov-elements.js">`: every element registered,
 * every dependency inlined, so a site without a build step needs nothing else — but the
 * `egov-elements-*.js` chunks beside it, for what the elements load with `import()`.
 */
import './define.js';

export * from './index.js';
