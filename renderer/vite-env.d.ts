// CSS imports and import.meta.env, as Vite provides them to the renderer bundle.
/// <reference types="vite/client" />
