"""Fetching over HTTP from a local server: User-Agent, conditional GET, errors, limits."""

import pytest

from newsroom.ingest.fetch import FetchError, fetch

from .conftest import fixture_bytes


def test_fetch_sends_a_bot_user_agent_and_returns_the_body_and_validators(feed_server):
    feed_server.add_feed(
        "/feed.xml",
        "rss2_content_encoded.xml",
        headers={"ETag": '"v1"', "Last-Modified": "Tue, 28 Oct 2025 15:12:03 GMT"},
    )

    result = fetch(feed_server.url("/feed.xml"))

    assert result.content == fixture_bytes("rss2_content_encoded.xml")
    assert (result.etag, result.last_modified) == ('"v1"', "Tue, 28 Oct 2025 15:12:03 GMT")
    _path, headers = feed_server.requests[0]
    assert headers["User-Agent"].startswith("NewsroomBot/")
    assert "(+http" in headers["User-Agent"]
    assert "If-None-Match" not in headers


def test_a_304_answer_to_a_conditional_get_is_not_modified(feed_server):
    def conditional(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.end_headers()
        else:
            handler.send_response(200)
            handler.end_headers()

    feed_server.add_handler("/feed.xml", conditional)

    result = fetch(
        feed_server.url("/feed.xml"), etag='"v1"', last_modified="Tue, 28 Oct 2025 15:12:03 GMT"
    )

    assert result.not_modified
    _path, headers = feed_server.requests[0]
    assert headers["If-Modified-Since"] == "Tue, 28 Oct 2025 15:12:03 GMT"


def test_a_server_error_gives_a_clear_message(feed_server):
    feed_server.add("/feed.xml", b"oops", status=500)

    with pytest.raises(FetchError, match=r"HTTP 500 \(Internal Server Error\)"):
        fetch(feed_server.url("/feed.xml"))


def test_a_server_that_hangs_times_out(feed_server):
    def hang(handler):
        feed_server.release.wait(5)

    feed_server.add_handler("/slow.xml", hang)

    with pytest.raises(FetchError, match="did not answer within 0.2 seconds"):
        fetch(feed_server.url("/slow.xml"), timeout=0.2)


def test_a_feed_over_the_size_cap_is_refused_with_or_without_a_content_length(feed_server):
    feed_server.add("/big.xml", b"x" * 5000)

    def unannounced(handler):
        handler.send_response(200)
        handler.end_headers()
        handler.wfile.write(b"y" * 5000)

    feed_server.add_handler("/streamed.xml", unannounced)

    for path in ("/big.xml", "/streamed.xml"):
        with pytest.raises(FetchError, match="larger than"):
            fetch(feed_server.url(path), max_bytes=1000)


def _redirect_chain(feed_server, hops):
    for n in range(hops):
        feed_server.add(
            f"/hop{n}", status=302, headers={"Location": feed_server.url(f"/hop{n + 1}")}
        )
    feed_server.add_feed(f"/hop{hops}", "rdf_rss1.xml")


def test_five_redirects_are_followed_and_the_final_url_kept(feed_server):
    _redirect_chain(feed_server, 5)

    result = fetch(feed_server.url("/hop0"))

    assert result.url == feed_server.url("/hop5")
    assert b"rdf:RDF" in result.content


def test_a_sixth_redirect_is_refused(feed_server):
    _redirect_chain(feed_server, 6)

    with pytest.raises(FetchError, match="redirected more than 5 times"):
        fetch(feed_server.url("/hop0"))


def test_a_redirect_to_a_non_web_address_is_refused(feed_server):
    feed_server.add("/feed.xml", status=301, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(FetchError, match="not an http"):
        fetch(feed_server.url("/feed.xml"))


def test_only_http_addresses_are_fetched():
    with pytest.raises(FetchError, match="not an http"):
        fetch("file:///etc/passwd")


def test_an_unreachable_server_gives_a_clear_message(feed_server):
    url = feed_server.url("/feed.xml")
    feed_server.httpd.shutdown()
    feed_server.httpd.server_close()

    with pytest.raises(FetchError, match="Could not reach the server"):
        fetch(url, timeout=2)


def test_a_server_that_sends_slowly_is_cut_off_at_the_time_limit(feed_server):
    def drip(handler):
        handler.send_response(200)
        handler.end_headers()
        while not feed_server.release.wait(0.02):
            handler.wfile.write(b"<")
            handler.wfile.flush()

    feed_server.add_handler("/drip.xml", drip)

    with pytest.raises(FetchError, match="did not answer within 0.3 seconds"):
        fetch(feed_server.url("/drip.xml"), timeout=0.3)
