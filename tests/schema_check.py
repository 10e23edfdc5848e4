"""Validates JSON documents against one of the schemas in docs/schemas/.

    python3 tests/schema_check.py SCHEMA < DOCUMENTS

Standard input holds one JSON document, or JSON Lines. Each is validated with the
`jsonschema` package (draft 2020-12, `date-time` checked as RFC 3339), and every key of
every object must be one the schema describes: the schemas allow fields they do not
know, for readers, so this keeps them from falling behind what `letters` prints.
Prints what is wrong and exits 1, or exits 0.
"""

import datetime
import json
import sys

import jsonschema


def date_time(value):
    if not isinstance(value, str):
        return True
    # RFC 3339: a full date, a time, and an offset (Z or +hh:mm).
    parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.tzinfo is not None and "T" in value


def resolve(schema, root):
    while "$ref" in schema:
        ref = schema["$ref"]
        assert ref.startswith("#/"), ref
        target = root
        for part in ref[2:].split("/"):
            target = target[part]
        schema = target
    return schema


def undescribed(schema, instance, root, where):
    """The keys of `instance` that `schema` does not describe."""
    schema = resolve(schema, root)
    found = []
    if isinstance(instance, dict) and "properties" in schema:
        for key, value in instance.items():
            if key not in schema["properties"]:
                found.append("%s.%s" % (where, key))
            else:
                found += undescribed(schema["properties"][key], value, root, "%s.%s" % (where, key))
    elif isinstance(instance, dict) and isinstance(schema.get("additionalProperties"), dict):
        for key, value in instance.items():
            found += undescribed(schema["additionalProperties"], value, root, "%s.%s" % (where, key))
    elif isinstance(instance, list):
        prefix = schema.get("prefixItems", [])
        for i, value in enumerate(instance):
            item = prefix[i] if i < len(prefix) else schema.get("items")
            if isinstance(item, dict):
                found += undescribed(item, value, root, "%s[%d]" % (where, i))
    return found


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.FormatChecker()
    checker.checks("date-time", raises=ValueError)(date_time)
    validator = jsonschema.Draft202012Validator(schema, format_checker=checker)
    text = sys.stdin.read()
    try:
        documents = [json.loads(text)]
    except json.JSONDecodeError:
        documents = [json.loads(line) for line in text.splitlines() if line.strip()]
    problems = []
    for n, document in enumerate(documents, 1):
        for error in validator.iter_errors(document):
            problems.append("document %d at %s: %s" % (n, error.json_path, error.message))
        for key in undescribed(schema, document, schema, "$"):
            problems.append("document %d: %s is not described in the schema" % (n, key))
    if not documents:
        problems.append("no document on standard input")
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
