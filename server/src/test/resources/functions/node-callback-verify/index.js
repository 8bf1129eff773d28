// VerifyAuthChallengeResponse in the callback style: the answer comes later, through the callback.
exports.handler = function (event, context, callback) {
  setTimeout(() => {
    event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
    callback(null, event);
  }, 10);
};
