/**
 * @egov-kit/server — the reference back end for the egov-kit contract.
 *
 * @packageDocumentation
 */
export { type AppOptions, createApp } from './app.js';
export { readConfig, type ServerConfig } from './config.js';
export { type RunningServer, startServer } from './start.js';
