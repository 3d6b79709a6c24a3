package dev.recsys.ingest.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * An item category with its own price level and tag vocabulary.
 *
 * @param index position in the catalog's category list
 * @param name category id such as {@code c07}
 * @param medianPrice median price of its items
 * @param vocabulary tags its items draw from, most common first
 */
record Category(int index, String name, double medianPrice, List<String> vocabulary) {

  private static final List<String> WORDS = List.of(
      "bestseller",
      "eco",
      "compact",
      "classic",
      "sport",
      "kids",
      "vintage",
      "smart",
      "organic",
      "handmade",
      "wireless",
      "limited",
      "outdoor",
      "travel",
      "gift",
      "minimal",
      "pro",
      "family",
      "seasonal",
      "portable",
      "retro",
      "durable",
      "bundle",
      "refurbished");
  private static final int VOCABULARY_SIZE = 6;
  private static final int MAX_ITEM_TAGS = 3;
  private static final double MIN_MEDIAN_PRICE = 5;
  private static final double MAX_MEDIAN_PRICE = 400;

  Category {
    vocabulary = List.copyOf(vocabulary);
  }

  static Category random(int index, int idWidth, RandomGenerator rng) {
    double logPrice = StrictMath.log(MIN_MEDIAN_PRICE)
        + rng.nextDouble() * StrictMath.log(MAX_MEDIAN_PRICE / MIN_MEDIAN_PRICE);
    List<String> words = new ArrayList<>(WORDS);
    for (int i = 0; i < VOCABULARY_SIZE; i++) {
      int j = i + rng.nextInt(words.size() - i);
      words.set(j, words.set(i, words.get(j)));
    }
    return new Category(
        index,
        Ids.of('c', index, idWidth),
        Math.round(StrictMath.exp(logPrice)),
        words.subList(0, VOCABULARY_SIZE));
  }

  /** One to three distinct tags for an item, skewed toward the head of the vocabulary. */
  List<String> tags(RandomGenerator rng) {
    int wanted = 1 + rng.nextInt(MAX_ITEM_TAGS);
    List<String> tags = new ArrayList<>(wanted);
    for (int i = 0; i < wanted; i++) {
      double u = rng.nextDouble();
      String tag = vocabulary.get((int) (u * u * vocabulary.size()));
      if (!tags.contains(tag)) {
        tags.add(tag);
      }
    }
    return List.copyOf(tags);
  }
}
