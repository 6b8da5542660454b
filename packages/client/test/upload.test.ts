/**
 * Uploads: checks before sending, progress in each runtime (XMLHttpRequest in browsers, a
 * streamed body in Node, start and end otherwise), cancellation, and downloads.
 */
import type { Attachment, RequiredDocument } from '@egov-kit/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, FileRejectedError, isFileRejectedError } from '../src/index.js';
import { fileNameOf } from '../src/resources/attachments.js';
import {
  FAST,
  fakeFetch,
  ID,
  JPEG_BYTES,
  json,
  PDF_BYTES,
  PNG_BYTES,
  procedure,
} from './support/fake-fetch.js';

const baseUrl = 'https://api.example.vn/api/v1';
const requirement = procedure().cases[0]?.documents[0] as RequiredDocument; // PDF or JPEG, ≤ 1 KB

const attachment: Attachment = {
  id: ID,
  dossierId: ID,
  requirementCode: 'doc-1',
  fileName: 'to-khai.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 15,
  sha256: 'a'.repeat(64),
  uploadedAt: '2026-02-13T08:30:00+07:00',
};

/**
 * Enough of XMLHttpRequest to stand for a browser's: it reports upload progress in four steps,
 * then answers with what `respond` says (or fails, or never answers).
 */
class FakeXhr {
  static sent: FakeXhr[] = [];
  static respond: (xhr: FakeXhr) => 'answer' | 'network-error' | 'hang' = () => 'answer';
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onloadend: (() => void) | null = null;
  responseType = '';
  status = 0;
  statusText = '';
  response: Blob | null = null;
  method = '';
  url = '';
  readonly headers = new Headers();
  body: Blob | null = null;
  aborted = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers.set(name, value);
  }
  getAllResponseHeaders() {
    return 'content-type: application/json\r\nx-served-by: fake-xhr\r\n';
  }
  send(body: Blob | null) {
    this.body = body;
    FakeXhr.sent.push(this);
    const total = body?.size ?? 0;
    let step = 0;
    const tick = () => {
      if (this.aborted) return;
      step += 1;
      if (step <= 4) {
        this.upload.onprogress?.({
          loaded: Math.round((total * step) / 4),
          total,
          lengthComputable: true,
        } as ProgressEvent);
        this.#timer = setTimeout(tick, 1);
        return;
      }
      const outcome = FakeXhr.respond(this);
      if (outcome === 'hang') return;
      if (outcome === 'network-error') this.onerror?.();
      else {
        this.status = 201;
        this.statusText = 'Created';
        this.response = new Blob([JSON.stringify(attachment)]);
        this.onload?.();
      }
      this.onloadend?.();
    };
    this.#timer = setTimeout(tick, 1);
  }
  abort() {
    this.aborted = true;
    clearTimeout(this.#timer);
    this.onloadend?.();
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeXhr.sent = [];
  FakeXhr.respond = () => 'answer';
});

describe('before sending', () => {
  const cases: [string, Blob, string][] = [
    ['too large', new Blob([PDF_BYTES, new Uint8Array(2048)]), 'size'],
    ['empty', new Blob([]), 'empty'],
    ['a PNG where PDF or JPEG is asked', new Blob([PNG_BYTES]), 'content'],
    ['text named .pdf', new File(['hello'], 'fake.pdf', { type: 'application/pdf' }), 'content'],
  ];
  it.each(cases)('refuses a file %s, and sends nothing', async (_, file, reason) => {
    const { fetch, seen } = fakeFetch(() => json(attachment, { status: 201 }));
    const client = createClient({ baseUrl, fetch, getToken: () => 't', locale: 'en' });
    const error = await client.attachments
      .upload(ID, 'doc-1', file, { requirement })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileRejectedError);
    expect(isFileRejectedError(error) && error.reason).toBe(reason);
    expect(isFileRejectedError(error) && error.requirement).toBe(requirement);
    expect(seen).toHaveLength(0);
  });

  it('accepts what the requirement accepts, judged by content', async () => {
    const { fetch, seen } = fakeFetch(() => json(attachment, { status: 201 }));
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await client.attachments.upload(ID, 'doc-1', new File([JPEG_BYTES], 'anh.png'), {
      requirement,
    });
    expect(seen).toHaveLength(1);
    const docx = {
      ...requirement,
      acceptedTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    };
    await client.attachments.upload(ID, 'doc-1', new Blob([Uint8Array.of(0x50, 0x4b, 3, 4)]), {
      requirement: docx,
    });
    expect(seen).toHaveLength(2);
  });

  it('refuses a requirement given for another code (a programming slip)', async () => {
    const { fetch } = fakeFetch(() => json(attachment, { status: 201 }));
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    await expect(
      client.attachments.upload(ID, 'doc-2', new Blob([PDF_BYTES]), { requirement }),
    ).rejects.toThrow(TypeError);
  });
});

