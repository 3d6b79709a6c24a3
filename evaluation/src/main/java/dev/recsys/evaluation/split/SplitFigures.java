package dev.recsys.evaluation.split;

/**
 * One system at one cut-off k, means over users.
 *
 * @param coverage distinct items in all top-k lists over the catalog size
 */
public record SplitFigures(
    int k, Mean recall, Mean ndcg, Mean map, Mean hitRate, double coverage) {}
