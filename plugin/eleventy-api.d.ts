/** The part of Eleventy's programmatic API (an untyped package) that the example, its tests and the benchmark use. */
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    /** Configures the build in code, on the configuration object the config file also gets. */
    config?: (eleventyConfig: unknown) => void;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    /** Builds and writes the site; rejects when the build fails. */
    write(): Promise<unknown>;
  }
}
