import { describe, expect, it } from 'vitest';
import { contentRange, decideRange, unsatisfiedContentRange } from '../../../main/core/http/byte-range';

describe('decideRange', () => {
  const size = 1000;

  it('serves the whole file without a usable Range header', () => {
    for (const header of [null, undefined, '', 'bytes=', 'bytes=-', 'items=0-10', 'bytes=abc', 'bytes=5-3']) {
      expect(decideRange(header, size), String(header)).toEqual({ kind: 'full' });
    }
  });

  it('serves the whole file for multi-range requests rather than multipart', () => {
    expect(decideRange('bytes=0-10, 20-30', size)).toEqual({ kind: 'full' });
  });

  it('reads start-end, start- and the suffix form', () => {
    expect(decideRange('bytes=0-99', size)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(decideRange('bytes=500-', size)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(decideRange('bytes=-100', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange('Bytes = 10 - 19', size)).toEqual({ kind: 'partial', start: 10, end: 19 });
  });

  it('clamps an end past the file and a suffix longer than the file', () => {
    expect(decideRange('bytes=900-5000', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(decideRange('bytes=0-99999999999999999999', size)).toEqual({
      kind: 'partial',
      start: 0,
      end: 999,
    });
  });

  it('answers unsatisfiable for a start at or past the end, an empty suffix or an empty file', () => {
    expect(decideRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=1000-2000', size)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=99999999999999999999-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('formats Content-Range', () => {
    expect(contentRange(0, 99, 1000)).toBe('bytes 0-99/1000');
    expect(unsatisfiedContentRange(1000)).toBe('bytes */1000');
  });
});
