/** French, addressing people formally ("vous"), as French websites usually do. */
import type { Catalogue } from '../languages.js';

export const fr: Catalogue = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'Français',

  // ── widget. ──
  'widget.comments': { '=0': 'Aucun commentaire pour l’instant', one: '{n} commentaire', many: '{n} de commentaires', other: '{n} commentaires' },
  'widget.replies': { one: '{n} réponse', many: '{n} de réponses', other: '{n} réponses' },
  'widget.more': { one: 'Afficher {n} autre commentaire', many: 'Afficher {n} d’autres commentaires', other: 'Afficher {n} autres commentaires' },
  'widget.anonymous': 'Anonyme',
  'widget.author': 'Auteur',
  'widget.edited': 'modifié',
  'widget.deleted': 'Ce commentaire a été supprimé.',
  'widget.inReplyTo': 'en réponse à {name}',
  'widget.deletedComment': 'un commentaire supprimé',
  'widget.reply': 'Répondre',
  'widget.replyingTo': 'Réponse à {name}',
  'widget.cancel': 'Annuler',
  'widget.edit': 'Modifier',
  'widget.delete': 'Supprimer',
  'widget.confirmDelete': 'Vraiment supprimer\u00a0?',
  'widget.save': 'Enregistrer',
  'widget.editBody': 'Modifier votre commentaire',
  'widget.sending': 'Envoi…',
  'widget.published': 'Votre commentaire est publié.',
  'widget.pending': 'Merci\u00a0! Votre commentaire est en attente de modération.',
  'widget.updated': 'Votre commentaire a été modifié.',
  'widget.editPending': 'Merci\u00a0! Votre modification est en attente de modération\u00a0; d’ici là, le commentaire garde son texte précédent.',
  'widget.removed': 'Votre commentaire a été supprimé.',
  'widget.notifyNeedsEmail': 'Indiquez votre adresse e-mail pour être averti des réponses.',
  'widget.unavailable': 'Les commentaires ne sont pas disponibles ici.',
  'widget.loading': 'Chargement des commentaires…',
  'widget.via': 'via {name}',
  'widget.replyThere': 'Répondre là-bas',
  'widget.source.webmention': 'un blog',
  'widget.source.mastodon': 'Mastodon',
  'widget.source.bluesky': 'Bluesky',


  // ── error. ──
  'error.network': 'Le serveur de commentaires est injoignable. Veuillez réessayer.',
  'error.unknown': 'Une erreur s’est produite. Veuillez réessayer.',
  'error.internal': 'Une erreur s’est produite sur le serveur. Veuillez réessayer plus tard.',
  'error.required': 'Veuillez remplir ce champ.',
  'error.required.body': 'Écrivez d’abord votre commentaire.',
  'error.too_long': 'C’est trop long.',
  'error.too_long.body': 'Votre commentaire est trop long. Veuillez le raccourcir.',
  'error.too_long.name': 'Ce nom est trop long.',
  'error.too_long.email': 'Cette adresse e-mail est trop longue.',
  'error.too_long.url': 'Cette adresse web est trop longue.',
  'error.invalid_email': 'Cette adresse e-mail n’est pas valide.',
  'error.invalid_url': 'Indiquez une adresse web commençant par http:// ou https://.',
  'error.invalid_input': 'Un élément du formulaire n’est pas valide. Vérifiez-le et réessayez.',
  'error.invalid_input.body': 'Votre commentaire contient des caractères non autorisés (caractères de contrôle).',
  'error.invalid_input.name': 'Votre nom contient des caractères non autorisés.',
  'error.too_deeply_nested': 'Votre commentaire imbrique trop profondément des listes ou des citations. Simplifiez-les un peu.',
  'error.rate_limited': { one: 'Vous écrivez plus vite que ce site ne le permet. Réessayez dans {n} seconde.', many: 'Vous écrivez plus vite que ce site ne le permet. Réessayez dans {n} de secondes.', other: 'Vous écrivez plus vite que ce site ne le permet. Réessayez dans {n} secondes.' },
  'error.forbidden_origin': 'Impossible d’envoyer des commentaires depuis cette page. Seul l’auteur du site peut corriger cela.',
  'error.unknown_site': 'Cette page n’est pas configurée pour les commentaires.',
  'error.spam_suspected': 'Ce formulaire semble avoir été rempli par un robot\u00a0: un champ qui doit rester vide a été rempli (peut-être par votre navigateur). Rechargez la page et renvoyez-le.',
  'error.too_fast': 'C’était rapide\u00a0! Attendez un instant, puis renvoyez.',
  'error.invalid_form': 'Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.',
  'error.invalid_parent': 'Le commentaire auquel vous répondez n’existe plus.',
  'error.not_found': 'Ce commentaire n’existe plus.',
  'error.invalid_token': 'Ce commentaire ne peut être modifié que dans le navigateur où il a été écrit.',
  'error.edit_window_closed': 'Ce commentaire ne peut plus être modifié.',
  'error.not_editable': 'Ce commentaire a été retenu comme spam et ne peut pas être modifié.',
  'error.payload_too_large': 'Votre commentaire est trop long. Veuillez le raccourcir.',


  // ── page. ──
  'page.form.label': 'Laisser un commentaire',
  'page.form.body': 'Commentaire',
  'page.form.markdownHint': 'Markdown accepté\u00a0: **gras**, _italique_, [lien](https://…), `code`.',
  'page.form.name': 'Nom',
  'page.form.email': 'E-mail',
  'page.form.url': 'Site web',
  'page.form.optional': '(facultatif)',
  'page.form.emailNote': '(facultatif, jamais affiché)',
  'page.form.notify': 'M’avertir par e-mail des réponses',
  'page.form.remember': 'Retenir mon nom, mon e-mail et mon site sur cet appareil',
  'page.form.preview': 'Aperçu',
  'page.form.submit': 'Publier le commentaire',
  'page.form.honeypot': 'Laissez ce champ vide',
  'page.thread.title': 'Commentaires',
  'page.thread.back': '← Retour à l’article',
  'page.thread.published': 'Merci — votre commentaire est publié.',
  'page.thread.pending': 'Merci — votre commentaire est en attente de modération. Il apparaîtra ici dès que l’auteur l’aura approuvé.',
  'page.thread.seeOnPost': 'Le voir dans l’article',
  'page.thread.returnToPost': 'Retour à l’article',
  'page.thread.mentionedBy': 'Mentionné par',
  'page.formError.title': 'Votre commentaire n’a pas été publié',
  'page.formError.keepText': 'Utilisez le bouton Retour de votre navigateur\u00a0: votre texte est toujours dans le formulaire.',


  // ── email. ──


  // ── desk. ──


  // ── report. ──

};
