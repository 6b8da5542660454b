// The storage interface and its stores live in ../storage/; this module keeps the old import
// path working for the HTTP layer.
export { DiskFileStore, type FileStore, MemoryFileStore } from '../storage/index.js';
