// DefineAuthChallenge as an ES module with an async handler, for NodeFunctionFoldersTest: the original
// demo's Define (../shared/seeds/000), for amazon-cognito-identity-js's shape of CUSTOM_AUTH, whose
// session starts with SRP_A.
export const handler = async (event) => {
  const session = event.request.session;
  const last = session[session.length - 1];
  const response = event.response;
  response.issueTokens = false;
  response.failAuthentication = false;
  if (session.length === 1 && last.challengeName === 'SRP_A') {
    response.challengeName = 'PASSWORD_VERIFIER';
  } else if (session.length === 2 && last.challengeName === 'PASSWORD_VERIFIER' && last.challengeResult) {
    response.challengeName = 'CUSTOM_CHALLENGE';
  } else if (session.length === 3 && last.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult) {
    response.issueTokens = true;
  } else {
    response.failAuthentication = true;
  }
  console.log(`define ${event.userName}: step ${session.length}`);
  return event;
};
