/** Bad command-line input: printed as one line on stderr, exit code 2 (the contract's). */
export class UsageError extends Error {
  override name = 'UsageError';
}
