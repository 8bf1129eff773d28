// VerifyAuthChallengeResponse in the callback style of the Node.js Lambda runtime, for
// NodeFunctionFoldersTest.
exports.handler = (event, context, callback) => {
  event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.code;
  callback(null, event);
};
