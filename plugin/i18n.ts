/**
 * The dialogue pages' visible texts in the languages they speak. One table
 * per language with the same keys, so a missing translation is a type error.
 * What each measure and shape means comes from the shared glossary
 * (server/report/glossary.ts), which the desk and the CLI read too.
 */
import type { DunbarLayer, PostShape, Reactions, SourceCounts } from '../server/dialogue/types.js';
import { glossary, type Glossary } from '../server/report/glossary.js';
import { formatPercent } from '../server/render/percent.js';

export const LANGUAGES = ['en', 'de'] as const;
export type Lang = (typeof LANGUAGES)[number];

export interface Strings {
  /** Measure names, meanings and shape rules, shared with the desk and the CLI. */
  words: Glossary;
  shape: Record<PostShape, string>;
  countComments: (n: number) => string;
  countPeople: (n: number) => string;
  depth: (n: number) => string;
  dialogueTitle: string;
  dialogueIntro: string;
  postDialogueTitle: (title: string) => string;
  generated: (date: string) => string;
  staleData: (date: string) => string;
  noData: string;
  inDialogueWith: (n: number, exchanges: number) => string;
  dunbarLayer: (layer: DunbarLayer | null, partners: number) => string;
  layerName: Record<DunbarLayer, string>;
  glanceHeading: string;
  /** "+3 since 2 November" (`delta` already signed and formatted). */
  changeSince: (delta: string, date: string) => string;
  noChangeSince: (date: string) => string;
  /** A change of a share, in percentage points. */
  points: (n: number) => string;
  conversationHeading: string;
  returningHeading: string;
  postsQuestion: string;
  glossaryHeading: string;
  shapeColumns: [string, string, string];
  postsHeading: string;
  postColumns: { post: string; shape: string; comments: string; people: string; deepest: string; exchanges: string; waiting: string; anonymous: string };
  conversationsHeading: string;
  waitingHeading: string;
  waitingNone: string;
  waitingMore: (n: number) => string;
  waitingOn: (post: string) => string;
  acknowledgedNote: (n: number) => string;
  anonymous: string;
  backToReport: string;
  readPost: string;
  numbersHeading: string;
  numberColumns: [string, string, string];
  tookPart: (people: string) => string;
  elsewhereLine: (sources: SourceCounts, reactions: Reactions) => string;
  chart: {
    data: string;
    treeTitle: string;
    treeSummary: (comments: number, topLevel: number, maxDepth: number, byAuthor: number) => string;
    treeColumns: [string, string, string];
    treeTruncated: (shown: number, total: number) => string;
    depthTitle: string;
    depthSummary: (comments: number, deepest: number, repliesShare: string) => string;
    depthColumns: [string, string];
    monthlyTitle: string;
    monthlySummary: (months: number, newcomers: number, returning: number) => string;
    monthlyColumns: [string, string, string];
    cohortTitle: string;
    cohortSummary: (newcomers: number, back: number, share: string) => string;
    cohortColumns: [string, string, string];
    share: string;
    trendsTitle: string;
    trendsSummary: (months: number) => string;
    trendLatest: (value: string) => string;
    month: string;
    hours: (value: number | null, lang: Lang) => string;
    dunbarTitle: string;
    dunbarSummary: (partners: number, layerText: string) => string;
    dunbarColumns: [string, string, string];
    dunbarYou: (n: number) => string;
    timelineTitle: string;
    timelineSummary: (comments: number, from: string, to: string, byAuthor: number) => string;
    timelineEmpty: string;
    timelineWait: string;
    timelineColumns: [string, string, string];
    readersLane: string;
    authorLane: string;
    post: string;
    author: string;
    reader: string;
    anonymousPerson: string;
    placeholder: string;
    chain: string;
    colorsRepeat: string;
  };
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n, 'en', 0)} ${n === 1 ? one : many}`;
const pluralDe = (n: number, one: string, many: string) => `${formatNumber(n, 'de', 0)} ${n === 1 ? one : many}`;
const enWords = glossary('en');
const deWords = glossary('de');
const names = (words: Glossary) => ({
  silence: words.shapes.silence.name,
  applause: words.shapes.applause.name,
  'q-and-a': words.shapes['q-and-a'].name,
  conversation: words.shapes.conversation.name,
});

interface ElsewhereWords extends Record<keyof SourceCounts, string> {
  where: string;
  applause: string;
  likes: (n: number) => string;
  reposts: (n: number) => string;
}

/** "Where …: 3 on the site, 2 on Mastodon. Applause …: 4 likes, 1 repost." Empty when nothing came from elsewhere. */
function elsewhere(sources: SourceCounts, reactions: Reactions, words: ElsewhereWords): string {
  const fromElsewhere = sources.webmention + sources.mastodon + sources.bluesky;
  if (fromElsewhere === 0 && reactions.likes + reactions.reposts === 0) return '';
  const places = (Object.keys(sources) as (keyof SourceCounts)[]).filter((key) => sources[key] > 0).map((key) => `${sources[key]} ${words[key]}`);
  const where = places.length > 0 ? `${words.where}: ${places.join(', ')}.` : '';
  const applause = reactions.likes + reactions.reposts > 0 ? ` ${words.applause}: ${words.likes(reactions.likes)}, ${words.reposts(reactions.reposts)}.` : '';
  return (where + applause).trim();
}

const en: Strings = {
  words: enWords,
  shape: names(enWords),
  countComments: (n) => plural(n, 'comment', 'comments'),
  countPeople: (n) => plural(n, 'person', 'people'),
  depth: (n) => `${n} deep`,
  dialogueTitle: 'Dialogue',
  dialogueIntro: 'How readers and the author talk with each other here, counted from the public comments. No page views, no visitor counts, no tracking.',
  postDialogueTitle: (title) => `Dialogue: ${title}`,
  generated: (date) => `Report of ${date}.`,
  staleData: (date) => `The comment server could not be reached during this build; these numbers are from ${date}.`,
  noData: 'The comment server could not be reached and nothing was cached, so this page has no numbers yet.',
  inDialogueWith: (n, exchanges) =>
    n === 0
      ? `Nobody has gone back and forth with the author ${exchanges} times yet.`
      : `The author is in real dialogue with ${plural(n, 'person', 'people')}: each went back and forth with the author at least ${exchanges} times.`,
  dunbarLayer: (layer, partners) =>
    layer === null
      ? partners > 0 ? 'More than Dunbar’s 150: more than one person can keep up with.' : 'Not yet in any of Dunbar’s layers.'
      : `That fits in Dunbar’s ${en.layerName[layer]} (up to ${layer} people).`,
  layerName: { 5: 'support clique', 15: 'sympathy group', 50: 'band', 150: 'active network' },
  glanceHeading: 'At a glance',
  changeSince: (delta, date) => `${delta} since ${date}`,
  noChangeSince: (date) => `No change since ${date}`,
  points: (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), 'en', 0)} ${Math.abs(n) === 1 ? 'point' : 'points'}`,
  conversationHeading: 'Are you in conversation with your readers?',
  returningHeading: 'Who comes back?',
  postsQuestion: 'Which posts started conversations, and why',
  glossaryHeading: 'What the numbers mean',
  shapeColumns: ['Shape', 'Posts', 'The rule'],
  postsHeading: 'All posts',
  postColumns: { post: 'Post', shape: 'Shape', comments: 'Comments', people: 'People', deepest: 'Deepest reply', exchanges: 'Second rounds', waiting: 'Open', anonymous: 'Anonymous' },
  conversationsHeading: 'Conversation maps',
  waitingHeading: 'Addressed to the author, no reply yet',
  waitingNone: 'Every comment addressed to the author has a reply or needs none.',
  waitingMore: (n) => `And ${plural(n, 'earlier one', 'earlier ones')}: each post's dialogue page lists all of its own.`,
  waitingOn: (post) => `on ${post}`,
  acknowledgedNote: (n) => `${plural(n, 'more comment was', 'more comments were')} marked “no answer needed” by the author.`,
  anonymous: 'Anonymous',
  backToReport: 'All posts',
  readPost: 'Read the post and its comments',
  numbersHeading: 'The numbers',
  numberColumns: ['Measure', 'Value', 'What it means'],
  tookPart: (people) => `${people} took part.`,
  elsewhereLine: (sources, reactions) =>
    elsewhere(sources, reactions, {
      where: 'Where the comments were written', site: 'on the site', webmention: 'by Webmention', mastodon: 'on Mastodon', bluesky: 'on Bluesky',
      applause: 'Applause elsewhere, not counted as dialogue', likes: (n) => plural(n, 'like', 'likes'), reposts: (n) => plural(n, 'repost', 'reposts'),
    }),
  chart: {
    data: 'The data as a table',
    treeTitle: 'Conversation map',
    treeSummary: (comments, topLevel, maxDepth, byAuthor) =>
      `A tree of ${plural(comments, 'comment', 'comments')}: ${topLevel} start a thread, the deepest reply is at level ${maxDepth}, ${byAuthor} by the author.`,
    treeColumns: ['Level', 'Comments', 'By the author'],
    treeTruncated: (shown, total) => `Showing the first ${shown} of ${total} comments.`,
    depthTitle: 'Comments by depth',
    depthSummary: (comments, deepest, repliesShare) => `${plural(comments, 'comment', 'comments')}, the deepest at level ${deepest}; ${repliesShare} are replies.`,
    depthColumns: ['Level', 'Comments'],
    monthlyTitle: 'Newcomers and returning commenters per month',
    monthlySummary: (months, newcomers, returning) => `Over ${plural(months, 'month', 'months')}: ${newcomers} newcomers, ${returning} returning commenter-months.`,
    monthlyColumns: ['Month', 'Newcomers', 'Returning'],
    cohortTitle: 'Newcomers who came back within 90 days',
    cohortSummary: (newcomers, back, share) => `Of ${plural(newcomers, 'newcomer', 'newcomers')}, ${back} commented again within 90 days (${share}).`,
    cohortColumns: ['First month', 'Newcomers', 'Back within 90 days'],
    share: 'Share',
    trendsTitle: 'Month by month',
    trendsSummary: (months) => `Three measures over ${plural(months, 'month', 'months')}, side by side.`,
    trendLatest: (value) => `Latest: ${value}.`,
    month: 'Month',
    hours: (value, lang) => (value === null ? '–' : `${formatNumber(value, lang, value < 10 ? 1 : 0)} h`),
    dunbarTitle: 'Dialogue partners on Dunbar’s scale',
    dunbarSummary: (partners, layerText) => `${plural(partners, 'dialogue partner', 'dialogue partners')}. ${layerText}`,
    dunbarColumns: ['Layer', 'Up to', 'Your partners'],
    dunbarYou: (n) => `${plural(n, 'partner', 'partners')}`,
    timelineTitle: 'The thread over time',
    timelineSummary: (comments, from, to, byAuthor) => `${plural(comments, 'comment', 'comments')} from ${from} to ${to}, ${byAuthor} of them by the author.`,
    timelineEmpty: 'No comments yet.',
    timelineWait: 'from a comment to the author’s answer',
    timelineColumns: ['When (UTC)', 'Who', 'In reply to'],
    readersLane: 'Readers',
    authorLane: 'Author',
    post: 'the post',
    author: 'author',
    reader: 'reader',
    anonymousPerson: 'anonymous',
    placeholder: 'removed comment',
    chain: 'back-and-forth',
    colorsRepeat: 'colours repeat after six people',
  },
};

