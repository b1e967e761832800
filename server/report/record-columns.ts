/**
 * Records of one shape (the report's post rows) as columns, so thousands of them read back
 * without parsing their JSON: fields that are numbers (or null) in every record become a run of
 * float64s, fields that are objects of one shape in every record become columns in turn, and
 * the rest (strings, lists) one JSON list per field. Read back, each record has the same
 * fields in the same order with the same values, so it serialises to the same JSON.
 */

/** How one field is stored: `n` a run of float64s (NaN for null), `j` the next JSON list, or the fields of an object. */
type ColumnSpec = 'n' | 'j' | { keys: string[]; columns: ColumnSpec[] };

export interface RecordColumns {
  count: number;
  spec: ColumnSpec;
  /** The JSON lists, in the order of the spec. */
  lists: unknown[][];
  /** The float64 runs, one after another in the order of the spec. */
  floats: Float64Array;
}

/** Records as columns; null when they do not share one shape (then store them as JSON). */
export function toColumns(records: readonly object[]): RecordColumns | null {
  const lists: unknown[][] = [];
  const runs: Float64Array[] = [];
  const spec = columnOf(records, lists, runs);
  if (spec === null || typeof spec === 'string') return null;
  const floats = new Float64Array(runs.reduce((sum, run) => sum + run.length, 0));
  let at = 0;
  for (const run of runs) {
    floats.set(run, at);
    at += run.length;
  }
  return { count: records.length, spec, lists, floats };
}

function columnOf(values: readonly unknown[], lists: unknown[][], runs: Float64Array[]): ColumnSpec | null {
  if (values.every((value) => typeof value === 'number' || value === null)) {
    runs.push(Float64Array.from(values as (number | null)[], (value) => value ?? NaN));
    return 'n';
  }
  const first = values[0];
  if (values.every((value) => typeof value === 'object' && value !== null && !Array.isArray(value))) {
    const keys = Object.keys(first as object);
    const same = (value: unknown) => {
      const own = Object.keys(value as object);
      return own.length === keys.length && own.every((key, i) => key === keys[i]);
    };
    if (values.every(same)) {
      const columns: ColumnSpec[] = [];
      for (const key of keys) {
        const column = columnOf(
          values.map((value) => (value as Record<string, unknown>)[key]),
          lists,
          runs,
        );
        if (column === null) return null;
        columns.push(column);
      }
      return { keys, columns };
    }
  }
  // JSON would turn an undefined field into null, or drop it: not the same record.
  if (values.some((value) => value === undefined)) return null;
  lists.push([...values]);
  return 'j';
}

/** The records back from `toColumns`. */
export function fromColumns<T>({ count, spec, lists, floats }: RecordColumns): T[] {
  const cursor = { list: 0, float: 0 };
  return valuesOf(spec, count, lists, floats, cursor) as T[];
}

function valuesOf(spec: ColumnSpec, count: number, lists: unknown[][], floats: Float64Array, cursor: { list: number; float: number }): ArrayLike<unknown> {
  if (spec === 'j') return lists[cursor.list++]!;
  if (spec === 'n') {
    const run = floats.subarray(cursor.float, cursor.float + count);
    cursor.float += count;
    return Array.from(run, (value) => (Number.isNaN(value) ? null : value));
  }
  const columns = spec.columns.map((column) => valuesOf(column, count, lists, floats, cursor));
  const records: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {};
    for (let k = 0; k < spec.keys.length; k++) record[spec.keys[k]!] = columns[k]![i];
    records.push(record);
  }
  return records;
}
