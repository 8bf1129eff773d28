// A handler named as in Lambda's "src/app.lambdaHandler", exported with module.exports.
module.exports = {
  lambdaHandler: (event, context, callback) => callback(null, { from: context.functionName, echo: event.mode }),
};
