// The Generate form's drafts on disk (userDataDir/generate-draft.json), one per mode, written
// atomically. An older file holding one draft for all modes becomes that mode's draft; a file that
// is missing, unreadable or no longer fits is no draft at all: losing a draft must never stop the
// app from starting.
import { readFile, rm } from 'node:fs/promises';
import {
  draftSetFromStored,
  type GenerateDraft,
  type GenerateDraftSet,
} from '../../shared/domain/generate-draft';
import { EMPTY_DRAFT_SET, withDraft } from '../../shared/domain/generate-draft-set';
import { writeFileAtomic } from '../core/fs/atomic';

export class DraftFile {
  /** Saves run one after another, so an older draft never lands after a newer one. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {}

  /** After any save under way, so a read never sees an older set than was saved. */
  async read(): Promise<GenerateDraftSet> {
    await this.writes;
    return this.readStored();
  }

  private async readStored(): Promise<GenerateDraftSet> {
    try {
      return draftSetFromStored(JSON.parse(await readFile(this.path, 'utf8')));
    } catch {
      return EMPTY_DRAFT_SET;
    }
  }

  /** Keeps `draft` as its mode's draft (and the active one); null forgets every draft. */
  save(draft: GenerateDraft | null): Promise<void> {
    const write = this.writes.then(async () => {
      if (!draft) return rm(this.path, { force: true });
      const set = withDraft(await this.readStored(), draft);
      return writeFileAtomic(this.path, `${JSON.stringify(set, null, 2)}\n`);
    });
    this.writes = write.catch(() => undefined);
    return write;
  }
}
