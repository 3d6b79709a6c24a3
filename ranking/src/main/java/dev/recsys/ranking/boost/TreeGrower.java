package dev.recsys.ranking.boost;

import java.util.ArrayList;
import java.util.List;

/**
 * Grows one regression tree on gradients leaf-wise: the leaf whose best split gains most
 * splits next, until {@code maxLeaves}. Splits are found on per-leaf histograms of gradient and
 * hessian sums; a split's larger child takes its histogram from the parent's minus the smaller
 * one's. Leaf values are Newton steps, {@code -G / (H + l2)}, shrunk by the learning rate.
 */
final class TreeGrower {
  private static final double MIN_HESSIAN = 1e-6;
  private static final double MIN_GAIN = 1e-9;

  private final byte[] bins;
  private final FeatureBins featureBins;
  private final int width;
  private final int[] offsets;
  private final int totalBins;
  private final BoostParams params;
  /** The rows being fitted, partitioned in place so each leaf holds a contiguous range. */
  private final int[] order;

  TreeGrower(byte[] bins, FeatureBins featureBins, int rows, BoostParams params) {
    this.bins = bins;
    this.featureBins = featureBins;
    this.width = featureBins.width();
    this.params = params;
    this.offsets = new int[width + 1];
    for (int f = 0; f < width; f++) {
      offsets[f + 1] = offsets[f] + featureBins.bins(f);
    }
    this.totalBins = offsets[width];
    this.order = new int[rows];
  }

  /** A leaf under construction: rows {@code order[begin, end)} and their histogram. */
  private static final class Leaf {
    final int node;
    final int begin;
    final int end;
    final double[] hist; // per bin: gradient sum, hessian sum
    final int[] counts;
    double gradient;
    double hessian;
    int splitFeature = -1;
    int splitBin;
    double gain;

    Leaf(int node, int begin, int end, double[] hist, int[] counts) {
      this.node = node;
      this.begin = begin;
      this.end = end;
      this.hist = hist;
      this.counts = counts;
    }
  }

  /**
   * Fits a tree to {@code gradient} and {@code hessian} and adds its shrunk prediction to
   * {@code scores} of every row.
   */
  RegressionTree grow(float[] gradient, float[] hessian, double[] scores) {
    for (int r = 0; r < order.length; r++) {
      order[r] = r;
    }
    Nodes nodes = new Nodes();
    List<Leaf> leaves = new ArrayList<>();
    Leaf root = histogram(nodes.add(), 0, order.length, gradient, hessian);
    findSplit(root);
    leaves.add(root);
    while (leaves.size() < params.maxLeaves()) {
      Leaf best = null;
      for (Leaf leaf : leaves) {
        if (leaf.splitFeature >= 0 && (best == null || leaf.gain > best.gain)) {
          best = leaf;
        }
      }
      if (best == null) {
        break;
      }
      leaves.remove(best);
      split(best, nodes, gradient, hessian, leaves);
    }
    for (Leaf leaf : leaves) {
      double value = -params.learningRate() * leaf.gradient / (leaf.hessian + params.l2());
      nodes.leaf(leaf.node, value);
      for (int i = leaf.begin; i < leaf.end; i++) {
        scores[order[i]] += value;
      }
    }
    return nodes.tree();
  }

  private void split(Leaf parent, Nodes nodes, float[] g, float[] h, List<Leaf> leaves) {
    int f = parent.splitFeature;
    int mid = partition(parent.begin, parent.end, f, parent.splitBin);
    int leftNode = nodes.add();
    int rightNode = nodes.add();
    nodes.branch(parent.node, f, featureBins.threshold(f, parent.splitBin), leftNode, rightNode);
    boolean leftSmaller = mid - parent.begin <= parent.end - mid;
    Leaf small = leftSmaller
        ? histogram(leftNode, parent.begin, mid, g, h)
        : histogram(rightNode, mid, parent.end, g, h);
    Leaf large = leftSmaller
        ? subtract(parent, small, rightNode, mid, parent.end)
        : subtract(parent, small, leftNode, parent.begin, mid);
    findSplit(small);
    findSplit(large);
    leaves.add(small);
    leaves.add(large);
  }

