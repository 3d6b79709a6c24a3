package dev.recsys.features.skew;

/**
 * How one feature compared across entities.
 *
 * @param feature the feature name ({@code user.affinity.*} stands for every category)
 * @param differing entities whose online value differs from replay's
 * @param example one entity that differs, with both values, or empty
 */
public record FeatureSkew(
    String feature, long compared, long differing, double maxAbsDiff, String example) {}
