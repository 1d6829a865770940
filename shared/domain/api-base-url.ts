// Where the APIXO base URL in use came from; the rules for it live in main/core/apixo/key-destination.
// Process-agnostic: Settings shows it read-only.
export type BaseUrlSource = 'default' | 'flag' | 'environment' | 'simulator';
