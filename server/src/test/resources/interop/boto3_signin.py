"""Password sign-in, token-authorised calls and the lockout through boto3 (spec §5.4, §6.6, §7).

Usage: boto3_signin.py ENDPOINT
Creates its own pool, client and users (admin calls with any credentials: the server is in dev mode).
Exits non-zero on the first mismatch; prints "all checks passed" at the end.
"""
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
idp = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"}))

PASSWORD = "Right-Passw0rd!"
WRONG = "Wrong-Passw0rd!"


def expect_error(code, message, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["Error"]["Message"] == message, e.response
        return
    raise AssertionError(f"expected {code}: {message}")


def user(prefix):
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    idp.admin_create_user(UserPoolId=pool_id, Username=name, MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": name + "@example.com"},
                                          {"Name": "email_verified", "Value": "true"}])
    idp.admin_set_user_password(UserPoolId=pool_id, Username=name, Password=PASSWORD, Permanent=True)
    return name


def sign_in(name, password):
    return idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                             AuthParameters={"USERNAME": name, "PASSWORD": password})


pool_id = idp.create_user_pool(PoolName="boto3-signin")["UserPool"]["Id"]
client_id = idp.create_user_pool_client(
    UserPoolId=pool_id, ClientName="script",
    ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]

# The right password: tokens, and no challenge.
ada = user("ada")
signed_in = sign_in(ada, PASSWORD)
assert "ChallengeName" not in signed_in, signed_in
tokens = signed_in["AuthenticationResult"]
assert tokens["TokenType"] == "Bearer", tokens
assert tokens["ExpiresIn"] == 3600, tokens
assert tokens["AccessToken"].count(".") == 2 and tokens["IdToken"].count(".") == 2, tokens
assert tokens["RefreshToken"], tokens

# A wrong password.
expect_error("NotAuthorizedException", "Incorrect username or password.", sign_in, name=ada, password=WRONG)

# GetUser with the access token.
me = idp.get_user(AccessToken=tokens["AccessToken"])
assert me["Username"] == ada, me
attributes = {a["Name"]: a["Value"] for a in me["UserAttributes"]}
assert attributes["email"] == ada + "@example.com", attributes
assert attributes["email_verified"] == "true", attributes
assert attributes["sub"], attributes

# The refresh token works until the global sign-out.
refreshed = idp.initiate_auth(ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                              AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})["AuthenticationResult"]
assert "RefreshToken" not in refreshed, refreshed
assert idp.get_user(AccessToken=refreshed["AccessToken"])["Username"] == ada

# GlobalSignOut: {} back; then every token of the sign-in is refused.
out = idp.global_sign_out(AccessToken=tokens["AccessToken"])
assert {k: v for k, v in out.items() if k != "ResponseMetadata"} == {}, out
expect_error("NotAuthorizedException", "Access Token has been revoked", idp.get_user,
             AccessToken=tokens["AccessToken"])
expect_error("NotAuthorizedException", "Access Token has been revoked", idp.get_user,
             AccessToken=refreshed["AccessToken"])
expect_error("NotAuthorizedException", "Refresh Token has been revoked", idp.initiate_auth,
             ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
             AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})
again = sign_in(ada, PASSWORD)["AuthenticationResult"]
assert idp.get_user(AccessToken=again["AccessToken"])["Username"] == ada

# Lockout: five wrong passwords, then the right one is refused too.
bea = user("bea")
for _ in range(5):
    expect_error("NotAuthorizedException", "Incorrect username or password.", sign_in, name=bea, password=WRONG)
expect_error("NotAuthorizedException", "Password attempts exceeded", sign_in, name=bea, password=PASSWORD)

print("boto3 sign-in: all checks passed")
