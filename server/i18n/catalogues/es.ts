/** Spanish, addressing people informally ("tú"), as Spanish-language websites usually do. */
import type { Catalogue } from '../languages.js';

export const es: Catalogue = {
  /** The language's own name, for the desk's language choice. */
  'language.name': 'Español',

  // ── widget. ──
  'widget.comments': { '=0': 'Aún no hay comentarios', one: '{n} comentario', many: '{n} de comentarios', other: '{n} comentarios' },
  'widget.replies': { one: '{n} respuesta', many: '{n} de respuestas', other: '{n} respuestas' },
  'widget.more': { one: 'Mostrar {n} comentario más', many: 'Mostrar {n} de comentarios más', other: 'Mostrar {n} comentarios más' },
  'widget.anonymous': 'Anónimo',
  'widget.author': 'Autor',
  'widget.edited': 'editado',
  'widget.deleted': 'Este comentario se eliminó.',
  'widget.inReplyTo': 'en respuesta a {name}',
  'widget.deletedComment': 'un comentario eliminado',
  'widget.reply': 'Responder',
  'widget.replyingTo': 'Respondiendo a {name}',
  'widget.cancel': 'Cancelar',
  'widget.edit': 'Editar',
  'widget.delete': 'Eliminar',
  'widget.confirmDelete': '¿Seguro que quieres eliminarlo?',
  'widget.save': 'Guardar',
  'widget.editBody': 'Edita tu comentario',
  'widget.sending': 'Enviando…',
  'widget.published': 'Tu comentario está publicado.',
  'widget.pending': '¡Gracias! Tu comentario está pendiente de moderación.',
  'widget.updated': 'Tu comentario se actualizó.',
  'widget.editPending': '¡Gracias! Tu cambio está pendiente de moderación; mientras tanto, el comentario muestra su texto anterior.',
  'widget.removed': 'Tu comentario se eliminó.',
  'widget.notifyNeedsEmail': 'Escribe tu correo electrónico para recibir avisos de respuestas.',
  'widget.unavailable': 'Los comentarios no están disponibles aquí.',
  'widget.loading': 'Cargando comentarios…',
  'widget.via': 'vía {name}',
  'widget.replyThere': 'Responder allí',
  'widget.source.webmention': 'un blog',
  'widget.source.mastodon': 'Mastodon',
  'widget.source.bluesky': 'Bluesky',


  // ── error. ──
  'error.network': 'No se puede conectar con el servidor de comentarios. Inténtalo de nuevo.',
  'error.unknown': 'Algo salió mal. Inténtalo de nuevo.',
  'error.internal': 'Algo salió mal en el servidor. Inténtalo de nuevo más tarde.',
  'error.required': 'Rellena este campo.',
  'error.required.body': 'Primero escribe tu comentario.',
  'error.too_long': 'Es demasiado largo.',
  'error.too_long.body': 'Tu comentario es demasiado largo. Acórtalo un poco.',
  'error.too_long.name': 'El nombre es demasiado largo.',
  'error.too_long.email': 'La dirección de correo es demasiado larga.',
  'error.too_long.url': 'La dirección web es demasiado larga.',
  'error.invalid_email': 'Esta dirección de correo no es válida.',
  'error.invalid_url': 'Escribe una dirección web que empiece por http:// o https://.',
  'error.invalid_input': 'Algo en el formulario no es válido. Revísalo e inténtalo de nuevo.',
  'error.invalid_input.body': 'Tu comentario contiene caracteres no permitidos (caracteres de control).',
  'error.invalid_input.name': 'Tu nombre contiene caracteres no permitidos.',
  'error.too_deeply_nested': 'Tu comentario anida listas o citas a demasiada profundidad. Simplifícalas un poco.',
  'error.rate_limited': { one: 'Escribes más rápido de lo que permite este sitio. Inténtalo de nuevo en {n} segundo.', many: 'Escribes más rápido de lo que permite este sitio. Inténtalo de nuevo en {n} de segundos.', other: 'Escribes más rápido de lo que permite este sitio. Inténtalo de nuevo en {n} segundos.' },
  'error.forbidden_origin': 'No se pueden enviar comentarios desde esta página. Solo el autor del sitio puede solucionarlo.',
  'error.unknown_site': 'Esta página no está configurada para comentarios.',
  'error.spam_suspected': 'Parece que un robot rellenó este formulario: se rellenó un campo que debe quedar vacío (quizá lo hizo tu navegador). Recarga la página y vuelve a enviarlo.',
  'error.too_fast': '¡Qué rapidez! Espera un momento y vuelve a enviarlo.',
  'error.invalid_form': 'No se pudo leer el formulario. Recarga la página e inténtalo de nuevo.',
  'error.invalid_parent': 'El comentario al que respondes ya no existe.',
  'error.not_found': 'Este comentario ya no existe.',
  'error.invalid_token': 'Este comentario solo se puede cambiar en el navegador en el que se escribió.',
  'error.edit_window_closed': 'Este comentario ya no se puede cambiar.',
  'error.not_editable': 'Este comentario se retuvo como spam y no se puede cambiar.',
  'error.payload_too_large': 'Tu comentario es demasiado largo. Acórtalo un poco.',


  // ── page. ──
  'page.form.label': 'Deja un comentario',
  'page.form.body': 'Comentario',
  'page.form.markdownHint': 'Puedes usar Markdown: **negrita**, _cursiva_, [enlace](https://…), `código`.',
  'page.form.name': 'Nombre',
  'page.form.email': 'Correo electrónico',
  'page.form.url': 'Sitio web',
  'page.form.optional': '(opcional)',
  'page.form.emailNote': '(opcional, nunca se muestra)',
  'page.form.notify': 'Avísame por correo cuando alguien responda',
  'page.form.remember': 'Recordar mi nombre, correo y sitio web en este dispositivo',
  'page.form.preview': 'Vista previa',
  'page.form.submit': 'Publicar comentario',
  'page.form.honeypot': 'Deja este campo vacío',
  'page.thread.title': 'Comentarios',
  'page.thread.back': '← Volver a la entrada',
  'page.thread.published': 'Gracias — tu comentario está publicado.',
  'page.thread.pending': 'Gracias — tu comentario está pendiente de moderación. Aparecerá aquí en cuanto el autor lo apruebe.',
  'page.thread.seeOnPost': 'Verlo en la entrada',
  'page.thread.returnToPost': 'Volver a la entrada',
  'page.thread.mentionedBy': 'Mencionado por',
  'page.formError.title': 'Tu comentario no se publicó',
  'page.formError.keepText': 'Usa el botón Atrás de tu navegador: tu texto sigue en el formulario.',


  // ── email. ──


  // ── desk. ──


  // ── report. ──

};
