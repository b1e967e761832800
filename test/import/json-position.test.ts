import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../../server/import/json-position.js';

describe('the position of a JSON syntax error', () => {
  it('points at the first character that breaks the document', () => {
    expect(jsonErrorOffset('{"a":1 "b":2}')).toBe(7);
    expect(jsonErrorOffset('[1,]')).toBe(3);
    expect(jsonErrorOffset('<?xml?>')).toBe(0);
    expect(jsonErrorOffset('{"a":tru}')).toBe(5);
    expect(jsonErrorOffset('{"a":"x\ny"}')).toBe(5);
    expect(jsonErrorOffset('{"a":[1,2]}}')).toBe(11);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
  });

  it('says "the end" for a cut-off document, however deeply it is nested', () => {
    expect(jsonErrorOffset('{"a":')).toBe(5);
    const deep = '['.repeat(200_000);
    expect(jsonErrorOffset(deep)).toBe(deep.length);
  });
});
