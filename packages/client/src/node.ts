/**
 * @egov-kit/client in Node (the package's `node` export condition): the same client, whose answer
 * schemas are compiled once they are hot (see internal/hot-validators.ts). Browsers and workers
 * get `index.ts`, without the compiler.
 *
 * @packageDocumentation
 */
import { setAnswerValidator } from './internal/answer-validator.js';
import { hot } from './internal/hot-validators.js';

setAnswerValidator(hot);

export * from './index.js';
