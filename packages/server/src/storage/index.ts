export { DiskFileStore } from './disk-file-store.js';
export {
  type FileStore,
  HEAD_BYTES,
  isSha256,
  type ReceivedFile,
  readAll,
  type StoredFile,
} from './file-store.js';
export { FileTooLargeError, isFileTooLargeError } from './file-too-large-error.js';
export { MemoryFileStore } from './memory-file-store.js';
export { S3FileStore, type S3FileStoreOptions } from './s3-file-store.js';
