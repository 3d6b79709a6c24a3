package dev.recsys.ingest.sort;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * A k-way merge of sorted sources by key; equal keys come from the earlier source first, so
 * merging runs of a stable sort in their order keeps the sort stable.
 */
final class Merge implements Iterator<KeyedRecord> {
  private final List<Iterator<KeyedRecord>> sources;
  private final PriorityQueue<Head> heads;

  Merge(List<Iterator<KeyedRecord>> sources) {
    this.sources = List.copyOf(sources);
    this.heads = new PriorityQueue<>(Math.max(1, sources.size()));
    for (int i = 0; i < this.sources.size(); i++) {
      pull(i);
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public KeyedRecord next() {
    Head head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    pull(head.source);
    return head.record;
  }

  private void pull(int source) {
    Iterator<KeyedRecord> it = sources.get(source);
    if (it.hasNext()) {
      heads.add(new Head(it.next(), source));
    }
  }

  private record Head(KeyedRecord record, int source) implements Comparable<Head> {
    @Override
    public int compareTo(Head other) {
      int byKey = Long.compare(record.key(), other.record.key());
      return byKey != 0 ? byKey : Integer.compare(source, other.source);
    }
  }
}
