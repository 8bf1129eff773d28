"""Drives Tobira's administration API with boto3, as a Python application would.

Usage:
  boto3_admin.py admin  ENDPOINT               the administration cycle; exits non-zero on any mismatch
  boto3_admin.py signed ENDPOINT KEY SECRET EXPECTED
      one CreateUserPool signed with KEY/SECRET; EXPECTED is "ok" or the error code it must fail with
"""
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def client(endpoint, key="AKIDEXAMPLE", secret="any-secret"):
    return boto3.client(
        "cognito-idp",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def expect_error(code, message_prefix, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["Error"]["Message"].startswith(message_prefix), e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        return
    raise AssertionError(f"expected {code}")


def admin(endpoint):
    idp = client(endpoint)
    pool = idp.create_user_pool(
        PoolName="boto3-pool",
        UsernameAttributes=["email"],
        AutoVerifiedAttributes=["email"],
        Policies={"PasswordPolicy": {"MinimumLength": 9, "RequireSymbols": False}},
        UsernameConfiguration={"CaseSensitive": False},
    )["UserPool"]
    pool_id = pool["Id"]
    assert pool["UsernameAttributes"] == ["email"], pool
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 9, pool
    described = idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert described["Name"] == "boto3-pool"
    assert described["CreationDate"].year >= 2024, described["CreationDate"]

    app = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="py", GenerateSecret=False,
                                      ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    client_id = app["UserPoolClient"]["ClientId"]
    assert "ClientSecret" not in app["UserPoolClient"], app

    user = idp.admin_create_user(UserPoolId=pool_id, Username="erin@example.com", MessageAction="SUPPRESS",
                                 UserAttributes=[{"Name": "name", "Value": "Erin"}])["User"]
    sub = next(a["Value"] for a in user["Attributes"] if a["Name"] == "sub")
    assert user["Username"] == sub, user
    got = idp.admin_get_user(UserPoolId=pool_id, Username="Erin@Example.com")
    assert got["Username"] == sub and got["UserStatus"] == "FORCE_CHANGE_PASSWORD", got

    idp.admin_update_user_attributes(UserPoolId=pool_id, Username="erin@example.com",
                                     UserAttributes=[{"Name": "given_name", "Value": "E"}])
    names = [a["Name"] for a in idp.admin_get_user(UserPoolId=pool_id, Username=sub)["UserAttributes"]]
    assert "given_name" in names, names
    idp.admin_disable_user(UserPoolId=pool_id, Username=sub)
    assert idp.admin_get_user(UserPoolId=pool_id, Username=sub)["Enabled"] is False
    idp.admin_enable_user(UserPoolId=pool_id, Username=sub)

    users = idp.list_users(UserPoolId=pool_id, Filter='email ^= "erin"')["Users"]
    assert [u["Username"] for u in users] == [sub], users
    assert idp.list_users(UserPoolId=pool_id, Filter='email = "nobody@example.com"')["Users"] == []

    expect_error("UsernameExistsException", "An account with the given email already exists.",
                 idp.admin_create_user, UserPoolId=pool_id, Username="erin@example.com", MessageAction="SUPPRESS")
    # A policy given with only some rules leaves the others off, so only the length counts here.
    expect_error("InvalidPasswordException", "Password did not conform with policy: Password not long enough",
                 idp.admin_set_user_password, UserPoolId=pool_id, Username=sub, Password="short", Permanent=True)
    idp.admin_set_user_password(UserPoolId=pool_id, Username=sub, Password="alllowercase", Permanent=True)
    assert idp.admin_get_user(UserPoolId=pool_id, Username=sub)["UserStatus"] == "CONFIRMED"
    expect_error("ResourceNotFoundException", "User pool client nosuchclient does not exist.",
                 idp.describe_user_pool_client, UserPoolId=pool_id, ClientId="nosuchclient")
    # botocore checks only required members and types client-side; the server enforces the model.
    expect_error("InvalidParameterException", "1 validation error detected:",
                 idp.list_user_pools, MaxResults=61)

    idp.delete_user_pool_client(UserPoolId=pool_id, ClientId=client_id)
    idp.admin_delete_user(UserPoolId=pool_id, Username=sub)
    idp.delete_user_pool(UserPoolId=pool_id)
    expect_error("ResourceNotFoundException", f"User pool {pool_id} does not exist.",
                 idp.describe_user_pool, UserPoolId=pool_id)
    print("boto3 administration: all checks passed")


def signed(endpoint, key, secret, expected):
    idp = client(endpoint, key, secret)
    try:
        idp.create_user_pool(PoolName="signed-by-boto3")
    except ClientError as e:
        code = e.response["Error"]["Code"]
        assert code == expected, f"expected {expected}, got {code}: {e.response}"
        print(f"refused with {code}")
        return
    assert expected == "ok", f"expected {expected}, but the call succeeded"
    print("accepted")


if __name__ == "__main__":
    if sys.argv[1] == "admin":
        admin(sys.argv[2])
    else:
        signed(*sys.argv[2:6])
