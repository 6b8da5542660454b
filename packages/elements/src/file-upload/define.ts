import { EgovFileUpload } from './file-upload.js';

export {
  EgovFileUpload,
  type FileRejectedDetail,
  type FileRejectionReason,
  type UploadCompleteDetail,
  type UploadEntry,
  type UploadErrorDetail,
  type Uploader,
  type UploadStatus,
} from './file-upload.js';

EgovFileUpload.define('egov-file-upload');

declare global {
  interface HTMLElementTagNameMap {
    'egov-file-upload': EgovFileUpload;
  }
  interface GlobalEventHandlersEventMap {
    'egov-file-rejected': CustomEvent<import('./file-upload.js').FileRejectedDetail>;
    'egov-upload-complete': CustomEvent<import('./file-upload.js').UploadCompleteDetail>;
    'egov-upload-error': CustomEvent<import('./file-upload.js').UploadErrorDetail>;
  }
}
