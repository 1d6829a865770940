// The Sequences view's state: the list of a project's sequences and the one open in the editor.
// Every edit of the clips (reorder, trim, add, remove) sends the whole list with setClips, and the
// editor shows the core's answer; an edit the core refuses puts the last saved state back.
import { create } from 'zustand';
import type { GenerationRecord, Sequence, SequenceSummary } from '../../shared/contract/contract';
import { continuationCutMs, type SequenceClip } from '../../shared/domain/sequences';
import i18n from '../i18n';
import { frameRateOf } from '../lib/frames/frame-rates';
import { videoUrl } from '../lib/media';
import { attempt, notifySuccess, succeeded } from '../lib/notify';
import { studio } from '../studio';
import { useApp } from './app';

interface SequencesState {
  /** Which sequences the list shows: a project's, those in no project (null), or all (undefined). */
  projectId: string | null | undefined;
  list: SequenceSummary[];
  current: Sequence | null;
  loading: boolean;
  setProject(projectId: string | null | undefined): Promise<void>;
  refresh(): Promise<void>;
  open(id: string | null): Promise<void>;
  create(name: string, generationIds?: string[]): Promise<Sequence | undefined>;
  rename(name: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** Moves clip `index` by `delta` places (keyboard and buttons), or to `to` (drag and drop). */
  move(index: number, to: number): Promise<void>;
  setTrim(index: number, inMs: number, outMs: number | null): Promise<void>;
  removeClip(index: number): Promise<void>;
  append(generationIds: string[]): Promise<void>;
}

type ClipEdit = Pick<SequenceClip, 'generationId' | 'inMs' | 'outMs'>;
const asInput = (clips: readonly SequenceClip[]): ClipEdit[] =>
  clips.map(({ generationId, inMs, outMs }) => ({ generationId, inMs, outMs }));

export const useSequences = create<SequencesState>()((set, get) => {
  /** Saves a new clip list; the editor shows it at once and the core's answer (or the old list) after. */
  async function saveClips(next: (clips: SequenceClip[]) => SequenceClip[]): Promise<void> {
    const current = get().current;
    if (!current) return;
    const clips = next([...current.clips]).map((clip, position) => ({ ...clip, position }));
    set({ current: { ...current, clips } });
    const saved = await attempt(() => studio.sequences.setClips({ id: current.id, clips: asInput(clips) }));
    if (get().current?.id === current.id) set({ current: saved ?? current });
    if (saved) void get().refresh();
  }

  return {
    projectId: undefined,
    list: [],
    current: null,
    loading: false,
    setProject: async (projectId) => {
      set({ projectId });
      await get().refresh();
    },
    refresh: async () => {
      const { projectId } = get();
      set({ loading: true });
      const list = await attempt(() => studio.sequences.list(projectId === undefined ? {} : { projectId }));
      set({ loading: false, ...(list ? { list } : {}) });
    },
    open: async (id) => {
      if (id === null) {
        set({ current: null });
        return;
      }
      const sequence = await attempt(() => studio.sequences.get({ id }));
      if (sequence) set({ current: sequence });
    },
    create: async (name, generationIds = []) => {
      const projectId = get().projectId ?? null;
      const sequence = await attempt(() => studio.sequences.create({ name, projectId, generationIds }));
      if (!sequence) return undefined;
      set({ current: sequence });
      await get().refresh();
      return sequence;
    },
    rename: async (name) => {
      const current = get().current;
      if (!current || name.trim() === current.name) return;
      const sequence = await attempt(() => studio.sequences.rename({ id: current.id, name }));
      if (sequence) set({ current: sequence });
      await get().refresh();
    },
    remove: async (id) => {
      if (!(await succeeded(() => studio.sequences.remove({ id })))) return;
      if (get().current?.id === id) set({ current: null });
      await get().refresh();
    },
    move: (index, to) =>
      saveClips((clips) => {
        const target = Math.max(0, Math.min(clips.length - 1, to));
        if (target === index || !clips[index]) return clips;
        const [clip] = clips.splice(index, 1);
        if (clip) clips.splice(target, 0, clip);
        return clips;
      }),
    setTrim: (index, inMs, outMs) =>
      saveClips((clips) => clips.map((clip, at) => (at === index ? { ...clip, inMs, outMs } : clip))),
    removeClip: (index) => saveClips((clips) => clips.filter((_, at) => at !== index)),
    append: async (generationIds) => {
      const current = get().current;
      if (!current || generationIds.length === 0) return;
      const sequence = await attempt(() => studio.sequences.appendClip({ id: current.id, generationIds }));
      if (sequence) set({ current: sequence });
      await get().refresh();
    },
  };
});

/**
 * Adds library videos to a sequence (the library's "Add to sequence"), and to the editor when that
 * sequence is open. Also what a continuation calls once its generation exists.
 */
export async function appendToSequence(
  sequenceId: string,
  generationIds: string[],
): Promise<Sequence | null> {
  const sequence = await attempt(() => studio.sequences.appendClip({ id: sequenceId, generationIds }));
  if (!sequence) return null;
  showSequence(sequence);
  notifySuccess(i18n.t('sequences.added', { count: generationIds.length, name: sequence.name }));
  return sequence;
}

function showSequence(sequence: Sequence): void {
  const state = useSequences.getState();
  if (state.current?.id === sequence.id) useSequences.setState({ current: sequence });
  void state.refresh();
}

/**
 * A continuation just joined `sequence` after its parent: the parent's clip now ends right after
 * the frame the continuation starts from (unless the user trimmed it shorter already).
 */
export async function endParentAtFrame(sequence: Sequence, parentId: string, frameMs: number): Promise<void> {
  const index = sequence.clips.findLastIndex(
    (clip, at) => clip.generationId === parentId && at < sequence.clips.length - 1,
  );
  const parent = sequence.clips[index];
  if (!parent?.record) return;
  const url = videoUrl(useApp.getState().info?.mediaBaseUrl, parent.record);
  const fps = url ? await frameRateOf(url) : null;
  const cut = continuationCutMs(frameMs, fps);
  if (cut <= parent.inMs || (parent.outMs !== null && parent.outMs <= cut)) return;
  const clips = asInput(sequence.clips.map((clip, at) => (at === index ? { ...clip, outMs: cut } : clip)));
  const saved = await attempt(() => studio.sequences.setClips({ id: sequence.id, clips }));
  if (saved) showSequence(saved);
}

/**
 * The library's "Add to a new sequence": creates it with these clips, in the project they share
 * (none when they are from several), and opens it in the editor.
 */
export async function newSequenceFrom(records: readonly GenerationRecord[]): Promise<void> {
  const name = i18n.t('sequences.defaultName', { date: new Date().toLocaleDateString(i18n.language) });
  const projects = new Set(records.map((record) => record.projectId));
  const [shared] = projects;
  useSequences.setState({ projectId: projects.size === 1 ? (shared ?? null) : null });
  const sequence = await useSequences.getState().create(
    name,
    records.map((record) => record.id),
  );
  if (sequence) useApp.getState().setView('sequences');
}

/**
 * "Continue the last shot": opens Generate from the last clip's last frame; the generation it sends
 * is appended to this sequence (appendToSequence). The frames work provides the action
 * (`continueFromLastFrame(generationId, { appendToSequence })`); until it is merged this is the one
 * place to wire it, and the button says the action is not available.
 */
export type ContinueFromLastFrame = (
  generationId: string,
  options: { appendToSequence: string },
) => Promise<unknown> | unknown;
let continueAction: ContinueFromLastFrame | null = null;

export function provideContinueFromLastFrame(action: ContinueFromLastFrame): void {
  continueAction = action;
}

export function canContinueLastShot(): boolean {
  return continueAction !== null;
}

export async function continueLastShot(sequence: Sequence): Promise<void> {
  const last = sequence.clips.at(-1);
  if (!last || !continueAction) return;
  await continueAction(last.generationId, { appendToSequence: sequence.id });
}

/** Finished videos to offer in the clip picker: the sequence's project's, newest first. */
export async function loadPickable(projectId: string | null): Promise<GenerationRecord[]> {
  const page = await attempt(() =>
    studio.library.query({
      states: ['done'],
      sort: 'created_desc',
      limit: 200,
      ...(projectId ? { projectId } : {}),
    }),
  );
  return (page?.items ?? []).filter((record) => record.video);
}
