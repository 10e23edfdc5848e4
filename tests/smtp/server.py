"""A test SMTP server on 127.0.0.1 for `letters send`, built on aiosmtpd.

It listens on a free port, prints `PORT <n>` on its first line of stdout, and appends one
JSON line per event to --log: every message it accepts, parsed with Python's own `email`
package (so the test checks what a second, independent MIME parser sees), and every
command it answers (a body it does not take is a `drop` or `defer` event, logged before
the answer). It can misbehave on purpose:

  --reject ADDR        answer 550 to RCPT TO:<ADDR> (repeatable)
  --tempfail ADDR:N    answer 451 to RCPT TO:<ADDR> the first N times (repeatable)
  --drop-at N          close the connection, without answering, after the body of the
                       Nth message (once): the message is not accepted
  --defer-at N         answer 451 after the body of the Nth message (once)
  --defer-rate P       answer 451 after a body, with probability P
  --drop-rate P        close the connection, without answering, after a body, with
                       probability P
  --seed S             seeds those faults: whether the Kth body of a message (by its
                       Message-ID) fails depends only on S, the Message-ID and K, so a
                       run is reproducible however its clients are stopped and restarted
  --slow-data SECS     accept the body, record it, then wait SECS before answering 250
  --slow-rcpt SECS     wait SECS before answering each RCPT TO

Events name the client's port (`peer`), and a client's QUIT is a `quit` event: a client
that sent QUIT after a 451 had read that answer.
  --user U --password P  require AUTH (PLAIN or LOGIN) without TLS

It stops by itself after --lifetime seconds (default 120), so a failed test never
leaves it running.
"""

import argparse
import asyncio
import base64
import email
import email.policy
from email.header import decode_header, make_header
import json
import logging
import random
import sys
import re
import time
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--log", required=True)
    p.add_argument("--reject", action="append", default=[])
    p.add_argument("--tempfail", action="append", default=[])
    p.add_argument("--drop-at", type=int, default=0)
    p.add_argument("--defer-at", type=int, default=0)
    p.add_argument("--defer-rate", type=float, default=0.0)
    p.add_argument("--drop-rate", type=float, default=0.0)
    p.add_argument("--seed", default="0")
    p.add_argument("--slow-data", type=float, default=0.0)
    p.add_argument("--slow-rcpt", type=float, default=0.0)
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--lifetime", type=float, default=120.0)
    return p.parse_args()


