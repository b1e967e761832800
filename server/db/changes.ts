/**
 * Tells caches whether comments may have changed, in this process or in any
 * other one on the same database file (several `serve` workers, a CLI import).
 *
 * Other processes are noticed through `PRAGMA data_version` on a connection of
 * our own that never writes: SQLite changes that number whenever another
 * connection commits, this process's own included. It is asked at most every
 * `intervalMs`, so a cached read costs nothing most of the time; after a write
 * of this process it is asked at once, so the writer sees its write and one
 * write changes the generation once (not once now and again at the next probe).
 * A remote database (libsql://, https://) has no shared file to watch: there
 * only this process's writes count, and caches bound staleness by their age.
 */
import { openProbeConnection, type Db } from './connection.js';

/** How long another process's write may stay unseen: well inside the 1 s the workers promise. */
export const CHANGE_CHECK_INTERVAL_MS = 200;

export class ChangeTracker {
  private local = 0;
  private version = 0;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private checking: Promise<void> | undefined;
  private probe: Db | undefined;
  private readonly watchesFile: boolean;

  /** `dbUrl` is the database's URL; the probe connection opens on first use, so commands that never read through a cache never open it. */
  constructor(
    private readonly dbUrl: string,
    private readonly intervalMs = CHANGE_CHECK_INTERVAL_MS,
  ) {
    this.watchesFile = dbUrl.startsWith('file:') && dbUrl !== 'file::memory:';
  }

  /** A comment write made by this process (committed): the next generation() differs. */
  recordLocalWrite(): void {
    this.local += 1;
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  /** A number that differs whenever comments may have changed since it was last taken. */
  async generation(now = Date.now()): Promise<number> {
    if (!this.watchesFile) return this.local;
    while (now - this.checkedAt >= this.intervalMs) {
      // One probe at a time: concurrent readers share it. A write recorded while it ran asks again.
      this.checking ??= this.check(now).finally(() => (this.checking = undefined));
      await this.checking;
    }
    return this.version;
  }

  /** The generation if it is known without asking the database (probed within the interval), else undefined. */
  peekGeneration(now = Date.now()): number | undefined {
    if (!this.watchesFile) return this.local;
    return now - this.checkedAt < this.intervalMs ? this.version : undefined;
  }

  private async check(now: number): Promise<void> {
    const writes = this.local;
    this.probe ??= openProbeConnection(this.dbUrl);
    const result = await this.probe.execute('PRAGMA data_version');
    this.version = Number(result.rows[0]?.[0] ?? 0);
    if (this.local === writes) this.checkedAt = now;
  }

  close(): void {
    this.probe?.close();
    this.probe = undefined;
  }
}
