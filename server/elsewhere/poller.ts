/**
 * Runs one background task over and over: now when woken, else every
 * `intervalMs`; never twice at once; and stop() waits for the run in progress
 * so the database can close after it. The Webmention queue and the syndication
 * schedule each run on one.
 */
export class Poller {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = true;

  constructor(
    private readonly label: string,
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  start(): void {
    this.#stopped = false;
    this.wake();
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = this.task()
      .catch((error: unknown) => console.error(`[kommentar] ${this.label}:`, error))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.wake();
        } else if (!this.#stopped) {
          this.#timer = setTimeout(() => this.wake(), this.intervalMs);
          this.#timer.unref();
        }
      });
  }

  /** Resolves once the run in progress (if any) has finished. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.idle();
  }
}
