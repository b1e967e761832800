/**
 * Theme "auto" (the default, or `data-kommentar-theme="auto"`): the widget
 * takes the host page's actual background, the colour of the nearest
 * ancestor that paints one, so a light blog gets a light widget at night and
 * a blog darkened by a switch of its own gets a dark one. An explicit "light"
 * or "dark" on an ancestor wins (widget.css ranks it first); a page with no
 * background anywhere leaves it to the reader's preference. Followed live
 * through the page's html and body attributes (a site's theme switch); the
 * script stays within its 6 KB, so a change of the reader's preference while
 * the page is open is seen on the next load.
 */

/**
 * Sets "dark" or "light" on the widget from the lightness of the first painted background from the embed up
 * ((r + 2g + b) / 4 on the sRGB values: enough to tell light from dark, and small), or nothing when no
 * ancestor paints one. An explicit theme on an ancestor still wins: the stylesheet ranks it first.
 */
export function followHostTheme(root: HTMLElement, container: HTMLElement): void {
  const apply = (): string | undefined => {
    delete root.dataset.kommentarTheme;
    for (let el: Element | null = container; el; el = el.parentElement) {
      const [r, g, b, a = 1] = getComputedStyle(el).backgroundColor.match(/[\d.]+/g)!.map(Number) as number[];
      if (a > 0) return (root.dataset.kommentarTheme = r! + 2 * g! + b! < 480 ? 'dark' : 'light');
    }
  };
  apply();
  const observer = new MutationObserver(apply);
  for (const el of [document.documentElement, document.body]) observer.observe(el, { attributes: true });
}
