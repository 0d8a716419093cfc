/* Presence on the update form: tell the server every few seconds that this form is still
   open, and show who else has it open (templates/admin/articles/article/presence.html).
   The server sends each line already translated; they are inserted as text, never HTML. */
(function () {
    "use strict";

    function start() {
        var panel = document.getElementById("presence");
        var tokenField = document.querySelector("input[name=csrfmiddlewaretoken]");
        if (!panel || !tokenField || !window.fetch) {
            return;
        }
        var list = panel.querySelector("ul");
        var token = tokenField.value;
        var every = (parseInt(panel.dataset.heartbeat, 10) || 20) * 1000;
        var timer = null;

        function show(lines) {
            list.replaceChildren.apply(list, lines.map(function (line) {
                var item = document.createElement("li");
                item.textContent = String(line);
                return item;
            }));
            panel.hidden = lines.length === 0;
        }

        function beat() {
            fetch(panel.dataset.url, {
                method: "POST",
                headers: {"X-CSRFToken": token},
                credentials: "same-origin",
                cache: "no-store",
                redirect: "error"
            }).then(function (response) {
                return response.ok ? response.json() : null;
            }).then(function (data) {
                if (data && Array.isArray(data.others)) {
                    show(data.others);
                }
            }).catch(function () {
                /* Offline or signed out: keep what is shown; the next beat tries again. */
            });
        }

        function run() {
            if (timer === null) {
                timer = window.setInterval(beat, every);
            }
        }

        window.addEventListener("pagehide", function () {
            window.clearInterval(timer);
            timer = null;
            if (navigator.sendBeacon) {
                var body = new FormData();
                body.append("csrfmiddlewaretoken", token);
                navigator.sendBeacon(panel.dataset.leaveUrl, body);
            }
        });
        window.addEventListener("pageshow", function (event) {
            if (event.persisted) {  /* back from the browser's page cache */
                beat();
                run();
            }
        });
        run();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
