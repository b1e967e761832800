/**
 * The example blog's demo conversation, written into an empty database
 * through the same domain function the API uses (createComment), with the
 * clock moved back so the comments spread over half a year: deep threads,
 * the author answering, readers answering each other and coming back, one
 * post that got only applause, and a few readers still waiting for a reply.
 */
import { createComment } from '../server/comments/comments.js';
import { CommentEvents } from '../server/comments/events.js';
import { listPublicSite } from '../server/comments/site-threads.js';
import type { SiteConfig } from '../server/config.js';
import type { AppContext } from '../server/context.js';

interface Person {
  name: string;
  /** Readers with an email are recognised across posts; without one they are anonymous. */
  email?: string;
  author?: boolean;
}

const people = {
  mara: { name: 'Mara', author: true },
  jonas: { name: 'Jonas', email: 'jonas.weber@example.org' },
  hanne: { name: 'Hanne', email: 'hanne@example.de' },
  lea: { name: 'Lea', email: 'lea.k@example.de' },
  ben: { name: 'Ben', email: 'ben@example.org' },
  priya: { name: 'Priya', email: 'priya.r@example.net' },
  tom: { name: 'Tom Ellis', email: 'tom@example.com' },
  ines: { name: 'Ines', email: 'ines@example.de' },
  karl: { name: 'Karl', email: 'karl.b@example.de' },
  sofia: { name: 'Sofia', email: 'sofia@example.com' },
  guest: { name: 'Ein Gast' },
} satisfies Record<string, Person>;

type Who = keyof typeof people;

/** The example's posts: thread uri → title (the thread keeps the first title it is given). */
const POSTS = {
  bread: { uri: '/posts/sauerteig-ohne-dogma/', title: 'Sauerteig ohne Dogma' },
  walk: { uri: '/posts/the-long-way-home/', title: 'The long way home' },
  morning: { uri: '/posts/writing-before-breakfast/', title: 'Writing before breakfast' },
  rain: { uri: '/posts/vom-gehen-im-regen/', title: 'Vom Gehen im Regen' },
  notebook: { uri: '/posts/a-notebook-in-every-coat/', title: 'A notebook in every coat' },
} as const;

type Post = keyof typeof POSTS;

/** [key, post, reply-to key or null, who, days before the seeding, text]. Parents are always older than their replies. */
type Line = [key: string, post: Post, replyTo: string | null, who: Who, daysAgo: number, text: string];