class Handler:
    def __init__(self, args):
        self.args = args
        self.log = open(args.log, "a", encoding="utf-8")
        self.tempfail = {}
        for item in args.tempfail:
            addr, n = item.rsplit(":", 1)
            self.tempfail[addr.lower()] = int(n)
        self.reject = {a.lower() for a in args.reject}
        self.bodies = 0
        self.dropped = False
        self.deferred = False
        # How many bodies of each Message-ID arrived, for the seeded faults.
        self.seen = {}

    def event(self, **fields):
        fields["time"] = time.time()
        self.log.write(json.dumps(fields, ensure_ascii=False) + "\n")
        self.log.flush()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.event(kind="mail", sender=address, options=mail_options)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.args.slow_rcpt:
            await asyncio.sleep(self.args.slow_rcpt)
        key = address.lower()
        if key in self.reject:
            self.event(kind="rcpt", address=address, answer=550)
            return "550 5.1.1 <%s>: no such mailbox here" % address
        if self.tempfail.get(key, 0) > 0:
            self.tempfail[key] -= 1
            self.event(kind="rcpt", address=address, answer=451)
            return "451 4.3.0 mailbox busy, try again later"
        self.event(kind="rcpt", address=address, answer=250)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    def fault(self, raw):
        """What to do instead of taking the body: "drop", "defer" or None."""
        if self.args.drop_at and self.bodies == self.args.drop_at and not self.dropped:
            self.dropped = True
            return "drop"
        if self.args.defer_at and self.bodies == self.args.defer_at and not self.deferred:
            self.deferred = True
            return "defer"
        if not (self.args.defer_rate or self.args.drop_rate):
            return None
        message_id = self.message_id(raw)
        k = self.seen.get(message_id, 0)
        self.seen[message_id] = k + 1
        draw = random.Random("%s:%s:%d" % (self.args.seed, message_id, k)).random()
        if draw < self.args.drop_rate:
            return "drop"
        if draw < self.args.drop_rate + self.args.defer_rate:
            return "defer"
        return None

    @staticmethod
    def message_id(raw):
        legacy = email.message_from_bytes(raw, policy=email.policy.compat32)
        return str(legacy.get("Message-ID", "")).strip().strip("<>")

    async def handle_DATA(self, server, session, envelope):
        self.bodies += 1
        raw = envelope.original_content or envelope.content
        fault = self.fault(raw)
        peer = session.peer[1]
        if fault == "drop":
            self.event(kind="drop", n=self.bodies, message_id=self.message_id(raw), peer=peer)
            server.transport.abort()
            return "421 4.4.2 connection dropped"
        if fault == "defer":
            self.event(kind="defer", n=self.bodies, message_id=self.message_id(raw), peer=peer)
            return "451 4.3.0 cannot take the message now, try again later"
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        body = msg.get_body(preferencelist=("plain",))
        attachments = []
        for part in msg.iter_attachments():
            attachments.append(
                {
                    "filename": part.get_filename(),
                    "content_type": part.get_content_type(),
                    "base64": base64.b64encode(part.get_payload(decode=True)).decode(),
                }
            )
        # Headers through the legacy decoder: policy.default's address parser wrongly
        # keeps the folding white space between two adjacent encoded words of a display
        # name (RFC 2047 section 6.2 says to drop it).
        legacy = email.message_from_bytes(raw, policy=email.policy.compat32)

        def header(name):
            value = legacy.get(name)
            if value is None:
                return ""
            unfolded = re.sub(r"\r?\n(?=[ \t])", "", str(value))
            return str(make_header(decode_header(unfolded)))

        self.event(
            kind="message",
            peer=peer,
            mail_from=envelope.mail_from,
            rcpt_tos=envelope.rcpt_tos,
            message_id=header("Message-ID").strip().strip("<>"),
            subject=header("Subject"),
            # The same headers as the modern parser (policy.default) reads them.
            subject_default=str(msg.get("Subject", "")),
            from_default=str(msg.get("From", "")),
            to_default=str(msg.get("To", "")),
            from_=header("From"),
            to=header("To"),
            cc=header("Cc"),
            date=header("Date"),
            has_bcc=msg.get("Bcc") is not None,
            header_names=[k for k in msg.keys()],
            body=body.get_content() if body is not None else None,
            attachments=attachments,
            defects=[str(d) for d in msg.defects],
        )
        if self.args.slow_data:
            await asyncio.sleep(self.args.slow_data)
        return "250 2.0.0 OK queued as %d" % self.bodies


    async def handle_QUIT(self, server, session, envelope):
        # The client said goodbye: it had read every answer before (a killed client
        # just disappears).
        self.event(kind="quit", peer=session.peer[1])
        return "221 Bye"


def authenticator(args):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == args.user
            and auth_data.password.decode() == args.password
        )
        # handled=False: let aiosmtpd answer 535 itself.
        return AuthResult(success=ok, handled=False)

    return check


async def main():
    args = parse_args()
    handler = Handler(args)
    kwargs = {}
    # AUTH without TLS is what the test wants, on 127.0.0.1: keep aiosmtpd's warnings
    # about it (and its log) out of the test output.
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)
    if args.user:
        kwargs = dict(
            authenticator=authenticator(args),
            auth_required=True,
            auth_require_tls=False,
        )
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="test.invalid", **kwargs),
        host="127.0.0.1",
        port=args.port,
    )
    port = server.sockets[0].getsockname()[1]
    print("PORT %d" % port, flush=True)
    await asyncio.sleep(args.lifetime)
    server.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
