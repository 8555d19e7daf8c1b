// Read aloud: speaks what is on the screen (the question, hint and answers) in the
// page's language with the browser's own speech. The button appears only where the
// browser has a voice for that language (an English voice reading Urdu is worse than
// none), nothing plays by itself, and speech stops on leaving or on any error.
(function () {
  "use strict";
  var button = document.querySelector(".read-aloud");
  if (!button || !("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var synth = window.speechSynthesis;
  var startLabel = button.textContent;
  var stopLabel = button.getAttribute("data-stop-label") || startLabel;
  var lang = document.documentElement.lang || "en";
  var speaking = false;

  function stop() {
    synth.cancel();
    speaking = false;
    button.textContent = startLabel;
  }

  function parts() {
    var nodes = document.querySelectorAll("main [data-read-aloud]");
    var out = [];
    for (var i = 0; i < nodes.length; i++) {
      var text = nodes[i].textContent.replace(/\s+/g, " ").trim();
      if (text) out.push(text);
    }
    return out;
  }

  function voiceFor(code) {
    var voices = synth.getVoices();
    var wanted = code.toLowerCase();
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang && voices[i].lang.toLowerCase().indexOf(wanted) === 0) return voices[i];
    }
    return null;
  }

  // Voices often load after the page does, so look again when they change.
  function offer() {
    if (voiceFor(lang)) button.hidden = false;
  }
  offer();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", offer);
  }

  button.addEventListener("click", function () {
    if (speaking) {
      stop();
      return;
    }
    var texts = parts();
    if (!texts.length) return;
    synth.cancel();
    speaking = true;
    button.textContent = stopLabel;
    var voice = voiceFor(lang);
    texts.forEach(function (text, i) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      utterance.onerror = stop;
      if (i === texts.length - 1) utterance.onend = stop;
      synth.speak(utterance);
    });
  });
  window.addEventListener("pagehide", stop);
  document.addEventListener("submit", stop, true);
})();
