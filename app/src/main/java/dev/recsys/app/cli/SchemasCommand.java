package dev.recsys.app.cli;

import dev.recsys.schemas.AvroCodec;
import dev.recsys.schemas.Codecs;
import dev.recsys.schemas.SchemaVersion;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code recsys schemas}: the wire contract's released schema versions and their fingerprints. */
@Command(
    name = "schemas",
    mixinStandardHelpOptions = true,
    description = {
      "List every released schema version of the Avro contract with the fingerprint a producer "
          + "writes in the single-object header (C3 01, then the fingerprint little-endian).",
      "The fingerprint is the CRC-64-AVRO of the schema's parsing canonical form; readers "
          + "accept every version listed."
    })
final class SchemasCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(
      names = "--avsc",
      paramLabel = "NAME[:VERSION]",
      description = "Print one schema as JSON instead (e.g. UserEvent, UserEvent:1; default "
          + "version: the current one).")
  private String avsc;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (avsc == null) {
      print(Codecs.ALL, out);
    } else {
      out.println(find(avsc).schema().toString(true));
    }
    out.flush();
    return 0;
  }

  static void print(List<AvroCodec<?>> codecs, PrintWriter out) {
    out.printf("%-14s %-8s %-19s %s%n", "schema", "version", "fingerprint", "header bytes");
    for (AvroCodec<?> codec : codecs) {
      for (SchemaVersion v : codec.versions()) {
        out.printf(
            "%-14s %-8s %-19s %s%n",
            v.name(),
            "v" + v.version() + (v.current() ? "*" : ""),
            v.fingerprintHex(),
            HexFormat.ofDelimiter(" ").formatHex(v.header()));
      }
    }
    out.println("* the version recsys writes today");
  }

  private SchemaVersion find(String spec) {
    String[] parts = spec.split(":", 2);
    for (AvroCodec<?> codec : Codecs.ALL) {
      for (SchemaVersion v : codec.versions()) {
        boolean version = parts.length == 1 ? v.current() : parts[1].equals("" + v.version());
        if (v.name().toLowerCase(Locale.ROOT).equals(parts[0].toLowerCase(Locale.ROOT))
            && version) {
          return v;
        }
      }
    }
    throw new ParameterException(
        this.spec.commandLine(),
        "--avsc " + spec + ": no such released schema; `recsys schemas` lists them");
  }
}
