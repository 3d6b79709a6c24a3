#!/usr/bin/python3
"""Reads what recsys showed: the impressions topic, one JSON line per impression.

    /usr/bin/python3 consume_impressions.py --bootstrap 127.0.0.1:9092 [--max N] [--timeout S]

Each record is an Impression in Avro single-object encoding; a record written with another
schema version is reported on stderr with the fingerprint it carried, and skipped.
Needs Debian's python3-avro and python3-confluent-kafka.
"""
import argparse
import json
import os
import sys
import time
import uuid

from confluent_kafka import Consumer

import recsys_avro

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "schemas", "src", "main", "resources", "dev", "recsys",
                      "schemas", "history", "Impression.v1.avsc")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bootstrap", required=True)
    parser.add_argument("--topic", default="recsys.impressions")
    parser.add_argument("--schema", default=SCHEMA)
    parser.add_argument("--group", default="python-impressions-" + uuid.uuid4().hex[:8])
    parser.add_argument("--max", type=int, default=0, help="stop after N impressions (0: never)")
    parser.add_argument("--timeout", type=float, default=0, help="stop after S idle seconds")
    args = parser.parse_args()

    codec = recsys_avro.Codec(args.schema)
    consumer = Consumer({"bootstrap.servers": args.bootstrap, "group.id": args.group,
                         "auto.offset.reset": "earliest", "enable.auto.commit": False,
                         "isolation.level": "read_committed"})
    consumer.subscribe([args.topic])
    read, idle_since = 0, time.monotonic()
    try:
        while not args.max or read < args.max:
            message = consumer.poll(0.5)
            if message is None:
                if args.timeout and time.monotonic() - idle_since > args.timeout:
                    break
                continue
            idle_since = time.monotonic()
            if message.error():
                print("error: %s" % message.error(), file=sys.stderr)
                continue
            try:
                impression = codec.decode(message.value())
            except ValueError as e:
                print("offset %d skipped: %s" % (message.offset(), e), file=sys.stderr)
                continue
            impression["timestamp"] = impression["timestamp"].isoformat()
            print(json.dumps(impression, sort_keys=True), flush=True)
            read += 1
    finally:
        consumer.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
