/**
 * The HTML document around every page the server renders: the desk, the
 * no-JavaScript thread page and the refused-form page. Written with hono/html,
 * which escapes every interpolated value unless it is marked `raw`.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface ShellOptions {
  lang: string;
  title: string;
  /** A stylesheet URL. */
  stylesheet?: string;
  /** A script URL, loaded async at the end of the body. */
  script?: string;
  bodyClass?: string;
  /** Inline style for a page that has no stylesheet of its own. */
  bodyStyle?: string;
  /** The Webmention endpoint this page advertises. */
  webmention?: string;
}

/** A complete page, kept out of search engines (comment pages belong to the blog, not to the comment server). */
export function pageShell(options: ShellOptions, body: Html): Html {
  const { lang, title, stylesheet, script, bodyClass, bodyStyle, webmention } = options;
  return html`<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    ${stylesheet ? html`<link rel="stylesheet" href="${stylesheet}" />` : ''}
    ${webmention ? html`<link rel="webmention" href="${webmention}" />` : ''}
  </head>
  <body${bodyClass ? html` class="${bodyClass}"` : ''}${bodyStyle ? html` style="${bodyStyle}"` : ''}>
    ${body}
    ${script ? html`<script src="${script}" async></script>` : ''}
  </body>
</html>`;
}
