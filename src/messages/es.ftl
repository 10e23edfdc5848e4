# Los mensajes de la interfaz en español: el recorrido guiado de `letters draft`.
# Cada mensaje tiene el mismo id y los mismos parámetros en todos los catálogos.

## Moverse por el recorrido

esc-goes-back-one-step = Esc vuelve al paso anterior; Ctrl-C cancela sin escribir nada.
back-one-step = « Un paso atrás.
cancelled-nothing-was-written = Cancelado: no se escribió nada.

## La campaña

campaign-type-to-filter = Campaña (escriba para filtrar)
nothing-matches-backspace-to-change = nada coincide: Retroceso para cambiar el filtro
mark-deadline = [actuar antes del { $date }]
mark-deadline-passed = [actuar antes del { $date }: vencido]

## Los destinatarios

recipients-space-to-tick-enter = Destinatarios (espacio para marcar, intro para confirmar)
choose-at-least-one-recipient = Elija al menos un destinatario.
reach-postal = correo postal
reach-postal-and-email = correo postal / { $email }
mark-not-verified = ⚠ sin verificar desde { $date }
no-email-address = `{ $recipient }` no tiene dirección de correo electrónico
no-postal-address = `{ $recipient }` no tiene dirección postal
format-unreachable = { $reasons } para el formato indicado; desmárquelo o vuelva a empezar con otro --format.

## El idioma y las peticiones

language-of-the-letter = Idioma de la carta
recipients-language = el idioma del destinatario
your-language = su idioma
demands-all-are-ticked-space = Peticiones (todas marcadas; espacio para desmarcar)
choose-at-least-one-demand = Elija al menos una petición.

## Quién firma

who-signs-the-letter = ¿Quién firma la carta?
your-name = Su nombre
title-optional = Cargo (opcional)
organization-optional = Organización (opcional)
email-optional = Correo electrónico (opcional)
this-cannot-be-empty = Este dato no puede quedar vacío.
that-is-not-an-email = Esa no es una dirección de correo; déjela vacía o escríbala de nuevo.
remember-these-details-for-your = ¿Recordar estos datos para sus próximas cartas?
saved-in = Guardado en { $path }

## Sus propias palabras

a-sentence-or-two-in = Una o dos frases con sus propias palabras (por qué esto le importa) dan a la carta más peso que un texto idéntico a los demás.
your-own-paragraph = Su propio párrafo
type-it-here = Escribirlo aquí
write-it-in-my-editor = Escribirlo en mi editor ($EDITOR)
skip = Omitir
your-paragraph = Su párrafo
editor-failed = No se pudo abrir el editor: { $error }

## El formato y la salida

format = Formato
format-not-offered = No disponible: { $format }: { $reasons }.
plain-text-wrapped-see-width = Texto sin formato, en líneas ajustadas (véase --width)
the-letter-model-as-json = El modelo de la carta en JSON
an-email-message-eml-rfc = Un mensaje de correo electrónico (.eml, RFC 5322) con el texto como cuerpo, listo para `letters send`
several-email-messages-in-one = Varios mensajes de correo electrónico en un archivo mbox
a-mailto-uri-to-open = Un URI mailto:, para abrir la carta en su propio programa de correo
a-typeset-pdf-see-layout = Un PDF compuesto (véanse --layout, --signature, --font-regular)
directory-to-write-the-letters = Carpeta donde escribir las cartas (- para mostrarlas aquí)
file-to-write-the-letter = Archivo donde escribir la carta (- para mostrarla aquí)
that-directory-does-not-exist = Esa carpeta no existe; elija una ruta en una carpeta existente.

## Escribir

write-it = ¿Escribirla?
written = Escrita: { $path }
nothing-written-in = Nada escrito en { $path }
next-time-the-same-letter = La próxima vez, la misma carta en una sola línea:
nothing-was-written-your-answers = No se escribió nada. Sus respuestas, en una sola orden para ejecutar cuando esto se corrija:

## Sí o no: la tecla del sí (una letra), las pistas (la respuesta por defecto en mayúscula), las respuestas

yes-key = s
yes-no-hint-default-yes = (S/n)
yes-no-hint-default-no = (s/N)
answer-yes = sí
answer-no = no

## Avisos sobre los datos de los que sale una carta (tras "aviso: ")

