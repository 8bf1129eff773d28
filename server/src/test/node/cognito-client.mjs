/*
 * amazon-cognito-identity-js, the real client, against a running Tobira over real HTTP, for
 * CognitoIdentityJsSignInTest. The tokens it gets are verified with jose, a JWT library nobody here
 * wrote, against the server's JWKS and issuer.
 *
 * Usage: node cognito-client.mjs '<scenario JSON>'
 *   {"scenario", "endpoint", "userPoolId", "clientId", "username", "password", "issuer", "jwksUri"}
 * Prints exactly one JSON object on stdout, then exits. Scenarios:
 *
 *   signIn         authenticateUser (USER_SRP_AUTH, the library's default, or "flow" of the request,
 *                  e.g. USER_PASSWORD_AUTH, through setAuthenticationFlowType):
 *                  {"outcome":"success", "username", "tokens":{...verified}} or
 *                  {"outcome":"failure", "code", "message"}
 *   session        signIn; then, as an app would an hour later, a new CognitoUser on the same storage
 *                  whose cached tokens look stale (getSession refreshes with REFRESH_TOKEN_AUTH);
 *                  then getUserAttributes with the refreshed session:
 *                  {"outcome":"success", "signIn":{...}, "refreshed":{...}, "attributes":{name: value}}
 *   globalSignOut  signIn; getUserAttributes; globalSignOut; getUserAttributes and refreshSession
 *                  again with the old (in-memory) session:
 *                  {"outcome":"success", "before":{attributes}, "getUserAfter":{code,message},
 *                   "refreshAfter":{code,message}}
 *   revokeSignOut  signIn; signOut(callback), which sends RevokeToken for the session's refresh token;
 *                  then refreshSession with that refresh token:
 *                  {"outcome":"success", "refreshAfter":{code,message}}
 *   attempts       one authenticateUser per password in "passwords" (a JSON array), one after the
 *                  other in this process: {"outcome":"success", "results":[{"outcome", "code"?, "message"?}]}
 *   customAuth     CUSTOM_AUTH (SRP first, as the library does for that flow type): on customChallenge,
 *                  reads the newest code for "email" from the dev outbox at "endpoint" and answers
 *                  with each of "answers" in turn, one per challenge ("$CODE" when they run out):
 *                  "$CODE" stands for that code, "$WRONG" for a code of as many digits that is not it,
 *                  anything else is sent as it is; an answer {"advanceClockSeconds": n, "answer": a}
 *                  first has the test move the server's clock n seconds ahead (POST "clockUrl"?seconds=n),
 *                  then answers a:
 *                  {"outcome":"success", "challenges":[params…], "answered":[{"code","answer"}…],
 *                   "wire":[…], "tokens":{...verified}} or
 *                  {"outcome":"failure", "challenges":[…], "answered":[…], "wire":[…], "code", "message"}
 *                  "wire" is every Cognito call the library made, as it went over HTTP:
 *                  {"target", "status", "challengeName", "challengeParameters", "type", "message"}
 *                  (null where the answer has none).
 *   newPassword    authenticateUser with a temporary password, expecting newPasswordRequired; answers
 *                  it with completeNewPasswordChallenge("newPassword" of the request):
 *                  {"outcome":"success", "userAttributes", "requiredAttributes", "tokens":{...verified}}
 *   selfService    signIn; updateAttributes(email = "newEmail", name = "name"); getUserAttributes;
 *                  verifyAttribute("email") first with a wrong code, then with the newest code for
 *                  "newEmail" in the dev outbox; getUserAttributes; deleteUser; then getUserAttributes
 *                  with the old session and a new authenticateUser:
 *                  {"outcome":"success", "update":{"result","details"}, "afterUpdate":{attributes},
 *                   "wrongCode":{code,message}, "verify", "afterVerify":{attributes}, "delete",
 *                   "getUserAfterDelete":{code,message}, "signInAfterDelete":{code,message}}
 *
 * "...verified" is {"id":{"header","claims"}, "access":{"header","claims"}, "refreshToken"}, where the
 * claims are what jose's jwtVerify returned with the remote JWKS at "jwksUri", issuer = "issuer",
 * RS256 only, and for the ID token audience = clientId. A token jose refuses ends the script with {"outcome":"error", "message"}.
 */
