/**
 * Why a domain operation refused, in the domain's own words: a stable code, a
 * message for people and the input field at fault. The domain knows nothing of
 * HTTP; `http/errors.ts` maps each code to a status in one table.
 */
export type DomainErrorCode =
  /** The thing asked for does not exist, or is not public. */
  | 'not_found'
  /** A reply names a parent that is not a public comment of the same thread. */
  | 'invalid_parent'
  /** An edit token that does not belong to the comment. */
  | 'invalid_token'
  /** The comment's edit window has closed. */
  | 'edit_window_closed'
  /** The comment is in a state that cannot be edited (held as spam). */
  | 'not_editable'
  /** The author tried to mark their own comment "no answer needed". */
  | 'author_comment'
  /** A value that is missing or malformed (a Webmention's source or target). */
  | 'invalid_input'
  /** A Webmention target that is not a page of a site on this server. */
  | 'invalid_target';

export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
