/**
 * Streams an XML file through saxes: memory stays bounded by the largest
 * element whose text a reader asks for, whatever the file's size. Readers see
 * qualified names as written ("wp:comment") and collect only the text they want.
 */
import { SaxesParser } from 'saxes';
import { ImportInputError } from './errors.js';
import { readTextChunks } from './text-file.js';

export interface XmlHandlers {
  /**
   * An element opened at `depth` (the root is 1) on `line`. Return true to
   * collect its text content (text and CDATA, nested elements included) for `close`.
   */
  open(name: string, attributes: Record<string, string>, depth: number, line: number): boolean;
  /** An element closed; `text` is its content if `open` asked for it, else "". */
  close(name: string, text: string, depth: number): void;
  /** Awaited after each chunk: the reader goes on once it resolves (so what it hands on does not pile up). */
  ready?(): Promise<void>;
}

/**
 * A copy of `text` that no longer points into the chunk it was cut from. V8
 * keeps substrings as views of their parent string, so a few bytes kept per
 * comment would otherwise pin every 256 KB chunk of the file in memory.
 */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

/** "line L, column C" for a saxes message "L:C: reason". */
function positioned(message: string): ImportInputError {
  const match = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
  return match ? new ImportInputError(`line ${match[1]}, column ${match[2]}`, match[3]!.replace(/\.$/, '')) : new ImportInputError('', message);
}

/** Reads the whole file into `handlers`, or throws `ImportInputError` with the position of the first problem. */
export async function readXml(path: string, handlers: XmlHandlers, onBytes: (done: number, total: number) => void): Promise<void> {
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  // While collecting, the depth of the collecting element and its text so far.
  let collectingAt = 0;
  let text = '';

  parser.on('xmldecl', (decl) => {
    if (decl.encoding && !/^utf-?8$/i.test(decl.encoding)) {
      throw new ImportInputError(`line ${parser.line}`, `the file declares encoding "${decl.encoding}"; only UTF-8 is supported (convert it first, e.g. with iconv)`);
    }
  });
  parser.on('opentag', (tag) => {
    depth++;
    if (collectingAt !== 0) return;
    if (handlers.open(tag.name, tag.attributes as Record<string, string>, depth, parser.line)) {
      collectingAt = depth;
      text = '';
    }
  });
  parser.on('text', (value) => {
    if (collectingAt !== 0) text += value;
  });
  parser.on('cdata', (value) => {
    if (collectingAt !== 0) text += value;
  });
  parser.on('closetag', (tag) => {
    if (collectingAt === 0 || collectingAt === depth) {
      const collected = collectingAt === depth ? detach(text) : '';
      collectingAt = 0;
      text = '';
      handlers.close(tag.name, collected, depth);
    }
    depth--;
  });
  parser.on('error', (error) => {
    throw positioned(error.message);
  });

  for await (const chunk of readTextChunks(path, onBytes)) {
    parser.write(chunk);
    await handlers.ready?.();
  }
  parser.close();
}
