// The passkeys page (eportal/portals/passkeys.py): once django-otp-webauthn's
// script has registered the passkey, show the page again, which then lists it.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.assign(window.location.pathname);
});
