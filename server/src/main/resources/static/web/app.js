// Progressive enhancement only: every page works without this script.
// Counts down the resend cooldown on the confirmation page and on the passwordless code page: the
// "Send a new code" button (data-wait: seconds left) stays disabled until then, and the #cooldown
// sentence shows the seconds left. The server refuses early requests too, for pages without it.
(function () {
  "use strict";
  var resend = document.querySelector("#resend-form button[data-wait]");
  var wait = resend ? parseInt(resend.getAttribute("data-wait"), 10) : 0;
  var cooldown = document.getElementById("cooldown");
  if (resend && wait > 0) {
    resend.disabled = true;
    var template = cooldown ? cooldown.textContent : "";
    var timer = setInterval(function () {
      wait -= 1;
      if (cooldown) { cooldown.textContent = template.replace(/\d+/, String(Math.max(wait, 0))); }
      if (wait <= 0) {
        clearInterval(timer);
        resend.disabled = false;
        if (cooldown) { cooldown.hidden = true; }
      }
    }, 1000);
  }
})();