const conversation: Line[] = [
  // Sauerteig ohne Dogma: a real conversation, readers answering readers four levels deep.
  ['b1', 'bread', null, 'jonas', 190, 'Danke! Ich habe meinen Starter zweimal weggeworfen, weil er nach Nagellackentferner roch. War das wirklich unnötig?'],
  ['b2', 'bread', 'b1', 'mara', 189.8, 'Ja, völlig unnötig. Der Geruch heißt nur: Hunger. Einmal füttern, zwei Tage warten, dann riecht er wieder nach Joghurt.'],
  ['b3', 'bread', 'b2', 'jonas', 189.5, 'Und wenn er grau wird, mit Flüssigkeit obendrauf?'],
  ['b4', 'bread', 'b3', 'mara', 189.3, 'Das ist Alkohol, den die Hefen abgeben. Abgießen oder unterrühren, beides geht. Unterrühren macht das Brot saurer.'],
  ['b5', 'bread', 'b4', 'hanne', 188, 'Ich rühre immer unter. Bei uns im Haus mag man es sauer, und Roggen verzeiht sowieso alles.'],
  ['b6', 'bread', 'b5', 'jonas', 187.6, 'Roggen statt Weizen im Starter? Wie viel nimmst du?'],
  ['b7', 'bread', 'b6', 'hanne', 187.2, 'Nur Roggenvollkorn, 1:1 mit Wasser. Für Weizenbrote reicht ein Esslöffel davon im Vorteig.'],
  ['b8', 'bread', 'b7', 'jonas', 186, 'Probiere ich am Wochenende. Danke euch beiden!'],
  ['b9', 'bread', null, 'lea', 185, 'Mir fehlt im Text die Temperatur. Meine Küche hat im Winter 17 Grad, da passiert gar nichts.'],
  ['b10', 'bread', 'b9', 'mara', 184.7, 'Guter Punkt. Ich stelle den Teig dann in den ausgeschalteten Ofen, nur mit Licht. Das gibt bei mir etwa 26 Grad.'],
  ['b11', 'bread', 'b10', 'ben', 183, 'Vorsicht: In unserem Ofen waren es mit Licht 38 Grad. Erst mit einem Thermometer prüfen!'],
  ['b12', 'bread', 'b11', 'lea', 182.5, 'Oh. Das erklärt meinen flüssigen Teig vom letzten Mal.'],
  ['b13', 'bread', 'b12', 'ben', 182, 'Willkommen im Club. Eine Styroporbox mit Wärmflasche funktioniert bei mir am besten.'],
  ['b14', 'bread', 'b11', 'mara', 181.8, 'Stimmt, das hätte ich dazuschreiben müssen. Ich ergänze den Text.'],
  ['b15', 'bread', null, 'guest', 170, 'Schöner Text. Ich backe seit zwanzig Jahren so und habe nie etwas gewogen.'],
  ['b16', 'bread', null, 'hanne', 120, 'Nachtrag nach ein paar Monaten: Der Roggenstarter lebt immer noch, trotz drei Wochen Urlaub.'],
  ['b17', 'bread', 'b16', 'mara', 119.5, 'Das freut mich! Hast du ihn nach dem Urlaub gleich wieder benutzt?'],
  ['b18', 'bread', 'b17', 'hanne', 119, 'Zweimal gefüttert, dann war er wieder fit. Das Brot danach war das beste seit langem.'],
  ['b19', 'bread', null, 'karl', 61, 'Funktioniert das auch mit Dinkel?'],
  ['b20', 'bread', 'b19', 'mara', 60.5, 'Ja, Dinkel geht gut. Er braucht etwas weniger Wasser und ist schneller reif, also früher nachsehen.'],

  // The long way home: returning readers, the author in a back-and-forth, readers among themselves.
  ['w1', 'walk', null, 'priya', 150, 'I started doing this after reading your post: getting off two stops early. It has become the best part of my day.'],
  ['w2', 'walk', 'w1', 'mara', 149.8, 'Two stops is exactly right: long enough to shake off the office, short enough to do it in the rain. What do you notice most?'],
  ['w3', 'walk', 'w2', 'priya', 149.5, "Other people's gardens. There is a man on my route who grows only blue flowers."],
  ['w4', 'walk', 'w3', 'mara', 149, 'Only blue! Have you ever asked him why?'],
  ['w5', 'walk', 'w4', 'priya', 148, 'Not yet. It feels like it would break the spell. Maybe in spring.'],
  ['w6', 'walk', null, 'tom', 147, 'I walk with headphones, though. Is that cheating?'],
  ['w7', 'walk', 'w6', 'jonas', 146.5, 'Not cheating, but try one week without. I heard a woodpecker in the middle of the city.'],
  ['w8', 'walk', 'w7', 'tom', 146, "Fine, one week. I'll report back."],
  ['w9', 'walk', 'w8', 'tom', 139, 'Report: the woodpecker exists. Also, I talk to myself much more than I thought.'],
  ['w10', 'walk', 'w9', 'jonas', 138.7, 'Ha, same. Walking is where all my arguments happen.'],
  ['w11', 'walk', 'w9', 'mara', 138.5, 'Talking to yourself is just writing without paper.'],
  ['w12', 'walk', null, 'hanne', 100, 'Came back to this post in autumn. The long way home is dark now, but still worth it.'],
  ['w13', 'walk', 'w12', 'priya', 99, 'A reflective band on the bag and it is fine. I keep going too.'],
  ['w14', 'walk', null, 'ines', 90, "Lovely. In German we have 'Feierabendspaziergang': the walk that ends the working day."],
  ['w15', 'walk', 'w14', 'mara', 89.5, "What a word! I'm stealing it."],
  ['w16', 'walk', null, 'sofia', 45, 'This made me miss my old walk to school. Thank you for writing it down.'],

  // Writing before breakfast: questions and answers, the author answering each once.
  ['m1', 'morning', null, 'ben', 110, 'How long do you write before breakfast? I manage ten minutes before the kettle screams.'],
  ['m2', 'morning', 'm1', 'mara', 109.6, 'Forty-five minutes on good days, fifteen on bad ones. Ten minutes every day beats an hour on Sundays.'],
  ['m3', 'morning', null, 'priya', 108, 'Do you edit in the morning too, or only draft?'],
  ['m4', 'morning', 'm3', 'mara', 107.5, 'Only draft. Editing needs coffee and daylight; drafting needs neither.'],
  ['m5', 'morning', null, 'lea', 104, 'Pen or laptop?'],
  ['m6', 'morning', 'm5', 'mara', 103.8, 'Pen for the first page, laptop after. The pen is slow enough that I think before the sentence ends.'],
  ['m7', 'morning', null, 'tom', 98, 'What if the mornings belong to the kids?'],
  ['m8', 'morning', 'm7', 'mara', 97, "Then it's the evening, or the bus. The rule isn't the morning, it's the same time every day."],

  // Vom Gehen im Regen: applause only, nobody replies to anybody.
  ['r1', 'rain', null, 'hanne', 70, 'Wunderschön geschrieben. Ich hatte beim Lesen nasse Füße.'],
  ['r2', 'rain', null, 'jonas', 69, 'Genau so ist es. Der Regen macht die Stadt leiser.'],
  ['r3', 'rain', null, 'ines', 68, 'Danke für diesen Text, er hat mir den Novembermorgen gerettet.'],
  ['r4', 'rain', null, 'guest', 66, 'Regenjacke an und los. Schön.'],
  ['r5', 'rain', null, 'ben', 60, 'Heute ausprobiert. Die Tauben waren nicht begeistert, ich schon.'],

  // A notebook in every coat: recent, with readers still waiting for the author.
  ['n1', 'notebook', null, 'tom', 35, 'Which notebooks do you use? Mine always fall apart in the pocket.'],
  ['n2', 'notebook', 'n1', 'mara', 34.5, "A4 folded twice, cut and stapled. They cost nothing, so I'm not afraid to fill them with nonsense."],
  ['n3', 'notebook', 'n2', 'tom', 34, 'Stapled yourself, brilliant. Do you keep them all when they are full?'],
  ['n4', 'notebook', null, 'priya', 20, 'I lose every notebook within a week. Any tricks?'],
  ['n5', 'notebook', null, 'lea', 3, "Ich schreibe auf die erste Seite immer meine Adresse und 'Finderlohn: ein Brot'. Hat schon zweimal funktioniert."],
  ['n6', 'notebook', 'n5', 'priya', 2, 'A loaf of bread as a reward is the best thing I have read this week.'],
];

const DAY = 86_400_000;

/**
 * Seeds the demo conversation when the site has no threads yet; returns how
 * many comments it wrote (0 when the database already had comments).
 */
export async function seedIfEmpty(ctx: AppContext, site: SiteConfig): Promise<number> {
  if ((await listPublicSite(ctx, site.id)).length > 0) return 0;
  const start = ctx.now();
  let clock = start;
  // Own events: seeding is not news for notification mail or the rebuild watcher.
  const seedCtx: AppContext = { ...ctx, now: () => clock, events: new CommentEvents() };
  const ids = new Map<string, number>();
  for (const [key, post, replyTo, who, daysAgo, body] of [...conversation].sort((a, b) => b[4] - a[4])) {
    const person: Person = people[who];
    clock = start - daysAgo * DAY;
    const created = await createComment(
      seedCtx,
      site,
      {
        site: site.id,
        uri: POSTS[post].uri,
        title: POSTS[post].title,
        parentId: replyTo ? ids.get(replyTo)! : null,
        body,
        name: person.name,
        email: person.email,
      },
      { isAuthor: Boolean(person.author) },
    );
    ids.set(key, created.comment.id);
  }
  return conversation.length;
}