describe('in Node (no XMLHttpRequest): progress from the streamed body', () => {
  it('reports fractions up to 1, and the server gets the whole file', async () => {
    const big = new Uint8Array(512 * 1024).fill(7);
    big.set(PDF_BYTES);
    let received: FormData | undefined;
    const { fetch } = fakeFetch(async (request) => {
      received = await request.formData();
      return json(attachment, { status: 201 });
    });
    const progress: number[] = [];
    const client = createClient({ baseUrl, fetch, getToken: () => 't' });
    const result = await client.attachments.upload(ID, 'doc-1', new File([big], 'big.pdf'), {
      onProgress: (fraction, { loaded, total }) => {
        progress.push(fraction);
        expect(loaded).toBeLessThanOrEqual(total);
      },
    });
    expect(result.id).toBe(ID);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
    const file = received?.get('file') as File;
    expect(file.name).toBe('big.pdf');
    expect(Buffer.from(await file.arrayBuffer()).equals(Buffer.from(big))).toBe(true);
    expect(received?.get('requirementCode')).toBe('doc-1');
  });
});

describe('in a browser: progress from XMLHttpRequest', () => {
  it('reports every step, sends the multipart body and the headers, reads the answer', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const progress: number[] = [];
    const client = createClient({ baseUrl, getToken: () => 'token', validate: true });
    const result = await client.attachments.upload(ID, 'doc-1', new File([PDF_BYTES], 'a.pdf'), {
      onProgress: (fraction) => progress.push(Math.round(fraction * 100) / 100),
    });
    expect(result).toEqual(attachment);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    const [xhr] = FakeXhr.sent;
    expect(xhr?.method).toBe('POST');
    expect(xhr?.url).toBe(`${baseUrl}/dossiers/${ID}/attachments`);
    expect(xhr?.headers.get('authorization')).toBe('Bearer token');
    expect(xhr?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(xhr?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const sent = await new Response(xhr?.body, {
      headers: { 'content-type': xhr?.headers.get('content-type') ?? '' },
    }).formData();
    expect(sent.get('requirementCode')).toBe('doc-1');
    expect((sent.get('file') as File).name).toBe('a.pdf');
  });

  it('retries a broken upload with the same Idempotency-Key, progress starting over', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.respond = () => (FakeXhr.sent.length === 1 ? 'network-error' : 'answer');
    const progress: number[] = [];
    const client = createClient({ baseUrl, getToken: () => 't', retry: FAST });
    await client.attachments.upload(ID, 'doc-1', new Blob([PDF_BYTES]), {
      onProgress: (fraction) => progress.push(Math.round(fraction * 100) / 100),
    });
    expect(FakeXhr.sent).toHaveLength(2);
    const [first, second] = FakeXhr.sent.map((x) => x.headers.get('idempotency-key'));
    expect(second).toBe(first);
    expect(progress).toEqual([0.25, 0.5, 0.75, 1, 0.25, 0.5, 0.75, 1]);
  });

  it('cancels: the XMLHttpRequest is aborted and the call rejects with the reason', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.respond = () => 'hang';
    const controller = new AbortController();
    const client = createClient({ baseUrl, getToken: () => 't', retry: FAST });
    const upload = client.attachments.upload(ID, 'doc-1', new Blob([PDF_BYTES]), {
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction === 1) controller.abort();
      },
    });
    const error = await upload.catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(FakeXhr.sent).toHaveLength(1);
    expect(FakeXhr.sent[0]?.aborted).toBe(true);
  });

  it('with an injected fetch, reports the start and the end only', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const { fetch, seen } = fakeFetch(() => json(attachment, { status: 201 }));
    const progress: number[] = [];
    await createClient({ baseUrl, fetch, getToken: () => 't' }).attachments.upload(
      ID,
      'doc-1',
      new Blob([PDF_BYTES]),
      { onProgress: (fraction) => progress.push(fraction) },
    );
    expect(progress).toEqual([0, 1]);
    expect(seen).toHaveLength(1);
    expect(FakeXhr.sent).toHaveLength(0);
  });
});

describe('download', () => {
  it('gives a File named by Content-Disposition, typed by Content-Type', async () => {
    const { fetch, seen } = fakeFetch(
      () =>
        new Response(PDF_BYTES, {
          headers: {
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent('Kết quả.pdf')}`,
          },
        }),
    );
    const file = await createClient({ baseUrl, fetch, getToken: () => 't' }).attachments.download(
      ID,
    );
    expect(file.name).toBe('Kết quả.pdf');
    expect(file.type).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF_BYTES);
    expect(seen[0]?.headers.get('accept')).toBe('*/*');
  });

  it('reads both forms of Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="ket-qua.pdf"')).toBe('ket-qua.pdf');
    expect(fileNameOf("attachment; filename=a.pdf; filename*=UTF-8''K%E1%BA%BFt.pdf")).toBe(
      'Kết.pdf',
    );
    expect(fileNameOf(null)).toBeUndefined();
  });
});
