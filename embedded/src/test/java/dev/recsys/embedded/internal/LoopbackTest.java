package dev.recsys.embedded.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackTest {

  @Test
  void shouldPickDistinctPositivePorts() {
    List<Integer> ports = Loopback.freePorts(3);

    assertThat(ports)
        .hasSize(3)
        .doesNotHaveDuplicates()
        .allSatisfy(port -> assertThat(port).isPositive());
  }
}
