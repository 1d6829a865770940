// The Generate form's helpers kept in the library: the prompt history (every sent prompt is
// recorded here, whichever host sent it) and named parameter presets.
import type { StudioHandlers } from '../../shared/contract/contract';
import { modelOf } from '../../shared/domain/params';
import type { Clock } from '../core/clock';
import { listPresets, removePreset, renamePreset, savePreset } from '../core/library/presets';
import { clearPrompts, listPrompts, recordPrompt, removePrompt } from '../core/library/prompt-history';
import type { LibraryStore } from '../core/library/types';

interface WorkflowDeps {
  library(): LibraryStore;
  clock: Clock;
}

type SentParams = Parameters<StudioHandlers['generations']['create']>[0]['params'];

/** Called once a generation request was accepted (queued or held): its prompt joins the history. */
export function promptRecorder(deps: WorkflowDeps): (params: SentParams) => void {
  return (params) => {
    try {
      recordPrompt(deps.library(), {
        prompt: params.prompt,
        negativePrompt: params.negativePrompt ?? '',
        model: modelOf(params),
        mode: params.mode,
        lastUsedAt: deps.clock.now(),
      });
    } catch {
      // The generations are queued; a history that could not be written must not say otherwise.
    }
  };
}

export function workflowHandlers(deps: WorkflowDeps): Pick<StudioHandlers, 'prompts' | 'presets'> {
  return {
    prompts: {
      history: (query) => listPrompts(deps.library(), query?.search ?? '', query?.limit ?? 50),
      remove: ({ prompt }) => removePrompt(deps.library(), prompt),
      clear: () => clearPrompts(deps.library()),
    },
    presets: {
      list: () => listPresets(deps.library()),
      save: ({ name, params }) => savePreset(deps.library(), name, params, deps.clock.now()),
      rename: ({ id, name }) => renamePreset(deps.library(), id, name, deps.clock.now()),
      remove: ({ id }) => removePreset(deps.library(), id),
    },
  };
}
