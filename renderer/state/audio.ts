// The reference audio of an audio-driven generation (wan-2-5-video): sent to main to be judged by
// its content (audio.inspect / inspectUrl), shown with what main found, and submitted by its id.
// No rules live here: main decides; the form only warns when the audio and the clip differ in length.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import type { AudioInspection } from '../../shared/domain/audio';
import { sha256FromReferencePath } from '../../shared/domain/reference-paths';
import { asContractError } from '../lib/errors';
import { sendFiles } from '../lib/send-files';
import { studio } from '../studio';

export interface AddedAudio {
  /** A file name or the link as typed. */
  label: string;
  state: 'checking' | 'checked' | 'failed';
  inspection: AudioInspection | null;
  /** main refused to look at all (a link it could not fetch, a file too large to send). */
  error: string | null;
}

interface AudioState {
  audio: AddedAudio | null;
  addFile(file: File): Promise<void>;
  addLink(url: string): Promise<void>;
  clear(): void;
  /** Remix: the audio an earlier generation was made to. */
  loadRecord(record: GenerationRecord): Promise<void>;
}

/** The id to submit, when the audio is ready. */
export function readyAudio(audio: AddedAudio | null): AudioInspection | null {
  return audio?.state === 'checked' && audio.inspection?.status === 'ready' && audio.inspection.sha256
    ? audio.inspection
    : null;
}

export const useAudio = create<AudioState>()((set, get) => {
  let generation = 0;
  /** Only the latest request may land: a slow check of a replaced audio is ignored. */
  async function check(label: string, run: () => Promise<AudioInspection>): Promise<void> {
    const mine = ++generation;
    set({ audio: { label, state: 'checking', inspection: null, error: null } });
    try {
      const inspection = await run();
      if (mine === generation) set({ audio: { label, state: 'checked', inspection, error: null } });
    } catch (error) {
      if (mine === generation) {
        set({ audio: { label, state: 'failed', inspection: null, error: asContractError(error).message } });
      }
    }
  }
  return {
    audio: null,
    addFile: (file) =>
      check(file.name, async () => {
        const [sent] = await sendFiles([file], 'audio');
        if (!sent || 'error' in sent) throw new Error(sent?.error ?? `${file.name} could not be read.`);
        return studio.audio.inspect({ file: sent.ref });
      }),
    addLink: (url) => check(url.trim(), () => studio.audio.inspectUrl({ url: url.trim() })),
    clear: () => {
      generation++;
      set({ audio: null });
    },
    loadRecord: async (record) => {
      const sha256 = sha256FromReferencePath(record.referenceAudioPath);
      if (!sha256) {
        get().clear();
        return;
      }
      await check(record.referenceAudioPath?.split('/').at(-1) ?? 'audio', () =>
        studio.audio.get({ sha256 }),
      );
    },
  };
});
