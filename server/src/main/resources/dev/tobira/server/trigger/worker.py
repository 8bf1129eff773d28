"""Tobira's worker for one Python trigger function, run as Lambda's Python runtime runs a handler.

Started as: python3 worker.py TOKEN TASK_ROOT HANDLER (HANDLER is Lambda's "module.function").
Protocol (Tobira <-> worker): one JSON object per line. Requests on stdin:
  {"id", "requestId", "arn", "remainingMs", "event"}
Answers on stdout, each line prefixed with TOKEN and a space, so that nothing else can pass for one:
  {"ready": true} once the handler is loaded, or {"initError": message} when it cannot be;
  then per request {"id", "payload": the handler's result as JSON text}, {"id", "errorType",
  "errorMessage"} when it raised, or {"id", "marshalError": message} when its result is not JSON.
The function's own stdout goes to stderr (Tobira logs both); before each answer the worker writes
"TOKEN end ID" on stderr, so that Tobira logs a call's lines before it takes its answer. stdin EOF ends
the worker.
"""
import importlib
import json
import logging
import os
import sys
import time
import traceback

TOKEN, TASK_ROOT, HANDLER = sys.argv[1], sys.argv[2], sys.argv[3]

# The protocol keeps private copies of stdin and stdout; the function's prints (even from C code or
# child processes) land on stderr and it reads an empty stdin.
_proto_in = os.fdopen(os.dup(0), "rb")
_proto_out = os.fdopen(os.dup(1), "wb")
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
os.dup2(2, 1)
sys.stdin = open(os.devnull)
sys.stdout = sys.stderr

_request_id = ""


def send(message):
    if "id" in message:
        # The call's own lines first: whatever the function left in Python's buffers, then the marker.
        for stream in (sys.stdout, sys.stderr, sys.__stderr__):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - a stream the function replaced or closed
                pass
        os.write(2, ("%s end %d\n" % (TOKEN, message["id"])).encode("utf-8"))
    _proto_out.write((TOKEN + " " + json.dumps(message) + "\n").encode("utf-8"))
    _proto_out.flush()


class _RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _request_id
        return True


def install_root_logger():
    """As Lambda's runtime: a root handler writing to stderr, so that logger.info(...) shows once the
    function sets its level to INFO."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("[%(levelname)s]\t%(aws_request_id)s\t%(message)s"))
    handler.addFilter(_RequestIdFilter())
    logging.getLogger().addHandler(handler)


class LambdaContext:
    """The context object a Lambda Python handler gets."""

    def __init__(self, request_id, arn, remaining_ms):
        self._deadline = time.monotonic() + remaining_ms / 1000.0
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME", "")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.invoked_function_arn = arn
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        self.aws_request_id = request_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME", "")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        self.identity = None
        self.client_context = None

    def get_remaining_time_in_millis(self):
        return max(0, int((self._deadline - time.monotonic()) * 1000))


def load_handler():
    module_name, _, function_name = HANDLER.rpartition(".")
    try:
        module = importlib.import_module(module_name)
    except Exception as e:  # noqa: BLE001 - Lambda reports any import failure the same way
        traceback.print_exc()
        raise RuntimeError("Unable to import module '%s': %s" % (module_name, e)) from e
    function = getattr(module, function_name, None)
    if not callable(function):
        raise RuntimeError("Handler '%s' missing on module '%s'" % (function_name, module_name))
    return function


def main():
    global _request_id
    # Lambda's task root is the working directory and first on the module path: vendored packages load.
    os.chdir(TASK_ROOT)
    sys.path.insert(0, TASK_ROOT)
    install_root_logger()
    try:
        handler = load_handler()
    except RuntimeError as e:
        send({"initError": str(e)})
        return
    send({"ready": True})
    for line in _proto_in:
        request = json.loads(line)
        _request_id = request["requestId"]
        context = LambdaContext(request["requestId"], request["arn"], request["remainingMs"])
        try:
            result = handler(request["event"], context)
        except Exception as e:  # noqa: BLE001 - the function's own error, answered as Lambda does
            traceback.print_exc()
            send({"id": request["id"], "errorType": type(e).__name__, "errorMessage": str(e)})
            continue
        try:
            payload = json.dumps(result)
        except (TypeError, ValueError) as e:
            send({"id": request["id"], "marshalError": "Unable to marshal response: %s" % e})
            continue
        send({"id": request["id"], "payload": payload})


main()
