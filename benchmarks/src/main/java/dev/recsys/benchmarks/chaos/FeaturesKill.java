package dev.recsys.benchmarks.chaos;

import dev.recsys.benchmarks.chaos.Verdict.Check;
import dev.recsys.features.skew.SkewReport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Two {@code recsys features} instances sharing one application id while events arrive, and one
 * of them killed with SIGKILL. The survivor must take over its partitions (restoring their state
 * from the changelog) and leave the online store equal to a replay of every event: one pass,
 * nothing lost, nothing applied twice.
 */
final class FeaturesKill {
  private static final int RATE = 500;
  private static final Duration CATCH_UP = Duration.ofMinutes(3);
  /** Past the session timeout, the time allowed to rebalance and restore the moved state. */
  private static final Duration TAKE_OVER = Duration.ofSeconds(20);

  private final Fixture fixture;
  private final Duration phase;
  private final Consumer<String> say;

  FeaturesKill(Fixture fixture, Duration phase, Consumer<String> say) {
    this.fixture = fixture;
    this.phase = phase;
    this.say = say;
  }

  Verdict run() throws Exception {
    RecsysProcess second = fixture.startFeatures(
        "features-2", fixture.dir().resolve("features-state-2"), fixture.dir().resolve("offline"));
    try {
      int members = awaitMembers(2, Duration.ofSeconds(90));
      long acked;
      long failed;
      try (Traffic traffic = Traffic.start(fixture, "features-kill", RATE)) {
        Thread.sleep(phase.toMillis());
        fixture.features.kill();
        Thread.sleep(phase.toMillis());
        traffic.close();
        acked = traffic.acked().size();
        failed = traffic.failed();
      }
      long caughtUpMs = fixture.awaitFeatures(CATCH_UP);
      int left = awaitMembers(1, Duration.ofSeconds(60));
      SkewReport skew = fixture.skew();
      say.accept(String.format(
          "  features: %d members, then %d after the kill; %,d events published (%,d failed); "
              + "caught up %.1f s after the last",
          members, left, acked, failed, caughtUpMs / 1e3));
      return new Verdict(
          "SIGKILL of one of two recsys features",
          String.format(
              "two instances sharing application id %s (features.session-timeout %d s); %,d "
                  + "events/s; kill -9 of one %d s in",
              Fixture.APPLICATION_ID, Fixture.SESSION_TIMEOUT.toSeconds(), RATE, phase.toSeconds()),
          List.of(
              new Check(
                  "both instances join the group, the survivor takes every partition",
                  members + " members before the kill, " + left + " after",
                  members == 2 && left == 1),
              new Check(
                  "the survivor catches up on every event within the session timeout + "
                      + TAKE_OVER.toSeconds() + " s of the last",
                  caughtUpMs >= 0
                      ? String.format(
                          "%,d events acknowledged; lag 0 %.1f s after the last",
                          acked, caughtUpMs / 1e3)
                      : "still behind after " + CATCH_UP.toMinutes() + " min",
                  caughtUpMs >= 0
                      && caughtUpMs <= Fixture.SESSION_TIMEOUT.plus(TAKE_OVER).toMillis()
                      && failed == 0),
              new Check(
                  "the online store equals one pass over every event (nothing lost or applied twice)",
                  String.format(
                      "%,d users and %,d items compared, %s",
                      skew.users(),
                      skew.items(),
                      skew.clean() ? "none differs" : "differences:\n" + skew.table()),
                  skew.clean())));
    } finally {
      second.close();
      fixture.features.restart();
    }
  }

  /** The feature pipeline group's member count once it is {@code expected}, or the last seen. */
  private int awaitMembers(int expected, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    int members = 0;
    try (Admin admin = fixture.admin()) {
      while (System.nanoTime() < end) {
        members = admin
            .describeConsumerGroups(List.of(Fixture.APPLICATION_ID))
            .all()
            .get(30, TimeUnit.SECONDS)
            .get(Fixture.APPLICATION_ID)
            .members()
            .size();
        if (members == expected) {
          return members;
        }
        Thread.sleep(250);
      }
    }
    return members;
  }
}
