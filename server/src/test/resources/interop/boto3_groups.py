"""Drives Tobira's groups, tags and users-by-sub with boto3, as a Python application would.

Usage:
  boto3_groups.py ENDPOINT     every check; exits non-zero on any mismatch
"""
import base64
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def client(endpoint):
    return boto3.client(
        "cognito-idp",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="any-secret",
        config=Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


def expect_error(code, message, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        assert e.response["Error"]["Message"] == message, e.response
        assert e.response["ResponseMetadata"]["HTTPStatusCode"] == 400, e.response
        return
    raise AssertionError(f"expected {code}")


def payload(jwt):
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def main(endpoint):
    idp = client(endpoint)
    pool = idp.create_user_pool(PoolName="boto3-groups", UsernameAttributes=["email"],
                                UserPoolTags={"env": "dev"})["UserPool"]
    pool_id, arn = pool["Id"], pool["Arn"]
    app = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="py",
                                      ExplicitAuthFlows=["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
    client_id = app["UserPoolClient"]["ClientId"]
    user = idp.admin_create_user(UserPoolId=pool_id, Username="dora@example.com", MessageAction="SUPPRESS")["User"]
    sub = next(a["Value"] for a in user["Attributes"] if a["Name"] == "sub")
    idp.admin_set_user_password(UserPoolId=pool_id, Username=sub, Password="Right-Passw0rd!", Permanent=True)

    # Groups, the user named by its sub.
    group = idp.create_group(UserPoolId=pool_id, GroupName="staff", Description="Staff", Precedence=2,
                             RoleArn="arn:aws:iam::123456789012:role/Staff")["Group"]
    assert group["GroupName"] == "staff" and group["Precedence"] == 2, group
    assert group["CreationDate"].year >= 2024, group
    idp.create_group(UserPoolId=pool_id, GroupName="owners", Precedence=0)
    idp.admin_add_user_to_group(UserPoolId=pool_id, Username=sub, GroupName="staff")
    idp.admin_add_user_to_group(UserPoolId=pool_id, Username="dora@example.com", GroupName="owners")
    names = [g["GroupName"] for g in idp.admin_list_groups_for_user(UserPoolId=pool_id, Username=sub)["Groups"]]
    assert names == ["owners", "staff"], names
    members = idp.list_users_in_group(UserPoolId=pool_id, GroupName="staff")["Users"]
    assert [u["Username"] for u in members] == [sub], members
    listed = [g["GroupName"] for page in idp.get_paginator("list_groups").paginate(
        UserPoolId=pool_id, PaginationConfig={"PageSize": 1}) for g in page["Groups"]]
    assert listed == ["owners", "staff"], listed

    tokens = idp.admin_initiate_auth(UserPoolId=pool_id, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
                                     AuthParameters={"USERNAME": "dora@example.com",
                                                     "PASSWORD": "Right-Passw0rd!"})["AuthenticationResult"]
    id_token = payload(tokens["IdToken"])
    assert id_token["cognito:groups"] == ["owners", "staff"], id_token
    assert id_token["cognito:preferred_role"] == "arn:aws:iam::123456789012:role/Staff", id_token
    assert id_token["cognito:roles"] == ["arn:aws:iam::123456789012:role/Staff"], id_token
    assert payload(tokens["AccessToken"])["cognito:groups"] == ["owners", "staff"]

    idp.admin_remove_user_from_group(UserPoolId=pool_id, Username=sub, GroupName="staff")
    refreshed = idp.admin_initiate_auth(UserPoolId=pool_id, ClientId=client_id, AuthFlow="REFRESH_TOKEN_AUTH",
                                        AuthParameters={"REFRESH_TOKEN": tokens["RefreshToken"]})
    id_token = payload(refreshed["AuthenticationResult"]["IdToken"])
    assert id_token["cognito:groups"] == ["owners"], id_token
    assert "cognito:preferred_role" not in id_token and "cognito:roles" not in id_token, id_token

    expect_error("GroupExistsException", "A group with the name staff already exists.",
                 idp.create_group, UserPoolId=pool_id, GroupName="staff")
    expect_error("ResourceNotFoundException", "Group not found.",
                 idp.get_group, UserPoolId=pool_id, GroupName="nobody")
    expect_error("UserNotFoundException", "User does not exist.",
                 idp.admin_list_groups_for_user, UserPoolId=pool_id, Username="0b5f5d1c-1111-4222-8333-944455556666")

    # Other Admin* calls by sub.
    assert idp.admin_get_user(UserPoolId=pool_id, Username=sub)["Username"] == sub
    idp.admin_disable_user(UserPoolId=pool_id, Username=sub)
    idp.admin_enable_user(UserPoolId=pool_id, Username=sub)

    # Tags: the pool's UserPoolTags.
    idp.tag_resource(ResourceArn=arn, Tags={"team": "auth"})
    assert idp.list_tags_for_resource(ResourceArn=arn)["Tags"] == {"env": "dev", "team": "auth"}
    idp.untag_resource(ResourceArn=arn, TagKeys=["env"])
    assert idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]["UserPoolTags"] == {"team": "auth"}
    expect_error("InvalidParameterException", "A user pool can have at most 50 tags; this request would give it 51.",
                 idp.tag_resource, ResourceArn=arn, Tags={f"k{i}": "v" for i in range(50)})

    idp.delete_group(UserPoolId=pool_id, GroupName="owners")
    idp.admin_delete_user(UserPoolId=pool_id, Username=sub)
    assert idp.list_users_in_group(UserPoolId=pool_id, GroupName="staff")["Users"] == []
    print("boto3 groups: all checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
