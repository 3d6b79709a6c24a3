package dev.recsys.serving.evaluate;

/** One system's figures at one cut-off {@code k}, averaged over the held-out interactions. */
public record Figures(int k, double recall, double ndcg, double map, double coverage) {}
