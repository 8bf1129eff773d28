// CreateAuthChallenge as a CommonJS module with an async handler, for NodeFunctionFoldersTest: looks the
// user up with the AWS SDK for JavaScript v3's Cognito client (AdminGetUser) and emails a code with its
// SES v2 client, both pointed at Tobira by AWS_ENDPOINT_URL_* as Tobira sets them for its workers.
const crypto = require('node:crypto');
const { CognitoIdentityProviderClient, AdminGetUserCommand } = require('@aws-sdk/client-cognito-identity-provider');
const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');

const cognito = new CognitoIdentityProviderClient({});
const ses = new SESv2Client({});

exports.handler = async (event, context) => {
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: event.userPoolId, Username: event.userName }));
  const email = user.UserAttributes.find((a) => a.Name === 'email').Value;
  const code = String(crypto.randomInt(100000, 1000000));
  await ses.send(new SendEmailCommand({
    FromEmailAddress: 'no-reply@example.com',
    Destination: { ToAddresses: [email] },
    Content: { Simple: {
      Subject: { Data: 'Your sign-in code', Charset: 'UTF-8' },
      Body: { Text: { Data: `Your sign-in code is ${code}.`, Charset: 'UTF-8' } },
    } },
  }));
  console.log(`create ${context.functionName}: emailed ${email.slice(0, 3)}***`);
  event.response.publicChallengeParameters = { email: email.slice(0, 3) + '***' };
  event.response.privateChallengeParameters = { code };
  event.response.challengeMetadata = 'EMAIL_CODE';
  return event;
};
