/**
 * A setup mistake the blogger must fix. Eleventy's error handler prints the
 * message and, because of `skipOriginalStack`, no stack trace: the message
 * alone says what to change.
 */
export class KommentarSetupError extends Error {
  override name = 'KommentarSetupError';
  /** Read by Eleventy's error handler. */
  readonly skipOriginalStack = true;
}