warning-label = aviso
warning-past-deadline = la campaña `{ $campaign }` pedía actuar antes del { $date }; esa fecha ya pasó: compruebe si la campaña se ha actualizado antes de enviar la carta
warning-aged-facts = la campaña `{ $campaign }` da sus hechos y cifras a fecha de { $as_of } (hace más de { $days } días): pueden haber cambiado desde entonces; compruébelos antes de enviar la carta
stale-context-letter = {" "}y esta carta lleva fecha del { $date }
stale-context-today = , hace más de { $months } meses
warning-stale-record = el destinatario `{ $recipient }` se verificó por última vez el { $verified }{ $context }: quien ocupa el cargo{ $holder } puede haber cambiado desde el { $since }; compruébelo y ejecute `letters recipients verify { $recipient }` (o `letters recipients update { $recipient } --name NOMBRE --since FECHA` si el cargo ha cambiado de titular)
record-note = {" "}(nota: { $note })
warning-no-holder = el destinatario `{ $recipient }` de { $path } no registra a nadie en el cargo el { $date }, fecha de la carta: la carta va dirigida al cargo; registre a su titular con `letters recipients update { $recipient } --name NOMBRE --since FECHA`
language-name-en = inglés
language-name-es = español
language-name-fr = francés
language-name-pt = portugués
warning-own-words-language = { $from }: el párrafo con sus propias palabras (“{ $beginning }”) parece estar en { $read }, pero la carta a `{ $recipient }` está en { $written }: traduzca el párrafo o escriba la carta en { $read } (--lang { $code })
mojibake-reads-as = "{ $found }" se lee "{ $repaired }"
mojibake-repaired = { $repairs }; reparado (--fix-mojibake)
mojibake-repairable = { $repairs }; revise el texto o use --fix-mojibake para repararlo
mojibake-lost = { $words } no se puede recuperar: una comilla o una raya perdió su último byte antes de descodificarse el texto; copie de nuevo desde el original el párrafo que empieza { $paragraphs }
warning-mojibake = { $location }: el texto parece mal descodificado (mojibake): { $parts }

## Errores (tras "error: ") y qué hacer (tras "sugerencia: ")

error-label = error
hint-label = sugerencia
source-prompt = la respuesta a “{ $question }”
source-cell = { $file } fila { $row }, columna `{ $column }`
error-at = { $at }: { $message }
error-missing-choices = falta { $missing }
error-missing-variable = { $location }: la plantilla usa `{ $name }`, que no está disponible; disponibles: { $available }
kind-command = la orden
kind-demand = la petición
kind-recipient = el destinatario
kind-template = la campaña
error-unknown-id = no se conoce { $kind } `{ $id }`{ $suggestion }
error-did-you-mean = ; ¿quiso decir `{ $suggestion }`?
error-no-email = el destinatario `{ $recipient }` no tiene dirección de correo electrónico, así que esta carta no puede ser un correo
error-no-address = el destinatario `{ $recipient }` de { $path } no tiene dirección postal, así que esta carta no puede imprimirse y enviarse por correo postal
error-address = { $field }: `{ $value }` no es una dirección de correo electrónico utilizable: { $message }
error-signature = imagen de la firma { $path }: { $message }
error-glyphs-mojibake = el texto { $context } contiene { $chars }, que no es chino sino lo que queda de una comilla o una raya cuyo último byte se perdió al copiar el texto (mojibake); no se puede recuperar
error-glyphs = las fuentes del PDF no pueden dibujar { $chars } (en { $context })
error-io-read = no se puede leer { $path }: { $error }
error-io-write = no se puede escribir { $path }: { $error }
error-io-use = no se puede usar { $path }: { $error }
error-refused = no se escribe { $path }: { $reason }
error-in-use = otra ejecución de `letters` está usando { $path }
error-batch-stopped = { $error }; el lote se detuvo ahí
hint-see = véase: { $see }
hint-fix-the-file = corrija el archivo y ejecute `letters check` para validar todos los datos
hint-signers = corrija el archivo de firmantes o indique cómo leerlo (--sheet, --column, --encoding, --delimiter); añada --dry-run para ver cómo se leen sus columnas y primeras filas
hint-no-email = use --format pdf o --format text para imprimirla y enviarla por correo postal, o añada `email = "..."` a `[{ $recipient }]` en su recipients.toml
hint-no-address = añada `address = ["...", "..."]` (las líneas de la dirección postal) a `[{ $recipient }]` en { $path }, o use --format email para enviarla por correo electrónico
hint-address = escriba una dirección como `usuario@example.org` o `Nombre <usuario@example.org>`
hint-mail = letters send lee archivos .eml y mbox, como los que escribe `letters draft --format email -o CARPETA`
hint-signature = dé a --signature un archivo PNG (se conserva la transparencia) o JPEG, o indique [sender] signature en letters.toml
hint-glyphs-mojibake = copie de nuevo ese párrafo desde el documento original (o escriba usted la comilla o la raya) y vuelva a redactar la carta
hint-glyphs-bundled = la fuente incluida (Liberation Serif) cubre los alfabetos latino, griego y cirílico; indique una fuente TrueType que tenga estos caracteres con --font-regular ARCHIVO (y --font-bold, --font-italic), o font-regular en la tabla [pdf] de letters.toml
hint-glyphs = indique una fuente TrueType que tenga estos caracteres con --font-regular ARCHIVO (y --font-bold, --font-italic), o font-regular en la tabla [pdf] de letters.toml
hint-disk-full = el disco está lleno: libere espacio o escriba en otro lugar
hint-permissions = compruebe los permisos de la carpeta o escriba en otro lugar
hint-batch-combined = { $first }un archivo combinado se escribe de una sola vez: ejecute de nuevo la misma orden
hint-batch-recorded = { $count } cartas están en el disco y figuran en manifest.jsonl
hint-batch-kept = se conservan las cartas escritas hasta ahora
hint-batch-resume = { $first }{ $kept }: ejecute de nuevo la misma orden con --resume para escribir el resto sin repetir ninguna
hint-refused = elimínelo o elija otra ruta de salida y ejecute de nuevo la orden
hint-in-use = espere a que termine la otra ejecución (o escriba en otro lugar) y ejecute de nuevo la orden

