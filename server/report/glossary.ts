/**
 * The report's words, in English and German: what each measure means in
 * plain language and the exact rule of each shape (specs/dialogue-metrics.md).
 * One table read by the dialogue pages, the desk and the CLI, so all three
 * explain a number the same way.
 */
import type { PostShape } from '../dialogue/types.js';

export const GLOSSARY_LANGUAGES = ['en', 'de'] as const;
export type GlossaryLang = (typeof GLOSSARY_LANGUAGES)[number];

/** A measure: its short name and one or two sentences on what it counts. */
export interface Term {
  label: string;
  meaning: string;
}

/** Per-post measures, named as the report's JSON names them. */
export type PostTerm =
  | 'comments' | 'topLevel' | 'replyShare' | 'answeredShare' | 'maxDepth' | 'meanDepth' | 'hIndex' | 'participants'
  | 'readers' | 'anonymousShare' | 'reentrants' | 'reciprocalPairs' | 'exchanges' | 'longestBackAndForth'
  | 'authorThreadShare' | 'authorFirstReplyMedianHours' | 'authorAnsweredWithin72hShare' | 'waitingForAuthor'
  | 'acknowledged' | 'pending' | 'orphans';

/** Site measures (`summary`) and the monthly and cohort columns. */
export type SiteTerm =
  | 'posts' | 'postsWithComments' | 'comments' | 'participants' | 'conversationShare' | 'returningCommenters'
  | 'returningCommentShare' | 'dialoguePartners' | 'dunbar' | 'waitingForAuthor' | 'acknowledged' | 'pending'
  | 'newcomers' | 'returning' | 'monthlyConversationShare' | 'monthlyReturningShare' | 'monthlyAnswerHours'
  | 'cohorts' | 'returnedWithin90d';

export interface Shape {
  name: string;
  /** The exact rule, as the report applies it. */
  rule: string;
}

export interface Glossary {
  shapes: Record<PostShape, Shape>;
  post: Record<PostTerm, Term>;
  site: Record<SiteTerm, Term>;
  /** The dialogue partner rule with the report's minimum of exchanges. */
  partnerRule: (minExchanges: number) => string;
}

