package dev.recsys.ingest.generate;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Simulates one session: a handful of item views, each chosen from the user's taste, the category
 * of the previous view, or the overall popular items, and each played through the {@link Funnel}.
 */
final class SessionSimulator {

  static final double MEAN_VIEWS = 7;
  private static final int MAX_VIEWS = 60;

  /** Chance that the next view stays in the category of the previous one. */
  private static final double SAME_CATEGORY = 0.55;

  /** Chance that a fresh pick ignores the taste and follows overall popularity. */
  private static final double EXPLORE = 0.2;

  private static final Delay NEXT_VIEW = new Delay(5_000, 40_000);
  private static final double VIEWS_GEOMETRIC_SCALE = -1 / StrictMath.log(1 - 1 / MEAN_VIEWS);

  private final Catalog catalog;
  private final Funnel funnel;

  SessionSimulator(Catalog catalog, Funnel funnel) {
    this.catalog = catalog;
    this.funnel = funnel;
  }

  void simulate(Session session, RandomGenerator rng, Consumer<Interaction> out) {
    int views = Math.min(MAX_VIEWS, 1 + (int) (rng.nextExponential() * VIEWS_GEOMETRIC_SCALE));
    long at = session.start();
    int category = Catalog.NONE;
    for (int view = 0; view < views; view++) {
      int item = nextItem(session.profile(), category, at, rng);
      if (item != Catalog.NONE) {
        category = catalog.item(item).category().index();
        at = funnel.play(session, item, at, rng, out);
      }
      at += NEXT_VIEW.sample(rng);
    }
  }

  private int nextItem(UserProfile user, int previousCategory, long at, RandomGenerator rng) {
    int item;
    if (previousCategory != Catalog.NONE && rng.nextDouble() < SAME_CATEGORY) {
      item = catalog.drawItem(previousCategory, at, rng);
    } else if (rng.nextDouble() < EXPLORE) {
      return catalog.drawItem(at, rng);
    } else {
      item = catalog.drawItem(user.taste().draw(rng), at, rng);
    }
    return item != Catalog.NONE ? item : catalog.drawItem(at, rng);
  }
}
