import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';

/** How a server stops. */
export interface ShutdownOptions {
  /**
   * How long to keep serving after `/ready` turned 503, so that a load balancer polling it
   * stops sending new requests first (its check interval); 0 by default.
   */
  readonly drainSeconds?: number | undefined;
  /** How long to wait for requests in progress before cutting them; 30 s by default. */
  readonly timeoutSeconds?: number | undefined;
}

/** The graceful stop of one HTTP server. */
export interface Shutdown {
  /** True once the stop began: `/ready` answers 503 and answers close their connection. */
  readonly draining: boolean;
  /**
   * Drains, then stops: marks the server not ready, waits `drainSeconds` still serving, stops
   * accepting connections, lets every request in progress finish (answers carry
   * `Connection: close`), closes idle keep-alive connections, and resolves when none is left —
   * or cuts what remains after `timeoutSeconds`. Calling it again answers the same promise.
   */
  shutdown(options?: ShutdownOptions): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tracks the requests of `server` so that it can stop without failing one (SIGTERM in a
 * rolling deployment). Not `server.close()` alone: since Node 19 that also closes every
 * connection without a request in progress — including one just accepted whose request is
 * still on its way, which its client then sees fail.
 */
export function gracefulShutdown(server: Server): Shutdown {
  let draining = false;
  let stopping: Promise<void> | undefined;
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
    if (draining) response.shouldKeepAlive = false;
  });

  async function stop(options: ShutdownOptions): Promise<void> {
    draining = true;
    for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    await sleep((options.drainSeconds ?? 0) * 1000);
    const closed = new Promise<void>((resolve) => {
      // Stop listening, without the idle-connection sweep of http.Server#close.
      NetServer.prototype.close.call(server, () => resolve());
    });
    const deadline = Date.now() + (options.timeoutSeconds ?? 30) * 1000;
    const stoppedListening = Date.now();
    let done = false;
    void closed.then(() => {
      done = true;
    });
    while (!done) {
      // A connection accepted just before the listener closed may not have sent its request
      // yet: give it a moment before treating idle connections as keep-alive leftovers.
      if (inFlight.size === 0 && Date.now() - stoppedListening > 1000)
        server.closeIdleConnections();
      if (Date.now() > deadline) {
        server.closeAllConnections();
        break;
      }
      await sleep(50);
    }
    await closed;
  }

  return {
    get draining() {
      return draining;
    },
    shutdown(options = {}) {
      stopping ??= stop(options);
      return stopping;
    },
  };
}
