#!/usr/bin/python3
"""Publishes user events to the recsys events topic from Python.

Reads events as JSON lines (the fields of POST /v1/events: user_id, item_id, type, timestamp as
epoch ms or ISO-8601, and optional event_id, value, session_id, request_id, context), encodes
each as a UserEvent in Avro single-object encoding with the correct fingerprint
(recsys_avro.py says why python-avro's own is wrong), and sends it keyed by user id with the
event time as the record timestamp, as recsys's own producers do. Exits 1 unless every event was
acknowledged by Kafka.

    /usr/bin/python3 produce_events.py --bootstrap 127.0.0.1:9092 < events.jsonl

Needs Debian's python3-avro and python3-confluent-kafka.
"""
import argparse
import datetime
import json
import os
import sys
import uuid

from confluent_kafka import Producer

import recsys_avro

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "..", "schemas", "src", "main", "resources", "dev", "recsys",
                      "schemas", "history", "UserEvent.v2.avsc")


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def epoch_millis(value):
    """Epoch milliseconds from epoch ms or ISO-8601 (integer arithmetic: no float rounding)."""
    if isinstance(value, int):
        return value
    moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("timestamp '%s' has no time zone; add Z or an offset" % value)
    return (moment - EPOCH) // datetime.timedelta(milliseconds=1)


def record(line, number):
    try:
        event = json.loads(line)
        for field in ("user_id", "item_id", "type", "timestamp"):
            if field not in event:
                raise ValueError("missing field '%s'" % field)
        return {
            # A name-based id: sending the same line twice is the same event downstream.
            "event_id": event.get("event_id") or str(uuid.uuid5(uuid.NAMESPACE_URL, line.strip())),
            "user_id": event["user_id"],
            "item_id": event["item_id"],
            "type": event["type"].upper(),
            "value": float(event.get("value", 1.0)),
            "timestamp": EPOCH + datetime.timedelta(milliseconds=epoch_millis(event["timestamp"])),
            "session_id": event.get("session_id"),
            "context": event.get("context", {}),
            "request_id": event.get("request_id"),
        }
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise SystemExit("line %d: %s" % (number, e))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bootstrap", required=True, help="Kafka bootstrap servers")
    parser.add_argument("--topic", default="recsys.events")
    parser.add_argument("--schema", default=SCHEMA, help="the UserEvent schema to write with")
    parser.add_argument("--events", default="-", help="JSON lines file (default: stdin)")
    args = parser.parse_args()

    codec = recsys_avro.Codec(args.schema)
    producer = Producer({"bootstrap.servers": args.bootstrap, "enable.idempotence": True,
                         "acks": "all", "linger.ms": 5})
    outcome = {"acked": 0, "failed": 0}

    def delivered(error, message):
        if error is None:
            outcome["acked"] += 1
        else:
            outcome["failed"] += 1
            print("not acknowledged: %s" % error, file=sys.stderr)

    source = sys.stdin if args.events == "-" else open(args.events, encoding="utf-8")
    sent = 0
    with source:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            event = record(line, number)
            millis = (event["timestamp"] - EPOCH) // datetime.timedelta(milliseconds=1)
            producer.produce(args.topic, key=event["user_id"].encode("utf-8"),
                             value=codec.encode(event), timestamp=millis, on_delivery=delivered)
            producer.poll(0)
            sent += 1
    producer.flush(30)
    print("sent %d events (UserEvent fingerprint 0x%016x): %d acknowledged, %d failed"
          % (sent, codec.fingerprint, outcome["acked"], outcome["failed"]))
    return 0 if outcome["acked"] == sent else 1


if __name__ == "__main__":
    sys.exit(main())
