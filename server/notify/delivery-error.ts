/** A delivery that can never succeed as it stands (refused target, rejected address): the outbox stops retrying it. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
