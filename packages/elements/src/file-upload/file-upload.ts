import type { LocalizedText } from '@egov-kit/schema';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { bothLanguages, localeOf, type Translatable, translate } from '../base/localization.js';
import { FormControl, type FormValue, type ValidityProblem } from '../internal/form-control.js';
import { formatSize } from '../internal/format-size.js';
import { listFormValue } from '../internal/list-value.js';
import {
  acceptedKinds,
  contentMatches,
  type FileKind,
  kindOf,
  pdfPageCount,
} from './file-checks.js';
import { uploadMessages } from './file-upload.messages.js';
import { fileUploadStyles } from './file-upload.styles.js';

/**
 * Sends one file and resolves to the id the server gave it. `onProgress` takes the fraction sent,
 * 0 to 1; `signal` aborts when the person cancels. The typed client will provide one; any
 * function of this shape works meanwhile.
 */
export type Uploader = (
  file: File,
  options: { readonly onProgress: (fraction: number) => void; readonly signal: AbortSignal },
) => Promise<{ readonly id: string }>;

/** Why a file was not accepted. */
export type FileRejectionReason =
  | 'type'
  | 'content'
  | 'size'
  | 'empty'
  | 'count'
  | 'duplicate'
  | 'unreadable';

/** Where a file of the list is. */
export type UploadStatus = 'ready' | 'uploading' | 'uploaded' | 'failed' | 'rejected';

/** A file of the list, as the person sees it. */
export interface UploadEntry {
  readonly key: number;
  /** The file chosen; absent for one uploaded earlier and given back by id. */
  readonly file?: File;
  readonly name: string;
  readonly size?: number;
  readonly status: UploadStatus;
  /** Fraction sent, 0 to 1, while uploading. */
  readonly progress: number;
  /** The server's id, once uploaded. */
  readonly id?: string;
  readonly reason?: FileRejectionReason;
  /** Why it was rejected or did not upload. */
  readonly message?: Translatable;
  /** An object URL of the image, for the thumbnail. */
  readonly thumbnail?: string;
  readonly pages?: number;
}

export interface FileRejectedDetail {
  readonly file: File;
  readonly reason: FileRejectionReason;
  readonly message: LocalizedText;
}

export interface UploadCompleteDetail {
  readonly file: File;
  readonly id: string;
}

export interface UploadErrorDetail {
  readonly file: File;
  readonly error: unknown;
}

/** The `value` attribute: ids of files uploaded earlier, separated by commas. */
const idsConverter = {
  fromAttribute: (value: string | null): string[] =>
    value
      ? value
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean)
      : [],
  toAttribute: (value: readonly (File | string)[]): string =>
    value.filter((item) => typeof item === 'string').join(','),
};

let nextKey = 1;

