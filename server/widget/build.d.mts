/** Bundles server/widget/index.ts and widget.css into dist/widget/ (see build.mjs). */
export function buildWidget(): Promise<void>;
