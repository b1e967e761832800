/**
 * Input the importer refuses: malformed, truncated or of another format. The
 * message names the position, so the operator can find it; nothing is written.
 */
export class ImportInputError extends Error {
  override name = 'ImportInputError';

  /** `at` is a position like "line 12, column 4" or "comments[3]"; empty when the whole file is at fault. */
  constructor(at: string, reason: string) {
    super(at ? `${at}: ${reason}` : reason);
  }
}
