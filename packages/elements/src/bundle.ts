/**
 * The single-file build for `<script type="module" src=".../egov-elements.js">`: every element
 * registered, every dependency inlined, so a site without a build step needs nothing else.
 */
import './define.js';

export * from './index.js';
