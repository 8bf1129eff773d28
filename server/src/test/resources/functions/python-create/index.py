# CreateAuthChallenge in Python: asks Tobira (through boto3 and AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER)
# for the user's email, and takes the expected answer from its environment (--trigger-env).
import logging
import os

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

cognito = boto3.client("cognito-idp")


def handler(event, context):
    user = cognito.admin_get_user(UserPoolId=event["userPoolId"], Username=event["userName"])
    email = next(a["Value"] for a in user["UserAttributes"] if a["Name"] == "email")
    logger.info("asking %s about the sky", email)
    print("create: a question for " + event["userName"])
    event["response"]["publicChallengeParameters"] = {"question": "What colour is the sky?", "email": email}
    event["response"]["privateChallengeParameters"] = {"answer": os.environ["SKY_ANSWER"]}
    event["response"]["challengeMetadata"] = "SKY"
    return event
