/** The part of Eleventy's programmatic API (an untyped package) that the example, its tests and the benchmark use. */
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    /** The folder the site is served under ("/blog/"); links get it through HtmlBasePlugin. */
    pathPrefix?: string;
    /** Configures the build in code, on the configuration object the config file also gets. */
    config?: (eleventyConfig: unknown) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Builds and writes the site; rejects when the build fails. */
    write(): Promise<unknown>;
  }

  /** Eleventy's own plugin that prefixes the root paths in built HTML with `pathPrefix`. */
  export const HtmlBasePlugin: unknown;
}
