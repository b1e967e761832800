/**
 * One build's view of the comment data, handed to templates as the global
 * `kommentar` and read by the shortcodes. A class instance on purpose:
 * Eleventy merges plain objects into every page's data, and this one can
 * hold a hundred thousand comments.
 */
import type { PostReport } from '../server/dialogue/types.js';
import type { Lang } from './i18n.js';
import type { ResolvedOptions } from './options.js';
import { postPagePaths } from './pages/paths.js';
import type { SiteData, SiteThread } from './site-data.js';

/** A post that gets a dialogue page of its own. */
export interface PostPage {
  uri: string;
  title: string;
  /** Output URL of its dialogue page. */
  path: string;
  report: PostReport;
}

/** The options as a build uses them: `lang` settled to a language Kommentar speaks (see `buildLanguage`). */
export type BuildOptions = Omit<ResolvedOptions, 'lang'> & { lang: Lang };

export class KommentarBuild {
  readonly postPages: PostPage[];
  /** When this build's data was taken (ms): the prerender's "now". */
  readonly builtAt = Date.now();
  private readonly paths: Map<string, string>;
  private readonly posts: Map<string, PostReport>;

  constructor(
    readonly options: BuildOptions,
    readonly data: SiteData,
  ) {
    const posts = data.report?.posts ?? [];
    this.posts = new Map(posts.map((post) => [post.uri, post]));
    const withComments = options.postPages ? posts.filter((post) => post.comments > 0) : [];
    this.paths = postPagePaths(withComments.map((post) => post.uri), options.reportPath);
    this.postPages = withComments.map((post) => ({ uri: post.uri, title: this.titleOf(post.uri), path: this.paths.get(post.uri)!, report: post }));
  }

  get report() {
    return this.data.report;
  }

  thread(uri: string): SiteThread | undefined {
    return this.data.threads.get(uri);
  }

  postReport(uri: string): PostReport | undefined {
    return this.posts.get(uri);
  }

  /** The post's dialogue page, when it has one. */
  postPagePath(uri: string): string | undefined {
    return this.paths.get(uri);
  }

  /** The report's title, else the thread's, else the path itself. */
  titleOf(uri: string): string {
    return this.posts.get(uri)?.title ?? this.data.threads.get(uri)?.title ?? uri;
  }
}