const de: Strings = {
  words: deWords,
  shape: names(deWords),
  countComments: (n) => pluralDe(n, 'Kommentar', 'Kommentare'),
  countPeople: (n) => pluralDe(n, 'Person', 'Personen'),
  depth: (n) => `Tiefe ${n}`,
  dialogueTitle: 'Dialog',
  dialogueIntro: 'Wie Lesende und Autor hier miteinander sprechen, gezählt aus den öffentlichen Kommentaren. Keine Seitenaufrufe, keine Besucherzahlen, kein Tracking.',
  postDialogueTitle: (title) => `Dialog: ${title}`,
  generated: (date) => `Stand: ${date}.`,
  staleData: (date) => `Der Kommentar-Server war beim Bauen nicht erreichbar; diese Zahlen sind vom ${date}.`,
  noData: 'Der Kommentar-Server war nicht erreichbar und es gab keine gespeicherten Daten, daher stehen hier noch keine Zahlen.',
  inDialogueWith: (n, exchanges) =>
    n === 0
      ? `Noch hat niemand ${exchanges}-mal mit dem Autor hin und her geschrieben.`
      : `Der Autor ist mit ${pluralDe(n, 'Person', 'Personen')} im echten Dialog: jede hat mindestens ${exchanges}-mal mit ihm hin und her geschrieben.`,
  dunbarLayer: (layer, partners) =>
    layer === null
      ? partners > 0 ? 'Mehr als Dunbars 150: mehr, als ein Mensch pflegen kann.' : 'Noch in keiner von Dunbars Schichten.'
      : `Das passt in Dunbars ${de.layerName[layer]} (bis ${layer} Menschen).`,
  layerName: { 5: 'engsten Kreis', 15: 'Sympathiegruppe', 50: 'Gruppe', 150: 'aktives Netz' },
  glanceHeading: 'Auf einen Blick',
  changeSince: (delta, date) => `${delta} seit ${date}`,
  noChangeSince: (date) => `Unverändert seit ${date}`,
  points: (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatNumber(Math.abs(n), 'de', 0)} ${Math.abs(n) === 1 ? 'Punkt' : 'Punkte'}`,
  conversationHeading: 'Sind Sie im Gespräch mit Ihren Lesenden?',
  returningHeading: 'Wer kommt wieder?',
  postsQuestion: 'Welche Beiträge Gespräche auslösten, und warum',
  glossaryHeading: 'Was die Zahlen bedeuten',
  shapeColumns: ['Form', 'Beiträge', 'Die Regel'],
  postsHeading: 'Alle Beiträge',
  postColumns: { post: 'Beitrag', shape: 'Form', comments: 'Kommentare', people: 'Personen', deepest: 'Tiefste Antwort', exchanges: 'Zweite Runden', waiting: 'Offen', anonymous: 'Anonym' },
  conversationsHeading: 'Gesprächskarten',
  waitingHeading: 'An den Autor gerichtet, noch ohne Antwort',
  waitingNone: 'Jeder Kommentar an den Autor hat eine Antwort oder braucht keine.',
  waitingMore: (n) => `Dazu ${pluralDe(n, 'früherer', 'frühere')}: Die Dialogseite jedes Beitrags listet alle eigenen.`,
  waitingOn: (post) => `zu ${post}`,
  acknowledgedNote: (n) => `${pluralDe(n, 'weiterer Kommentar wurde', 'weitere Kommentare wurden')} vom Autor als „keine Antwort nötig“ markiert.`,
  anonymous: 'Anonym',
  backToReport: 'Alle Beiträge',
  readPost: 'Beitrag und Kommentare lesen',
  numbersHeading: 'Die Zahlen',
  numberColumns: ['Größe', 'Wert', 'Was sie bedeutet'],
  tookPart: (people) => `Beteiligt: ${people}.`,
  elsewhereLine: (sources, reactions) =>
    elsewhere(sources, reactions, {
      where: 'Wo die Kommentare geschrieben wurden', site: 'auf der Website', webmention: 'per Webmention', mastodon: 'auf Mastodon', bluesky: 'auf Bluesky',
      applause: 'Beifall anderswo, nicht als Dialog gezählt', likes: (n) => pluralDe(n, 'Like', 'Likes'), reposts: (n) => pluralDe(n, 'Repost', 'Reposts'),
    }),
  chart: {
    data: 'Die Daten als Tabelle',
    treeTitle: 'Gesprächskarte',
    treeSummary: (comments, topLevel, maxDepth, byAuthor) =>
      `Ein Baum aus ${pluralDe(comments, 'Kommentar', 'Kommentaren')}: ${topLevel} beginnen einen Strang, die tiefste Antwort liegt auf Ebene ${maxDepth}, ${byAuthor} vom Autor.`,
    treeColumns: ['Ebene', 'Kommentare', 'Vom Autor'],
    treeTruncated: (shown, total) => `Gezeigt werden die ersten ${shown} von ${total} Kommentaren.`,
    depthTitle: 'Kommentare nach Tiefe',
    depthSummary: (comments, deepest, repliesShare) => `${pluralDe(comments, 'Kommentar', 'Kommentare')}, der tiefste auf Ebene ${deepest}; ${repliesShare} sind Antworten.`,
    depthColumns: ['Ebene', 'Kommentare'],
    monthlyTitle: 'Neue und wiederkehrende Kommentierende pro Monat',
    monthlySummary: (months, newcomers, returning) => `In ${pluralDe(months, 'Monat', 'Monaten')}: ${newcomers} neu, ${returning} wiederkehrend (je Monat gezählt).`,
    monthlyColumns: ['Monat', 'Neu', 'Wiederkehrend'],
    cohortTitle: 'Neue, die binnen 90 Tagen wiederkamen',
    cohortSummary: (newcomers, back, share) => `Von ${pluralDe(newcomers, 'neuen Lesenden', 'neuen Lesenden')} kommentierten ${back} binnen 90 Tagen wieder (${share}).`,
    cohortColumns: ['Erster Monat', 'Neu', 'Binnen 90 Tagen zurück'],
    share: 'Anteil',
    trendsTitle: 'Monat für Monat',
    trendsSummary: (months) => `Drei Größen über ${pluralDe(months, 'Monat', 'Monate')}, nebeneinander.`,
    trendLatest: (value) => `Zuletzt: ${value}.`,
    month: 'Monat',
    hours: (value, lang) => (value === null ? '–' : `${formatNumber(value, lang, value < 10 ? 1 : 0)} h`),
    dunbarTitle: 'Dialogpartner auf Dunbars Skala',
    dunbarSummary: (partners, layerText) => `${pluralDe(partners, 'Dialogpartner', 'Dialogpartner')}. ${layerText}`,
    dunbarColumns: ['Schicht', 'Bis', 'Ihre Partner'],
    dunbarYou: (n) => `${pluralDe(n, 'Partner', 'Partner')}`,
    timelineTitle: 'Der Strang im Zeitverlauf',
    timelineSummary: (comments, from, to, byAuthor) => `${pluralDe(comments, 'Kommentar', 'Kommentare')} vom ${from} bis ${to}, davon ${byAuthor} vom Autor.`,
    timelineEmpty: 'Noch keine Kommentare.',
    timelineWait: 'vom Kommentar zur Antwort des Autors',
    timelineColumns: ['Wann (UTC)', 'Wer', 'Antwort an'],
    readersLane: 'Lesende',
    authorLane: 'Autor',
    post: 'der Beitrag',
    author: 'Autor',
    reader: 'Lesende',
    anonymousPerson: 'anonym',
    placeholder: 'entfernter Kommentar',
    chain: 'Hin und Her',
    colorsRepeat: 'Farben wiederholen sich nach sechs Personen',
  },
};

const TABLES: Record<Lang, Strings> = { en, de };

/** The supported language `lang` names ("de-AT" → "de"), else `fallback`. */
export function langOf(lang: string | undefined, fallback: Lang): Lang {
  const base = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Lang) : fallback;
}

/** The texts for `lang`; unsupported languages (e.g. "fr" from a page) get `fallback`'s. */
export function stringsFor(lang: string | undefined, fallback: Lang): Strings {
  return TABLES[langOf(lang, fallback)];
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', de: 'de-DE' };

/** Intl formatters are costly to create and a build formats thousands of values: one per language and kind. */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let cached = formatters.get(key) as T | undefined;
  if (!cached) formatters.set(key, (cached = create()));
  return cached;
}

/** Formats a share (0..1) as a percentage in the page's language; null as a dash. */
export function formatShare(value: number | null, lang: Lang): string {
  return formatPercent(value, LOCALES[lang]);
}

/** Formats a number in the page's language; null as a dash. */
export function formatNumber(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '–';
  return formatter(`n:${lang}:${digits}`, () => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits })).format(value);
}

/** A date and time (UTC) as readers of `lang` write it, for tables. */
export function formatDateTime(iso: string, lang: Lang): string {
  return formatter(`t:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).format(new Date(iso));
}

/** A date as readers of `lang` write it, in UTC so builds are reproducible. */
export function formatDate(iso: string, lang: Lang): string {
  return formatter(`d:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(new Date(iso));
}
