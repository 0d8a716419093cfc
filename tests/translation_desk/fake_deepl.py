"""A stand-in for the DeepL v2 API on 127.0.0.1, for tests: no test reaches the internet.

It answers ``POST /v2/translate`` and the glossary calls the ``deepl`` package makes.
A "translation" is the text with each glossary term replaced by its translation and
``«nl» `` (the target language) in front, so tests see what was sent and what came
back; XML tags pass through untouched, as DeepL's tag handling keeps them. ``fail``
makes every answer that status code (403, 429, 456, 500, ...) and ``delay`` makes it
slow (a timeout).
"""

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeDeepL:
    def __init__(self):
        self.requests = []  # (method, path, json body, headers)
        self.glossaries = {}
        self.fail = None
        self.delay = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._server.shutdown()
        self._server.server_close()

    def translate_calls(self):
        return [body for method, path, body, _h in self.requests if path == "/v2/translate"]

    def _translate(self, body):
        target = body["target_lang"].split("-")[0].lower()
        entries = self.glossaries.get(body.get("glossary_id"), {})
        out = []
        for text in body["text"]:
            for term, translation in sorted(entries.items(), key=lambda e: -len(e[0])):
                text = text.replace(term, translation)
            out.append(
                {
                    "detected_source_language": body.get("source_lang", "EN"),
                    "text": f"«{target}» {text}",
                    "billed_characters": len(text),
                }
            )
        return {"translations": out}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status, payload=None):
                data = json.dumps(payload or {}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _handle(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else {}
                fake.requests.append((method, self.path, body, dict(self.headers)))
                if fake.delay:
                    time.sleep(fake.delay)
                if fake.fail:
                    return self._answer(fake.fail, {"message": "fake failure"})
                if not self.headers.get("Authorization", "").startswith("DeepL-Auth-Key "):
                    return self._answer(403, {"message": "Wrong key"})
                if method == "POST" and self.path == "/v2/translate":
                    return self._answer(200, fake._translate(body))
                if method == "POST" and self.path == "/v2/glossaries":
                    gid = str(uuid.uuid4())
                    entries = dict(
                        line.split("\t") for line in body["entries"].splitlines() if line
                    )
                    fake.glossaries[gid] = entries
                    return self._answer(
                        201,
                        {
                            "glossary_id": gid,
                            "name": body["name"],
                            "ready": True,
                            "source_lang": body["source_lang"].lower(),
                            "target_lang": body["target_lang"].lower(),
                            "creation_time": "2026-12-05T12:00:00.000Z",
                            "entry_count": len(entries),
                        },
                    )
                if method == "DELETE" and self.path.startswith("/v2/glossaries/"):
                    fake.glossaries.pop(self.path.rsplit("/", 1)[-1], None)
                    self.send_response(204)
                    self.end_headers()
                    return None
                return self._answer(404, {"message": "Not found"})

            def do_POST(self):
                self._handle("POST")

            def do_DELETE(self):
                self._handle("DELETE")

            def do_GET(self):
                self._handle("GET")

        return Handler
