import { describe, expect, it } from 'vitest';
import { isId, newId } from '../../../main/core/library/ids';

describe('newId', () => {
  it('makes 26-character Crockford base32 ids', () => {
    const id = newId();
    expect(id).toHaveLength(26);
    expect(isId(id)).toBe(true);
    expect(isId('01ARZ3NDEKTSV4RRFFQ69G5FAI')).toBe(false); // I is not in the alphabet
  });

  it('sorts like the time it is given', () => {
    const times = [0, 1, 31, 32, 1_000, Date.UTC(2020, 0, 1), Date.UTC(2025, 5, 1), Date.UTC(2080, 0, 1)];
    const ids = times.map((time) => newId(time));
    expect([...ids].sort()).toEqual(ids);
  });

  it('stays unique and ordered for many ids within one millisecond', () => {
    const ids = Array.from({ length: 5_000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(5_000);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stays unique when the clock steps back', () => {
    const ids = [newId(2_000), newId(1_000), newId(2_000), newId(1_000)];
    expect(new Set(ids).size).toBe(4);
    expect(ids[1]?.slice(0, 10)).toBe(newId(1_000).slice(0, 10));
  });
});
