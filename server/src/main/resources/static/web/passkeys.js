// The browser's side of the passkey pages (templates/web/passkey.html). The form carries the options
// the user pool gave, as JSON in data-options; pressing its button asks the browser to make a passkey
// (data-ceremony "create": navigator.credentials.create) or to use one ("get": navigator.credentials.get),
// then posts the credential as JSON in the hidden "credential" field, in the shape Cognito's
// CompleteWebAuthnRegistration and the WEB_AUTHN challenge's CREDENTIAL take (WebAuthn's JSON
// encoding: binary members as base64url). Without this script the form posts no credential and the
// server says that passkeys need JavaScript.
(function () {
  "use strict";
  var form = document.getElementById("passkey-form");
  if (!form) { return; }
  var button = form.querySelector("button");
  var problem = document.getElementById("passkey-problem");

  function say(kind) {
    problem.textContent = problem.getAttribute("data-" + kind);
    problem.hidden = false;
  }

  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) { base64 += "="; }
    var text = atob(base64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i); }
    return out.buffer;
  }

  function base64url(buffer) {
    var view = new Uint8Array(buffer);
    var text = "";
    for (var i = 0; i < view.length; i++) { text += String.fromCharCode(view[i]); }
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function withIds(list) {
    return (list || []).map(function (c) {
      var copy = Object.assign({}, c);
      copy.id = bytes(c.id);
      return copy;
    });
  }

  function publicKey(kind, json) {
    var options = JSON.parse(json);
    options.challenge = bytes(options.challenge);
    if (kind === "create") {
      options.user = Object.assign({}, options.user, { id: bytes(options.user.id) });
      options.excludeCredentials = withIds(options.excludeCredentials);
    } else {
      options.allowCredentials = withIds(options.allowCredentials);
    }
    return options;
  }

  function asJson(credential) {
    var r = credential.response;
    var response = { clientDataJSON: base64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = base64url(r.attestationObject);
      response.transports = typeof r.getTransports === "function" ? r.getTransports() : [];
    } else {
      response.authenticatorData = base64url(r.authenticatorData);
      response.signature = base64url(r.signature);
      if (r.userHandle) { response.userHandle = base64url(r.userHandle); }
    }
    var out = {
      id: credential.id,
      rawId: base64url(credential.rawId),
      type: credential.type,
      response: response,
      clientExtensionResults: credential.getClientExtensionResults()
    };
    if (credential.authenticatorAttachment) { out.authenticatorAttachment = credential.authenticatorAttachment; }
    return JSON.stringify(out);
  }

  if (!window.PublicKeyCredential || !navigator.credentials) {
    button.disabled = true;
    say("unsupported");
    return;
  }

  form.addEventListener("submit", function (event) {
    if (form.elements.credential.value) { return; }
    event.preventDefault();
    var kind = form.getAttribute("data-ceremony");
    var options = { publicKey: publicKey(kind, form.getAttribute("data-options")) };
    button.disabled = true;
    problem.hidden = true;
    var ceremony = kind === "create" ? navigator.credentials.create(options) : navigator.credentials.get(options);
    ceremony.then(function (credential) {
      form.elements.credential.value = asJson(credential);
      form.submit();
    }).catch(function (error) {
      button.disabled = false;
      say(error && error.name === "NotAllowedError" ? "cancelled" : "failed");
    });
  });
})();
