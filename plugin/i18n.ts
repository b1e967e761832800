/**
 * The plugin's visible texts in the languages it speaks. One table per
 * language with the same keys, so a missing translation is a type error.
 */
import type { DunbarLayer, PostShape, Reactions, SourceCounts } from '../server/dialogue/types.js';

export const LANGUAGES = ['en', 'de'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Numbered post fields that the per-post page explains, in the spec's order. */
export type PostField =
  | 'comments' | 'topLevel' | 'replyShare' | 'answeredShare' | 'maxDepth' | 'meanDepth' | 'hIndex' | 'participants'
  | 'readers' | 'anonymousShare' | 'reentrants' | 'reciprocalPairs' | 'exchanges' | 'longestBackAndForth'
  | 'authorThreadShare' | 'authorFirstReplyMedianHours' | 'authorAnsweredWithin72hShare' | 'waitingForAuthor' | 'pending' | 'orphans';

export interface Strings {
  shape: Record<PostShape, string>;
  shapeExplained: Record<PostShape, string>;
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
  summary: {
    postsWithComments: string;
    comments: string;
    participants: string;
    conversationShare: string;
    returningCommenters: string;
    returningCommentShare: string;
    dialoguePartners: string;
    waitingForAuthor: string;
  };
  shapesHeading: string;
  shapeColumns: [string, string, string];
  postsHeading: string;
  postColumns: { post: string; shape: string; comments: string; people: string; deepest: string; exchanges: string; waiting: string };
  conversationsHeading: string;
  waitingHeading: string;
  waitingNone: string;
  waitingMore: (n: number) => string;
  waitingOn: (post: string) => string;
  anonymous: string;
  backToReport: string;
  readPost: string;
  numbersHeading: string;
  numberColumns: [string, string];
  /** Where the conversation happened and the applause from elsewhere; empty when it all happened on the site. */
  elsewhereLine: (sources: SourceCounts, reactions: Reactions) => string;
  postField: Record<PostField, string>;
  chart: {
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
    dunbarTitle: string;
    dunbarSummary: (partners: number, layerText: string) => string;
    dunbarColumns: [string, string, string];
    post: string;
    author: string;
    reader: string;
    placeholder: string;
  };
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n, 'en', 0)} ${n === 1 ? one : many}`;
const pluralDe = (n: number, one: string, many: string) => `${formatNumber(n, 'de', 0)} ${n === 1 ? one : many}`;

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
  shape: { silence: 'Silence', applause: 'Applause', 'q-and-a': 'Questions and answers', conversation: 'Conversation' },
  shapeExplained: {
    silence: 'No comments yet.',
    applause: 'Readers left comments, but nobody replied to anybody.',
    'q-and-a': 'Readers asked and the author answered, without a back-and-forth.',
    conversation: 'People answered each other: readers replied to readers, or someone came back to a reply.',
  },
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
      : `The author is in real dialogue with ${plural(n, 'person', 'people')}: each exchanged replies with the author at least ${exchanges} times.`,
  dunbarLayer: (layer, partners) =>
    layer === null
      ? partners > 0 ? 'More than Dunbar’s 150: more than one person can keep up with.' : 'Not yet in any of Dunbar’s layers.'
      : `That fits in Dunbar’s ${en.layerName[layer]} (up to ${layer}).`,
  layerName: { 5: 'support clique', 15: 'sympathy group', 50: 'band', 150: 'active network' },
  summary: {
    postsWithComments: 'Posts with comments',
    comments: 'Comments',
    participants: 'People taking part',
    conversationShare: 'Posts that became a conversation',
    returningCommenters: 'Readers who came back to another post',
    returningCommentShare: 'Comments by readers who came back',
    dialoguePartners: 'Dialogue partners',
    waitingForAuthor: 'Readers waiting for the author',
  },
  shapesHeading: 'What the comment threads look like',
  shapeColumns: ['Shape', 'Posts', 'What it means'],
  postsHeading: 'Posts',
  postColumns: { post: 'Post', shape: 'Shape', comments: 'Comments', people: 'People', deepest: 'Deepest reply', exchanges: 'Exchanges', waiting: 'Waiting' },
  conversationsHeading: 'Conversations at a glance',
  waitingHeading: 'Readers waiting for the author',
  waitingNone: 'Nobody is waiting for an answer.',
  waitingMore: (n) => `And ${plural(n, 'earlier one', 'earlier ones')}: each post's dialogue page lists all of its own.`,
  waitingOn: (post) => `on ${post}`,
  anonymous: 'Anonymous',
  backToReport: 'All posts',
  readPost: 'Read the post and its comments',
  numbersHeading: 'The numbers',
  numberColumns: ['Measure', 'Value'],
  elsewhereLine: (sources, reactions) =>
    elsewhere(sources, reactions, {
      where: 'Where the comments were written', site: 'on the site', webmention: 'by Webmention', mastodon: 'on Mastodon', bluesky: 'on Bluesky',
      applause: 'Applause elsewhere, not counted as dialogue', likes: (n) => plural(n, 'like', 'likes'), reposts: (n) => plural(n, 'repost', 'reposts'),
    }),
  postField: {
    comments: 'Comments',
    topLevel: 'Top-level comments',
    replyShare: 'Share of replies',
    answeredShare: 'Comments that got an answer',
    maxDepth: 'Deepest reply (level)',
    meanDepth: 'Mean depth',
    hIndex: 'Thread h-index',
    participants: 'People taking part',
    readers: 'Readers taking part',
    anonymousShare: 'Anonymous comments',
    reentrants: 'People who came back into the thread',
    reciprocalPairs: 'Pairs who replied to each other',
    exchanges: 'Exchanges (A → B → A)',
    longestBackAndForth: 'Longest back-and-forth',
    authorThreadShare: 'Reader threads the author joined',
    authorFirstReplyMedianHours: 'Median hours to the author’s first reply',
    authorAnsweredWithin72hShare: 'Reader threads answered by the author within 72 h',
    waitingForAuthor: 'Readers waiting for the author',
    pending: 'Awaiting moderation',
    orphans: 'Orphaned replies',
  },
  chart: {
    treeTitle: 'Shape of the conversation',
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
    dunbarTitle: 'Dialogue partners against Dunbar’s layers',
    dunbarSummary: (partners, layerText) => `${plural(partners, 'dialogue partner', 'dialogue partners')}. ${layerText}`,
    dunbarColumns: ['Layer', 'Up to', 'Reached'],
    post: 'post',
    author: 'author',
    reader: 'reader',
    placeholder: 'removed comment',
  },
};

