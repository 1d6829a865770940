// The most ids one bulk call takes, and so the most a selection holds. Zod-free: the renderer's
// selection store needs it at first paint (common-schemas.ts builds the schema from it).
export const MAX_SELECTION = 1000;
