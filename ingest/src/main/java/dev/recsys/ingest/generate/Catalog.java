package dev.recsys.ingest.generate;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The items and categories, with popularity-weighted draws of items that are on offer at a given
 * moment.
 */
final class Catalog {

  static final int NONE = -1;

  /** Skew of category popularity: a few big categories, a long tail of small ones. */
  private static final double CATEGORY_EXPONENT = 0.8;

  private static final int MAX_DRAWS = 8;

  private final Item[] items;
  private final WeightedSampler categoryDraw;
  private final WeightedSampler[] itemDrawByCategory;
  private final WeightedSampler itemDraw;

  private Catalog(
      WeightedSampler categoryDraw, int categoryCount, Item[] items, double[] itemWeights) {
    this.items = items;
    this.categoryDraw = categoryDraw;
    this.itemDraw = WeightedSampler.of(itemWeights);
    this.itemDrawByCategory = new WeightedSampler[categoryCount];
    int[][] members = membersByCategory(items, categoryCount);
    for (int c = 0; c < members.length; c++) {
      double[] weights =
          IntStream.of(members[c]).mapToDouble(i -> itemWeights[i]).toArray();
      itemDrawByCategory[c] = new WeightedSampler(members[c], weights);
    }
  }

  /** Every category gets at least one item; the rest are spread by category popularity. */
  static Catalog create(GeneratorParams params, Period period, RandomGenerator rng) {
    int categoryWidth = Ids.width(params.categories(), 2);
    List<Category> categories = IntStream.range(0, params.categories())
        .mapToObj(index -> Category.random(index, categoryWidth, rng))
        .toList();
    WeightedSampler categoryDraw =
        WeightedSampler.of(Zipf.shuffledWeights(categories.size(), CATEGORY_EXPONENT, rng));
    double[] itemWeights = Zipf.shuffledWeights(params.items(), params.zipfExponent(), rng);
    int itemWidth = Ids.width(params.items(), 5);
    Item[] items = new Item[params.items()];
    for (int i = 0; i < items.length; i++) {
      Category category = categories.get(i < categories.size() ? i : categoryDraw.sample(rng));
      items[i] = Item.random(Ids.of('i', i, itemWidth), category, period, rng);
    }
    return new Catalog(categoryDraw, categories.size(), items, itemWeights);
  }

  int size() {
    return items.length;
  }

  Item item(int index) {
    return items[index];
  }

  int categoryCount() {
    return itemDrawByCategory.length;
  }

  /** A category index drawn by popularity. */
  int drawCategory(RandomGenerator rng) {
    return categoryDraw.sample(rng);
  }

  /** A popular item of the category that is on offer at {@code at}, or {@link #NONE}. */
  int drawItem(int category, long at, RandomGenerator rng) {
    return drawAvailable(itemDrawByCategory[category], at, rng);
  }

  /** A popular item of any category that is on offer at {@code at}, or {@link #NONE}. */
  int drawItem(long at, RandomGenerator rng) {
    return drawAvailable(itemDraw, at, rng);
  }

  private static int[][] membersByCategory(Item[] items, int categoryCount) {
    int[] sizes = new int[categoryCount];
    for (Item item : items) {
      sizes[item.category().index()]++;
    }
    int[][] members = new int[categoryCount][];
    for (int c = 0; c < categoryCount; c++) {
      members[c] = new int[sizes[c]];
      sizes[c] = 0;
    }
    for (int i = 0; i < items.length; i++) {
      int c = items[i].category().index();
      members[c][sizes[c]++] = i;
    }
    return members;
  }

  private int drawAvailable(WeightedSampler draw, long at, RandomGenerator rng) {
    for (int attempt = 0; attempt < MAX_DRAWS; attempt++) {
      int item = draw.sample(rng);
      if (items[item].availableAt(at)) {
        return item;
      }
    }
    return NONE;
  }
}
