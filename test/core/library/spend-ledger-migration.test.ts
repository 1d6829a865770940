// A library made before the 'spend ledger' migration gets one entry for each generation it sent
// (what the caps counted until then), so no cap moves when the app is updated.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { libraryContext } from '../../../main/core/library/library';
import { create, reopenFromBefore, type TestLibrary, tempLibrary } from './library-fixture';

let lib: TestLibrary;
beforeEach(() => {
  lib = tempLibrary();
});
afterEach(() => lib.cleanup());

it('fills the ledger of an older library from the generations it sent', () => {
  const sent = create(lib.store, { prompt: 'sent and answered' });
  lib.store.updateGeneration(sent.id, { state: 'pending', taskId: 't-1', submittedAt: lib.clock.now() });
  const unknown = create(lib.store, { prompt: 'the answer never came' });
  lib.store.updateGeneration(unknown.id, { state: 'submitting' });
  lib.store.updateGeneration(unknown.id, { state: 'uncertain' });
  create(lib.store, { prompt: 'never sent' });
  const expected = lib.store.spentUsd({ backend: sent.backend });
  expect(expected).toBeGreaterThan(0);
  const store = reopenFromBefore(lib, 'spend ledger', 'DROP TABLE spend_ledger');
  try {
    expect(store.spentUsd({ backend: sent.backend })).toBe(expected);
    const ids = libraryContext(store).db.prepare('SELECT generation_id FROM spend_ledger').pluck().all();
    expect(ids.sort()).toEqual([sent.id, unknown.id].sort());
  } finally {
    store.close();
  }
});
