/**
 * The few parts of Eleventy's configuration API the plugin uses, typed
 * loosely and locally: Eleventy ships no types, and this keeps the plugin
 * honest about what it depends on.
 */

/** What a shortcode sees as `this` (Eleventy adds `page`; Nunjucks and Liquid add their context as `ctx`). */
export interface ShortcodeThis {
  page?: { url?: string | false; lang?: string; inputPath?: string };
  ctx?: unknown;
}

export type Shortcode = (this: ShortcodeThis, ...args: unknown[]) => string;

/** Data a virtual JavaScript template renders from. */
export type TemplateData = Record<string, unknown>;

/** A virtual `.11ty.js` template: its render function. */
export type RenderFunction = (data: TemplateData) => string;

export interface EleventyConfig {
  versionCheck(range: string): void;
  addShortcode(name: string, shortcode: Shortcode): void;
  addGlobalData(name: string, data: unknown): void;
  addTemplate(virtualPath: string, content: RenderFunction, data: TemplateData): void;
  on(event: 'eleventy.before', listener: () => Promise<void> | void): void;
}
