package dev.recsys.benchmarks.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * How the ranker is trained, chosen per mode on validation: its labels, whether it learns the
 * taste similarity, and whether half its negatives are hard ones. A taste ranker is trained on the
 * last window before its cut only, with item vectors from an index trained on the events before
 * that window: the vectors have not seen the rows' outcomes, as serving's have not seen
 * tomorrow's. Hard negatives come from the same index: items near the user's taste, as the ANN
 * source retrieves them.
 */
record RankerRecipe(RankerLabels labels, boolean taste, boolean hard) {
  static final RankerRecipe DEFAULT = new RankerRecipe(RankerLabels.FIRST_TOUCHES, false, false);
  /** Of replay's four negatives per positive, this many hard ones. */
  static final int HARD_NEGATIVES = 2;

  RankerRecipe {
    if (hard && !taste) {
      throw new IllegalArgumentException("hard negatives need the taste recipe's early index");
    }
  }

  /** Every recipe, the default first. */
  static List<RankerRecipe> all() {
    List<RankerRecipe> all = new ArrayList<>();
    for (RankerLabels labels : RankerLabels.values()) {
      all.add(new RankerRecipe(labels, false, false));
    }
    for (boolean hard : new boolean[] {false, true}) {
      for (RankerLabels labels : RankerLabels.values()) {
        all.add(new RankerRecipe(labels, true, hard));
      }
    }
    return List.copyOf(all);
  }

  /** The replay arguments beyond the labels and the window. */
  List<String> negativeArgs() {
    return hard ? List.of("--hard-negatives", String.valueOf(HARD_NEGATIVES)) : List.of();
  }

  String label() {
    return labels.label()
        + (taste ? ", last window with taste" : ", all history")
        + (hard ? ", hard negatives" : "");
  }

  /** A folder name for this ranker's training set and registry. */
  String dirName() {
    return labels.dirName() + (taste ? "-taste" : "") + (hard ? "-hard" : "");
  }
}
