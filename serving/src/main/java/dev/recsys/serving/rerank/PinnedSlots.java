package dev.recsys.serving.rerank;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts items at fixed positions (0-based), whether or not they were candidates, unless the
 * catalog marks them unavailable. A pinned item appears once, at its pin.
 */
record PinnedSlots(List<Pin> pins) implements RerankRule {
  public static final String NAME = "pinned";

  /** {@code itemId} goes to {@code position}. */
  public record Pin(String itemId, int position) {
    public Pin {
      requireNonNull(itemId, "pinned.item_id");
      if (position < 0) {
        throw new IllegalArgumentException(
            "pinned position must be >= 0, got " + position + " for '" + itemId + "'");
      }
    }
  }

  public PinnedSlots {
    pins = requireNonNull(pins, "pins").stream()
        .sorted(Comparator.comparingInt(Pin::position))
        .toList();
    if (pins.stream().map(Pin::itemId).distinct().count() != pins.size()) {
      throw new IllegalArgumentException("an item may be pinned once only: " + pins);
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Slot> apply(List<Slot> slate, RerankContext context) {
    List<Pin> live =
        pins.stream().filter(pin -> context.catalog().available(pin.itemId())).toList();
    if (live.isEmpty()) {
      return slate;
    }
    Set<String> pinned = live.stream().map(Pin::itemId).collect(Collectors.toSet());
    Map<String, Slot> existing = slate.stream()
        .filter(s -> pinned.contains(s.itemId()))
        .collect(Collectors.toMap(Slot::itemId, Function.identity()));
    List<Slot> out =
        new ArrayList<>(slate.stream().filter(s -> !pinned.contains(s.itemId())).toList());
    for (Pin pin : live) {
      Slot slot = existing.getOrDefault(
          pin.itemId(), Slot.of(pin.itemId(), 0, Double.NaN, 0, Set.of(NAME)));
      out.add(Math.min(pin.position(), out.size()), slot.firing(NAME));
    }
    return List.copyOf(out);
  }
}
