"""An SMTP relay for the tests that asks what a real one asks: STARTTLS first, then AUTH (PLAIN or LOGIN), then mail.

Usage: smtp_tls_auth_relay.py HOST PORT MAILDIR CERT.pem KEY.pem USER PASSWORD
Messages go into MAILDIR (aiosmtpd's Mailbox handler), as with the plain relay of SmtpTestServer.
"""
import asyncio
import ssl
import sys

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

host, port, maildir, cert, key, user, password = sys.argv[1:8]


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login == user.encode() and auth_data.password == password.encode())
    return AuthResult(success=ok, handled=False)


tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
tls.load_cert_chain(cert, key)
handler = Mailbox(maildir)


def session():
    return SMTP(handler, tls_context=tls, require_starttls=True, authenticator=authenticate,
                auth_required=True, auth_require_tls=True)


loop = asyncio.new_event_loop()
loop.run_until_complete(loop.create_server(session, host, int(port)))
loop.run_forever()
