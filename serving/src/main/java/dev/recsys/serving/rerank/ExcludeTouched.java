package dev.recsys.serving.rerank;

import dev.recsys.features.definition.RecentInteraction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops every item among the user's recent interactions, whatever they did with it: for
 * catalogs where nobody takes the same item twice (a film rated, a book read). Items the app
 * knows the user had longer ago go in the request's {@code exclude}.
 */
record ExcludeTouched() implements RerankRule {
  public static final String NAME = "exclude-touched";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    return RerankRule.without(slate, excludes(context));
  }

  @Override
  public Set<String> excludes(RerankContext context) {
    Set<String> touched = new HashSet<>();
    for (RecentInteraction r : context.recent()) {
      touched.add(r.itemId());
    }
    return touched;
  }
}