const en: Glossary = {
  shapes: {
    silence: { name: 'Silence', rule: 'No published comments.' },
    applause: {
      name: 'Applause',
      rule: 'Comments, but not one reply from one person to another (replies to oneself, to or from anonymous comments and to removed comments do not count).',
    },
    'q-and-a': {
      name: 'Questions and answers',
      rule: 'Readers and the author replied to each other, every reply is between a reader and the author, and there was no second round: nobody replied to an answer to their own comment.',
    },
    conversation: {
      name: 'Conversation',
      rule: 'At least one second round (A wrote, B replied, A replied to B), or one reader replied to another reader.',
    },
  },
  post: {
    comments: { label: 'Comments', meaning: 'Published comments.' },
    topLevel: { label: 'New threads', meaning: 'Comments on the post itself, each starting a thread of its own.' },
    replyShare: { label: 'Replies', meaning: 'The share of comments that reply to another comment.' },
    answeredShare: { label: 'Comments that got a reply', meaning: 'The share of comments someone else replied to.' },
    maxDepth: { label: 'Deepest reply', meaning: 'Level of the deepest comment: 1 is a comment on the post, 2 a reply to it, 3 a reply to that reply.' },
    meanDepth: { label: 'Average level', meaning: 'The average level of all comments (1 = on the post).' },
    hIndex: {
      label: 'Thread h-index',
      meaning: 'The largest h with at least h comments at level h: 3 means three or more comments three levels deep. High when many people go deep, not just one long chain.',
    },
    participants: { label: 'People', meaning: 'Different people who commented, the author included. People are told apart by email or browser, never by name; anonymous comments are not people.' },
    readers: { label: 'Readers', meaning: 'People taking part other than the author.' },
    anonymousShare: { label: 'Anonymous comments', meaning: 'Comments without email or browser identity: counted as comments, never as people.' },
    reentrants: { label: 'Came back', meaning: 'People who commented, let others speak, and came back to this post.' },
    reciprocalPairs: { label: 'Pairs who replied to each other', meaning: 'Two people who each replied to the other at least once.' },
    exchanges: {
      label: 'Second rounds (A → B → A)',
      meaning: 'Replies to a reply to one’s own comment: A wrote, B replied, A replied to B. Zero means nobody went back and forth.',
    },
    longestBackAndForth: {
      label: 'Longest back-and-forth',
      meaning: 'The longest chain of replies where two people take turns (A, B, A …). 2 is a single reply, 3 is the first second round; 0 when nobody replied to anybody.',
    },
    authorThreadShare: { label: 'Reader threads the author joined', meaning: 'Of the threads readers started, the share with a comment by the author somewhere in them.' },
    authorFirstReplyMedianHours: { label: 'Author’s answer time', meaning: 'The typical (median) number of hours from a reader’s new comment to the author’s first reply in that thread.' },
    authorAnsweredWithin72hShare: { label: 'Answered within 72 h', meaning: 'Of reader threads at least 72 hours old, the share the author replied to within 72 hours.' },
    waitingForAuthor: {
      label: 'Open for the author',
      meaning: 'Reader comments addressed to the author (on the post, or a reply to the author) with no reply from the author yet and not marked “no answer needed”.',
    },
    acknowledged: { label: 'No answer needed', meaning: 'Comments the author marked as needing no answer, a thank-you say. Not an answer: they only leave the open list.' },
    pending: { label: 'Awaiting moderation', meaning: 'Not yet published, so not counted anywhere else.' },
    orphans: { label: 'Orphaned replies', meaning: 'Replies whose parent comment does not exist; counted as new threads.' },
  },
  site: {
    posts: { label: 'Posts', meaning: 'Posts the comment server knows.' },
    postsWithComments: { label: 'Posts with comments', meaning: 'Posts with at least one published comment.' },
    comments: { label: 'Comments', meaning: 'Published comments on all posts.' },
    participants: { label: 'People', meaning: 'Different people who commented, the author included (told apart by email or browser, never by name).' },
    conversationShare: { label: 'Posts that became conversations', meaning: 'Of the posts with comments, the share where people went back and forth or readers talked with each other.' },
    returningCommenters: { label: 'Readers who came back', meaning: 'Readers who commented on two or more different posts.' },
    returningCommentShare: { label: 'Comments by returning readers', meaning: 'The share of reader comments (anonymous ones aside) written by readers who commented on more than one post.' },
    dialoguePartners: { label: 'Dialogue partners', meaning: 'Readers who went back and forth with the author again and again.' },
    dunbar: {
      label: 'Dunbar’s layers',
      meaning: 'The anthropologist Robin Dunbar found that people keep up about 5 close relationships, 15 good friends, 50 friends and 150 acquaintances; the partner count is placed on that scale.',
    },
    waitingForAuthor: { label: 'Open for the author', meaning: 'Reader comments addressed to the author with no reply from the author yet and not marked “no answer needed”.' },
    acknowledged: { label: 'No answer needed', meaning: 'Comments the author marked as needing no answer; they leave the open list and nothing else changes.' },
    pending: { label: 'Awaiting moderation', meaning: 'Comments not yet published.' },
    newcomers: { label: 'Newcomers', meaning: 'Readers whose first comment falls in the month.' },
    returning: { label: 'Returning', meaning: 'Readers commenting in the month who had commented in an earlier month.' },
    monthlyConversationShare: { label: 'Conversation share', meaning: 'Of the posts whose first comment came in the month, the share that became conversations.' },
    monthlyReturningShare: { label: 'Returning share', meaning: 'Of the readers commenting in the month, the share who had commented in an earlier month.' },
    monthlyAnswerHours: { label: 'Author’s answer time', meaning: 'Median hours to the author’s first reply, for reader threads started in the month.' },
    cohorts: { label: 'Do newcomers come back?', meaning: 'Readers grouped by the month of their first comment, and how many of them commented again on a later day within 90 days.' },
    returnedWithin90d: { label: 'Back within 90 days', meaning: 'Of the month’s newcomers, those who commented again on a later day within 90 days of their first comment.' },
  },
  partnerRule: (n) =>
    `A dialogue partner is a reader with at least ${n} second rounds with the author, over all posts (the author replied to them and they replied again, or the other way round).`,
};

