/**
 * The build for `<script type="module" src=".../egov-elements.js">`: every element registered,
 * every dependency inlined, so a site without a build step needs nothing else — but the
 * `egov-elements-*.js` chunks beside it, for what the elements load with `import()`.
 */
import './define.js';
// The bundle inlines @egov-kit/signing (in a lazy chunk), so it carries the signing element too.
import './digital-signature/define.js';

export * from './digital-signature/define.js';
export * from './index.js';