const sameItems = (a: readonly (File | string)[], b: readonly (File | string)[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** The events of `egov-file-upload`, by name: their `detail`. */
export interface FileUploadEvents {
  'egov-file-rejected': FileRejectedDetail;
  'egov-upload-complete': UploadCompleteDetail;
  'egov-upload-error': UploadErrorDetail;
}

/**
 * @summary Files for a dossier — scans, photos, PDFs — chosen with a real button or dropped,
 * checked by content as well as by name, size and count, and, given an `uploader`, sent one by
 * one with a progress bar, cancel and retry.
 *
 * No file disappears without a word: each one refused stays in the list with the reason (a
 * `.pdf` that is not a PDF, too large, one too many, already chosen) until the person removes
 * it, and every addition, removal and refusal is announced to screen readers. Images show a
 * thumbnail and PDFs their page count where it can be read cheaply.
 *
 * The value is the list of the uploaded files' ids when an `uploader` is set, or of the `File`
 * objects otherwise; the form gets one entry per file under the field's name. The `value`
 * attribute takes the ids of files uploaded earlier (comma-separated), e.g. to resume a dossier.
 * While a file is uploading, or after one failed, the field is invalid: a submit then says so.
 *
 * @csspart base - The wrapper around everything.
 * @csspart label - The label text.
 * @csspart hint - The hint text.
 * @csspart error - The error message.
 * @csspart dropzone - The area with the button, where files can be dropped.
 * @csspart button - The "Choose files" button.
 * @csspart types - The sentence saying which files are accepted.
 * @csspart list - The list of files.
 * @csspart file - Each file of the list.
 * @csspart thumbnail - An image's thumbnail.
 * @csspart progress - The progress bar of an upload.
 *
 * @cssprop --egov-color-accent - Button and progress colour.
 * @cssprop --egov-color-on-accent - Text on the accent colour.
 * @cssprop --egov-color-notice - Drop zone background while dragging.
 * @cssprop --egov-color-border - Drop zone border.
 * @cssprop --egov-color-rule - Lines between files.
 * @cssprop --egov-color-error - Error message, refused files.
 * @cssprop --egov-color-focus - Focus outline colour.
 * @cssprop --egov-color-hint - Hint and file details colour.
 * @cssprop --egov-field-gap - Space below the field.
 *
 * @event change - When the files change: added, removed, or an upload finished.
 * @event egov-file-rejected - A file was refused; `detail`: `{ file, reason, message }`.
 * @event egov-upload-complete - A file was uploaded; `detail`: `{ file, id }`.
 * @event egov-upload-error - An upload failed or was cancelled; `detail`: `{ file, error }`.
 */
export class EgovFileUpload extends FormControl<readonly (File | string)[], FileUploadEvents> {
  static override styles = fileUploadStyles;

  @property({ attribute: 'value', converter: idsConverter })
  override defaultValue!: readonly (File | string)[];

  /** The kinds accepted, as the native `accept`: extensions and MIME types. */
  @property() accept = '.pdf,.jpg,.jpeg,.png';

  /** Whether several files may be chosen. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** The most files, with `multiple`; no limit when unset. */
  @property({ type: Number, attribute: 'max-files' }) maxFiles?: number;

  /** The largest file accepted, in bytes; no limit when unset. */
  @property({ type: Number, attribute: 'max-size' }) maxSize?: number;

  /** Sends each file; without it the form gets the `File` objects themselves. */
  @property({ attribute: false }) uploader?: Uploader;

  /** The files of the list, refused ones included. */
  @state() entries: readonly UploadEntry[] = [];

  @state() private dragging = false;
  @state() private announcement = '';

  @query('#button') private button?: HTMLButtonElement | null;
  @query('input[type="file"]') private picker?: HTMLInputElement | null;

  private controllers = new Map<number, AbortController>();
  /** The value last derived from the entries, to tell it from a value set from outside. */
  private derived: readonly (File | string)[] = [];

  protected override emptyValue(): readonly (File | string)[] {
    return [];
  }

  protected override formValue(): FormValue {
    return listFormValue(this.name, this.value);
  }

  protected get focusTarget() {
    return this.button;
  }

  /** The files chosen and accepted (not those given back by id only). */
  get files(): File[] {
    return this.entries.flatMap((entry) =>
      entry.file && entry.status !== 'rejected' ? [entry.file] : [],
    );
  }

  protected override requiredMessage(): Translatable {
    return this.label ? uploadMessages.uploadNamed(this.label) : super.requiredMessage();
  }

  protected override validate(): ValidityProblem | null {
    if (this.entries.some((entry) => entry.status === 'uploading')) {
      return { flags: { customError: true }, message: uploadMessages.pending(this.label) };
    }
    const failed = this.entries.find((entry) => entry.status === 'failed');
    if (failed) {
      return { flags: { customError: true }, message: uploadMessages.failedNamed(failed.name) };
    }
    return null;
  }

  protected override restoreValue(state: string | File | FormData) {
    if (state instanceof FormData) this.value = state.getAll(this.name);
  }

  override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    // A value set from outside (attribute, restore, a draft) rebuilds the list — unless it holds
    // the same items: a form re-rendering with the value it last heard of, while an upload
    // began meanwhile, must not wipe the list.
    if (changed.has('value') && this.value !== this.derived) {
      if (sameItems(this.value, this.derived)) this.derived = this.value;
      else this.rebuild(this.value);
    }
  }

  protected override resetValue() {
    super.resetValue();
    // A reset empties the list even of failed and refused files, which are not in the value.
    this.rebuild(this.value);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const controller of this.controllers.values()) controller.abort();
    for (const entry of this.entries) if (entry.thumbnail) URL.revokeObjectURL(entry.thumbnail);
  }

  private rebuild(value: readonly (File | string)[]) {
    for (const controller of this.controllers.values()) controller.abort();
    this.controllers.clear();
    for (const entry of this.entries) if (entry.thumbnail) URL.revokeObjectURL(entry.thumbnail);
    const kinds = acceptedKinds(this.accept);
    this.entries = value.map((item) =>
      typeof item === 'string'
        ? { key: nextKey++, name: item, status: 'uploaded', progress: 1, id: item }
        : {
            key: nextKey++,
            file: item,
            name: item.name,
            size: item.size,
            status: 'ready',
            progress: 0,
            thumbnail: kindOf(item, kinds)?.image ? URL.createObjectURL(item) : undefined,
          },
    );
    this.derived = value;
  }

  /** Sets `value` from the entries: ids when uploading, files otherwise. */
  private sync() {
    this.derived = this.entries.flatMap((entry): (File | string)[] => {
      if (entry.status === 'uploaded' && entry.id !== undefined) return [entry.id];
      if (entry.status === 'ready' && entry.file && !this.uploader) return [entry.file];
      return [];
    });
    this.value = this.derived;
    this.dirty = true;
    this.error = '';
  }

  private patchEntry(key: number, change: Partial<UploadEntry>) {
    this.entries = this.entries.map((entry) =>
      entry.key === key ? { ...entry, ...change } : entry,
    );
  }

  /** Checks the files, adds them to the list — refused ones with their reason — and uploads. */
  async addFiles(files: Iterable<File>): Promise<void> {
    const kinds = acceptedKinds(this.accept);
    const limit = this.multiple ? (this.maxFiles ?? Number.POSITIVE_INFINITY) : 1;
    const locale = localeOf(this);
    const added: UploadEntry[] = [];
    let accepted = this.entries.filter((entry) => entry.status !== 'rejected');
    for (const file of files) {
      const kind = kindOf(file, kinds);
      const reason = await this.check(file, kind, kinds, accepted, limit);
      const entry: UploadEntry = reason
        ? {
            key: nextKey++,
            file,
            name: file.name,
            size: file.size,
            status: 'rejected',
            progress: 0,
            reason: reason.reason,
            message: reason.message,
          }
        : {
            key: nextKey++,
            file,
            name: file.name,
            size: file.size,
            status: 'ready',
            progress: 0,
            thumbnail: kind?.image ? URL.createObjectURL(file) : undefined,
            pages:
              kind?.name === 'PDF' ? await pdfPageCount(file).catch(() => undefined) : undefined,
          };
      added.push(entry);
      if (!reason) accepted = [...accepted, entry];
      else {
        this.emit('egov-file-rejected', {
          file,
          reason: reason.reason,
          message: bothLanguages(reason.message),
        });
      }
    }
    if (!added.length) return;
    // A new choice replaces the refusals of the last one: they were read, and are in the way.
    this.entries = [...this.entries.filter((entry) => entry.status !== 'rejected'), ...added];
    const refused = added.filter((entry) => entry.status === 'rejected');
    const accepts = added.length - refused.length;
    this.announce(
      [
        accepts ? translate(uploadMessages.added(accepts), locale) : '',
        ...refused.map(
          (entry) =>
            `${translate(uploadMessages.notAccepted(entry.name), locale)} ${(entry.message ? translate(entry.message, locale) : undefined) ?? ''}`,
        ),
      ].join(' '),
    );
    this.sync();
    this.handleUserChange();
    if (this.uploader) {
      for (const entry of added) if (entry.status === 'ready') void this.upload(entry.key);
    }
  }

  private async check(
    file: File,
    kind: FileKind | undefined,
    kinds: readonly FileKind[],
    accepted: readonly UploadEntry[],
    limit: number,
  ): Promise<{ reason: FileRejectionReason; message: Translatable } | null> {
    const locale = localeOf(this);
    if (!kind)
      return { reason: 'type', message: uploadMessages.type(this.typeList(kinds, locale)) };
    if (file.size === 0) return { reason: 'empty', message: uploadMessages.empty };
    if (this.maxSize !== undefined && file.size > this.maxSize) {
      return { reason: 'size', message: uploadMessages.size(formatSize(this.maxSize, locale)) };
    }
    try {
      if (!(await contentMatches(file, kind))) {
        return { reason: 'content', message: uploadMessages.content(kind.name) };
      }
    } catch {
      return { reason: 'unreadable', message: uploadMessages.unreadable };
    }
    const same = (other?: File) =>
      other?.name === file.name &&
      other.size === file.size &&
      other.lastModified === file.lastModified;
    if (accepted.some((entry) => same(entry.file))) {
      return { reason: 'duplicate', message: uploadMessages.duplicate };
    }
    if (accepted.length >= limit) return { reason: 'count', message: uploadMessages.count(limit) };
    return null;
  }

  private async upload(key: number) {
    const uploader = this.uploader;
    const entry = this.entries.find((candidate) => candidate.key === key);
    const file = entry?.file;
    if (!uploader || !file) return;
    const controller = new AbortController();
    this.controllers.set(key, controller);
    this.patchEntry(key, { status: 'uploading', progress: 0, message: undefined });
    this.sync();
    const locale = localeOf(this);
    try {
      const { id } = await uploader(file, {
        signal: controller.signal,
        onProgress: (fraction) => {
          if (!controller.signal.aborted)
            this.patchEntry(key, { progress: Math.min(Math.max(fraction, 0), 1) });
        },
      });
      if (controller.signal.aborted) throw controller.signal.reason;
      this.patchEntry(key, { status: 'uploaded', progress: 1, id });
      this.announce(`${translate(uploadMessages.uploaded, locale)}: ${file.name}.`);
      this.emit('egov-upload-complete', { file, id });
    } catch (error) {
      if (!this.entries.some((candidate) => candidate.key === key)) return; // removed meanwhile
      const message = controller.signal.aborted ? uploadMessages.cancelled : uploadMessages.failed;
      this.patchEntry(key, { status: 'failed', message });
      this.announce(`${file.name}: ${translate(message, locale)}`);
      this.emit('egov-upload-error', { file, error });
    } finally {
      this.controllers.delete(key);
    }
    this.sync();
    this.handleUserChange();
  }

  private cancel(key: number) {
    this.controllers.get(key)?.abort();
  }

  /** Removes a file, says so, and puts the focus where the person can go on. */
  private async removeEntry(key: number) {
    const index = this.entries.findIndex((entry) => entry.key === key);
    const entry = this.entries[index];
    if (!entry) return;
    this.controllers.get(key)?.abort();
    if (entry.thumbnail) URL.revokeObjectURL(entry.thumbnail);
    this.entries = this.entries.filter((candidate) => candidate.key !== key);
    this.announce(translate(uploadMessages.removed(entry.name), localeOf(this)));
    this.sync();
    this.handleUserChange();
    await this.updateComplete;
    const next = this.entries[Math.min(index, this.entries.length - 1)];
    const target = next
      ? this.renderRoot.querySelector<HTMLButtonElement>(`[data-key="${next.key}"] .remove`)
      : this.button;
    target?.focus();
  }

  private announce(text: string) {
    // The same words twice in a row would not be read again: make the change visible to AT.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  private typeList(kinds: readonly FileKind[], locale: string): string {
    const names = [...new Set(kinds.map((kind) => kind.name))];
    const last = names.pop() ?? '';
    return names.length
      ? `${names.join(', ')} ${translate(uploadMessages.or, locale)} ${last}`
      : last;
  }

  override render() {
    const error = this.visibleError;
    const locale = localeOf(this);
    const disabled = this.isDisabled || this.readonly;
    const kinds = acceptedKinds(this.accept);
    return html`
      <div
        part="base"
        class="field ${error ? 'has-error' : ''} ${this.dragging ? 'dragging' : ''}"
        @dragover=${this.onDragOver}
        @dragleave=${this.onDragLeave}
        @drop=${this.onDrop}
      >
        <span part="label" id="label" class="label">${this.renderLabelText()}</span>
        ${this.renderHint()} ${this.renderError(error)}
        <div part="dropzone" class="dropzone">
          <button
            part="button"
            id="button"
            type="button"
            class="primary"
            ?disabled=${disabled}
            aria-labelledby="label button"
            aria-describedby=${ifDefined(this.describedBy(error, 'types'))}
            aria-invalid=${error ? 'true' : 'false'}
            @click=${this.openPicker}
          >
            ${translate(this.multiple ? uploadMessages.choose : uploadMessages.chooseOne, locale)}
          </button>
          <span>${translate(uploadMessages.drop, locale)}</span>
        </div>
        <div part="types" id="types" class="types">
          ${translate(
            uploadMessages.accepted(
              this.typeList(kinds, locale),
              this.maxSize ? formatSize(this.maxSize, locale) : '',
            ),
            locale,
          )}
        </div>
        <input
          type="file"
          hidden
          tabindex="-1"
          accept=${this.accept}
          ?multiple=${this.multiple}
          @change=${this.onPicked}
        />
        ${
          this.entries.length
            ? html`<ul part="list" aria-labelledby="label">
                ${this.entries.map((entry) => this.renderEntry(entry, locale, disabled))}
              </ul>`
            : nothing
        }
        <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  private renderEntry(entry: UploadEntry, locale: string, disabled: boolean) {
    const status = translate(
      {
        ready: uploadMessages.ready,
        uploading: uploadMessages.uploading,
        uploaded: uploadMessages.uploaded,
        failed: uploadMessages.failed,
        rejected: uploadMessages.rejected,
      }[entry.status],
      locale,
    );
    const problem = entry.status === 'rejected' || entry.status === 'failed';
    const meta = [
      entry.size !== undefined ? formatSize(entry.size, locale) : '',
      entry.pages ? translate(uploadMessages.pages(entry.pages), locale) : '',
      entry.status === 'uploading'
        ? `${status} ${Math.round(entry.progress * 100)}%`
        : problem
          ? ''
          : status,
    ].filter(Boolean);
    const named = (action: Translatable) =>
      html`${translate(action, locale)}<span class="visually-hidden"> ${entry.name}</span>`;
    return html`<li part="file" class="file ${problem ? 'problem' : ''}" data-key=${entry.key}>
      ${
        entry.thumbnail
          ? html`<img part="thumbnail" class="thumb" src=${entry.thumbnail} alt="" />`
          : nothing
      }
      <div class="info">
        <span class="name">${entry.name}</span>
        ${meta.length ? html`<span class="meta">${meta.join(' · ')}</span>` : nothing}
        ${
          entry.status === 'uploading'
            ? html`<progress
                part="progress"
                max="1"
                .value=${entry.progress}
                aria-label="${translate(uploadMessages.uploading, locale)} ${entry.name}"
              ></progress>`
            : nothing
        }
        ${
          problem
            ? html`<span class="reason"><strong>${status}:</strong> ${(entry.message ? translate(entry.message, locale) : undefined) ?? ''}</span>`
            : nothing
        }
      </div>
      <div class="actions">
        ${
          entry.status === 'uploading'
            ? html`<button type="button" @click=${() => this.cancel(entry.key)}>
                ${named(uploadMessages.cancel)}
              </button>`
            : nothing
        }
        ${
          entry.status === 'failed' && this.uploader && !disabled
            ? html`<button type="button" @click=${() => this.upload(entry.key)}>
                ${named(uploadMessages.retry)}
              </button>`
            : nothing
        }
        ${
          entry.status !== 'uploading'
            ? html`<button
                type="button"
                class="remove"
                ?disabled=${disabled}
                @click=${() => this.removeEntry(entry.key)}
              >
                ${named(uploadMessages.remove)}
              </button>`
            : nothing
        }
      </div>
    </li>`;
  }

  private openPicker() {
    this.picker?.click();
  }

  private onPicked(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Cleared, so that choosing the same file again (after removing it) fires `change` again.
    input.value = '';
    void this.addFiles(files);
  }

  private onDragOver(event: DragEvent) {
    if (this.isDisabled || this.readonly || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  private onDragLeave(event: DragEvent) {
    if (!this.renderRoot.contains(event.relatedTarget as Node | null)) this.dragging = false;
  }

  private onDrop(event: DragEvent) {
    if (this.isDisabled || this.readonly) return;
    event.preventDefault();
    this.dragging = false;
    void this.addFiles(Array.from(event.dataTransfer?.files ?? []));
  }
}
