"""The original demo's Streamlit app (../shared/seeds/000, streamlit/app.py), its Cognito calls exactly.

The app makes its client as `boto3.client("cognito-idp", region_name=REGION)`, and nothing else: the
endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, which the test sets to Tobira, as the
README tells a user to. Sign-up and sign-in go as the app's show_login/show_confirmation/show_challenge
do: sign_up → confirm_sign_up (the code Tobira emailed) → initiate_auth CUSTOM_AUTH with pycognito's
get_auth_params() (USERNAME and SRP_A only; cognito_srp.py does what pycognito does) → PASSWORD_VERIFIER
→ CUSTOM_CHALLENGE with USERNAME and ANSWER = the code the demo's Create function sent through SES →
tokens → get_user.

Usage: seed000_app.py ENDPOINT USER_POOL_ID CLIENT_ID  (the demo's own variables are set too)
Exits non-zero on the first mismatch; prints "all checks passed" at the end.
"""
import json
import os
import re
import sys
import urllib.parse
import urllib.request
import uuid

import boto3
from botocore.exceptions import ClientError

import cognito_srp

endpoint, USER_POOL_ID, CLIENT_ID = sys.argv[1:4]
REGION = os.environ.get("AWS_REGION", "ap-northeast-1")
assert os.environ["AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"] == endpoint
cognito_client = boto3.client("cognito-idp", region_name=REGION)

PASSWORD = "Seed-Passw0rd!"
SUBJECT = "ログイン認証コード"


def get_json(path):
    with urllib.request.urlopen(endpoint + path) as r:
        return json.load(r)


def outbox(address):
    """Every message to ADDRESS in Tobira's dev outbox, newest first."""
    return get_json("/_tobira/outbox?to=" + urllib.parse.quote(address))["messages"]


def ses_messages(address):
    """What LocalStack's /_aws/ses lists for ADDRESS."""
    return get_json("/_aws/ses?email=" + urllib.parse.quote(address))["messages"]


def six_digits(text):
    found = re.search(r"(?<!\d)(\d{6})(?!\d)", text)
    assert found, text
    return found.group(1)


def emailed_otp(address, sent_before):
    """The code the demo's Create function emailed, as the dev outbox and /_aws/ses both show it."""
    mails = outbox(address)
    assert len(mails) == sent_before + 1, mails
    assert mails[0]["subject"] == SUBJECT, mails[0]
    assert "有効期限は3分間です。" in mails[0]["body"], mails[0]
    code = six_digits(mails[0]["body"])
    # Every code email so far (all but the confirmation) is in /_aws/ses, this one among them. Its
    # Timestamp has whole seconds, so it is found by its code rather than as the newest.
    ses = [m for m in ses_messages(address) if m.get("Subject") == SUBJECT]
    assert len(ses) == sent_before, ses
    this = [m for m in ses if six_digits(m["Body"]["text_part"]) == code]
    assert len(this) == 1, ses
    assert this[0]["Source"] == address and this[0]["Destination"]["ToAddresses"] == [address], this[0]
    return code


def expect_error(code, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        return e.response["Error"]["Message"]
    raise AssertionError(f"expected {code}")


def login(email, password):
    """show_login's button: the response after PASSWORD_VERIFIER, as the app gets it."""
    a = cognito_srp.new_a()
    auth_params = cognito_srp.auth_params(email, a, CLIENT_ID)
    assert set(auth_params) == {"USERNAME", "SRP_A"}, auth_params
    response = cognito_client.initiate_auth(ClientId=CLIENT_ID, AuthFlow="CUSTOM_AUTH", AuthParameters=auth_params)
    assert response.get("ChallengeName") == "PASSWORD_VERIFIER", response
    challenge_response = cognito_srp.password_verifier_responses(
        USER_POOL_ID, password, a, response["ChallengeParameters"], CLIENT_ID)
    return cognito_client.respond_to_auth_challenge(ClientId=CLIENT_ID, ChallengeName="PASSWORD_VERIFIER",
                                                    Session=response["Session"],
                                                    ChallengeResponses=challenge_response)


def answer(email, challenge, code):
    """show_challenge's button."""
    return cognito_client.respond_to_auth_challenge(ClientId=CLIENT_ID, ChallengeName="CUSTOM_CHALLENGE",
                                                    Session=challenge["Session"],
                                                    ChallengeResponses={"USERNAME": email, "ANSWER": code})


email = f"seed-{uuid.uuid4().hex[:8]}@example.com"

# 新規登録 → メール確認
cognito_client.sign_up(ClientId=CLIENT_ID, Username=email, Password=PASSWORD,
                       UserAttributes=[{"Name": "email", "Value": email}])
confirmation = outbox(email)
assert len(confirmation) == 1, confirmation
cognito_client.confirm_sign_up(ClientId=CLIENT_ID, Username=email,
                               ConfirmationCode=six_digits(confirmation[0]["body"]))

# ログイン: a wrong password ends at PASSWORD_VERIFIER, and the Create function emails nothing
message = expect_error("NotAuthorizedException", login, email, "Wrong-Passw0rd!")
assert message == "Incorrect username or password.", message
assert len(outbox(email)) == 1, outbox(email)

# ログイン → CUSTOM_CHALLENGE with the masked address the Create function made
challenge = login(email, PASSWORD)
assert challenge.get("ChallengeName") == "CUSTOM_CHALLENGE", challenge
assert challenge["ChallengeParameters"]["email"] == email[:3] + "***" + email[email.index("@"):], challenge
code = emailed_otp(email, 1)

# A wrong code: the demo's Verify says no, its Define fails the sign-in
wrong = "000000" if code != "000000" else "111111"
expect_error("NotAuthorizedException", answer, email, challenge, wrong)

# Again, with the right code → tokens, and the dashboard's user
challenge = login(email, PASSWORD)
assert challenge.get("ChallengeName") == "CUSTOM_CHALLENGE", challenge
code = emailed_otp(email, 2)
response = answer(email, challenge, code)
tokens = response["AuthenticationResult"]
assert tokens["TokenType"] == "Bearer" and tokens["IdToken"] and tokens["RefreshToken"], response
user = cognito_client.get_user(AccessToken=tokens["AccessToken"])
attributes = {a["Name"]: a["Value"] for a in user["UserAttributes"]}
assert attributes["email"] == email and attributes["email_verified"] == "true", attributes

print("all checks passed")
