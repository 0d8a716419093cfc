"""https through the pinned connection: the certificate is checked against the host name
asked for, and the handshake counts against the deadline."""

import shutil
import socket
import ssl
import subprocess
import threading

import pytest

from newsroom.ingest import fetch as fetch_module
from newsroom.ingest.fetch import FetchError, fetch

BODY = b"<rss version='2.0'><channel><title>TLS</title></channel></rss>"


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


@pytest.fixture
def tls_server(certificate, settings):
    """Answers one request per connection over TLS; ``stall`` makes it never handshake."""
    settings.INGEST_ALLOW_LOOPBACK = True
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    state = {"stall": False, "stop": threading.Event()}

    def serve():
        while True:
            try:
                conn, _addr = listener.accept()
            except OSError:
                return
            if state["stall"]:
                state["stop"].wait(5)
                conn.close()
                continue
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(65536)
                    tls.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                        + f"Content-Length: {len(BODY)}\r\nConnection: close\r\n\r\n".encode()
                        + BODY
                    )
            except (ssl.SSLError, OSError):
                pass

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1], cert, state
    state["stop"].set()
    listener.close()


def test_https_is_fetched_with_the_certificate_checked(tls_server, monkeypatch):
    port, cert, _state = tls_server
    trusting = ssl.create_default_context(cafile=cert)
    monkeypatch.setattr(fetch_module.ssl, "create_default_context", lambda: trusting)

    result = fetch(f"HTTPS://127.0.0.1:{port}/feed.xml", timeout=5)

    assert result.content == BODY


def test_a_certificate_not_trusted_is_refused(tls_server):
    port, _cert, _state = tls_server

    with pytest.raises(FetchError, match="TLS certificate of 127.0.0.1 is not valid"):
        fetch(f"https://127.0.0.1:{port}/feed.xml", timeout=5)


def test_a_handshake_that_never_comes_is_cut_off_at_the_deadline(tls_server):
    port, _cert, state = tls_server
    state["stall"] = True

    with pytest.raises(FetchError, match="did not answer within 0.3 seconds"):
        fetch(f"https://127.0.0.1:{port}/feed.xml", timeout=0.3)