  /** Moves rows with bin <= {@code bin} of {@code feature} to the front; the first right row. */
  private int partition(int begin, int end, int feature, int bin) {
    int i = begin;
    int j = end - 1;
    while (i <= j) {
      if ((bins[order[i] * width + feature] & 0xFF) <= bin) {
        i++;
      } else {
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
        j--;
      }
    }
    return i;
  }

  private Leaf histogram(int node, int begin, int end, float[] g, float[] h) {
    double[] hist = new double[2 * totalBins];
    int[] counts = new int[totalBins];
    double gs = 0;
    double hs = 0;
    for (int i = begin; i < end; i++) {
      int r = order[i];
      int base = r * width;
      double gr = g[r];
      double hr = h[r];
      gs += gr;
      hs += hr;
      for (int f = 0; f < width; f++) {
        int at = offsets[f] + (bins[base + f] & 0xFF);
        hist[2 * at] += gr;
        hist[2 * at + 1] += hr;
        counts[at]++;
      }
    }
    Leaf leaf = new Leaf(node, begin, end, hist, counts);
    leaf.gradient = gs;
    leaf.hessian = hs;
    return leaf;
  }

  private Leaf subtract(Leaf parent, Leaf small, int node, int begin, int end) {
    double[] hist = new double[2 * totalBins];
    int[] counts = new int[totalBins];
    for (int i = 0; i < hist.length; i++) {
      hist[i] = parent.hist[i] - small.hist[i];
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] = parent.counts[i] - small.counts[i];
    }
    Leaf leaf = new Leaf(node, begin, end, hist, counts);
    leaf.gradient = parent.gradient - small.gradient;
    leaf.hessian = parent.hessian - small.hessian;
    return leaf;
  }

  /** The split of most gain with enough rows and hessian on each side, if any gains. */
  private void findSplit(Leaf leaf) {
    int rows = leaf.end - leaf.begin;
    if (rows < 2 * params.minRowsPerLeaf()) {
      return;
    }
    double lambda = params.l2();
    double parentScore = leaf.gradient * leaf.gradient / (leaf.hessian + lambda);
    for (int f = 0; f < width; f++) {
      double gl = 0;
      double hl = 0;
      int cl = 0;
      for (int b = 0; b < featureBins.bins(f) - 1; b++) {
        int at = offsets[f] + b;
        gl += leaf.hist[2 * at];
        hl += leaf.hist[2 * at + 1];
        cl += leaf.counts[at];
        int cr = rows - cl;
        if (cl < params.minRowsPerLeaf()) {
          continue;
        }
        if (cr < params.minRowsPerLeaf()) {
          break;
        }
        double gr = leaf.gradient - gl;
        double hr = leaf.hessian - hl;
        if (hl < MIN_HESSIAN || hr < MIN_HESSIAN) {
          continue;
        }
        double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentScore;
        if (gain > MIN_GAIN && gain > leaf.gain) {
          leaf.gain = gain;
          leaf.splitFeature = f;
          leaf.splitBin = b;
        }
      }
    }
  }

  /** The growing tree's node arrays. */
  private static final class Nodes {
    private final List<int[]> branches = new ArrayList<>(); // feature, left, right
    private final List<Float> thresholds = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    int add() {
      branches.add(new int[] {0, -1, -1});
      thresholds.add(0f);
      values.add(0.0);
      return branches.size() - 1;
    }

    void branch(int node, int feature, float threshold, int left, int right) {
      branches.set(node, new int[] {feature, left, right});
      thresholds.set(node, threshold);
    }

    void leaf(int node, double value) {
      values.set(node, value);
    }

    RegressionTree tree() {
      int n = branches.size();
      int[] feature = new int[n];
      float[] threshold = new float[n];
      int[] left = new int[n];
      int[] right = new int[n];
      double[] value = new double[n];
      for (int i = 0; i < n; i++) {
        feature[i] = branches.get(i)[0];
        left[i] = branches.get(i)[1];
        right[i] = branches.get(i)[2];
        threshold[i] = thresholds.get(i);
        value[i] = values.get(i);
      }
      return new RegressionTree(feature, threshold, left, right, value);
    }
  }
}
