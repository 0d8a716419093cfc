"""A ``redis-server`` of the test's own on 127.0.0.1 (never the machine's shared one)."""

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import redis


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayRedis:
    """Started with no automatic saves; ``restart(keep_data=True)`` brings back the data it
    had (an explicit SAVE, as a server with persistence would), else it starts empty."""

    def __init__(self):
        self.binary = shutil.which("redis-server")
        if not self.binary:
            pytest.skip("redis-server is not installed (apt-get install redis-server)")
        self.dir = Path(tempfile.mkdtemp(prefix="newsroom-redis-"))
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                self.binary, "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.dir),
                "--dbfilename", "dump.rdb",
            ],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(redis.RedisError):
                if self.client().ping():
                    return self
            time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self, *, keep_data=False):
        if keep_data:
            self.client().save()
        else:
            (self.dir / "dump.rdb").unlink(missing_ok=True)
        self.process.terminate()
        self.process.wait(timeout=10)
        self.process = None

    def remove(self):
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)
