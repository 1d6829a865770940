// The selection stops at what one bulk call takes (MAX_SELECTION): a Shift+click range or a
// Ctrl+click past it says so instead of building a selection every action would then refuse whole.
import { beforeEach, expect, it } from 'vitest';
import { useSelection } from '../../renderer/state/selection';
import type { GenerationRecord } from '../../shared/contract/contract';
import { MAX_SELECTION } from '../../shared/contract/selection-limit';

const records = Array.from(
  { length: MAX_SELECTION + 5 },
  (_, index) => ({ id: `g${index}` }) as GenerationRecord,
);
const at = (index: number) => records[index];
const plain = { shift: false, toggle: false };

beforeEach(() => useSelection.getState().clear());

it('a Shift+click range stops at the limit and says so', () => {
  const selection = useSelection.getState();
  selection.click(records[0] as GenerationRecord, 0, plain, at);
  useSelection
    .getState()
    .click(
      records[MAX_SELECTION + 4] as GenerationRecord,
      MAX_SELECTION + 4,
      { shift: true, toggle: false },
      at,
    );
  const { selected, atLimit } = useSelection.getState();
  expect(selected.size).toBe(MAX_SELECTION);
  expect(atLimit).toBe(true);
});

it('Ctrl+click adds nothing past the limit, still removes, and a plain click starts over', () => {
  useSelection.getState().selectAll(records);
  expect(useSelection.getState()).toMatchObject({ atLimit: true });
  expect(useSelection.getState().selected.size).toBe(MAX_SELECTION);
  const extra = records[MAX_SELECTION + 1] as GenerationRecord;
  useSelection.getState().click(extra, MAX_SELECTION + 1, { shift: false, toggle: true }, at);
  expect(useSelection.getState().selected.has(extra.id)).toBe(false);
  useSelection.getState().click(records[3] as GenerationRecord, 3, { shift: false, toggle: true }, at);
  expect(useSelection.getState()).toMatchObject({ atLimit: false });
  expect(useSelection.getState().selected.size).toBe(MAX_SELECTION - 1);
  useSelection.getState().click(extra, MAX_SELECTION + 1, plain, at);
  expect(useSelection.getState().selected.size).toBe(1);
});
