package dev.recsys.benchmarks.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * How the ranker is trained, chosen per mode on validation: its labels, and whether it learns the
 * taste similarity. A taste ranker is trained on the last window before its cut only, with item
 * vectors from an index trained on the events before that window: the vectors have not seen the
 * rows' outcomes, as serving's have not seen tomorrow's.
 */
record RankerRecipe(RankerLabels labels, boolean taste) {
  static final RankerRecipe DEFAULT = new RankerRecipe(RankerLabels.FIRST_TOUCHES, false);

  /** Every recipe, the default first. */
  static List<RankerRecipe> all() {
    List<RankerRecipe> all = new ArrayList<>();
    for (boolean taste : new boolean[] {false, true}) {
      for (RankerLabels labels : RankerLabels.values()) {
        all.add(new RankerRecipe(labels, taste));
      }
    }
    return List.copyOf(all);
  }

  String label() {
    return labels.label() + (taste ? ", last window with taste" : ", all history");
  }

  /** A folder name for this ranker's training set and registry. */
  String dirName() {
    return labels.dirName() + (taste ? "-taste" : "");
  }
}
