// Frames of a library video as the start of a new one: "Continue from last frame" (the sharpest
// frame of its last half second) and "Use this frame" (the exact frame the viewer shows). Either
// way the frame becomes a reference image like any other (sent with sendFiles, judged by
// images.inspect, kept by its hash), Generate opens in image-to-video with the parent's prompt and
// settings and a new seed, and the link to the parent is recorded when the user sends it.
import { create } from 'zustand';
import type { GenerationRecord } from '../../shared/contract/contract';
import type { CreateLineage } from '../../shared/domain/lineage';
import i18n from '../i18n';
import { frameAtTime, type ReferenceFrame, sharpestLastFrame } from '../lib/frames/reference-frame';
import { FrameError } from '../lib/frames/types';
import { videoUrl } from '../lib/media';
import { notifyError } from '../lib/notify';
import { studio } from '../studio';
import { useImages } from '../views/generate/image-store';
import { useApp } from './app';
import { useViewer } from './compare';
import { nameOf, randomSeed, useGenerate } from './generate';
import { useToasts } from './toasts';

export interface FrameStart {
  frameMs: number;
  lineage: CreateLineage;
}

export interface ContinueOptions {
  /** Open the Generate view (default true); a caller that shows its own UI may stay where it is. */
  openGenerate?: boolean;
}

/** Which generations are having a frame taken (their buttons show it and wait). */
export const useFrameBusy = create<{ busy: string[] }>()(() => ({ busy: [] }));
const setBusy = (id: string, on: boolean) =>
  useFrameBusy.setState((state) => ({
    busy: on ? [...state.busy, id] : state.busy.filter((other) => other !== id),
  }));

/**
 * "Continue from last frame" for any generation with a video. Resolves with what was set up, or
 * null when it could not be (the reason is already shown as a toast).
 */
export async function continueFromLastFrame(
  generationId: string,
  options: ContinueOptions = {},
): Promise<FrameStart | null> {
  return startFromFrame(generationId, 'continues', options, (url, name) => sharpestLastFrame(url, name));
}

/** "Use this frame": the frame showing at `timeSeconds` starts an image-to-video generation. */
export async function startFromFrameAt(
  generationId: string,
  timeSeconds: number,
): Promise<FrameStart | null> {
  return startFromFrame(generationId, 'frame_of', {}, (url, name) => frameAtTime(url, timeSeconds, name));
}

async function startFromFrame(
  generationId: string,
  kind: 'continues' | 'frame_of',
  options: ContinueOptions,
  take: (url: string, name: string) => Promise<ReferenceFrame>,
): Promise<FrameStart | null> {
  if (useFrameBusy.getState().busy.includes(generationId)) return null;
  setBusy(generationId, true);
  try {
    const record = await studio.generations.get({ id: generationId });
    const url = record ? videoUrl(useApp.getState().info?.mediaBaseUrl, record) : null;
    if (!record || !url) throw new FrameError('unreadable', 'no video file');
    const frame = await take(url, fileStem(record));
    const lineage: CreateLineage = { kind, parentId: record.id, frameMs: frame.frameMs };
    prefill(record, lineage);
    if (options.openGenerate !== false) {
      // From the viewer too: it closes so the form it opened is what the user sees.
      useViewer.getState().close();
      useApp.getState().setView('generate');
    }
    // The image is checked by main (and stored by hash) while the view opens.
    await useImages.getState().addFiles([frame.file]);
    return { frameMs: frame.frameMs, lineage };
  } catch (error) {
    reportFrameError(error);
    return null;
  } finally {
    setBusy(generationId, false);
  }
}

/** The parent's prompt and settings in image-to-video, a new seed, and where it comes from. */
function prefill(record: GenerationRecord, lineage: CreateLineage): void {
  const generate = useGenerate.getState();
  // An imported video has stand-in settings (its prompt is the file name): only the frame carries over.
  if (record.origin === 'generated') generate.loadRecord(record);
  else generate.reset();
  useImages.getState().clear();
  generate.update({ mode: 'image-to-video', imageUrl: '', seedMode: 'fixed', seed: randomSeed() });
  generate.setLineage(lineage, nameOf(record));
}

function fileStem(record: GenerationRecord): string {
  const name = record.video?.relPath
    .split('/')
    .pop()
    ?.replace(/\.[^.]+$/, '');
  return name || record.id;
}

function reportFrameError(error: unknown): void {
  if (!(error instanceof FrameError)) {
    notifyError(error);
    return;
  }
  useToasts.getState().show({
    tone: 'error',
    title: i18n.t(`frames.error.${error.reason}`),
    detail: i18n.t(`frames.error.${error.reason}Detail`),
  });
}
