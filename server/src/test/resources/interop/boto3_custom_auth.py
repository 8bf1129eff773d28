"""Password over SRP, then an emailed code (CUSTOM_AUTH with SRP first) through boto3 (spec §2, §3).

Usage: boto3_custom_auth.py ENDPOINT MAILBOX_URL DEFINE_ARN CREATE_ARN VERIFY_ARN
Creates its own pool (with the three trigger ARNs), client and user; reads the emailed codes from
MAILBOX_URL?to=ADDRESS (JSON like the dev outbox: {"messages":[{"body":…}]}, newest first).
boto3 has no SRP of its own: the client side of Cognito's SRP is cognito_srp.py, beside this script.
Exits non-zero on the first mismatch; prints "all checks passed" at the end.
"""
import json
import re
import sys
import urllib.parse
import urllib.request
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

import cognito_srp

endpoint, mailbox, define_arn, create_arn, verify_arn = sys.argv[1:6]
idp = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"}))

PASSWORD = "Right-Passw0rd!"

# ---- Helpers ----

def expect_error(code, message, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["Error"]["Message"] == message, e.response
        return
    raise AssertionError(f"expected {code}: {message}")


def mails(address):
    with urllib.request.urlopen(mailbox + "?to=" + urllib.parse.quote(address)) as r:
        return json.load(r)["messages"]


def code(address):
    found = re.search(r"(?<!\d)(\d{6})(?!\d)", mails(address)[0]["body"])
    assert found, mails(address)[0]
    return found.group(1)


def password_then_challenge(username, password):
    """InitiateAuth CUSTOM_AUTH with SRP_A, then the password proof; returns the response to the proof."""
    a = cognito_srp.new_a()
    started = idp.initiate_auth(AuthFlow="CUSTOM_AUTH", ClientId=client_id,
                                AuthParameters={"USERNAME": username, "SRP_A": cognito_srp.srp_a(a),
                                                "CHALLENGE_NAME": "SRP_A"})
    assert started["ChallengeName"] == "PASSWORD_VERIFIER", started
    return idp.respond_to_auth_challenge(
        ClientId=client_id, ChallengeName="PASSWORD_VERIFIER", Session=started["Session"],
        ChallengeResponses=cognito_srp.password_verifier_responses(pool_id, password, a,
                                                                   started["ChallengeParameters"]))


# ---- Setup ----
pool_id = idp.create_user_pool(
    PoolName="password-then-code",
    UsernameAttributes=["email"],
    LambdaConfig={"DefineAuthChallenge": define_arn, "CreateAuthChallenge": create_arn,
                  "VerifyAuthChallengeResponse": verify_arn})["UserPool"]["Id"]
client_id = idp.create_user_pool_client(
    UserPoolId=pool_id, ClientName="web",
    ExplicitAuthFlows=["ALLOW_CUSTOM_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
email = f"ren-{uuid.uuid4().hex[:8]}@example.com"
idp.admin_create_user(UserPoolId=pool_id, Username=email, MessageAction="SUPPRESS",
                      UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}])
idp.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=PASSWORD, Permanent=True)

# ---- Right password, right code: tokens ----
challenge = password_then_challenge(email, PASSWORD)
assert challenge["ChallengeName"] == "CUSTOM_CHALLENGE", challenge
masked = challenge["ChallengeParameters"]["email"]
assert masked != email and masked.startswith(email[0]) and "***" in masked, masked
assert len(mails(email)) == 1
done = idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE",
                                     Session=challenge["Session"],
                                     ChallengeResponses={"USERNAME": email, "ANSWER": code(email)})
tokens = done["AuthenticationResult"]
assert tokens["TokenType"] == "Bearer" and tokens["ExpiresIn"] == 3600, tokens
me = idp.get_user(AccessToken=tokens["AccessToken"])
assert {"Name": "email", "Value": email} in me["UserAttributes"], me
# The spent session cannot be answered again.
expect_error("NotAuthorizedException", "Invalid session for the user.", idp.respond_to_auth_challenge,
             ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE", Session=challenge["Session"],
             ChallengeResponses={"USERNAME": email, "ANSWER": code(email)})

# ---- Wrong password: refused before any email is sent ----
expect_error("NotAuthorizedException", "Incorrect username or password.", password_then_challenge, email,
             "Wrong-Passw0rd!")
assert len(mails(email)) == 1, "a wrong password must not send a code"

# ---- Wrong code three times: the sign-in fails and must start over ----
challenge = password_then_challenge(email, PASSWORD)
assert len(mails(email)) == 2
right = code(email)
wrong = "000000" if right != "000000" else "111111"
for attempt in (1, 2):
    challenge = idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE",
                                              Session=challenge["Session"],
                                              ChallengeResponses={"USERNAME": email, "ANSWER": wrong})
    assert challenge["ChallengeName"] == "CUSTOM_CHALLENGE", challenge
expect_error("NotAuthorizedException", "Incorrect username or password.", idp.respond_to_auth_challenge,
             ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE", Session=challenge["Session"],
             ChallengeResponses={"USERNAME": email, "ANSWER": wrong})
assert len(mails(email)) == 2, "retries re-ask the same code; no new email"

print("all checks passed")
