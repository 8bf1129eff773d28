/*
 * aws-amplify v6 in a browser page, for AmplifyManagedLoginBrowserTest: a public app client signs in through
 * the managed login with signInWithRedirect (authorization code + PKCE), refreshes, and signs out through
 * /logout. Bundled with esbuild (a devDependency here) into one script that pages served by the test load;
 * the page sets window.tobiraAmplifyConfig before loading it:
 *   {"userPoolId", "clientId", "endpoint" (the Cognito API), "domain" (host:port/prefix: Amplify puts
 *    https:// before it), "redirectSignIn", "redirectSignOut", "scopes"}
 *
 * Amplify is configured as soon as the script loads, so on the callback page its OAuth listener redeems the
 * code at once. window.tobiraAmplifyOAuth:
 *   redirected: Promise of {"outcome":"success"} or {"outcome":"error","message"}, settled by the Hub's
 *     signInWithRedirect or signInWithRedirect_failure event (pending on a page that is no callback)
 *   signIn(): signInWithRedirect() — the browser goes to /oauth2/authorize
 *   tokens(forceRefresh): Promise of {"idToken","accessToken"} (the raw JWTs) from fetchAuthSession, or
 *     {"outcome":"error","name","message"}
 *   signOut(): signOut() — revokes the refresh token, then the browser goes to /logout
 */
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signInWithRedirect, signOut } from 'aws-amplify/auth';
import 'aws-amplify/auth/enable-oauth-listener';
import { Hub } from 'aws-amplify/utils';

function failure(e) {
  return { outcome: 'error', name: e?.name ?? null, message: e?.message ?? String(e) };
}

const redirected = new Promise((resolve) => {
  Hub.listen('auth', ({ payload }) => {
    if (payload.event === 'signInWithRedirect') {
      resolve({ outcome: 'success' });
    } else if (payload.event === 'signInWithRedirect_failure') {
      resolve(failure(payload.data?.error));
    }
  });
});

const config = window.tobiraAmplifyConfig;
Amplify.configure({
  Auth: {
    Cognito: {
      userPoolId: config.userPoolId,
      userPoolClientId: config.clientId,
      userPoolEndpoint: config.endpoint,
      loginWith: {
        oauth: {
          domain: config.domain,
          scopes: config.scopes,
          redirectSignIn: [config.redirectSignIn],
          redirectSignOut: [config.redirectSignOut],
          responseType: 'code',
        },
      },
    },
  },
});

window.tobiraAmplifyOAuth = {
  redirected,
  signIn() {
    signInWithRedirect().catch((e) => { window.tobiraAmplifyError = failure(e); });
  },
  async tokens(forceRefresh) {
    try {
      const session = await fetchAuthSession({ forceRefresh });
      return {
        idToken: session.tokens?.idToken?.toString() ?? null,
        accessToken: session.tokens?.accessToken?.toString() ?? null,
      };
    } catch (e) {
      return failure(e);
    }
  },
  signOut() {
    signOut().catch((e) => { window.tobiraAmplifyError = failure(e); });
  },
};
