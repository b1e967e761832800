/**
 * "6 people and 1 anonymous comment": wherever people are counted, the
 * anonymous comments beside them, since they are comments but never people.
 */
import type { PostReport } from '../dialogue/types.js';
import type { GlossaryLang } from './glossary.js';

/** The post's anonymous comments, recovered exactly from its share (a ratio of two whole numbers). */
export function anonymousComments(post: Pick<PostReport, 'anonymousShare' | 'comments'>): number {
  return Math.round((post.anonymousShare ?? 0) * post.comments);
}

const WORDS: Record<GlossaryLang, { person: [string, string]; anonymous: [string, string]; and: string }> = {
  en: { person: ['person', 'people'], anonymous: ['anonymous comment', 'anonymous comments'], and: 'and' },
  de: { person: ['Person', 'Personen'], anonymous: ['anonymer Kommentar', 'anonyme Kommentare'], and: 'und' },
};

export function peopleText(people: number, anonymous: number, lang: GlossaryLang): string {
  const w = WORDS[lang];
  const count = (n: number, [one, many]: [string, string]) => `${n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB')} ${n === 1 ? one : many}`;
  return anonymous > 0 ? `${count(people, w.person)} ${w.and} ${count(anonymous, w.anonymous)}` : count(people, w.person);
}
