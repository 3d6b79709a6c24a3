package dev.recsys.ingest.sort;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** A sorted run on disk: per record, its key, the payload's length and the payload. */
final class RunFile {
  private final Path path;
  private final long bytes;

  private RunFile(Path path, long bytes) {
    this.path = path;
    this.bytes = bytes;
  }

  /** Writes {@code records}, already in order, to a new file in {@code dir}. */
  static RunFile write(Path dir, Iterator<KeyedRecord> records) {
    try {
      Path path = Files.createTempFile(dir, "run-", ".bin");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), 1 << 16))) {
        while (records.hasNext()) {
          KeyedRecord r = records.next();
          out.writeLong(r.key());
          out.writeInt(r.payload().length);
          out.write(r.payload());
        }
      }
      return new RunFile(path, Files.size(path));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write a sort run to " + dir
              + " (free disk space, or pass another temporary directory)",
          e);
    }
  }

  long bytes() {
    return bytes;
  }

  Path path() {
    return path;
  }

  /** Reads the run back in order through a buffer of {@code bufferBytes}. */
  Cursor open(int bufferBytes) {
    try {
      return new Cursor(
          new DataInputStream(new BufferedInputStream(Files.newInputStream(path), bufferBytes)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sort run " + path, e);
    }
  }

  void delete() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the sort run " + path, e);
    }
  }

  /** The records of one run, one at a time; {@link #head()} is null at the end. */
  final class Cursor implements AutoCloseable {
    private final DataInputStream in;
    private KeyedRecord head;

    private Cursor(DataInputStream in) {
      this.in = in;
      advance();
    }

    KeyedRecord head() {
      return head;
    }

    void advance() {
      try {
        long key;
        try {
          key = in.readLong();
        } catch (EOFException end) {
          head = null;
          return;
        }
        byte[] payload = new byte[in.readInt()];
        in.readFully(payload);
        head = new KeyedRecord(key, payload);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the sort run " + path, e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the sort run " + path, e);
      }
    }
  }
}
