# The interface's messages in English: the guided flow of `letters draft`.
# Each message has the same id and the same placeholders in every catalogue.

## Moving through the flow

esc-goes-back-one-step = Esc goes back one step; Ctrl-C cancels without writing anything.
back-one-step = « Back one step.
cancelled-nothing-was-written = Cancelled: nothing was written.

## The campaign

campaign-type-to-filter = Campaign (type to filter)
nothing-matches-backspace-to-change = nothing matches: Backspace to change the filter
mark-deadline = [act before { $date }]
mark-deadline-passed = [act before { $date }: passed]

## The recipients

recipients-space-to-tick-enter = Recipients (space to tick, enter to confirm)
choose-at-least-one-recipient = Choose at least one recipient.
reach-postal = postal
reach-postal-and-email = postal / { $email }
mark-not-verified = ⚠ not verified since { $date }
no-email-address = `{ $recipient }` has no email address
no-postal-address = `{ $recipient }` has no postal address
format-unreachable = { $reasons } for the format you gave; untick it or run again with another --format.

## The language and the demands

language-of-the-letter = Language of the letter
recipients-language = the recipient's language
your-language = your language
demands-all-are-ticked-space = Demands (all are ticked; space to untick)
choose-at-least-one-demand = Choose at least one demand.

## Who signs

who-signs-the-letter = Who signs the letter?
your-name = Your name
title-optional = Title (optional)
organization-optional = Organization (optional)
email-optional = Email (optional)
this-cannot-be-empty = This cannot be empty.
that-is-not-an-email = That is not an email address; leave it empty or type it again.
remember-these-details-for-your = Remember these details for your next letters?
saved-in = Saved in { $path }

## Their own words

a-sentence-or-two-in = A sentence or two in your own words (why this matters to you) gives the letter more weight than an identical form letter.
your-own-paragraph = Your own paragraph
type-it-here = Type it here
write-it-in-my-editor = Write it in my editor ($EDITOR)
skip = Skip
your-paragraph = Your paragraph
editor-failed = The editor could not be opened: { $error }

## The format and the output

format = Format
format-not-offered = Not offered: { $format }: { $reasons }.
plain-text-wrapped-see-width = Plain text, wrapped (see --width)
the-letter-model-as-json = The Letter model as JSON
an-email-message-eml-rfc = An email message (.eml, RFC 5322) with the text as its body, ready for `letters send`
several-email-messages-in-one = Several email messages in one mbox file
a-mailto-uri-to-open = A mailto: URI, to open the letter in your own mail program
a-typeset-pdf-see-layout = A typeset PDF (see --layout, --signature, --font-regular)
directory-to-write-the-letters = Directory to write the letters in (- to print them here)
file-to-write-the-letter = File to write the letter to (- to print it here)
that-directory-does-not-exist = That directory does not exist; choose a path in an existing directory.

## Writing

write-it = Write it?
written = Written: { $path }
nothing-written-in = Nothing written in { $path }
next-time-the-same-letter = Next time, the same letter in one line:
nothing-was-written-your-answers = Nothing was written. Your answers, as one command to run once this is fixed:

## Yes or no: the key for yes (one letter), the hints (the default in capitals), the answers

yes-key = y
yes-no-hint-default-yes = (Y/n)
yes-no-hint-default-no = (y/N)
answer-yes = yes
answer-no = no

## Warnings about the data a letter is drafted from (after "warning: ")

warning-label = warning
warning-past-deadline = campaign `{ $campaign }` asked for action before { $date }; that date has passed, so check whether the campaign has been updated before sending
warning-aged-facts = campaign `{ $campaign }` states its facts and figures as of { $as_of } (more than { $days } days ago): they may have changed since, so check them before sending
stale-context-letter = {" "}and this letter is dated { $date }
stale-context-today = , more than { $months } months ago
warning-stale-record = recipient `{ $recipient }` was last verified on { $verified }{ $context }: the officeholder{ $holder } may have changed since { $since }; check, then run `letters recipients verify { $recipient }` (or `letters recipients update { $recipient } --name NAME --since DATE` if the office has changed hands)
record-note = {" "}(note: { $note })
warning-no-holder = recipient `{ $recipient }` in { $path } records no officeholder on { $date }, the letter's date: the letter is addressed to the office; record the holder with `letters recipients update { $recipient } --name NAME --since DATE`
language-name-en = English
language-name-es = Spanish
language-name-fr = French
language-name-pt = Portuguese
warning-own-words-language = { $from }: the paragraph in your own words (“{ $beginning }”) reads as { $read }, but the letter to `{ $recipient }` is in { $written }: translate the paragraph, or write the letter in { $read } (--lang { $code })
mojibake-reads-as = "{ $found }" reads as "{ $repaired }"
mojibake-repaired = { $repairs }; repaired (--fix-mojibake)
mojibake-repairable = { $repairs }; check the text, or pass --fix-mojibake to repair it
mojibake-lost = { $words } cannot be recovered: a quotation mark or dash lost its last byte before the text was decoded; copy the paragraph beginning { $paragraphs } again from the original
warning-mojibake = { $location }: text looks mis-decoded (mojibake): { $parts }

