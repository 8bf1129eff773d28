# A Python trigger function for Tobira's tests: a sync handler whose behaviour the event's "mode" picks.
import logging
import os
import sys
import time

import greeting  # a module vendored beside this file, as Lambda's task root allows

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def handler(event, context):
    mode = event.get("mode", "echo")
    if mode == "throw":
        raise ValueError("Registration from this domain is not allowed.")
    if mode == "not-json":
        return {"when": {1, 2}}
    if mode == "not-object":
        return "just text"
    if mode == "sleep":
        time.sleep(event["seconds"])
    if mode == "exit":
        sys.exit(3)
    if mode == "print":
        print("hello from print")
        os.write(1, b'{"not": "an answer"}\n')
        logger.info("hello from logging")
        for i in range(5000):
            print("line %d" % i)
    return {
        "mode": mode,
        "functionName": context.function_name,
        "requestId": context.aws_request_id,
        "remaining": context.get_remaining_time_in_millis(),
        "arn": context.invoked_function_arn,
        "cognitoEndpoint": os.environ.get("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER"),
        "sesEndpoint": os.environ.get("AWS_ENDPOINT_URL_SES"),
        "region": os.environ.get("AWS_REGION"),
        "own": os.environ.get("PROBE_OWN"),
        "shared": os.environ.get("PROBE_SHARED"),
        "greeting": greeting.greet("ren"),
    }
