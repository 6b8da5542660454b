import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How often the status is asked: first after `initialMs`, then × `factor` up to `maxMs`. */
export interface PollingOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  readonly factor: number;
}

export const DEFAULT_POLLING: PollingOptions = { initialMs: 2000, maxMs: 15_000, factor: 1.5 };

/**
 * Asks for a payment's status until told to stop, backing off while nothing changes, and not
 * at all while the page is hidden (a background tab costs the server nothing); when the page is
 * shown again it asks at once and starts the back-off over.
 */
export class PaymentStatusController implements ReactiveController {
  /** True while the page is hidden and polling waits. */
  paused = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private delay: number;
  private check: (() => Promise<boolean>) | undefined;
  private running = false;

  private options: PollingOptions = DEFAULT_POLLING;

  constructor(private readonly host: ReactiveControllerHost) {
    this.delay = this.options.initialMs;
    host.addController(this);
  }

  /**
   * Polls with `check`, which answers whether to go on (false once the payment is settled).
   * Replaces any earlier polling.
   */
  start(check: () => Promise<boolean>, options: PollingOptions = DEFAULT_POLLING): void {
    this.stop();
    this.options = options;
    this.check = check;
    this.running = true;
    this.delay = this.options.initialMs;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.check = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.setPaused(false);
  }

  /** Asks now (a "check now" button, the tab shown again) and restarts the back-off. */
  async now(): Promise<void> {
    if (!this.running || !this.check) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.delay = this.options.initialMs;
    await this.tick();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (!this.running) return;
    if (document.visibilityState === 'hidden') {
      this.setPaused(true);
      return;
    }
    this.timer = setTimeout(() => void this.tick(), this.delay);
    this.delay = Math.min(this.options.maxMs, this.delay * this.options.factor);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    const check = this.check;
    if (!check) return;
    let goOn = true;
    try {
      goOn = await check();
    } catch {
      // A failed poll is retried on the next turn, with the back-off.
    }
    if (check !== this.check) return; // restarted or stopped meanwhile
    if (goOn) this.schedule();
    else this.stop();
  }

  private onVisibility = (): void => {
    if (!this.running) return;
    if (document.visibilityState === 'hidden') {
      if (this.timer) clearTimeout(this.timer);
      this.timer = undefined;
      this.setPaused(true);
    } else {
      this.setPaused(false);
      void this.now();
    }
  };

  private setPaused(paused: boolean): void {
    if (this.paused === paused) return;
    this.paused = paused;
    this.host.requestUpdate();
  }
}
