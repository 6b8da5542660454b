/** Reports bytes sent so far, and the total. */
export type ProgressSink = (loaded: number, total: number) => void;

/**
 * A `fetch` on XMLHttpRequest, used for uploads in browsers: fetch cannot report upload
 * progress there (a streamed request body needs HTTP/2 in Chromium and is missing in Firefox
 * and Safari), while `xhr.upload` reports every chunk the browser sends. It is given to ky as
 * its `fetch`, so retries, timeouts, hooks and the Idempotency-Key stay as for any request.
 */
export function xhrFetch(onProgress: ProgressSink): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'GET' ? null : await request.blob();
    return new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const abort = () => {
        xhr.abort();
        reject(request.signal.reason ?? new DOMException('The upload was aborted.', 'AbortError'));
      };
      if (request.signal.aborted) return abort();
      request.signal.addEventListener('abort', abort, { once: true });
      xhr.open(request.method, request.url);
      xhr.responseType = 'blob';
      for (const [name, value] of request.headers) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) =>
        onProgress(event.loaded, event.lengthComputable ? event.total : (body?.size ?? 0));
      xhr.onload = () =>
        resolve(
          new Response(xhr.status === 204 ? null : (xhr.response as Blob), {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: parseHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      xhr.onerror = () => reject(new TypeError('Network request failed'));
      xhr.onloadend = () => request.signal.removeEventListener('abort', abort);
      xhr.send(body);
    });
  };
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