import cognito from 'amazon-cognito-identity-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const { AuthenticationDetails, CognitoUser, CognitoUserPool, CognitoRefreshToken } = cognito;

// Bounded in time whatever happens: a hung request must not hang the test.
setTimeout(() => {
  process.stdout.write(JSON.stringify({ outcome: 'error', message: 'timed out after 60 s' }) + '\n');
  process.exit(3);
}, 60_000).unref();

const request = JSON.parse(process.argv[2]);
const pool = new CognitoUserPool({
  UserPoolId: request.userPoolId,
  ClientId: request.clientId,
  endpoint: request.endpoint.endsWith('/') ? request.endpoint : request.endpoint + '/',
});
const jwks = createRemoteJWKSet(new URL(request.jwksUri));

// The library calls the global fetch for each Cognito call; this records what went over the wire.
const wire = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (url, options = {}) => {
  const response = await realFetch(url, options);
  const target = options.headers?.['X-Amz-Target'];
  if (target) {
    const data = await response.clone().json().catch(() => ({}));
    wire.push({
      target: target.split('.').pop(),
      status: response.status,
      challengeName: data.ChallengeName ?? null,
      challengeParameters: data.ChallengeParameters ?? null,
      type: data.__type ?? null,
      message: data.message ?? null,
    });
  }
  return response;
};

function errorOf(err) {
  return { code: err.code ?? err.name ?? null, message: err.message ?? String(err) };
}

async function verified(session) {
  const idToken = session.getIdToken().getJwtToken();
  const accessToken = session.getAccessToken().getJwtToken();
  const id = await jwtVerify(idToken, jwks, {
    issuer: request.issuer,
    audience: request.clientId,
    algorithms: ['RS256'],
  });
  const access = await jwtVerify(accessToken, jwks, { issuer: request.issuer, algorithms: ['RS256'] });
  return {
    id: { header: id.protectedHeader, claims: id.payload },
    access: { header: access.protectedHeader, claims: access.payload },
    refreshToken: session.getRefreshToken().getToken(),
  };
}

function signIn(user, password = request.password) {
  return new Promise((resolve) => {
    user.authenticateUser(
      new AuthenticationDetails({ Username: request.username, Password: password }),
      {
        onSuccess: (session) => resolve({ session }),
        onFailure: (err) => resolve({ failure: errorOf(err) }),
        newPasswordRequired: () => resolve({ failure: { code: 'unexpected newPasswordRequired' } }),
        customChallenge: () => resolve({ failure: { code: 'unexpected customChallenge' } }),
        mfaRequired: () => resolve({ failure: { code: 'unexpected mfaRequired' } }),
        totpRequired: () => resolve({ failure: { code: 'unexpected totpRequired' } }),
      },
    );
  });
}

function node(call) {
  return new Promise((resolve) => call((err, value) => resolve(err ? { failure: errorOf(err) } : { value })));
}

function attributes(list) {
  return Object.fromEntries(list.map((a) => [a.getName(), a.getValue()]));
}

let challenge;

function newUser() {
  const user = new CognitoUser({ Username: request.username, Pool: pool });
  if (request.flow) {
    user.setAuthenticationFlowType(request.flow);
  }
  return user;
}

async function signedIn() {
  const user = newUser();
  const result = await signIn(user);
  if (result.failure) {
    throw Object.assign(new Error('sign-in failed'), { result: { outcome: 'failure', ...result.failure } });
  }
  return { user, session: result.session };
}

async function outboxCode(address) {
  const response = await fetch(`${request.endpoint}/_tobira/outbox?to=${encodeURIComponent(address)}`);
  const { messages } = await response.json();
  const match = messages.length ? /(?<!\d)(\d{6})(?!\d)/.exec(messages[0].body) : null;
  return match ? match[1] : null;
}