const de: Strings = {
  shape: { silence: 'Stille', applause: 'Applaus', 'q-and-a': 'Fragen und Antworten', conversation: 'Gespräch' },
  shapeExplained: {
    silence: 'Noch keine Kommentare.',
    applause: 'Es gibt Kommentare, aber niemand hat jemandem geantwortet.',
    'q-and-a': 'Leserinnen und Leser haben gefragt, der Autor hat geantwortet, ohne Hin und Her.',
    conversation: 'Hier wurde einander geantwortet: Lesende untereinander, oder jemand kam auf eine Antwort zurück.',
  },
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
      : `Das passt in Dunbars ${de.layerName[layer]} (bis ${layer}).`,
  layerName: { 5: 'engsten Kreis', 15: 'Sympathiegruppe', 50: 'Gruppe', 150: 'aktives Netz' },
  summary: {
    postsWithComments: 'Beiträge mit Kommentaren',
    comments: 'Kommentare',
    participants: 'Beteiligte Personen',
    conversationShare: 'Beiträge, aus denen ein Gespräch wurde',
    returningCommenters: 'Lesende, die bei einem weiteren Beitrag wiederkamen',
    returningCommentShare: 'Kommentare von Wiederkehrenden',
    dialoguePartners: 'Dialogpartner',
    waitingForAuthor: 'Lesende, die auf den Autor warten',
  },
  shapesHeading: 'Wie die Kommentarstränge aussehen',
  shapeColumns: ['Form', 'Beiträge', 'Was das heißt'],
  postsHeading: 'Beiträge',
  postColumns: { post: 'Beitrag', shape: 'Form', comments: 'Kommentare', people: 'Personen', deepest: 'Tiefste Antwort', exchanges: 'Wechsel', waiting: 'Wartend' },
  conversationsHeading: 'Gespräche auf einen Blick',
  waitingHeading: 'Lesende, die auf den Autor warten',
  waitingNone: 'Niemand wartet auf eine Antwort.',
  waitingMore: (n) => `Dazu ${pluralDe(n, 'früherer', 'frühere')}: Die Dialogseite jedes Beitrags listet alle eigenen.`,
  waitingOn: (post) => `zu ${post}`,
  anonymous: 'Anonym',
  backToReport: 'Alle Beiträge',
  readPost: 'Beitrag und Kommentare lesen',
  numbersHeading: 'Die Zahlen',
  elsewhereLine: (sources, reactions) =>
    elsewhere(sources, reactions, {
      where: 'Wo die Kommentare geschrieben wurden', site: 'auf der Website', webmention: 'per Webmention', mastodon: 'auf Mastodon', bluesky: 'auf Bluesky',
      applause: 'Beifall anderswo, nicht als Dialog gezählt', likes: (n) => pluralDe(n, 'Like', 'Likes'), reposts: (n) => pluralDe(n, 'Repost', 'Reposts'),
    }),
  numberColumns: ['Größe', 'Wert'],
  postField: {
    comments: 'Kommentare',
    topLevel: 'Kommentare auf oberster Ebene',
    replyShare: 'Anteil der Antworten',
    answeredShare: 'Kommentare, die eine Antwort bekamen',
    maxDepth: 'Tiefste Antwort (Ebene)',
    meanDepth: 'Mittlere Tiefe',
    hIndex: 'h-Index des Strangs',
    participants: 'Beteiligte Personen',
    readers: 'Beteiligte Lesende',
    anonymousShare: 'Anonyme Kommentare',
    reentrants: 'Personen, die in den Strang zurückkamen',
    reciprocalPairs: 'Paare, die einander antworteten',
    exchanges: 'Wechsel (A → B → A)',
    longestBackAndForth: 'Längstes Hin und Her',
    authorThreadShare: 'Stränge, in die sich der Autor einbrachte',
    authorFirstReplyMedianHours: 'Median der Stunden bis zur ersten Antwort des Autors',
    authorAnsweredWithin72hShare: 'Stränge, die der Autor binnen 72 h beantwortete',
    waitingForAuthor: 'Lesende, die auf den Autor warten',
    pending: 'Warten auf Freigabe',
    orphans: 'Verwaiste Antworten',
  },
  chart: {
    treeTitle: 'Form des Gesprächs',
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
    dunbarTitle: 'Dialogpartner und Dunbars Schichten',
    dunbarSummary: (partners, layerText) => `${pluralDe(partners, 'Dialogpartner', 'Dialogpartner')}. ${layerText}`,
    dunbarColumns: ['Schicht', 'Bis', 'Erreicht'],
    post: 'Beitrag',
    author: 'Autor',
    reader: 'Lesende',
    placeholder: 'entfernter Kommentar',
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
  return value === null ? '–' : `${formatNumber(Math.round(value * 100), lang, 0)} %`;
}

/** Formats a number in the page's language; null as a dash. */
export function formatNumber(value: number | null, lang: Lang, digits = 1): string {
  if (value === null) return '–';
  return formatter(`n:${lang}:${digits}`, () => new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits })).format(value);
}

/** A date as readers of `lang` write it, in UTC so builds are reproducible. */
export function formatDate(iso: string, lang: Lang): string {
  return formatter(`d:${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(new Date(iso));
}
