/*
 * aws-amplify v6, the real client, against a running Tobira over real HTTP, for AmplifyPasswordlessTest:
 * choice-based (USER_AUTH) sign-in as an app using Amplify's Auth category does it. The tokens Amplify
 * ends up holding are verified with jose against the server's JWKS and issuer.
 *
 * Usage: node amplify-client.mjs '<scenario JSON>'
 *   {"scenario", "endpoint", "userPoolId", "clientId", "email", "issuer", "jwksUri", ...}
 * Prints exactly one JSON object on stdout, then exits. Codes are read from the dev outbox at "endpoint",
 * as a developer would. Scenarios:
 *
 *   passwordless   signUp without a password and with autoSignIn {authFlowType: 'USER_AUTH'};
 *                  confirmSignUp with the emailed code; autoSignIn (InitiateAuth USER_AUTH with the
 *                  Session ConfirmSignUp returned); then signOut, and signIn with authFlowType
 *                  'USER_AUTH' and preferredChallenge 'EMAIL_OTP'; confirmSignIn first with "wrongCode",
 *                  then with the emailed code:
 *                  {"outcome":"success", "signUp":{nextStep}, "confirmSignUp":{nextStep},
 *                   "autoSignIn":{isSignedIn, nextStep, tokens}, "signIn":{nextStep}, "wrongCode":{code,message},
 *                   "confirmSignIn":{isSignedIn, nextStep, tokens}}
 *   choose         for a confirmed user with "password": signIn with authFlowType 'USER_AUTH' and no
 *                  preference (SELECT_CHALLENGE); confirmSignIn('EMAIL_OTP'); confirmSignIn(code); signOut;
 *                  signIn with preferredChallenge 'PASSWORD_SRP' and the password (SRP over USER_AUTH);
 *                  signOut; signIn with no preference again, confirmSignIn('PASSWORD'), confirmSignIn(password);
 *                  signOut; PASSWORD_SRP again with "wrongPassword":
 *                  {"outcome":"success", "select":{nextStep}, "emailCode":{nextStep}, "signedIn":{...},
 *                   "srp":{...}, "passwordStep":{nextStep}, "password":{isSignedIn, nextStep, tokens},
 *                   "wrongPassword":{code, message}}
 *
 * "tokens" is {"id":{"header","claims"}, "access":{"header","claims"}}, the claims being what jose's
 * jwtVerify returned with the remote JWKS at "jwksUri", issuer = "issuer", RS256 only, and for the ID
 * token audience = clientId. A failure anywhere ends the script with {"outcome":"error", "message"}.
 */
import { Amplify } from 'aws-amplify';
import {
  autoSignIn, confirmSignIn, confirmSignUp, fetchAuthSession, signIn, signOut, signUp,
} from 'aws-amplify/auth';
import { createRemoteJWKSet, jwtVerify } from 'jose';

function finish(result, code = 0) {
  process.stdout.write(JSON.stringify(result) + '\n');
  // Amplify keeps timers (auto sign-in listeners); the answer is out, so the process ends here.
  process.exit(code);
}

// Bounded in time whatever happens: a hung request must not hang the test.
setTimeout(() => finish({ outcome: 'error', message: 'timed out after 60 s' }, 3), 60_000).unref();

const request = JSON.parse(process.argv[2]);
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
const jwks = createRemoteJWKSet(new URL(request.jwksUri));

async function tokens() {
  const { tokens: t } = await fetchAuthSession();
  const id = await jwtVerify(t.idToken.toString(), jwks, {
    issuer: request.issuer,
    audience: request.clientId,
    algorithms: ['RS256'],
  });
  const access = await jwtVerify(t.accessToken.toString(), jwks, { issuer: request.issuer, algorithms: ['RS256'] });
  return {
    id: { header: id.protectedHeader, claims: id.payload },
    access: { header: access.protectedHeader, claims: access.payload },
  };
}

/** The newest code of {@code digits} digits emailed to {@code address}. */
async function outboxCode(address, digits) {
  const response = await fetch(`${request.endpoint}/_tobira/outbox?to=${encodeURIComponent(address)}`);
  const { messages } = await response.json();
  const match = messages.length ? new RegExp(`(?<!\\d)(\\d{${digits}})(?!\\d)`).exec(messages[0].body) : null;
  if (!match) {
    throw new Error(`no ${digits}-digit code in the newest message to ${address}`);
  }
  return match[1];
}

function errorOf(err) {
  return { code: err.name ?? null, message: err.message ?? String(err) };
}

async function signedIn(output) {
  return { isSignedIn: output.isSignedIn, nextStep: output.nextStep, tokens: await tokens() };
}

const scenarios = {
  async passwordless() {
    const email = request.email;
    const up = await signUp({
      username: email,
      options: { userAttributes: { email }, autoSignIn: { authFlowType: 'USER_AUTH' } },
    });
    const confirmed = await confirmSignUp({ username: email, confirmationCode: await outboxCode(email, 6) });
    const auto = await signedIn(await autoSignIn());
    await signOut();

    const started = await signIn({
      username: email,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
    });
    let wrongCode = null;
    try {
      await confirmSignIn({ challengeResponse: request.wrongCode });
    } catch (err) {
      wrongCode = errorOf(err);
    }
    const done = await confirmSignIn({ challengeResponse: await outboxCode(email, 8) });
    return {
      outcome: 'success',
      signUp: { isSignUpComplete: up.isSignUpComplete, nextStep: up.nextStep },
      confirmSignUp: { isSignUpComplete: confirmed.isSignUpComplete, nextStep: confirmed.nextStep },
      autoSignIn: auto,
      signIn: { isSignedIn: started.isSignedIn, nextStep: started.nextStep },
      wrongCode,
      confirmSignIn: await signedIn(done),
    };
  },

  async choose() {
    const email = request.email;
    const select = await signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
    const emailCode = await confirmSignIn({ challengeResponse: 'EMAIL_OTP' });
    const done = await signedIn(await confirmSignIn({ challengeResponse: await outboxCode(email, 8) }));
    await signOut();
    const srp = await signedIn(await signIn({
      username: email,
      password: request.password,
      options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' },
    }));
    await signOut();
    await signIn({ username: email, options: { authFlowType: 'USER_AUTH' } });
    const passwordStep = await confirmSignIn({ challengeResponse: 'PASSWORD' });
    const password = await signedIn(await confirmSignIn({ challengeResponse: request.password }));
    await signOut();
    let wrongPassword = null;
    try {
      await signIn({
        username: email,
        password: request.wrongPassword,
        options: { authFlowType: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' },
      });
    } catch (err) {
      wrongPassword = errorOf(err);
    }
    return {
      outcome: 'success',
      select: { isSignedIn: select.isSignedIn, nextStep: select.nextStep },
      emailCode: { isSignedIn: emailCode.isSignedIn, nextStep: emailCode.nextStep },
      signedIn: done,
      srp,
      passwordStep: { isSignedIn: passwordStep.isSignedIn, nextStep: passwordStep.nextStep },
      password,
      wrongPassword,
    };
  },
};

try {
  const scenario = scenarios[request.scenario];
  if (!scenario) {
    throw new Error(`unknown scenario ${request.scenario}`);
  }
  finish(await scenario());
} catch (err) {
  finish({ outcome: 'error', message: `${err.name}: ${err.message}`, stack: err.stack });
}