const de: Glossary = {
  shapes: {
    silence: { name: 'Stille', rule: 'Keine veröffentlichten Kommentare.' },
    applause: {
      name: 'Applaus',
      rule: 'Kommentare, aber keine einzige Antwort einer Person an eine andere (Antworten an sich selbst, von oder an anonyme und an entfernte Kommentare zählen nicht).',
    },
    'q-and-a': {
      name: 'Fragen und Antworten',
      rule: 'Lesende und Autor haben einander geantwortet, jede Antwort geht zwischen Lesenden und Autor hin oder her, und es gab keine zweite Runde: Niemand hat auf eine Antwort auf den eigenen Kommentar erwidert.',
    },
    conversation: {
      name: 'Gespräch',
      rule: 'Mindestens eine zweite Runde (A schrieb, B antwortete, A erwiderte B), oder Lesende haben einander geantwortet.',
    },
  },
  post: {
    comments: { label: 'Kommentare', meaning: 'Veröffentlichte Kommentare.' },
    topLevel: { label: 'Neue Stränge', meaning: 'Kommentare zum Beitrag selbst; jeder beginnt einen eigenen Strang.' },
    replyShare: { label: 'Antworten', meaning: 'Der Anteil der Kommentare, die auf einen anderen Kommentar antworten.' },
    answeredShare: { label: 'Kommentare mit Antwort', meaning: 'Der Anteil der Kommentare, auf die jemand anderes geantwortet hat.' },
    maxDepth: { label: 'Tiefste Antwort', meaning: 'Ebene des tiefsten Kommentars: 1 ist ein Kommentar zum Beitrag, 2 eine Antwort darauf, 3 eine Antwort auf die Antwort.' },
    meanDepth: { label: 'Mittlere Ebene', meaning: 'Die durchschnittliche Ebene aller Kommentare (1 = zum Beitrag).' },
    hIndex: {
      label: 'h-Index des Strangs',
      meaning: 'Das größte h mit mindestens h Kommentaren auf Ebene h: 3 heißt, drei oder mehr Kommentare liegen drei Ebenen tief. Hoch, wenn viele tief einsteigen, nicht nur eine lange Kette.',
    },
    participants: { label: 'Personen', meaning: 'Verschiedene Kommentierende, der Autor eingeschlossen. Unterschieden nach E-Mail oder Browser, nie nach Namen; anonyme Kommentare sind keine Personen.' },
    readers: { label: 'Lesende', meaning: 'Beteiligte außer dem Autor.' },
    anonymousShare: { label: 'Anonyme Kommentare', meaning: 'Kommentare ohne E-Mail oder Browser-Kennung: Sie zählen als Kommentare, nie als Personen.' },
    reentrants: { label: 'Zurückgekehrt', meaning: 'Personen, die kommentierten, andere sprechen ließen und zu diesem Beitrag zurückkamen.' },
    reciprocalPairs: { label: 'Paare, die einander antworteten', meaning: 'Zwei Personen, die einander jeweils mindestens einmal geantwortet haben.' },
    exchanges: {
      label: 'Zweite Runden (A → B → A)',
      meaning: 'Erwiderungen auf eine Antwort zum eigenen Kommentar: A schrieb, B antwortete, A erwiderte B. Null heißt: Niemand ging hin und her.',
    },
    longestBackAndForth: {
      label: 'Längstes Hin und Her',
      meaning: 'Die längste Antwortkette, in der sich zwei Personen abwechseln (A, B, A …). 2 ist eine einzelne Antwort, 3 die erste zweite Runde; 0, wenn niemand jemandem antwortete.',
    },
    authorThreadShare: { label: 'Stränge mit dem Autor', meaning: 'Von den Strängen, die Lesende begannen, der Anteil mit einem Kommentar des Autors darin.' },
    authorFirstReplyMedianHours: { label: 'Antwortzeit des Autors', meaning: 'Die typische Zahl (Median) an Stunden vom neuen Kommentar einer Leserin bis zur ersten Antwort des Autors im Strang.' },
    authorAnsweredWithin72hShare: { label: 'Binnen 72 h beantwortet', meaning: 'Von den mindestens 72 Stunden alten Strängen Lesender der Anteil, auf den der Autor binnen 72 Stunden antwortete.' },
    waitingForAuthor: {
      label: 'Offen für den Autor',
      meaning: 'Kommentare Lesender an den Autor (zum Beitrag oder als Antwort an ihn) ohne Antwort des Autors und nicht als „keine Antwort nötig“ markiert.',
    },
    acknowledged: { label: 'Keine Antwort nötig', meaning: 'Kommentare, die der Autor als „keine Antwort nötig“ markiert hat, etwa ein Dank. Keine Antwort: Sie verlassen nur die offene Liste.' },
    pending: { label: 'Warten auf Freigabe', meaning: 'Noch nicht veröffentlicht, daher sonst nirgends gezählt.' },
    orphans: { label: 'Verwaiste Antworten', meaning: 'Antworten, deren Elternkommentar fehlt; sie zählen als neue Stränge.' },
  },
  site: {
    posts: { label: 'Beiträge', meaning: 'Beiträge, die der Kommentar-Server kennt.' },
    postsWithComments: { label: 'Beiträge mit Kommentaren', meaning: 'Beiträge mit mindestens einem veröffentlichten Kommentar.' },
    comments: { label: 'Kommentare', meaning: 'Veröffentlichte Kommentare zu allen Beiträgen.' },
    participants: { label: 'Personen', meaning: 'Verschiedene Kommentierende, der Autor eingeschlossen (unterschieden nach E-Mail oder Browser, nie nach Namen).' },
    conversationShare: { label: 'Beiträge mit Gespräch', meaning: 'Von den Beiträgen mit Kommentaren der Anteil, in dem hin und her geschrieben wurde oder Lesende miteinander sprachen.' },
    returningCommenters: { label: 'Wiederkehrende Lesende', meaning: 'Lesende, die zu zwei oder mehr verschiedenen Beiträgen kommentierten.' },
    returningCommentShare: { label: 'Kommentare Wiederkehrender', meaning: 'Der Anteil der Kommentare Lesender (ohne anonyme), geschrieben von Lesenden, die bei mehr als einem Beitrag kommentierten.' },
    dialoguePartners: { label: 'Dialogpartner', meaning: 'Lesende, die immer wieder mit dem Autor hin und her geschrieben haben.' },
    dunbar: {
      label: 'Dunbars Schichten',
      meaning: 'Der Anthropologe Robin Dunbar fand: Menschen pflegen etwa 5 enge Beziehungen, 15 gute Freunde, 50 Freunde und 150 Bekannte; die Zahl der Dialogpartner steht auf dieser Skala.',
    },
    waitingForAuthor: { label: 'Offen für den Autor', meaning: 'Kommentare Lesender an den Autor ohne Antwort des Autors und nicht als „keine Antwort nötig“ markiert.' },
    acknowledged: { label: 'Keine Antwort nötig', meaning: 'Kommentare, die der Autor als „keine Antwort nötig“ markiert hat; sie verlassen die offene Liste, sonst ändert sich nichts.' },
    pending: { label: 'Warten auf Freigabe', meaning: 'Noch nicht veröffentlichte Kommentare.' },
    newcomers: { label: 'Neu', meaning: 'Lesende, deren erster Kommentar in den Monat fällt.' },
    returning: { label: 'Wiederkehrend', meaning: 'Lesende, die im Monat kommentierten und schon in einem früheren Monat kommentiert hatten.' },
    monthlyConversationShare: { label: 'Gesprächsanteil', meaning: 'Von den Beiträgen, deren erster Kommentar im Monat kam, der Anteil, aus dem ein Gespräch wurde.' },
    monthlyReturningShare: { label: 'Anteil Wiederkehrender', meaning: 'Von den Lesenden des Monats der Anteil, der schon in einem früheren Monat kommentiert hatte.' },
    monthlyAnswerHours: { label: 'Antwortzeit des Autors', meaning: 'Median der Stunden bis zur ersten Antwort des Autors, für im Monat begonnene Stränge Lesender.' },
    cohorts: { label: 'Kommen Neue wieder?', meaning: 'Lesende nach dem Monat ihres ersten Kommentars, und wie viele von ihnen binnen 90 Tagen an einem späteren Tag wieder kommentierten.' },
    returnedWithin90d: { label: 'Binnen 90 Tagen zurück', meaning: 'Von den Neuen des Monats jene, die binnen 90 Tagen nach ihrem ersten Kommentar an einem späteren Tag wieder kommentierten.' },
  },
  partnerRule: (n) =>
    `Dialogpartner ist, wer über alle Beiträge mindestens ${n} zweite Runden mit dem Autor hatte (der Autor antwortete und die Person erwiderte, oder umgekehrt).`,
};

const GLOSSARIES: Record<GlossaryLang, Glossary> = { en, de };

export function glossary(lang: GlossaryLang): Glossary {
  return GLOSSARIES[lang];
}
