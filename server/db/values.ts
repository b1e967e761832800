/** Column values as libSQL returns them (NULL as null), read into the types the rows declare. */

/** A nullable text column. */
export const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

/** A nullable integer column. */
export const numberOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
