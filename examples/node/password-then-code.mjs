// Password over SRP, then the emailed one-time code: Cognito's CUSTOM_AUTH as amazon-cognito-identity-js
// does it. Works against Tobira (`./tobira dev`) and against a real user pool with the same triggers.
//
//   node password-then-code.mjs EMAIL PASSWORD
//
// Settings (environment): TOBIRA_ENDPOINT (unset: http://localhost:9229; set to nothing for real
// Cognito, whose regional endpoint amazon-cognito-identity-js takes from the pool id),
// USER_POOL_ID (default us-east-1_TobiraDev), CLIENT_ID (default tobiradevclient00000000000):
//
//   TOBIRA_ENDPOINT= USER_POOL_ID=eu-west-1_AbCdEfGhI CLIENT_ID=… node password-then-code.mjs EMAIL PASSWORD
import cognito from 'amazon-cognito-identity-js';
import { createInterface } from 'node:readline/promises';

const { AuthenticationDetails, CognitoUser, CognitoUserPool } = cognito;
const [email, password] = process.argv.slice(2);
if (!email || !password) {
  console.error('usage: node password-then-code.mjs EMAIL PASSWORD');
  process.exit(2);
}
const endpoint = process.env.TOBIRA_ENDPOINT ?? 'http://localhost:9229';
const pool = new CognitoUserPool({
  UserPoolId: process.env.USER_POOL_ID ?? 'us-east-1_TobiraDev',
  ClientId: process.env.CLIENT_ID ?? 'tobiradevclient00000000000',
  ...(endpoint ? { endpoint: endpoint.endsWith('/') ? endpoint : endpoint + '/' } : {}),
});
const terminal = createInterface({ input: process.stdin, output: process.stdout });
const user = new CognitoUser({ Username: email, Pool: pool });
user.setAuthenticationFlowType('CUSTOM_AUTH');

const callbacks = {
  onSuccess(session) {
    const claims = session.getIdToken().decodePayload();
    console.log(`Signed in as ${claims.email} (sub ${claims.sub}).`);
    console.log(`ID token expires at ${new Date(claims.exp * 1000).toISOString()}.`);
    terminal.close();
  },
  onFailure(err) {
    console.error(`Sign-in failed: ${err.code ?? err.name}: ${err.message}`);
    terminal.close();
    process.exitCode = 1;
  },
  async customChallenge(parameters) {
    const answer = await terminal.question(`A code was sent to ${parameters.email}. Code: `);
    user.sendCustomChallengeAnswer(answer.trim(), callbacks);
  },
};
user.authenticateUser(new AuthenticationDetails({ Username: email, Password: password }), callbacks);
