/**
 * Registers every egov element. Import once, from the page or the app's entry:
 * `import '@egov-kit/elements/define';`
 */
import './text-field/define.js';
