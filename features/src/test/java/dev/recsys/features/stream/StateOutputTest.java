package dev.recsys.features.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StateOutputTest {
  @Test
  void shouldWriteTheBytesDataOutputStreamWrites() throws IOException {
    Random random = new Random(9);
    for (int round = 0; round < 500; round++) {
      long seed = random.nextLong();
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      writeSome(new DataOutputStream(expected), new Random(seed));
      StateOutput actual = new StateOutput();
      writeSome(actual, new Random(seed));
      assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }
  }

  @Test
  void shouldRefuseAStringLongerThanItsLengthPrefixAllows() {
    assertThatThrownBy(() -> new StateOutput().writeUTF("é".repeat(40_000)))
        .isInstanceOf(UTFDataFormatException.class);
  }

  private static void writeSome(DataOutput out, Random random) throws IOException {
    for (int i = random.nextInt(60); i > 0; i--) {
      switch (random.nextInt(9)) {
        case 0 -> out.writeByte(random.nextInt());
        case 1 -> out.writeShort(random.nextInt());
        case 2 -> out.writeInt(random.nextInt());
        case 3 -> out.writeLong(random.nextLong());
        case 4 -> out.writeDouble(random.nextBoolean() ? Double.NaN : random.nextGaussian());
        case 5 -> out.writeBoolean(random.nextBoolean());
        case 6 -> out.write(new byte[random.nextInt(3000)]);
        default -> out.writeUTF(string(random));
      }
    }
  }

  private static String string(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = random.nextInt(random.nextInt(10) == 0 ? 3000 : 30); i > 0; i--) {
      s.append(
          switch (random.nextInt(5)) {
            case 0 -> (char) 0;
            case 1 -> (char) (0x80 + random.nextInt(0x780));
            case 2 -> (char) (0x800 + random.nextInt(0xF7FF));
            default -> (char) (1 + random.nextInt(0x7F));
          });
    }
    return s.toString();
  }
}