## Un lote: su avance y la línea que lo cierra

batch-written = { $count ->
    [one] { $count } escrita
   *[other] { $count } escritas
}
batch-skipped = { $count ->
    [one] { $count } omitida
   *[other] { $count } omitidas
}
batch-failed = { $count ->
    [one] { $count } fallida
   *[other] { $count } fallidas
}
batch-duplicates = { $count ->
    [one] { $count } fila repetida
   *[other] { $count } filas repetidas
}
batch-blank = { $count ->
    [one] { $count } fila en blanco
   *[other] { $count } filas en blanco
}
batch-other-shards = { $count ->
    [one] { $count } fila de otras partes
   *[other] { $count } filas de otras partes
}
batch-summary = { $parts } en { $seconds } s ({ $rate } cartas/s)
batch-failures-file = ; las filas fallidas están en { $path }
progress-letters = { $count ->
    [one] { $count } carta
   *[other] { $count } cartas
}, { $rate }/s

## Lo que una comprobación dice de un valor, dentro de un error (tras "error: OPCIÓN: ")

detail-unknown-language = no se conoce el idioma `{ $code }`: use uno de { $known } (otro idioma necesita un archivo de idioma en la carpeta `locales/` del espacio de trabajo)
detail-not-a-date = `{ $value }` no es una fecha de la forma AAAA-MM-DD
detail-date-out-of-range = { $date } no es una fecha que pueda llevar una carta: indique una entre { $earliest } y { $latest }
detail-not-an-email = `{ $value }` no es una dirección de correo electrónico válida: escríbala como usuario@example.org
detail-row-no-name = falta el nombre: rellene la columna `{ $column }`
detail-missing-template = --template <ID> (una de: { $ids })
detail-missing-sender-name = --sender-name <NOMBRE> (o name en la tabla [sender] de letters.toml)
detail-no-terminal-to-ask = no hay un terminal en el que preguntar, así que no se pregunta nada: indique cada elección con una opción, por ejemplo: letters draft --template detention-urgent-action --sender-name "Su Nombre"
detail-locales-not-a-directory = `locales` indica { $path }, que no es una carpeta: créela y ponga en ella los archivos de idioma (`*.toml`), o corrija la ruta (es relativa a letters.toml)
detail-column = columna `{ $column }`: { $message }
io-not-found = no existe ese archivo o carpeta
io-permission-denied = permiso denegado
io-is-a-directory = es una carpeta, no un archivo
io-not-a-directory = una parte de la ruta no es una carpeta
row-failed = { $source } fila { $row }: { $reason }

## letters check: lo que encontró en los archivos de datos (tras "error: " o "aviso: ")

check-office-no-text = { $path } [{ $id }]: `office` no tiene texto en `{ $language }`
check-no-salutation = { $path } [{ $id }]: no hay `salutation`: las cartas usarán un saludo genérico
check-no-salutation-in = { $path } [{ $id }]: no hay saludo en `{ $language }`, un idioma preferido de la oficina
check-salutation-end-colon = { $path } [{ $id }]: el saludo "{ $text }" en `{ $language }` debe terminar con dos puntos (como las cartas en { $convention } a esta oficina)
check-salutation-end-comma = { $path } [{ $id }]: el saludo "{ $text }" en `{ $language }` debe terminar con una coma (como las cartas en { $convention } a esta oficina)
check-salutation-end = { $path } [{ $id }]: el saludo "{ $text }" en `{ $language }` debe terminar con "{ $end }" (como las cartas en { $convention } a esta oficina)
check-not-an-email = { $path } [{ $id }]: `email` "{ $email }" no es una dirección de correo electrónico
check-field-no-text = { $path }: `{ $field }` no tiene texto en `{ $language }`
check-demand-no-text = { $path }: la petición `{ $demand }` no tiene texto en `{ $language }`
check-no-body = { $path }: la plantilla ofrece `{ $language }`, pero no tiene { $file } a su lado
check-body-unused = { $path }: `{ $language }` no está en los `languages` de la plantilla, así que este texto nunca se usa
check-deadline-passed = { $path }: el plazo de la campaña (act_before = { $deadline }) ya pasó
check-no-date = { $path }: la campaña no tiene ni `act_before` ni `as_of`: indique el día en que sus hechos y cifras estaban al día (as_of = 2024-07-30, o un mes: as_of = "2024-08") para que las cartas digan cuándo han envejecido
check-figure-unsupported = { $path }: la cifra "{ $figure }" no aparece en ninguna de las fuentes de la campaña: añádala a `supports` de la fuente de la que procede en template.toml (o añada esa fuente a [[sources]]), o quítela de la carta
check-summary = comprobados: { $recipients ->
    [one] { $recipients } destinatario
   *[other] { $recipients } destinatarios
}, { $templates ->
    [one] { $templates } plantilla
   *[other] { $templates } plantillas
} y { $demands ->
    [one] { $demands } petición
   *[other] { $demands } peticiones
}: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errores
}, { $warnings ->
    [one] { $warnings } aviso
   *[other] { $warnings } avisos
}

