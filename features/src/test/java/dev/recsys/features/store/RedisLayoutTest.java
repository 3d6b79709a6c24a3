package dev.recsys.features.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RedisLayoutTest {
  @Test
  void shouldWriteEveryDoubleAsDoubleToStringDoes() {
    double[] edges = {
      0.0,
      -0.0,
      1.0,
      -1.0,
      9_999_999.0,
      -9_999_999.0,
      10_000_000.0,
      -10_000_000.0,
      1e-3,
      1e-4,
      0.1,
      123.456,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      4.5e15,
      Math.nextUp(1.0),
      Math.nextDown(10_000_000.0)
    };
    for (double value : edges) {
      assertThat(RedisLayout.text(value)).as("%s", value).isEqualTo(Double.toString(value));
    }
    Random random = new Random(1);
    for (int i = 0; i < 200_000; i++) {
      double value = switch (i % 4) {
        case 0 -> random.nextInt(20_000_001) - 10_000_000;
        case 1 -> random.nextInt(1000) / 4.0;
        case 2 -> Double.longBitsToDouble(random.nextLong());
        default -> random.nextGaussian() * Math.pow(10, random.nextInt(30) - 15);
      };
      assertThat(RedisLayout.text(value)).as("%s", value).isEqualTo(Double.toString(value));
    }
  }
}
