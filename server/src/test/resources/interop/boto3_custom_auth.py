"""Password over SRP, then an emailed code (CUSTOM_AUTH with SRP first) through boto3 (spec §2, §3).

Usage: boto3_custom_auth.py ENDPOINT MAILBOX_URL DEFINE_ARN CREATE_ARN VERIFY_ARN
Creates its own pool (with the three trigger ARNs), client and user; reads the emailed codes from
MAILBOX_URL?to=ADDRESS (JSON like the dev outbox: {"messages":[{"body":…}]}, newest first).
boto3 has no SRP of its own, so the client side of Cognito's SRP is written out below from the spec.
Exits non-zero on the first mismatch; prints "all checks passed" at the end.
"""
import base64
import datetime
import hashlib
import hmac
import json
import os
import re
import sys
import urllib.parse
import urllib.request
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, mailbox, define_arn, create_arn, verify_arn = sys.argv[1:6]
idp = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"}))

PASSWORD = "Right-Passw0rd!"

# ---- Cognito's SRP, client side (spec §2.1, §2.2) ----
N = int(
    "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD"
    "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
    "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
    "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
    "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
    "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
    "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
    "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16)
G = 2


def pad_hex(n):
    h = format(n, "x")
    if len(h) % 2:
        h = "0" + h
    if h[0] in "89abcdef":
        h = "00" + h
    return h


def hex_hash(hex_string):
    return hashlib.sha256(bytes.fromhex(hex_string)).hexdigest()


K_MULT = int(hex_hash(pad_hex(N) + pad_hex(G)), 16)


class Srp:
    def __init__(self, pool_id):
        self.pool_name = pool_id.split("_")[1]
        self.a = int.from_bytes(os.urandom(128), "big")
        self.A = pow(G, self.a, N)

    def srp_a(self):
        return format(self.A, "x")

    def responses(self, params, password):
        user_id = params["USER_ID_FOR_SRP"]
        B = int(params["SRP_B"], 16)
        salt = int(params["SALT"], 16)
        u = int(hex_hash(pad_hex(self.A) + pad_hex(B)), 16)
        inner = hashlib.sha256((self.pool_name + user_id + ":" + password).encode()).hexdigest()
        x = int(hex_hash(pad_hex(salt) + inner), 16)
        S = pow(B - K_MULT * pow(G, x, N), self.a + u * x, N)
        prk = hmac.new(bytes.fromhex(pad_hex(u)), bytes.fromhex(pad_hex(S)), hashlib.sha256).digest()
        key = hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]
        now = datetime.datetime.now(datetime.timezone.utc)
        timestamp = now.strftime("%a %b ") + str(now.day) + now.strftime(" %H:%M:%S UTC %Y")
        message = (self.pool_name.encode() + user_id.encode() + base64.b64decode(params["SECRET_BLOCK"])
                   + timestamp.encode())
        signature = base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()
        return {"USERNAME": user_id, "PASSWORD_CLAIM_SECRET_BLOCK": params["SECRET_BLOCK"],
                "TIMESTAMP": timestamp, "PASSWORD_CLAIM_SIGNATURE": signature}


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
    srp = Srp(pool_id)
    started = idp.initiate_auth(AuthFlow="CUSTOM_AUTH", ClientId=client_id,
                                AuthParameters={"USERNAME": username, "SRP_A": srp.srp_a(),
                                                "CHALLENGE_NAME": "SRP_A"})
    assert started["ChallengeName"] == "PASSWORD_VERIFIER", started
    return idp.respond_to_auth_challenge(ClientId=client_id, ChallengeName="PASSWORD_VERIFIER",
                                         Session=started["Session"],
                                         ChallengeResponses=srp.responses(started["ChallengeParameters"], password))


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
