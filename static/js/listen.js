// "Listen to this update" and "Print": shown only where the browser can do them.
// Reads the title, the quick editorial signal and the body aloud in the update's
// language (data-voice on the article, e.g. nl-NL), with play and pause.
(function () {
  "use strict";
  const root = document.querySelector("[data-listen-root]");
  if (!root) return;

  const printButton = root.querySelector(".print-button");
  if (printButton && typeof window.print === "function") {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  const button = root.querySelector(".listen-button");
  if (!button || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance !== "function") return;
  const synth = window.speechSynthesis;
  const lang = root.dataset.voice || document.documentElement.lang;
  let state = "idle"; // idle, speaking, paused

  function label(name) { return button.dataset["label" + name]; }
  function show(newState) {
    state = newState;
    button.setAttribute("aria-pressed", String(state === "speaking"));
    button.textContent = state === "speaking" ? label("Pause") : state === "paused" ? label("Resume") : label("Play");
  }

  function chunks() {
    // One utterance per paragraph: long utterances are cut off by some engines.
    const parts = [];
    root.querySelectorAll("[data-listen]").forEach(function (el) {
      const blocks = el.querySelectorAll("p, li, h2, h3, h4, blockquote");
      if (blocks.length === 0) parts.push(el.textContent);
      blocks.forEach(function (block) { parts.push(block.textContent); });
    });
    return parts.map(function (t) { return t.replace(/\s+/g, " ").trim(); }).filter(Boolean);
  }

  function voiceFor(code) {
    const voices = synth.getVoices();
    const base = code.split("-")[0];
    return voices.find(function (v) { return v.lang.replace("_", "-") === code; }) ||
      voices.find(function (v) { return v.lang.toLowerCase().startsWith(base); }) || null;
  }

  function speak() {
    synth.cancel();
    const parts = chunks();
    const voice = voiceFor(lang);
    parts.forEach(function (text, i) {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      if (i === parts.length - 1) utterance.addEventListener("end", function () { show("idle"); });
      synth.speak(utterance);
    });
    show("speaking");
  }

  button.hidden = false;
  show("idle");
  button.addEventListener("click", function () {
    if (state === "idle") speak();
    else if (state === "speaking") { synth.pause(); show("paused"); }
    else { synth.resume(); show("speaking"); }
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
})();
