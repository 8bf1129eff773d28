"""CUSTOM_AUTH begun with SRP_A alone, as the original demo's app does it with pycognito (spec §3.1).

pycognito's AWSSRP.get_auth_params() sends InitiateAuth CUSTOM_AUTH with USERNAME and SRP_A (and
SECRET_HASH for a client with a secret), no CHALLENGE_NAME; process_challenge() answers
PASSWORD_VERIFIER. cognito_srp.py, beside this script, does both as pycognito does.

Usage: boto3_custom_auth_srp_a.py ENDPOINT MAILBOX_URL dev POOL_ID CLIENT_ID
       boto3_custom_auth_srp_a.py ENDPOINT MAILBOX_URL triggers DEFINE_ARN CREATE_ARN VERIFY_ARN
"dev" signs in to an existing pool and client (Tobira's dev pool: built-in triggers, no client
secret); "triggers" creates a pool with those trigger ARNs and a client with a secret. Either way
the client hides user existence (PreventUserExistenceErrors). Emailed codes are read from
MAILBOX_URL?to=ADDRESS (the dev outbox's JSON: {"messages":[{"body":…}]}, newest first).
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

endpoint, mailbox, mode = sys.argv[1:4]
idp = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"}))

PASSWORD = "Right-Passw0rd!"
INCORRECT = ("NotAuthorizedException", "Incorrect username or password.")


def expect_error(error, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        assert (e.response["Error"]["Code"], e.response["Error"]["Message"]) == error, e.response
        return
    raise AssertionError(f"expected {error}")


def mails(address):
    with urllib.request.urlopen(mailbox + "?to=" + urllib.parse.quote(address)) as r:
        return json.load(r)["messages"]


def code(address):
    found = re.search(r"(?<!\d)(\d{6})(?!\d)", mails(address)[0]["body"])
    assert found, mails(address)[0]
    return found.group(1)


# ---- The pool and client ----
if mode == "dev":
    pool_id, client_id = sys.argv[4:6]
    client_secret = None
else:
    define_arn, create_arn, verify_arn = sys.argv[4:7]
    pool_id = idp.create_user_pool(
        PoolName="seed-000", UsernameAttributes=["email"],
        LambdaConfig={"DefineAuthChallenge": define_arn, "CreateAuthChallenge": create_arn,
                      "VerifyAuthChallengeResponse": verify_arn})["UserPool"]["Id"]
    client = idp.create_user_pool_client(
        UserPoolId=pool_id, ClientName="streamlit", GenerateSecret=True, PreventUserExistenceErrors="ENABLED",
        ExplicitAuthFlows=["ALLOW_CUSTOM_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]
    client_id, client_secret = client["ClientId"], client["ClientSecret"]

email = f"ren-{uuid.uuid4().hex[:8]}@example.com"
idp.admin_create_user(UserPoolId=pool_id, Username=email, MessageAction="SUPPRESS",
                      UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}])
idp.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=PASSWORD, Permanent=True)


def begin(username):
    """InitiateAuth CUSTOM_AUTH with exactly what pycognito's get_auth_params() returns; (a, params, response)."""
    a = cognito_srp.new_a()
    params = cognito_srp.auth_params(username, a, client_id, client_secret)
    assert set(params) == ({"USERNAME", "SRP_A"} | ({"SECRET_HASH"} if client_secret else set())), params
    return a, params, idp.initiate_auth(ClientId=client_id, AuthFlow="CUSTOM_AUTH", AuthParameters=params)


def prove(a, started, password):
    responses = cognito_srp.password_verifier_responses(pool_id, password, a, started["ChallengeParameters"],
                                                        client_id, client_secret)
    return idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="PASSWORD_VERIFIER",
                                         Session=started["Session"], ChallengeResponses=responses)


def password_then_next(username, password):
    a, _, started = begin(username)
    assert started["ChallengeName"] == "PASSWORD_VERIFIER", started
    return prove(a, started, password)


def answer(challenge, username, otp):
    responses = {"USERNAME": username, "ANSWER": otp}
    if client_secret:
        responses["SECRET_HASH"] = cognito_srp.secret_hash(username, client_id, client_secret)
    return idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="CUSTOM_CHALLENGE",
                                         Session=challenge["Session"], ChallengeResponses=responses)


# ---- SRP_A alone → PASSWORD_VERIFIER, the same challenge as USER_SRP_AUTH's ----
a, params, started = begin(email)
assert started["ChallengeName"] == "PASSWORD_VERIFIER", started
assert set(started["ChallengeParameters"]) == {"SALT", "SRP_B", "SECRET_BLOCK", "USERNAME", "USER_ID_FOR_SRP"}, \
    started["ChallengeParameters"]
assert started["Session"], started

# ---- The right password → CUSTOM_CHALLENGE, and a code emailed; the right code → tokens ----
challenge = prove(a, started, PASSWORD)
assert challenge["ChallengeName"] == "CUSTOM_CHALLENGE", challenge
assert len(mails(email)) == 1, mails(email)
done = answer(challenge, email, code(email))
tokens = done["AuthenticationResult"]
assert tokens["TokenType"] == "Bearer" and tokens["AccessToken"] and tokens["IdToken"], tokens
me = idp.get_user(AccessToken=tokens["AccessToken"])
assert {"Name": "email", "Value": email} in me["UserAttributes"], me

# ---- The spent PASSWORD_VERIFIER session: a replayed proof is refused, and sends nothing ----
expect_error(("NotAuthorizedException", "Invalid session for the user."), prove, a, started, PASSWORD)
assert len(mails(email)) == 1

# ---- A wrong password → "Incorrect username or password.", and no email ----
expect_error(INCORRECT, password_then_next, email, "Wrong-Passw0rd!")
assert len(mails(email)) == 1, "a wrong password must not send a code"

# ---- An unknown user: a PASSWORD_VERIFIER of the same shape, whose proof fails as a wrong password ----
nobody = f"nobody-{uuid.uuid4().hex[:8]}@example.com"
ghost_a, _, ghost = begin(nobody)
assert ghost["ChallengeName"] == "PASSWORD_VERIFIER", ghost
assert set(ghost["ChallengeParameters"]) == set(started["ChallengeParameters"]), ghost
expect_error(INCORRECT, prove, ghost_a, ghost, PASSWORD)
assert mails(nobody) == []

# ---- Signing in again works: the failures above are under the lockout's five ----
again = password_then_next(email, PASSWORD)
assert again["ChallengeName"] == "CUSTOM_CHALLENGE", again
assert answer(again, email, code(email))["AuthenticationResult"]["AccessToken"]

print("all checks passed")
