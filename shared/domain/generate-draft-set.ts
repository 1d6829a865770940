// A draft per mode and which mode was last used, and the operations on them. Kept apart from the
// zod schemas in ./generate-draft.ts (generic over the draft) so the renderer's first paint loads
// no zod. Process-agnostic.
import type { Mode } from './param-values';

/** Every mode's draft, and which mode the form was last in. */
export interface DraftSet<Draft> {
  active: Mode;
  drafts: Partial<Record<Mode, Draft>>;
}

export const EMPTY_DRAFT_SET: DraftSet<never> = { active: 'text-to-video', drafts: {} };

/** The set after saving `draft`: it becomes its mode's draft and the active one. */
export function withDraft<Draft extends { mode: Mode }>(set: DraftSet<Draft>, draft: Draft): DraftSet<Draft> {
  return { active: draft.mode, drafts: { ...set.drafts, [draft.mode]: draft } };
}

export function draftFor<Draft>(set: DraftSet<Draft>, mode: Mode): Draft | null {
  return set.drafts[mode] ?? null;
}
