/**
 * Theme "auto" (the default, or `data-kommentar-theme="auto"`): the widget
 * takes the host page's actual background, the colour of the nearest
 * ancestor that paints one, so a light blog gets a light widget at night and
 * a blog darkened by a switch of its own gets a dark one. An explicit "light"
 * or "dark" on an ancestor wins; a page with no background anywhere leaves it
 * to the reader's preference (the stylesheet's default). Followed live: the
 * reader's preference and the page's html/body attributes (a site's theme
 * switch) are watched.
 */

/** Relative luminance (WCAG) of the first non-transparent background from `el` up; null when none paints one. */
export function hostLuminance(el: Element | null): number | null {
  for (; el; el = el.parentElement) {
    const [r = 0, g = 0, b = 0, a = 1] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
    if (a === 0) continue;
    const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  }
  return null;
}

export function followHostTheme(root: HTMLElement, container: HTMLElement): void {
  const apply = () => {
    const chosen = container.closest('[data-kommentar-theme]')?.getAttribute('data-kommentar-theme');
    const luminance = chosen === 'light' || chosen === 'dark' ? null : hostLuminance(container);
    // Mid-grey (#777) has a luminance near 0.18: darker than that is a dark page.
    if (luminance === null) root.removeAttribute('data-kommentar-theme');
    else root.setAttribute('data-kommentar-theme', luminance < 0.18 ? 'dark' : 'light');
  };
  apply();
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
  const observer = new MutationObserver(apply);
  for (const el of [document.documentElement, document.body]) observer.observe(el, { attributes: true });
}
