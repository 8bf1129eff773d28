"""SES v1, SES v2 and SNS through boto3 against Tobira's port, read back from the dev outbox and
LocalStack's /_aws endpoints.

Usage: boto3_side_doors.py ENDPOINT
The clients are made as the article's Create function makes them, boto3.client("ses") with no endpoint:
AWS_ENDPOINT_URL_SES, AWS_ENDPOINT_URL_SESV2 and AWS_ENDPOINT_URL_SNS point them at Tobira.
Exits non-zero on the first mismatch; prints "all checks passed" at the end.
"""
import json
import sys
import urllib.parse
import urllib.request
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]


def get(path):
    return json.load(urllib.request.urlopen(endpoint + path))


def delete(path):
    request = urllib.request.Request(endpoint + path, method="DELETE")
    with urllib.request.urlopen(request) as response:
        assert response.status == 204, response.status


def outbox(address):
    return get("/_tobira/outbox?to=" + urllib.parse.quote(address))["messages"]


def ses_messages(query):
    return get("/_aws/ses?" + urllib.parse.urlencode(query))["messages"]


def expect_error(code, call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        assert e.response["Error"]["Code"] == code, e.response
        return e.response
    raise AssertionError(f"expected {code}")


# The article's Create function, exactly.
email = "hanako@example.com"
otp = "493817"
ses_client = boto3.client("ses")
sent = ses_client.send_email(Source=email, Destination={"ToAddresses": [email]},
    Message={"Subject": {"Data": "ログイン認証コード", "Charset": "UTF-8"},
             "Body": {"Text": {"Data": f"あなたの認証コードは {otp} です。\n\n有効期限は3分間です。", "Charset": "UTF-8"}}})
message_id = sent["MessageId"]
assert message_id, sent

newest = outbox(email)[0]
assert newest["channel"] == "EMAIL", newest
assert newest["subject"] == "ログイン認証コード", newest
assert newest["body"] == f"あなたの認証コードは {otp} です。\n\n有効期限は3分間です。", newest

listed = ses_messages({"email": email})
assert [m["Id"] for m in listed] == [message_id], listed
entry = listed[0]
assert entry["Source"] == email, entry
assert entry["Destination"] == {"ToAddresses": [email]}, entry
assert entry["Subject"] == "ログイン認証コード", entry
assert entry["Body"] == {"text_part": f"あなたの認証コードは {otp} です。\n\n有効期限は3分間です。", "html_part": None}, entry
assert entry["Region"] == "us-east-1" and entry["Timestamp"], entry
assert ses_messages({"id": message_id}) == listed

# SendRawEmail: a multipart message to To and Cc, its sender taken from the From header.
raw = MIMEMultipart("alternative")
raw["Subject"] = "Raw 件名"
raw["From"] = "App <app@example.com>"
raw["To"] = "raw-to@example.com"
raw["Cc"] = "raw-cc@example.com"
raw.attach(MIMEText("plain text part", "plain", "utf-8"))
raw.attach(MIMEText("<p>html part</p>", "html", "utf-8"))
raw_id = ses_client.send_raw_email(RawMessage={"Data": raw.as_bytes()})["MessageId"]
for address in ("raw-to@example.com", "raw-cc@example.com"):
    newest = outbox(address)[0]
    assert newest["subject"] == "Raw 件名" and newest["body"] == "plain text part", newest
raw_entry = ses_messages({"id": raw_id})
assert len(raw_entry) == 1, raw_entry
assert raw_entry[0]["Destination"] == {"ToAddresses": ["raw-to@example.com", "raw-cc@example.com"]}, raw_entry
assert raw_entry[0]["Source"] == "App <app@example.com>", raw_entry
assert raw_entry[0]["Body"] == {"text_part": "plain text part", "html_part": "<p>html part</p>"}, raw_entry
# ?email= finds a message by its sender too.
assert [m["Id"] for m in ses_messages({"email": "app@example.com"})] == [raw_id]

# SES v2, simple and raw content.
sesv2 = boto3.client("sesv2")
v2_id = sesv2.send_email(FromEmailAddress="noreply@example.com",
                         Destination={"ToAddresses": ["v2@example.com"], "BccAddresses": ["v2-bcc@example.com"]},
                         Content={"Simple": {"Subject": {"Data": "v2 subject"},
                                             "Body": {"Text": {"Data": "v2 text"},
                                                      "Html": {"Data": "<b>v2</b>"}}}})["MessageId"]
assert outbox("v2@example.com")[0]["body"] == "v2 text"
assert outbox("v2-bcc@example.com")[0]["subject"] == "v2 subject"
assert ses_messages({"id": v2_id})[0]["Body"]["html_part"] == "<b>v2</b>"

raw2 = MIMEText("v2 raw body", "plain", "utf-8")
raw2["Subject"] = "v2 raw"
raw2["From"] = "noreply@example.com"
raw2["To"] = "ignored@example.com"
raw2_id = sesv2.send_email(Destination={"ToAddresses": ["v2-raw@example.com"]},
                           Content={"Raw": {"Data": raw2.as_bytes()}})["MessageId"]
assert outbox("v2-raw@example.com")[0]["body"] == "v2 raw body"
assert outbox("ignored@example.com") == [], "Destination replaces the raw message's recipients"
assert ses_messages({"id": raw2_id})[0]["Source"] == "noreply@example.com"

# HTML only: the text part is read from the HTML, so the code is readable in the dev outbox.
sesv2.send_email(FromEmailAddress="noreply@example.com", Destination={"ToAddresses": ["html-only@example.com"]},
                 Content={"Simple": {"Subject": {"Data": "html only"},
                                     "Body": {"Html": {"Data": "<p>Your code is <b>246810</b>.</p>"}}}})
assert outbox("html-only@example.com")[0]["body"] == "Your code is 246810.", outbox("html-only@example.com")

# SNS Publish to a phone number.
sns = boto3.client("sns")
sms_id = sns.publish(PhoneNumber="+15555550123", Message="Your code is 123456")["MessageId"]
newest = outbox("+15555550123")[0]
assert newest["channel"] == "SMS" and newest["body"] == "Your code is 123456", newest
sms = get("/_aws/sns/sms-messages?phoneNumber=%2B15555550123")
assert sms == {"sms_messages": {"+15555550123": [{"PhoneNumber": "+15555550123", "MessageId": sms_id,
                                                  "Message": "Your code is 123456"}]},
               "region": "us-east-1"}, sms
assert "+15555550123" in get("/_aws/sns/sms-messages")["sms_messages"]

# Refusals in each service's own shape; nothing is enqueued.
error = expect_error("InvalidParameterValue", ses_client.send_email, Source=email,
                     Destination={"ToAddresses": ["not-an-address"]},
                     Message={"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "b"}}})
assert error["Error"]["Message"] == "Missing final '@domain'", error
assert error["ResponseMetadata"]["HTTPStatusCode"] == 400, error
error = expect_error("BadRequestException", sesv2.send_email, FromEmailAddress="noreply@example.com",
                     Destination={"ToAddresses": ["bad address@"]},
                     Content={"Simple": {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "b"}}}})
assert error["ResponseMetadata"]["HTTPStatusCode"] == 400, error
error = expect_error("NotFound", sns.publish, TopicArn="arn:aws:sns:us-east-1:000000000000:codes", Message="m")
assert error["ResponseMetadata"]["HTTPStatusCode"] == 404, error
expect_error("InvalidParameter", sns.publish, PhoneNumber="555-0123", Message="m")
assert outbox("555-0123") == []

# DELETE clears what the endpoints list, one message or all.
delete("/_aws/ses?id=" + urllib.parse.quote(message_id))
assert ses_messages({"id": message_id}) == []
assert outbox(email) == []
assert ses_messages({"id": raw_id}) != []
delete("/_aws/ses")
assert ses_messages({}) == []
assert [m for m in get("/_tobira/outbox")["messages"] if m["channel"] == "EMAIL"] == []
delete("/_aws/sns/sms-messages")
assert get("/_aws/sns/sms-messages")["sms_messages"] == {}
assert outbox("+15555550123") == []

print("all checks passed")
