package dev.recsys.serving.recommend;

import dev.recsys.candidates.ann.AnnIndex;
import dev.recsys.candidates.ann.AnnParams;
import dev.recsys.features.definition.FeatureNames;
import dev.recsys.features.definition.FeatureVector;
import dev.recsys.features.definition.FeatureVector.EntityKind;
import dev.recsys.features.definition.RecentInteraction;
import dev.recsys.features.pair.PairFeatures;
import dev.recsys.ranking.scoring.FeatureMatrix;
import dev.recsys.ranking.scoring.Scorer;
import dev.recsys.schemas.avro.EventType;
import dev.recsys.serving.catalog.Catalog;
import dev.recsys.serving.catalog.CatalogItem;
import dev.recsys.serving.catalog.MemoryCatalog;
import dev.recsys.testkit.TestClocks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * A small world for serving tests: {@value #ITEMS} items {@code i00..} with seeded vectors,
 * category {@code c(i%4)}, created {@code i} days before {@link #NOW}, trending in id order
 * ({@code i00} most); user {@code u1} viewed {@code i05} and clicked {@code i06} an hour ago.
 */
public final class Fixtures {
  public static final int ITEMS = 40;
  public static final int DIMENSIONS = 8;
  public static final long NOW = TestClocks.FIXED.millis();
  public static final long HOUR = Duration.ofHours(1).toMillis();
  public static final String USER = "u1";

  private Fixtures() {}

  public static String id(int i) {
    return String.format("i%02d", i);
  }

  public static AnnIndex index() {
    Random random = new Random(42);
    List<String> ids = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    for (int i = 0; i < ITEMS; i++) {
      float[] v = new float[DIMENSIONS];
      for (int d = 0; d < DIMENSIONS; d++) {
        v[d] = (float) random.nextGaussian() + (d == i % 4 ? 3f : 0f);
      }
      ids.add(id(i));
      vectors.add(v);
    }
    return AnnIndex.graph(DIMENSIONS, ids, vectors, AnnParams.DEFAULT);
  }

  public static MemoryCatalog catalog() {
    MemoryCatalog catalog = Catalog.inMemory();
    for (int i = 0; i < ITEMS; i++) {
      catalog.apply(new CatalogItem(id(i), Optional.of("c" + (i % 4)), true, NOW - i * 24 * HOUR));
    }
    return catalog;
  }

  /** Item vectors for all but the last {@code missing} items, and the user's. */
  public static List<FeatureVector> vectors(int missing) {
    List<FeatureVector> out = new ArrayList<>();
    for (int i = 0; i < ITEMS - missing; i++) {
      out.add(new FeatureVector(
          EntityKind.ITEM,
          id(i),
          NOW - HOUR,
          new TreeMap<>(Map.of(
              FeatureNames.ITEM_TRENDING,
              (double) (ITEMS - i),
              FeatureNames.ITEM_EVENTS_TOTAL,
              10.0 + i)),
          List.of()));
    }
    out.add(new FeatureVector(
        EntityKind.USER,
        USER,
        NOW - HOUR,
        new TreeMap<>(Map.of(FeatureNames.USER_EVENTS_TOTAL, 2.0)),
        List.of(
            new RecentInteraction(id(5), EventType.VIEW, NOW - HOUR),
            new RecentInteraction(id(6), EventType.CLICK, NOW - HOUR))));
    return out;
  }

  /** Scores a row by its {@code item_events_total}: a model whose order is known. */
  public static Scorer byEventsTotal() {
    int column = PairFeatures.NAMES.indexOf("item_events_total");
    return new Scorer() {
      @Override
      public float[] score(FeatureMatrix m) {
        float[] out = new float[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
          out[r] = m.values()[r * m.width() + column];
        }
        return out;
      }

      @Override
      public List<String> featureNames() {
        return PairFeatures.NAMES;
      }

      @Override
      public String modelVersion() {
        return "ranker/stub";
      }

      @Override
      public void close() {}
    };
  }
}