## Errors (after "error: ") and what to do about them (after "hint: ")

error-label = error
hint-label = hint
source-prompt = the answer to “{ $question }”
source-cell = { $file } row { $row }, column `{ $column }`
error-at = { $at }: { $message }
error-missing-choices = missing { $missing }
error-missing-variable = { $location }: the template uses `{ $name }`, which is not available; available: { $available }
kind-command = command
kind-demand = demand
kind-recipient = recipient
kind-template = template
error-unknown-id = unknown { $kind } `{ $id }`{ $suggestion }
error-did-you-mean = ; did you mean `{ $suggestion }`?
error-no-email = recipient `{ $recipient }` has no email address, so this letter cannot be an email
error-no-address = recipient `{ $recipient }` in { $path } has no postal address, so this letter cannot be printed and posted
error-address = { $field }: `{ $value }` is not a usable email address: { $message }
error-signature = signature image { $path }: { $message }
error-glyphs-mojibake = the text { $context } holds { $chars }, which is not Chinese but what is left of a quotation mark or dash whose last byte was lost when the text was copied (mojibake); it cannot be recovered
error-glyphs = the PDF fonts cannot draw { $chars } (in { $context })
error-io-read = cannot read { $path }: { $error }
error-io-write = cannot write { $path }: { $error }
error-io-use = cannot use { $path }: { $error }
error-refused = refusing to write { $path }: { $reason }
error-in-use = { $path } is in use by another `letters` run
error-batch-stopped = { $error }; the batch stopped there
hint-see = see: { $see }
hint-fix-the-file = fix the file, then run `letters check` to validate all data
hint-signers = fix the signers file, or say how to read it (--sheet, --column, --encoding, --delimiter); add --dry-run to see how its columns and first rows are read
hint-no-email = use --format pdf or --format text to print it and send it by post, or add `email = "..."` to `[{ $recipient }]` in your recipients.toml
hint-no-address = add `address = ["...", "..."]` (the lines of the postal address) to `[{ $recipient }]` in { $path }, or use --format email to send it by email
hint-address = write an address as `user@example.org` or `Name <user@example.org>`
hint-mail = letters send reads .eml and mbox files, such as `letters draft --format email -o DIR` writes
hint-signature = give --signature a PNG (transparency is kept) or JPEG file, or set [sender] signature in letters.toml
hint-glyphs-mojibake = copy that paragraph again from the original document (or type the quotation mark or dash yourself), then draft the letter again
hint-glyphs-bundled = the bundled font (Liberation Serif) covers Latin, Greek and Cyrillic; give a TrueType font that has these characters with --font-regular FILE (and --font-bold, --font-italic), or font-regular in the [pdf] table of letters.toml
hint-glyphs = give a TrueType font that has these characters with --font-regular FILE (and --font-bold, --font-italic), or font-regular in the [pdf] table of letters.toml
hint-disk-full = the disk is full: free some space, or write somewhere else
hint-permissions = check the permissions of the directory, or write somewhere else
hint-batch-combined = { $first }a combined file is written in one piece: then run the same command again
hint-batch-recorded = { $count } letters are on disk and listed in manifest.jsonl
hint-batch-kept = the letters written so far are kept
hint-batch-resume = { $first }{ $kept }: then run the same command again with --resume to write the rest without repeating any
hint-refused = remove it or choose another output path, then run the command again
hint-in-use = wait for the other run to finish (or write somewhere else), then run the command again

## A batch: its progress and the line that ends it

batch-written = { $count } written
batch-skipped = { $count } skipped
batch-failed = { $count } failed
batch-duplicates = { $count } duplicate rows
batch-blank = { $count } blank rows
batch-other-shards = { $count } rows in other shards
batch-summary = { $parts } in { $seconds } s ({ $rate } letters/s)
batch-failures-file = ; failed rows are in { $path }
progress-letters = { $count } letters, { $rate }/s

## What a check says about a value, inside an error (after "error: FLAG: ")

