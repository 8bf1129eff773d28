// DefineAuthChallenge as a CommonJS module with a sync handler: a custom challenge at once (no
// password), tokens after a right answer, failure after three wrong ones.
exports.handler = (event) => {
  const session = event.request.session;
  const last = session[session.length - 1];
  if (last && last.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult === true) {
    event.response.issueTokens = true;
    event.response.failAuthentication = false;
  } else if (session.length >= 3) {
    event.response.issueTokens = false;
    event.response.failAuthentication = true;
  } else {
    event.response.issueTokens = false;
    event.response.failAuthentication = false;
    event.response.challengeName = 'CUSTOM_CHALLENGE';
  }
  return event;
};
