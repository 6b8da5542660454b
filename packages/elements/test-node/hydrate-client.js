// The browser side of the hydration check (scripts/checks/ssr-hydration.mjs), bundled with Vite:
// Lit's hydration support first, then the elements, sharing one copy of Lit.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '@egov-kit/elements/define';
import '@egov-kit/elements/digital-signature';
