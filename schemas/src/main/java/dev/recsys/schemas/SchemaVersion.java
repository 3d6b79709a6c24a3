package dev.recsys.schemas;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * One released version of a contract schema and the fingerprint a producer must write in the
 * single-object header: the CRC-64-AVRO of the schema's parsing canonical form.
 */
public record SchemaVersion(String name, int version, Schema schema, boolean current) {
  public SchemaVersion {
    requireNonNull(name, "name");
    requireNonNull(schema, "schema");
  }

  public long fingerprint() {
    return SchemaNormalization.parsingFingerprint64(schema);
  }

  /** {@code 0x} and the 16 hex digits of the fingerprint, as the value reads (not the bytes). */
  public String fingerprintHex() {
    return hex(fingerprint());
  }

  /** {@code UserEvent v2 0xb758efb06b047f59 (current)}. */
  public String describe() {
    return name + " v" + version + " " + fingerprintHex() + (current ? " (current)" : "");
  }

  /** The 10 bytes a record of this version starts with: {@code C3 01}, fingerprint LE. */
  public byte[] header() {
    return header(fingerprint());
  }

  static byte[] header(long fingerprint) {
    byte[] header = new byte[10];
    header[0] = (byte) 0xC3;
    header[1] = 0x01;
    for (int i = 0; i < 8; i++) {
      header[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return header;
  }

  static String hex(long fingerprint) {
    return String.format(Locale.ROOT, "0x%016x", fingerprint);
  }
}