/** A code that looks like `code` (as many digits) but is not it. */
function wrongCode(code) {
  const digits = code.length;
  return String((Number(code) + 1) % 10 ** digits).padStart(digits, '0');
}

async function advanceClock(seconds) {
  const response = await fetch(`${request.clockUrl}?seconds=${seconds}`, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`the clock did not move: HTTP ${response.status}`);
  }
}

const scenarios = {
  async customAuth() {
    const user = new CognitoUser({ Username: request.username, Pool: pool });
    user.setAuthenticationFlowType('CUSTOM_AUTH');
    const challenges = [];
    const answered = [];
    const answers = [...request.answers];
    const result = await new Promise((resolve) => {
      const callbacks = {
        onSuccess: (session) => resolve({ session }),
        onFailure: (err) => resolve({ failure: errorOf(err) }),
        customChallenge: async (parameters) => {
          try {
            challenges.push(parameters);
            const code = await outboxCode(request.email);
            let next = answers.shift() ?? '$CODE';
            if (typeof next === 'object') {
              await advanceClock(next.advanceClockSeconds);
              next = next.answer;
            }
            const answer = next === '$CODE' ? code : next === '$WRONG' ? wrongCode(code) : next;
            answered.push({ code, answer });
            user.sendCustomChallengeAnswer(answer, callbacks);
          } catch (err) {
            resolve({ failure: { code: 'script error', message: String(err?.stack ?? err) } });
          }
        },
      };
      user.authenticateUser(
        new AuthenticationDetails({ Username: request.username, Password: request.password }), callbacks);
    });
    if (result.failure) {
      return { outcome: 'failure', challenges, answered, wire, ...result.failure };
    }
    return { outcome: 'success', challenges, answered, wire, tokens: await verified(result.session) };
  },

  async newPassword() {
    const user = newUser();
    const result = await new Promise((resolve) => {
      const callbacks = {
        onSuccess: (session) => resolve({ session }),
        onFailure: (err) => resolve({ failure: errorOf(err) }),
      };
      user.authenticateUser(
        new AuthenticationDetails({ Username: request.username, Password: request.password }),
        {
          ...callbacks,
          newPasswordRequired: (userAttributes, requiredAttributes) => {
            challenge = { userAttributes, requiredAttributes };
            user.completeNewPasswordChallenge(request.newPassword, {}, callbacks);
          },
        },
      );
    });
    if (result.failure) {
      return { outcome: 'failure', ...result.failure };
    }
    if (!challenge) {
      return { outcome: 'failure', code: 'no newPasswordRequired' };
    }
    return { outcome: 'success', ...challenge, tokens: await verified(result.session) };
  },

  async selfService() {
    const { user } = await signedIn();
    const update = await new Promise((resolve) => user.updateAttributes(
      [
        new cognito.CognitoUserAttribute({ Name: 'email', Value: request.newEmail }),
        new cognito.CognitoUserAttribute({ Name: 'name', Value: request.name }),
      ],
      (err, result, details) => resolve(err ? { failure: errorOf(err) } : { result, details }),
    ));
    if (update.failure) {
      return { outcome: 'failure', step: 'updateAttributes', ...update.failure };
    }
    const afterUpdate = await node((cb) => user.getUserAttributes(cb));
    const code = await outboxCode(request.newEmail);
    const verifyWith = (value) => new Promise((resolve) => user.verifyAttribute('email', value, {
      onSuccess: (result) => resolve({ value: result }),
      onFailure: (err) => resolve({ failure: errorOf(err) }),
    }));
    const wrong = await verifyWith(wrongCode(code));
    const verify = await verifyWith(code);
    const afterVerify = await node((cb) => user.getUserAttributes(cb));
    const deleted = await node((cb) => user.deleteUser(cb));
    const getUserAfterDelete = await node((cb) => user.getUserAttributes(cb));
    const signInAfterDelete = await signIn(newUser());
    return {
      outcome: 'success',
      update,
      afterUpdate: afterUpdate.value ? attributes(afterUpdate.value) : afterUpdate.failure,
      wrongCode: wrong.failure ?? null,
      verify: verify.value ?? verify.failure,
      afterVerify: afterVerify.value ? attributes(afterVerify.value) : afterVerify.failure,
      delete: deleted.value ?? deleted.failure,
      getUserAfterDelete: getUserAfterDelete.failure ?? null,
      signInAfterDelete: signInAfterDelete.failure ?? null,
    };
  },

  async signIn() {
    const user = newUser();
    const result = await signIn(user);
    if (result.failure) {
      return { outcome: 'failure', ...result.failure };
    }
    return { outcome: 'success', username: user.getUsername(), tokens: await verified(result.session) };
  },

  async attempts() {
    const results = [];
    for (const password of request.passwords) {
      const result = await signIn(newUser(), password);
      results.push(result.failure ? { outcome: 'failure', ...result.failure } : { outcome: 'success' });
    }
    return { outcome: 'success', results };
  },

  async session() {
    const { user, session } = await signedIn();
    const first = await verified(session);
    // What the library keeps under the internal username (USER_ID_FOR_SRP) it signed in as.
    const prefix = `CognitoIdentityServiceProvider.${request.clientId}.${user.getUsername()}`;
    // The cached tokens now look an hour and a half old to the library (only its local clock check).
    pool.storage.setItem(`${prefix}.clockDrift`, String(-5400));
    const later = new CognitoUser({ Username: user.getUsername(), Pool: pool });
    const got = await node((cb) => later.getSession(cb));
    if (got.failure) {
      return { outcome: 'failure', step: 'getSession', ...got.failure };
    }
    const refreshed = await verified(got.value);
    const attrs = await node((cb) => later.getUserAttributes(cb));
    if (attrs.failure) {
      return { outcome: 'failure', step: 'getUserAttributes', ...attrs.failure };
    }
    return { outcome: 'success', signIn: first, refreshed, attributes: attributes(attrs.value) };
  },

  async globalSignOut() {
    const { user, session } = await signedIn();
    const before = await node((cb) => user.getUserAttributes(cb));
    if (before.failure) {
      return { outcome: 'failure', step: 'getUserAttributes', ...before.failure };
    }
    const signedOut = await new Promise((resolve) => user.globalSignOut({
      onSuccess: () => resolve({}),
      onFailure: (err) => resolve({ failure: errorOf(err) }),
    }));
    if (signedOut.failure) {
      return { outcome: 'failure', step: 'globalSignOut', ...signedOut.failure };
    }
    // globalSignOut clears the storage but keeps the session in memory: GetUser with the old token.
    const getUserAfter = await node((cb) => user.getUserAttributes(cb));
    const refreshAfter = await node((cb) => newUser().refreshSession(session.getRefreshToken(), cb));
    return {
      outcome: 'success',
      before: attributes(before.value),
      getUserAfter: getUserAfter.failure ?? { unexpected: 'GetUser succeeded' },
      refreshAfter: refreshAfter.failure ?? { unexpected: 'refresh succeeded' },
    };
  },

  async revokeSignOut() {
    const { user, session } = await signedIn();
    const refreshToken = session.getRefreshToken().getToken();
    const signedOut = await new Promise((resolve) => user.signOut((err) => resolve(err ? { failure: errorOf(err) } : {})));
    if (signedOut.failure) {
      return { outcome: 'failure', step: 'signOut', ...signedOut.failure };
    }
    const refreshAfter = await node((cb) => newUser().refreshSession(
      new CognitoRefreshToken({ RefreshToken: refreshToken }), cb));
    return { outcome: 'success', refreshAfter: refreshAfter.failure ?? { unexpected: 'refresh succeeded' } };
  },
};

try {
  const scenario = scenarios[request.scenario];
  if (!scenario) {
    throw new Error(`unknown scenario ${request.scenario}`);
  }
  process.stdout.write(JSON.stringify(await scenario()) + '\n');
} catch (err) {
  const result = err.result ?? { outcome: 'error', message: String(err?.stack ?? err) };
  process.stdout.write(JSON.stringify(result) + '\n');
}
process.exit(0);