detail-unknown-language = unknown language `{ $code }`: use one of { $known } (another language needs a locale file in the workspace's `locales/` directory)
detail-not-a-date = `{ $value }` is not a date in the form YYYY-MM-DD
detail-date-out-of-range = { $date } is not a date a letter can bear: give one from { $earliest } to { $latest }
detail-not-an-email = `{ $value }` is not a valid email address: write it as user@example.org
detail-row-no-name = no name: fill in the `{ $column }` column
detail-missing-template = --template <ID> (one of: { $ids })
detail-missing-sender-name = --sender-name <NAME> (or [sender] name in letters.toml)
detail-no-terminal-to-ask = there is no terminal to ask on, so nothing is asked: give every choice as a flag, for example: letters draft --template detention-urgent-action --sender-name "Your Name"
detail-locales-not-a-directory = `locales` names { $path }, which is not a directory: create it and put the locale files (`*.toml`) in it, or correct the path (it is relative to letters.toml)
detail-column = column `{ $column }`: { $message }
io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-a-directory = it is a directory, not a file
io-not-a-directory = a part of the path is not a directory
row-failed = { $source } row { $row }: { $reason }

## letters check: what it found in the data files (after "error: " or "warning: ")

check-office-no-text = { $path } [{ $id }]: `office` has no text in `{ $language }`
check-no-salutation = { $path } [{ $id }]: no `salutation`: letters will use a generic one
check-no-salutation-in = { $path } [{ $id }]: no salutation in `{ $language }`, a preferred language of the office
check-salutation-end-colon = { $path } [{ $id }]: the salutation "{ $text }" in `{ $language }` must end with a colon (as letters in { $convention } to this office do)
check-salutation-end-comma = { $path } [{ $id }]: the salutation "{ $text }" in `{ $language }` must end with a comma (as letters in { $convention } to this office do)
check-salutation-end = { $path } [{ $id }]: the salutation "{ $text }" in `{ $language }` must end with "{ $end }" (as letters in { $convention } to this office do)
check-not-an-email = { $path } [{ $id }]: `email` "{ $email }" is not an email address
check-field-no-text = { $path }: `{ $field }` has no text in `{ $language }`
check-demand-no-text = { $path }: demand `{ $demand }` has no text in `{ $language }`
check-no-body = { $path }: the template offers `{ $language }` but has no { $file } beside it
check-body-unused = { $path }: `{ $language }` is not in the template's `languages`, so this body is never used
check-deadline-passed = { $path }: the campaign's deadline (act_before = { $deadline }) has passed
check-no-date = { $path }: the campaign has neither `act_before` nor `as_of`: give the day its facts and figures were current (as_of = 2024-07-30, or a month: as_of = "2024-08") so that letters say when they have aged
check-figure-unsupported = { $path }: the figure "{ $figure }" appears in none of the campaign's sources: add it to the `supports` of the source it comes from in template.toml (or add that source to [[sources]]), or take it out of the letter
check-summary = checked { $recipients } recipients, { $templates } templates and { $demands } demands: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}

## letters recipients list and show (list: the table's headings; show: the labels)

list-id = ID
list-addressee = ADDRESSEE
list-languages = LANG
list-verified = VERIFIED
list-stale = { $date } (stale)
show-addressee = addressee
show-title = title
show-organization = organization
show-address = address
show-email = email
show-none = (none)
show-languages = languages
show-salutation = salutation
show-same-in-every-language = (the same in every language)
show-salutation-in = salutation ({ $language })
show-holders = holders
show-no-holders = (none recorded: letters are addressed to the office)
show-in-office-today = (in office today)
show-stale = (STALE: more than 12 months ago; check it, then run `letters recipients verify`)
show-verified = verified
show-note = note

## letters report: the table's headings

report-campaign = campaign
report-letters = letters
report-signers = signers
report-failed-rows = failed rows
report-emails = emails
report-accepted = accepted
report-rejected = rejected
report-deferred = deferred
report-uncertain = uncertain
report-tests = tests
report-total = total
report-by-recipient = letters by recipient
report-by-language = letters by language
report-by-day = letters by day
report-cosigners = co-signers on the sign-on letter
report-partial = emails accepted for some recipients only
report-accepted-by-recipient = emails accepted by recipient
report-accepted-by-day = emails accepted by day

## letters send: each message's status and the run's last lines

send-status-new = new
send-status-accepted = accepted
send-status-partial = partial
send-status-rejected = rejected
send-status-deferred = deferred
send-status-uncertain = uncertain
send-count-new = { $count } new
send-count-accepted = { $count } accepted
send-count-partial = { $count } partial
send-count-rejected = { $count } rejected
send-count-deferred = { $count } deferred
send-count-uncertain = { $count } uncertain
send-state-send = send
send-state-skip = skip ({ $status })
send-to-send = { $count } to send
send-already-accepted = { $count } already accepted
send-dry-run-summary = { $total } messages: { $parts }; ledger: { $ledger }
send-dry-run-nothing-sent = dry run: nothing was sent; add --send and --smtp URL to send (or --test-to YOUR-ADDRESS to send the first one to yourself)
send-note-keep-date = note: each message keeps the Date header its file has (--keep-date)
send-note-date-when-sent = note: each message's Date header will be the time it is sent; the letter keeps its own date in its text
send-summary = sent { $attempted } of { $total } messages: { $parts }
send-skipped = ; { $count } skipped
send-not-attempted = ; { $count } not attempted
send-ledger = ; ledger: { $path }
