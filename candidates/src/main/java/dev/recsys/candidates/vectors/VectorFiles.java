package dev.recsys.candidates.vectors;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code .fvecs} / {@code .ivecs}: per vector, a little-endian int dimension
 * followed by that many little-endian floats (or ints). Files up to 2 GiB.
 */
public final class VectorFiles {

  private VectorFiles() {}

  public static List<float[]> readFvecs(Path file) {
    ByteBuffer bytes = map(file);
    IntBuffer ints = bytes.asIntBuffer();
    FloatBuffer floats = bytes.asFloatBuffer();
    List<float[]> vectors = new ArrayList<>();
    int position = 0;
    while (position < ints.limit()) {
      float[] vector = new float[dimensionAt(file, ints, position)];
      floats.position(position + 1).get(vector);
      vectors.add(vector);
      position += 1 + vector.length;
    }
    return vectors;
  }

  public static List<int[]> readIvecs(Path file) {
    IntBuffer ints = map(file).asIntBuffer();
    List<int[]> vectors = new ArrayList<>();
    int position = 0;
    while (position < ints.limit()) {
      int[] vector = new int[dimensionAt(file, ints, position)];
      ints.position(position + 1).get(vector);
      vectors.add(vector);
      position += 1 + vector.length;
    }
    return vectors;
  }

  public static void writeFvecs(Path file, List<float[]> vectors) {
    try (OutputStream out = open(file)) {
      for (float[] vector : vectors) {
        ByteBuffer buffer =
            ByteBuffer.allocate(4 + 4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(vector.length).asFloatBuffer().put(vector);
        out.write(buffer.array());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + file + "; check the directory exists and is writable", e);
    }
  }

  public static void writeIvecs(Path file, List<int[]> vectors) {
    try (OutputStream out = open(file)) {
      for (int[] vector : vectors) {
        ByteBuffer buffer =
            ByteBuffer.allocate(4 + 4 * vector.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(vector.length).asIntBuffer().put(vector);
        out.write(buffer.array());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + file + "; check the directory exists and is writable", e);
    }
  }

  private static int dimensionAt(Path file, IntBuffer ints, int position) {
    int dimension = ints.get(position);
    if (dimension <= 0 || position + 1L + dimension > ints.limit()) {
      throw new IllegalArgumentException(file
          + " is not a valid vector file: dimension "
          + dimension
          + " at int offset "
          + position
          + "; expected little-endian .fvecs/.ivecs records");
    }
    return dimension;
  }

  private static ByteBuffer map(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() % 4 != 0) {
        throw new IllegalArgumentException(file
            + " is not a valid vector file: size "
            + channel.size()
            + " is not a multiple of 4");
      }
      return channel
          .map(FileChannel.MapMode.READ_ONLY, 0, channel.size())
          .order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + "; check the path", e);
    }
  }

  private static OutputStream open(Path file) throws IOException {
    return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
  }
}
