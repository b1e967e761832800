/**
 * "6 people and 1 anonymous comment": wherever people are counted, the
 * anonymous comments beside them, since they are comments but never people.
 */
import type { PostReport } from '../dialogue/types.js';
import type { Translator } from '../i18n/translate.js';

/** The post's anonymous comments, recovered exactly from its share (a ratio of two whole numbers). */
export function anonymousComments(post: Pick<PostReport, 'anonymousShare' | 'comments'>): number {
  return Math.round((post.anonymousShare ?? 0) * post.comments);
}

export function peopleText({ t }: Translator, people: number, anonymous: number): string {
  const persons = t('report.count.people', { n: people });
  return anonymous > 0 ? t('report.count.peopleAndAnonymous', { people: persons, anonymous: t('report.count.anonymous', { n: anonymous }) }) : persons;
}
