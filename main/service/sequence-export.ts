// sequences.saveExport: the MP4 the renderer rendered joins the library as a video of the
// sequence's project, titled with the sequence's name, with its parts recorded as lineage
// (`sequence_part`, by position). All or nothing: the file is probed and copied by the importer
// (temp + fsync + rename); if anything after the copy fails, the new row and its file are removed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { SequenceExportResult } from '../../shared/contract/contract';
import type { FileRef } from '../../shared/contract/file-refs';
import { StudioError } from '../core/errors';
import { importVideos } from '../core/library/import';
import type { LibraryStore } from '../core/library/types';
import type { FileAccess } from './file-access';

export interface SaveExportInput {
  id: string;
  file: FileRef;
  parts: readonly string[];
  /** Each part's trim as rendered. */
  trims?: readonly { inMs: number; outMs: number | null }[];
}

/** The name the import titles the video with (its basename): a slash would cut the title short. */
function fileTitle(name: string): string {
  return `${
    name
      .replace(/[\\/]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'Sequence'
  }.mp4`;
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function saveSequenceExport(
  library: LibraryStore,
  access: FileAccess,
  input: SaveExportInput,
  recordParts: (childId: string, parts: readonly string[]) => void,
): Promise<SequenceExportResult> {
  const file = access.open(input.file);
  try {
    const sequence = library.sequences.get(input.id);
    const current = sequence.clips.map((clip) => clip.generationId);
    const trimsMoved = input.trims?.some(
      (trim, index) =>
        trim.inMs !== sequence.clips[index]?.inMs || trim.outMs !== sequence.clips[index]?.outMs,
    );
    if (
      current.length !== input.parts.length ||
      current.some((id, index) => id !== input.parts[index]) ||
      (input.trims && input.trims.length !== current.length) ||
      trimsMoved
    ) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: `"${sequence.name}" changed while it was being exported; nothing was saved. Export it again.`,
      });
    }
    const same = library.findVideoBySha256(await sha256Of(file.path));
    const existing = same?.generationId ? library.getGeneration(same.generationId) : null;
    if (existing) return { record: existing, existing: true };

    const result = await importVideos(library, [file.path], {
      projectId: sequence.projectId,
      nameOf: () => fileTitle(sequence.name),
    });
    const video = result.imported[0];
    if (!video?.generationId) {
      throw new StudioError({
        kind: 'invalid_request',
        userMessage: `The export of "${sequence.name}" could not be saved: ${result.skipped[0]?.reason ?? 'the file was not a video'}`,
      });
    }
    try {
      recordParts(video.generationId, input.parts);
    } catch (error) {
      library.trash(video.generationId);
      library.purgeTrashed([video.generationId]);
      throw error;
    }
    const record = library.getGeneration(video.generationId);
    if (!record) throw new StudioError({ kind: 'not_found', userMessage: 'The saved export disappeared.' });
    return { record, existing: false };
  } finally {
    await file.release().catch(() => {});
  }
}
