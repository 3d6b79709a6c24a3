package dev.recsys.features.definition;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Approximate distinct count (HyperLogLog, 1,024 registers: about 3% standard error, exact in
 * practice below a few hundred through linear counting). Deterministic: the same ids in any order
 * give the same registers.
 */
final class DistinctCounter {
  private static final int BITS = 10;
  private static final int REGISTERS = 1 << BITS;
  private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);
  /** {@code 2^-rank} for every possible rank, exactly as {@code Math.pow} gives it. */
  private static final double[] INVERSE_POWERS = inversePowers();

  private final byte[] registers;
  /** The last estimate, or -1 when a register changed since: most adds change none. */
  private long estimate = -1;

  DistinctCounter() {
    this(new byte[REGISTERS]);
  }

  private DistinctCounter(byte[] registers) {
    this.registers = registers;
  }

  void add(String id) {
    long hash = Hash64.of(id);
    int register = (int) (hash >>> (64 - BITS));
    int rank = Long.numberOfLeadingZeros((hash << BITS) | (1L << (BITS - 1))) + 1;
    if (rank > registers[register]) {
      registers[register] = (byte) rank;
      estimate = -1;
    }
  }

  long estimate() {
    if (estimate < 0) {
      estimate = compute();
    }
    return estimate;
  }

  private long compute() {
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += INVERSE_POWERS[r];
      if (r == 0) {
        zeros++;
      }
    }
    double raw = ALPHA * REGISTERS * REGISTERS / sum;
    if (raw <= 2.5 * REGISTERS && zeros > 0) {
      return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros));
    }
    return Math.round(raw);
  }

  private static double[] inversePowers() {
    double[] powers = new double[Long.SIZE + 1];
    for (int rank = 0; rank < powers.length; rank++) {
      powers[rank] = Math.pow(2, -rank);
    }
    return powers;
  }

  void write(DataOutput out) throws IOException {
    out.write(registers);
  }

  static DistinctCounter read(DataInput in) throws IOException {
    byte[] registers = new byte[REGISTERS];
    in.readFully(registers);
    return new DistinctCounter(registers);
  }
}
