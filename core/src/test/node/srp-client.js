'use strict';
/*
 * One SRP sign-in by amazon-cognito-identity-js, the real client, for SrpInteropTest.
 *
 * It runs the library's own CognitoUser.authenticateUser (USER_SRP_AUTH),
 * so A, the key (AuthenticationHelper.getLargeAValue / getPasswordAuthenticationKey), the TIMESTAMP
 * (DateHelper.getNowString) and the PASSWORD_CLAIM_SIGNATURE HMAC are all computed by the library's
 * code. Only the HTTP transport is replaced: the pool's client.request talks to whoever runs this
 * script, one JSON object per line, in the order of the real protocol:
 *
 *   stdin  1: {"userPoolId", "username", "password", "timestamp"?, "smallA"?}
 *   stdout 1: {"operation":"InitiateAuth", "AuthFlow", "AuthParameters":{"USERNAME","SRP_A",...}}
 *   stdin  2: {"ChallengeParameters":{"USERNAME","USER_ID_FOR_SRP","SALT","SRP_B","SECRET_BLOCK"}}
 *   stdout 2: {"operation":"RespondToAuthChallenge", "ChallengeName",
 *              "ChallengeResponses":{"USERNAME","PASSWORD_CLAIM_SECRET_BLOCK","TIMESTAMP","PASSWORD_CLAIM_SIGNATURE"},
 *              "smallA": <the library's secret a, lower-case hex, so a test can replay it>}
 *   or     : {"error": <message>} if the library gave up (e.g. "B cannot be zero.").
 *
 * "timestamp", when given, replaces DateHelper.getNowString() so a test can pin the signed time.
 * "smallA" (hex), when given, replaces the library's random a (AuthenticationHelper.generateRandomSmallA),
 * like a seeded random source, so a test can pick an A with a padding edge case. Both only stand in
 * for the library's sources of time and randomness; every computation stays the library's.
 */
const readline = require('readline');
const {
  AuthenticationDetails,
  AuthenticationHelper,
  CognitoUser,
  CognitoUserPool,
  DateHelper,
} = require('amazon-cognito-identity-js');
// The library's own BigInteger (jsbn), the type its helper computes with.
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;

const lines = readline.createInterface({ input: process.stdin, terminal: false })[Symbol.asyncIterator]();

async function nextJson() {
  const { value, done } = await lines.next();
  if (done) {
    throw new Error('stdin closed before the expected line');
  }
  return JSON.parse(value);
}

function send(object) {
  process.stdout.write(JSON.stringify(object) + '\n');
}

function finish(object) {
  send(object);
  lines.return();
  process.stdin.destroy();
}

// Observe (never change) the helper's secret a, so a test can replay it into another client.
let smallA;
const getPasswordAuthenticationKey = AuthenticationHelper.prototype.getPasswordAuthenticationKey;
AuthenticationHelper.prototype.getPasswordAuthenticationKey = function (...args) {
  smallA = this.getSmallAValue().toString(16);
  return getPasswordAuthenticationKey.apply(this, args);
};

async function main() {
  const request = await nextJson();
  if (request.timestamp) {
    DateHelper.prototype.getNowString = () => request.timestamp;
  }
  if (request.smallA) {
    AuthenticationHelper.prototype.generateRandomSmallA = () => new BigInteger(request.smallA, 16);
  }
  const pool = new CognitoUserPool({ UserPoolId: request.userPoolId, ClientId: 'interoptestclient' });
  pool.client.request = (operation, params, callback) => {
    if (operation === 'InitiateAuth') {
      send({ operation, AuthFlow: params.AuthFlow, AuthParameters: params.AuthParameters });
      nextJson().then((answer) => {
        try {
          callback(null, {
            ChallengeName: 'PASSWORD_VERIFIER',
            ChallengeParameters: answer.ChallengeParameters,
            Session: 'interop-test-session',
          });
        } catch (err) {
          // The library throws (rather than calls onFailure) when it refuses B or u.
          finish({ error: String(err && err.message ? err.message : err) });
        }
      }, (err) => callback(err, null));
    } else if (operation === 'RespondToAuthChallenge') {
      finish({ operation, ChallengeName: params.ChallengeName, ChallengeResponses: params.ChallengeResponses, smallA });
      // End the sign-in here: the test, not this script, decides whether the proof was right.
      const stop = new Error('interop test: stop after RespondToAuthChallenge');
      stop.code = 'InteropTestStop';
      callback(stop, null);
    } else {
      callback(new Error('unexpected operation ' + operation), null);
    }
  };
  const user = new CognitoUser({ Username: request.username, Pool: pool });
  const details = new AuthenticationDetails({ Username: request.username, Password: request.password });
  user.authenticateUser(details, {
    onSuccess: () => finish({ error: 'unexpected onSuccess' }),
    onFailure: (err) => {
      if (err.code !== 'InteropTestStop') {
        finish({ error: String(err && err.message ? err.message : err) });
      }
    },
    customChallenge: () => finish({ error: 'unexpected customChallenge' }),
  });
}

main().catch((err) => {
  try {
    finish({ error: String(err && err.message ? err.message : err) });
  } finally {
    process.exitCode = 1;
  }
});
