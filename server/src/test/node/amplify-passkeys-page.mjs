/*
 * aws-amplify v6 in a browser page, for AmplifyPasskeysBrowserTest: passkeys need a real browser, so
 * this module is bundled with esbuild (a devDependency here) into one script that a page served by
 * the test on http://localhost loads; Chromium runs it with a virtual authenticator.
 *
 * window.tobiraAmplifyPasskeys(request) → Promise of one plain object:
 *   request: {"endpoint", "userPoolId", "clientId", "email", "password"}
 *   signIn with the password (USER_AUTH, PASSWORD_SRP) → associateWebAuthnCredential() →
 *   listWebAuthnCredentials() → signOut() → signIn({username, options: {authFlowType: 'USER_AUTH',
 *   preferredChallenge: 'WEB_AUTHN'}}) → fetchAuthSession():
 *   {"outcome":"success", "passwordSignIn":{isSignedIn, nextStep}, "listed":[{credentialId, relyingPartyId,
 *    friendlyCredentialName, createdAt}], "passkeySignIn":{isSignedIn, nextStep}, "session":{username, email}}
 *   or {"outcome":"error", "step", "name", "message"} where a call failed.
 */
import { Amplify } from 'aws-amplify';
import {
  associateWebAuthnCredential, fetchAuthSession, listWebAuthnCredentials, signIn, signOut,
} from 'aws-amplify/auth';

function step(result) {
  return { isSignedIn: result.isSignedIn, nextStep: result.nextStep };
}

window.tobiraAmplifyPasskeys = async function (request) {
  Amplify.configure({
    Auth: {
      Cognito: {
        userPoolId: request.userPoolId,
        userPoolClientId: request.clientId,
        userPoolEndpoint: request.endpoint,
        loginWith: { email: true },
      },
    },
  });
  const out = {};
  let current = 'signIn with the password';
  try {
    out.passwordSignIn = step(await signIn({
      username: request.email, password: request.password,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' },
    }));
    current = 'associateWebAuthnCredential';
    await associateWebAuthnCredential();
    current = 'listWebAuthnCredentials';
    const listed = await listWebAuthnCredentials();
    out.listed = listed.credentials.map((c) => ({
      credentialId: c.credentialId,
      relyingPartyId: c.relyingPartyId,
      friendlyCredentialName: c.friendlyCredentialName ?? null,
      createdAt: c.createdAt instanceof Date ? c.createdAt.toISOString() : String(c.createdAt),
    }));
    current = 'signOut';
    await signOut();
    current = 'signIn with the passkey';
    out.passkeySignIn = step(await signIn({
      username: request.email,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' },
    }));
    current = 'fetchAuthSession';
    const session = await fetchAuthSession();
    out.session = {
      username: session.tokens?.accessToken?.payload?.username ?? null,
      email: session.tokens?.idToken?.payload?.email ?? null,
    };
    out.outcome = 'success';
  } catch (e) {
    Object.assign(out, { outcome: 'error', step: current, name: e?.name ?? null, message: e?.message ?? String(e) });
  }
  return out;
};
