// A preset's parameters as Generate saves them: 1080p text-to-video with a fixed seed.
import type { PresetParams } from '../../shared/domain/presets';

export const NIGHT_PRESET: PresetParams = {
  model: 'wan-2-5',
  mode: 'text-to-video',
  negativePrompt: '',
  resolution: '1080p',
  duration: 5,
  aspectRatio: '16:9',
  seedMode: 'fixed',
  seed: '7',
  promptExpansion: true,
  provider: 'auto',
  count: 1,
};
