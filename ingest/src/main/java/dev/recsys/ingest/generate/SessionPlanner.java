package dev.recsys.ingest.generate;

import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/** Decides who visits on a given day and when, and simulates each of those sessions. */
final class SessionPlanner {

  private static final int SESSION_ID_WIDTH = 7;

  private final List<UserProfile> users;
  private final SessionClock clock;
  private final SessionSimulator simulator;

  SessionPlanner(List<UserProfile> users, SessionClock clock, SessionSimulator simulator) {
    this.users = users;
    this.clock = clock;
    this.simulator = simulator;
  }

  /**
   * Simulates every session that starts on {@code day}; their events are not in time order and may
   * run past midnight.
   *
   * @return the number for the next day's first session
   */
  long planDay(int day, long firstSession, RandomGenerator rng, Consumer<Interaction> out) {
    double dayFactor = clock.dayFactor(day);
    long next = firstSession;
    for (int user = 0; user < users.size(); user++) {
      UserProfile profile = users.get(user);
      int sessions = SessionClock.sessions(profile.sessionRate() * dayFactor, rng);
      for (int i = 0; i < sessions; i++) {
        String id = Ids.of('s', next++, SESSION_ID_WIDTH);
        Session session =
            new Session(user, profile, id, clock.start(day, rng), profile.sessionDevice(rng));
        simulator.simulate(session, rng, out);
      }
    }
    return next;
  }
}
