"""The recsys wire contract in Python: Avro single-object encoding with a correct fingerprint.

Every record on a recsys topic is C3 01, then the 8-byte CRC-64-AVRO fingerprint of the writer
schema's Parsing Canonical Form (little-endian), then the Avro binary body.

Why this module computes the canonical form itself: python-avro 1.11 (Debian's python3-avro)
keeps a logical type's primitive as an object in the canonical form, so for
{"type": "long", "logicalType": "timestamp-millis"} it writes {"type":"long"} where the
specification ([PRIMITIVES] then [STRIP]) asks for "long". Its fingerprint for UserEvent v2 is
then 0xecdd2ef458da66b2 instead of 0xb758efb06b047f59, and recsys dead-letters every record as
an unknown writer schema. canonical_form() below follows the specification instead; `recsys
schemas` prints the fingerprints to check against.
"""
import io
import json

import avro.io
import avro.schema

MAGIC = b"\xc3\x01"
_EMPTY = 0xC15D213AA4D7A795
_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
_KEEP = ("name", "type", "fields", "symbols", "items", "values", "size")


def _crc64_table():
    table = []
    for i in range(256):
        fp = i
        for _ in range(8):
            fp = (fp >> 1) ^ (_EMPTY if fp & 1 else 0)
        table.append(fp)
    return table


_TABLE = _crc64_table()


def crc64_avro(data):
    """The CRC-64-AVRO (Rabin) fingerprint of bytes, as the Avro specification defines it."""
    fp = _EMPTY
    for byte in data:
        fp = (fp >> 8) ^ _TABLE[(fp ^ byte) & 0xFF]
    return fp


def canonical_form(schema_json):
    """The Parsing Canonical Form of a schema given as parsed JSON (dict, list or str)."""
    return _canonical(schema_json, None, set())


def _full_name(name, namespace):
    if "." in name or not namespace:
        return name
    return namespace + "." + name


def _canonical(schema, namespace, defined):
    if isinstance(schema, str):
        if schema in _PRIMITIVES:
            return json.dumps(schema)
        return json.dumps(_full_name(schema, namespace))
    if isinstance(schema, list):
        return "[" + ",".join(_canonical(s, namespace, defined) for s in schema) + "]"
    kind = schema["type"]
    if isinstance(kind, (dict, list)):
        return _canonical(kind, namespace, defined)
    if kind in _PRIMITIVES:
        # [PRIMITIVES] after [STRIP]: logicalType and every other attribute go, the name stays.
        return json.dumps(kind)
    if kind in ("record", "error", "enum", "fixed"):
        name = _full_name(schema["name"], schema.get("namespace", namespace))
        if name in defined:
            return json.dumps(name)
        defined.add(name)
        inner = name.rsplit(".", 1)[0] if "." in name else None
        parts = ['"name":' + json.dumps(name), '"type":' + json.dumps("record" if kind == "error" else kind)]
        if kind in ("record", "error"):
            fields = []
            for field in schema["fields"]:
                fields.append('{"name":' + json.dumps(field["name"]) + ',"type":'
                              + _canonical(field["type"], inner, defined) + "}")
            parts.append('"fields":[' + ",".join(fields) + "]")
        elif kind == "enum":
            parts.append('"symbols":[' + ",".join(json.dumps(s) for s in schema["symbols"]) + "]")
        else:
            parts.append('"size":' + str(int(schema["size"])))
        return "{" + ",".join(parts) + "}"
    if kind == "array":
        return '{"type":"array","items":' + _canonical(schema["items"], namespace, defined) + "}"
    if kind == "map":
        return '{"type":"map","values":' + _canonical(schema["values"], namespace, defined) + "}"
    return _canonical(kind, namespace, defined)


class Codec:
    """Writes and reads one schema version in single-object encoding."""

    def __init__(self, schema_path):
        with open(schema_path, encoding="utf-8") as f:
            text = f.read()
        self.schema = avro.schema.parse(text)
        self.fingerprint = crc64_avro(canonical_form(json.loads(text)).encode("utf-8"))
        self.header = MAGIC + self.fingerprint.to_bytes(8, "little")
        self._writer = avro.io.DatumWriter(self.schema)
        self._reader = avro.io.DatumReader(self.schema)

    def encode(self, record):
        out = io.BytesIO()
        out.write(self.header)
        self._writer.write(record, avro.io.BinaryEncoder(out))
        return out.getvalue()

    def decode(self, payload):
        if payload[:2] != MAGIC:
            raise ValueError("not Avro single-object encoding")
        carried = int.from_bytes(payload[2:10], "little")
        if carried != self.fingerprint:
            raise ValueError("written with fingerprint 0x%016x, this reader knows 0x%016x"
                             % (carried, self.fingerprint))
        return self._reader.read(avro.io.BinaryDecoder(io.BytesIO(payload[10:])))
