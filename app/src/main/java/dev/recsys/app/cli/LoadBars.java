package dev.recsys.app.cli;

import dev.recsys.ingest.load.LoadProgress;

/**
 * A file load's progress on the console: a bar over the file's bytes while it is read, then, for
 * an events file sorted by time, a bar over the records published out of the sort.
 */
final class LoadBars implements LoadProgress, AutoCloseable {
  private final String name;
  private Progress bar;

  LoadBars(String name, long fileBytes) {
    this.name = name;
    this.bar = Progress.of("read " + name, fileBytes, " MB", 1 << 20);
  }

  @Override
  public void read(long bytes) {
    bar.stepTo(bytes);
  }

  @Override
  public void publishing(long total) {
    bar.close();
    bar = Progress.of("publish " + name, total, " events", 1);
  }

  @Override
  public void published(long records) {
    bar.stepTo(records);
  }

  @Override
  public void close() {
    bar.close();
  }
}