## letters recipients list y show (list: los encabezados de la tabla; show: las etiquetas)

list-id = ID
list-addressee = DESTINATARIO
list-languages = IDIOMAS
list-verified = VERIFICADO
list-stale = { $date } (antiguo)
show-addressee = destinatario
show-title = cargo
show-organization = organización
show-address = dirección
show-email = correo
show-none = (ninguno)
show-languages = idiomas
show-salutation = saludo
show-same-in-every-language = (el mismo en todos los idiomas)
show-salutation-in = saludo ({ $language })
show-holders = titulares
show-no-holders = (no consta ninguno: las cartas se dirigen al cargo)
show-in-office-today = (en el cargo hoy)
show-stale = (ANTIGUO: hace más de 12 meses; compruébelo y ejecute `letters recipients verify`)
show-verified = verificado
show-note = nota

## letters report: los encabezados de la tabla

report-campaign = campaña
report-letters = cartas
report-signers = firmantes
report-failed-rows = filas fallidas
report-emails = correos
report-accepted = aceptados
report-rejected = rechazados
report-deferred = aplazados
report-uncertain = inciertos
report-tests = pruebas
report-total = total
report-by-recipient = cartas por destinatario
report-by-language = cartas por idioma
report-by-day = cartas por día
report-cosigners = cofirmantes de la carta conjunta
report-partial = correos aceptados solo por algunos destinatarios
report-accepted-by-recipient = correos aceptados por destinatario
report-accepted-by-day = correos aceptados por día

## letters send: el estado de cada mensaje y las últimas líneas

send-status-new = nuevo
send-status-accepted = aceptado
send-status-partial = en parte
send-status-rejected = rechazado
send-status-deferred = aplazado
send-status-uncertain = incierto
send-count-new = { $count ->
    [one] { $count } nuevo
   *[other] { $count } nuevos
}
send-count-accepted = { $count ->
    [one] { $count } aceptado
   *[other] { $count } aceptados
}
send-count-partial = { $count ->
    [one] { $count } aceptado en parte
   *[other] { $count } aceptados en parte
}
send-count-rejected = { $count ->
    [one] { $count } rechazado
   *[other] { $count } rechazados
}
send-count-deferred = { $count ->
    [one] { $count } aplazado
   *[other] { $count } aplazados
}
send-count-uncertain = { $count ->
    [one] { $count } incierto
   *[other] { $count } inciertos
}
send-state-send = enviar
send-state-skip = omitir ({ $status })
send-to-send = { $count } por enviar
send-already-accepted = { $count ->
    [one] { $count } ya aceptado
   *[other] { $count } ya aceptados
}
send-dry-run-summary = { $total ->
    [one] { $total } mensaje
   *[other] { $total } mensajes
}: { $parts }; registro: { $ledger }
send-dry-run-nothing-sent = ensayo: no se envió nada; añada --send y --smtp URL para enviar (o --test-to SU-DIRECCIÓN para enviarse el primero a usted)
send-note-keep-date = nota: cada mensaje conserva la cabecera Date de su archivo (--keep-date)
send-note-date-when-sent = nota: la cabecera Date de cada mensaje será la hora en que se envíe; la carta conserva su propia fecha en su texto
send-summary = se enviaron { $attempted } de { $total ->
    [one] { $total } mensaje
   *[other] { $total } mensajes
}: { $parts }
send-skipped = ; { $count ->
    [one] { $count } omitido
   *[other] { $count } omitidos
}
send-not-attempted = ; { $count ->
    [one] { $count } sin intentar
   *[other] { $count } sin intentar
}
send-ledger = ; registro: { $path }
