package dev.recsys.benchmarks.chaos;

import java.util.List;

/**
 * What one scenario promised, what was measured, and whether the promise held.
 *
 * @param faults what was done to the system, in words
 * @param checks each hypothesis with its measurement
 */
record Verdict(String scenario, String faults, List<Check> checks) {
  Verdict {
    checks = List.copyOf(checks);
  }

  boolean held() {
    return checks.stream().allMatch(Check::held);
  }

  /** One steady-state hypothesis and what was measured against it. */
  record Check(String hypothesis, String measured, boolean held) {}
}
