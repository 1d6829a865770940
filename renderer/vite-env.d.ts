// CSS imports and import.meta.env, as Vite provides them to the renderer bundle.
/// <reference types="vite/client" />

/** A part of one language's strings, split at build time (vite.config.ts, renderer/i18n/parts.ts). */
declare module 'virtual:strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}
