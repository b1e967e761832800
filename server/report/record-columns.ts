/**
 * Records of one shape (the report's post rows) as columns, so thousands of them read back
 * without parsing their JSON: fields that are numbers (or null) in every record become a run of
 * float64s, lists of numbers two runs (lengths, numbers), fields that are objects of one shape in every record become columns in turn, and
 * the rest (strings, lists) one JSON list per field. Read back, each record has the same
 * fields in the same order with the same values, so it serialises to the same JSON.
 */

/**
 * How one field is stored: `n` a run of float64s (NaN for null), `l` lists of numbers (their
 * lengths as a run, then their numbers as one), `j` the next JSON list, or the fields of an object.
 */
type ColumnSpec = 'n' | 'l' | 'j' | { keys: string[]; columns: ColumnSpec[] };

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
  const run = new Float64Array(values.length);
  let numbers = true;
  for (let i = 0; i < values.length && numbers; i++) {
    const value = values[i];
    if (typeof value === 'number') run[i] = value;
    else if (value === null) run[i] = NaN;
    else numbers = false;
  }
  if (numbers) {
    runs.push(run);
    return 'n';
  }
  if (values.every((value) => Array.isArray(value) && value.every((item) => typeof item === 'number'))) {
    const lists = values as number[][];
    runs.push(Float64Array.from(lists, (list) => list.length), Float64Array.from(lists.flat()));
    return 'l';
  }
  const first = values[0];
  if (isRecord(first)) {
    const keys = Object.keys(first);
    // Each record's values in key order (one builtin call each; reading fields by a varying key is slow).
    const rows: unknown[][] = [];
    for (const value of values) {
      if (!isRecord(value)) break;
      const own = Object.keys(value);
      if (own.length !== keys.length || own.some((key, i) => key !== keys[i])) break;
      rows.push(Object.values(value));
    }
    if (rows.length === values.length) {
      const columns: ColumnSpec[] = [];
      for (let k = 0; k < keys.length; k++) {
        const column = columnOf(
          rows.map((row) => row[k]),
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
  if (values.includes(undefined)) return null;
  lists.push([...values]);
  return 'j';
}

/** The records back from `toColumns`. */
export function fromColumns<T>({ count, spec, lists, floats }: RecordColumns): T[] {
  const cursor = { list: 0, float: 0 };
  return valuesOf(spec, count, lists, floats, cursor) as T[];
}

/** A column's values: a JSON list as it is, a run of floats as a view (read with NaN as null), an object column as its records. */
function valuesOf(spec: ColumnSpec, count: number, lists: unknown[][], floats: Float64Array, cursor: { list: number; float: number }): ArrayLike<unknown> {
  if (spec === 'j') return lists[cursor.list++]!;
  if (spec === 'l') {
    const lengths = floats.subarray(cursor.float, cursor.float + count);
    cursor.float += count;
    const values: number[][] = new Array(count);
    let at = cursor.float;
    for (let i = 0; i < count; i++) {
      const list: number[] = [];
      for (const end = at + lengths[i]!; at < end; at++) list.push(floats[at]!);
      values[i] = list;
    }
    cursor.float = at;
    return values;
  }
  if (spec === 'n') {
    const run = floats.subarray(cursor.float, cursor.float + count);
    cursor.float += count;
    return run;
  }
  const columns = spec.columns.map((column) => valuesOf(column, count, lists, floats, cursor));
  const numeric = spec.columns.map((column) => column === 'n');
  // Copies of one object with every field take its shape at once; adding the fields one by one to {} was three times slower.
  const template = Object.fromEntries(spec.keys.map((key) => [key, null]));
  const records: Record<string, unknown>[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = { ...template };
    for (let k = 0; k < spec.keys.length; k++) {
      const value = columns[k]![i];
      record[spec.keys[k]!] = numeric[k] && Number.isNaN(value) ? null : value;
    }
    records[i] = record;
  }
  return records;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
