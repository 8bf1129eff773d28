#!/usr/bin/env python3
"""Extract the Cognito Identity Provider service model from botocore into a compact JSON file.

Reads botocore's cognito-idp model (data/cognito-idp/2016-04-18/service-2.json.gz) from the
botocore installed for this python3, keeps the facts the server needs to validate requests the
way Cognito does, and drops all documentation strings (we keep facts, not AWS prose).

Output: server/src/main/resources/cognito-idp/model.json, laid out one operation or shape per
line so that a botocore update shows up as a readable diff. Member order, enum order and shape
order are the model's own: the validator depends on member order.

Usage:  python3 tools/extract-cognito-model.py [--output PATH]

The Maven build never runs this; run it by hand after a botocore update and commit the result.
"""

import argparse
import gzip
import json
import os
import sys

import botocore

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(REPO_ROOT, "server", "src", "main", "resources", "cognito-idp", "model.json")
MODEL_PATH = os.path.join("data", "cognito-idp", "2016-04-18", "service-2.json.gz")
SHAPE_TYPES = {"structure", "string", "integer", "long", "boolean", "list", "map", "timestamp",
               "double", "float", "blob"}


def load_botocore_model():
    path = os.path.join(os.path.dirname(botocore.__file__), MODEL_PATH)
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        return json.load(stream), path


def compact_operation(operation):
    compact = {"input": operation["input"]["shape"]}
    if "output" in operation:
        compact["output"] = operation["output"]["shape"]
    # botocore writes "authtype":"none" (and "auth":["smithy.api#noAuth"]) on operations that
    # SDKs send without a SigV4 signature.
    compact["unsigned"] = operation.get("authtype") == "none"
    return compact


def compact_shape(name, shape):
    kind = shape["type"]
    if kind not in SHAPE_TYPES:
        raise ValueError(f"shape {name}: unknown type {kind}")
    if kind == "structure" and shape.get("document"):
        # A Smithy document: any JSON value, no constraints.
        return {"type": "document"}
    compact = {"type": kind}
    if kind == "structure":
        compact["members"] = {member: spec["shape"] for member, spec in shape["members"].items()}
        if shape.get("required"):
            compact["required"] = list(shape["required"])
    elif kind == "list":
        compact["member"] = shape["member"]["shape"]
    elif kind == "map":
        compact["key"] = shape["key"]["shape"]
        compact["value"] = shape["value"]["shape"]
    for constraint in ("min", "max", "pattern", "enum"):
        if constraint in shape:
            compact[constraint] = shape[constraint]
    if shape.get("sensitive"):
        compact["sensitive"] = True
    return compact


def check_references(operations, shapes):
    def known(shape_name, where):
        if shape_name not in shapes:
            raise ValueError(f"{where} refers to unknown shape {shape_name}")

    for name, operation in operations.items():
        known(operation["input"], f"operation {name}")
        if "output" in operation:
            known(operation["output"], f"operation {name}")
    for name, shape in shapes.items():
        for target in shape.get("members", {}).values():
            known(target, f"shape {name}")
        for field in ("member", "key", "value"):
            if field in shape:
                known(shape[field], f"shape {name}")
        for member in shape.get("required", []):
            if member not in shape["members"]:
                raise ValueError(f"shape {name}: required member {member} is not a member")


def render(model):
    """One operation or shape per line; stable, diff-friendly, still plain JSON."""
    def one_line(value):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def block(entries):
        lines = [f"  {one_line(key)}:{one_line(value)}" for key, value in entries.items()]
        return "{\n" + ",\n".join(lines) + "\n }"

    return ("{\n"
            f" \"metadata\":{one_line(model['metadata'])},\n"
            f" \"operations\":{block(model['operations'])},\n"
            f" \"shapes\":{block(model['shapes'])}\n"
            "}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    args = parser.parse_args()

    source, source_path = load_botocore_model()
    metadata = source["metadata"]
    operations = {name: compact_operation(operation)
                  for name, operation in source["operations"].items()}
    shapes = {name: compact_shape(name, shape) for name, shape in source["shapes"].items()}
    check_references(operations, shapes)

    model = {
        "metadata": {
            "source": f"botocore {botocore.__version__} {MODEL_PATH}",
            "apiVersion": metadata["apiVersion"],
            "protocol": metadata["protocol"],
            "jsonVersion": metadata["jsonVersion"],
            "targetPrefix": metadata["targetPrefix"],
            "signingName": metadata.get("signingName", metadata["endpointPrefix"]),
        },
        "operations": operations,
        "shapes": shapes,
    }
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(render(model))
    json.loads(open(args.output, encoding="utf-8").read())  # the output must stay valid JSON
    print(f"{source_path} -> {args.output}: {len(operations)} operations, {len(shapes)} shapes",
          file=sys.stderr)


if __name__ == "__main__":
    main()
