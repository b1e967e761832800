/**
 * The report's words in one language: typed accessors over the catalogue's
 * `report.` section (measure names and meanings, the exact shape rules of
 * specs/dialogue-metrics.md) and the platform's `Intl` for numbers, shares,
 * hours and dates. The dialogue pages, the desk and the CLI all read a
 * number through these, so all three explain it the same way.
 */
import type { DunbarLayer, PostShape } from '../dialogue/types.js';
import type { Lang } from '../i18n/languages.js';
import { translator, type Translator } from '../i18n/translate.js';
import { formatPercent } from '../render/percent.js';

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

export interface ReportWords extends Translator {
  shapeName(shape: PostShape): string;
  /** The exact rule, as the report applies it. */
  shapeRule(shape: PostShape): string;
  post(term: PostTerm): Term;
  site(term: SiteTerm): Term;
  /** The dialogue partner rule with the report's minimum of second rounds. */
  partnerRule(minExchanges: number): string;
  layerName(layer: DunbarLayer): string;
  /** Where the partners fall on Dunbar's scale, in one sentence. */
  dunbarSentence(layer: DunbarLayer | null, partners: number): string;
  /** A share (0..1) as a whole percentage; null as a dash. */
  share(value: number | null): string;
  /** A number with at most `digits` decimals; null as a dash. */
  decimal(value: number | null, digits?: number): string;
  /** Hours ("3.5 h", "12 h"); null as a dash. */
  hours(value: number | null): string;
  /** A day in UTC, so builds are reproducible ("2 November 2026" in the language's own order). */
  day(iso: string): string;
  /** A day and time in UTC, for tables. */
  dayTime(iso: string): string;
}

const cache = new Map<Lang, ReportWords>();

export function reportWords(lang: Lang): ReportWords {
  let words = cache.get(lang);
  if (!words) cache.set(lang, (words = build(translator(lang))));
  return words;
}

function build(tr: Translator): ReportWords {
  const { t } = tr;
  // The same options object for each number of decimals, which the translator finds its formatter by.
  const decimals = new Map<number, Intl.NumberFormatOptions>();
  const decimal = (value: number | null, digits = 1) => {
    if (value === null) return '–';
    let options = decimals.get(digits);
    if (!options) decimals.set(digits, (options = { maximumFractionDigits: digits }));
    return tr.number(value, options);
  };
  return {
    ...tr,
    shapeName: (shape) => t(`report.shape.${shape}.name`),
    shapeRule: (shape) => t(`report.shape.${shape}.rule`),
    post: (term) => ({ label: t(`report.post.${term}.label`), meaning: t(`report.post.${term}.meaning`) }),
    site: (term) => ({ label: t(`report.site.${term}.label`), meaning: t(`report.site.${term}.meaning`) }),
    partnerRule: (n) => t('report.site.partnerRule', { n }),
    layerName: (layer) => t(`report.dunbar.${layer}`),
    dunbarSentence: (layer, partners) =>
      layer === null
        ? t(partners > 0 ? 'report.dunbar.beyond' : 'report.dunbar.none')
        : t('report.dunbar.fits', { layer: t(`report.dunbar.${layer}`), n: layer }),
    share: (value) => formatPercent(value, tr.lang),
    decimal,
    hours: (value) => (value === null ? '–' : t('report.hours', { hours: decimal(value, value < 10 ? 1 : 0) })),
    day: (iso) => tr.date(iso, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    dayTime: (iso) => tr.date(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }),
  };
}
