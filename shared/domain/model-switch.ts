// Switching a draft from one model to another: keep every setting the new model takes, replace
// the others with its defaults, and say what was changed so the UI can tell the user. Text that
// is now too long is kept (the counter turns red) rather than cut: typing is never thrown away.
import { MODELS, type ModelId } from './models';
import type { AspectRatio, Resolution } from './params';

export interface SwitchableDraft {
  model: ModelId;
  resolution: Resolution;
  aspectRatio: AspectRatio;
  prompt: string;
  hasAudio: boolean;
}

export type DroppedSetting =
  | { setting: 'resolution'; from: Resolution; to: Resolution }
  | { setting: 'aspectRatio'; from: AspectRatio; to: AspectRatio }
  | { setting: 'audio' }
  | { setting: 'promptTooLong'; max: number };

export function switchModel(
  draft: SwitchableDraft,
  model: ModelId,
): {
  patch: Pick<SwitchableDraft, 'model' | 'resolution' | 'aspectRatio'>;
  dropAudio: boolean;
  dropped: DroppedSetting[];
} {
  const caps = MODELS[model];
  const dropped: DroppedSetting[] = [];
  let resolution = draft.resolution;
  if (!caps.resolutions.includes(resolution)) {
    dropped.push({ setting: 'resolution', from: resolution, to: caps.defaults.resolution });
    resolution = caps.defaults.resolution;
  }
  let aspectRatio = draft.aspectRatio;
  if (!caps.aspectRatios[resolution].includes(aspectRatio)) {
    dropped.push({ setting: 'aspectRatio', from: aspectRatio, to: caps.defaults.aspectRatio });
    aspectRatio = caps.defaults.aspectRatio;
  }
  const dropAudio = draft.hasAudio && !caps.audio;
  if (dropAudio) dropped.push({ setting: 'audio' });
  if (draft.prompt.trim().length > caps.promptMax)
    dropped.push({ setting: 'promptTooLong', max: caps.promptMax });
  return { patch: { model, resolution, aspectRatio }, dropAudio, dropped };
}

/** The aspect ratio to use after a resolution change (4:3 at 720p → 480p falls back to the default). */
export function aspectRatioAt(model: ModelId, resolution: Resolution, current: AspectRatio): AspectRatio {
  const allowed = MODELS[model].aspectRatios[resolution];
  return allowed.includes(current) ? current : MODELS[model].defaults.aspectRatio;
}
