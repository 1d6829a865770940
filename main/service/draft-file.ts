// The Generate form's draft on disk (userDataDir/generate-draft.json), written atomically. A file
// that is missing, unreadable or no longer fits the schema (an older version) is no draft at all:
// losing a draft must never stop the app from starting.
import { readFile, rm } from 'node:fs/promises';
import { type GenerateDraft, generateDraftSchema } from '../../shared/domain/generate-draft';
import { writeFileAtomic } from '../core/fs/atomic';

export class DraftFile {
  /** Saves run one after another, so an older draft never lands after a newer one. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly path: string) {}

  async read(): Promise<GenerateDraft | null> {
    try {
      const parsed = generateDraftSchema.safeParse(JSON.parse(await readFile(this.path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** null forgets the draft. */
  save(draft: GenerateDraft | null): Promise<void> {
    const write = this.writes.then(() =>
      draft
        ? writeFileAtomic(this.path, `${JSON.stringify(draft, null, 2)}\n`)
        : rm(this.path, { force: true }),
    );
    this.writes = write.catch(() => undefined);
    return write;
  }
}
