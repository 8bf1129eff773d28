"""Drives the calls users make about themselves after sign-in, and AdminResetUserPassword, with boto3.

Usage:
  boto3_self_service.py ENDPOINT   exits non-zero on any mismatch; prints "all checks passed" at the end
"""
import json
import re
import sys
import urllib.parse
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

PASSWORD = "Right-Passw0rd!"


def expect_error(code, message_prefix, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["Error"]["Message"].startswith(message_prefix), e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        return
    raise AssertionError(f"expected {code}")


def latest_code(endpoint, address):
    url = f"{endpoint}/_tobira/outbox?to={urllib.parse.quote(address)}"
    with urllib.request.urlopen(url) as response:
        messages = json.load(response)["messages"]
    assert messages, f"no message to {address}"
    return re.search(r"(?<!\d)(\d{6})(?!\d)", messages[0]["body"]).group(1)


def attributes(idp, pool_id, username):
    user = idp.admin_get_user(UserPoolId=pool_id, Username=username)
    return {a["Name"]: a["Value"] for a in user["UserAttributes"]}, user["UserStatus"]


def main(endpoint):
    idp = boto3.client("cognito-idp", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="any-secret",
                       config=Config(retries={"max_attempts": 1, "mode": "standard"}))
    pool_id = idp.create_user_pool(PoolName="boto3-self-service", AutoVerifiedAttributes=["email"])["UserPool"]["Id"]
    client_id = idp.create_user_pool_client(
        UserPoolId=pool_id, ClientName="py",
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])["UserPoolClient"]["ClientId"]
    idp.admin_create_user(UserPoolId=pool_id, Username="gus", MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": "gus@example.com"},
                                          {"Name": "email_verified", "Value": "true"}])
    idp.admin_set_user_password(UserPoolId=pool_id, Username="gus", Password=PASSWORD, Permanent=True)

    def sign_in(password=PASSWORD):
        return idp.initiate_auth(ClientId=client_id, AuthFlow="USER_PASSWORD_AUTH",
                                 AuthParameters={"USERNAME": "gus", "PASSWORD": password})

    token = sign_in()["AuthenticationResult"]["AccessToken"]

    # UpdateUserAttributes: the new email is unverified until VerifyUserAttribute gets its code.
    updated = idp.update_user_attributes(AccessToken=token, UserAttributes=[
        {"Name": "email", "Value": "gus@new.example"}, {"Name": "nickname", "Value": "G"}])
    assert updated["CodeDeliveryDetailsList"] == [
        {"Destination": "g***@n***", "DeliveryMedium": "EMAIL", "AttributeName": "email"}], updated
    attrs, _ = attributes(idp, pool_id, "gus")
    assert attrs["email"] == "gus@new.example" and attrs["email_verified"] == "false", attrs
    idp.verify_user_attribute(AccessToken=token, AttributeName="email",
                              Code=latest_code(endpoint, "gus@new.example"))
    attrs, _ = attributes(idp, pool_id, "gus")
    assert attrs["email_verified"] == "true", attrs

    # GetUserAttributeVerificationCode: only email and phone_number.
    expect_error("InvalidParameterException", "Invalid attribute name. Only phone_number and email can be verified.",
                 idp.get_user_attribute_verification_code, AccessToken=token, AttributeName="nickname")
    sent = idp.get_user_attribute_verification_code(AccessToken=token, AttributeName="email")
    assert sent["CodeDeliveryDetails"]["Destination"] == "g***@n***", sent

    # DeleteUserAttributes.
    idp.delete_user_attributes(AccessToken=token, UserAttributeNames=["nickname"])
    attrs, _ = attributes(idp, pool_id, "gus")
    assert "nickname" not in attrs, attrs

    # AdminResetUserPassword, then the forgot-password flow.
    idp.admin_reset_user_password(UserPoolId=pool_id, Username="gus")
    _, status = attributes(idp, pool_id, "gus")
    assert status == "RESET_REQUIRED", status
    expect_error("PasswordResetRequiredException", "Password reset required for the user", sign_in)
    idp.confirm_forgot_password(ClientId=client_id, Username="gus", Password="New-Passw0rd!",
                                ConfirmationCode=latest_code(endpoint, "gus@new.example"))
    token = sign_in("New-Passw0rd!")["AuthenticationResult"]["AccessToken"]

    # DeleteUser: the user and their tokens are gone.
    idp.delete_user(AccessToken=token)
    expect_error("UserNotFoundException", "User does not exist.", idp.admin_get_user,
                 UserPoolId=pool_id, Username="gus")
    expect_error("NotAuthorizedException", "Access Token has been revoked", idp.get_user, AccessToken=token)
    print("all checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
