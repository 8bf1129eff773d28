"""Sign-up and confirmation through boto3, codes read from Tobira's dev outbox.

Usage: boto3_signup.py ENDPOINT POOL_ID CLIENT_ID
Exits non-zero on the first mismatch.
"""
import json
import re
import sys
import urllib.parse
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, pool_id, client_id = sys.argv[1:4]
idp = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="local", aws_secret_access_key="local",
                   config=Config(retries={"max_attempts": 1, "mode": "standard"}))


def latest_code(address):
    url = endpoint + "/_tobira/outbox?to=" + urllib.parse.quote(address)
    messages = json.load(urllib.request.urlopen(url))["messages"]
    assert messages, f"no message to {address}"
    return re.search(r"(?<!\d)(\d{6})(?!\d)", messages[0]["body"]).group(1)


def expect_error(code, message, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["Error"]["Message"] == message, e.response
        return
    raise AssertionError(f"expected {code}")


email = "sora@example.com"
signed = idp.sign_up(ClientId=client_id, Username=email, Password="Passw0rd!",
                     UserAttributes=[{"Name": "email", "Value": email}, {"Name": "locale", "Value": "ja"}])
assert signed["UserConfirmed"] is False, signed
assert signed["CodeDeliveryDetails"] == {"Destination": "s***@e***", "DeliveryMedium": "EMAIL",
                                         "AttributeName": "email"}, signed
first = latest_code(email)

expect_error("CodeMismatchException", "Invalid verification code provided, please try again.",
             idp.confirm_sign_up, ClientId=client_id, Username=email,
             ConfirmationCode="000000" if first != "000000" else "111111")
resent = idp.resend_confirmation_code(ClientId=client_id, Username=email)
assert resent["CodeDeliveryDetails"]["Destination"] == "s***@e***", resent
second = latest_code(email)
expect_error("ExpiredCodeException", "Invalid code provided, please request a code again.",
             idp.confirm_sign_up, ClientId=client_id, Username=email, ConfirmationCode=first)
idp.confirm_sign_up(ClientId=client_id, Username=email, ConfirmationCode=second)
user = idp.admin_get_user(UserPoolId=pool_id, Username=email)
assert user["UserStatus"] == "CONFIRMED", user
expect_error("NotAuthorizedException", "User cannot be confirmed. Current status is CONFIRMED",
             idp.confirm_sign_up, ClientId=client_id, Username=email, ConfirmationCode=second)
expect_error("UsernameExistsException", "An account with the given email already exists.",
             idp.sign_up, ClientId=client_id, Username=email, Password="Passw0rd!")
print("boto3 sign-up: all checks passed")
