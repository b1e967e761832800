/** The part of @11ty/eleventy-fetch (a CommonJS package without types) that the plugin uses. */
declare module '@11ty/eleventy-fetch' {
  interface CachedObject {
    cachedAt: number;
    type: string;
    metadata?: Record<string, unknown>;
  }

  class AssetCache {
    constructor(key: string, directory?: string, options?: { duration?: string; type?: 'text' | 'json' | 'buffer' });
    isCacheValid(duration?: string): boolean;
    getCachedValue(): unknown;
    readonly cachedObject: CachedObject | undefined;
    save(contents: string, type?: 'text' | 'json' | 'buffer', metadata?: Record<string, unknown>): Promise<void>;
  }

  const EleventyFetch: { AssetCache: typeof AssetCache };
  export default EleventyFetch;
}
