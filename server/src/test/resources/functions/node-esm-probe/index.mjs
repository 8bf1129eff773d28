import shout from 'shout';

// A Node.js ES module trigger function for Tobira's tests: an async handler whose behaviour the event's "mode" picks.
export const handler = async (event, context) => {
  const mode = event.mode ?? 'echo';
  if (mode === 'throw') {
    throw new Error('Registration from this domain is not allowed.');
  }
  if (mode === 'not-json') {
    return { big: 1n };
  }
  if (mode === 'sleep') {
    await new Promise((resolve) => setTimeout(resolve, event.seconds * 1000));
  }
  if (mode === 'exit') {
    process.exit(3);
  }
  if (mode === 'print') {
    console.log('hello from console.log');
    process.stdout.write('{"not":"an answer"}\n');
    for (let i = 0; i < 5000; i++) console.error(`line ${i}`);
  }
  return {
    mode,
    functionName: context.functionName,
    requestId: context.awsRequestId,
    remaining: context.getRemainingTimeInMillis(),
    waits: context.callbackWaitsForEmptyEventLoop,
    cognitoEndpoint: process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
    own: process.env.PROBE_OWN,
    shouted: shout('hello ren'),
  };
};
