package dev.recsys.app.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A console progress bar for long jobs, updated at most once a second when not a terminal. */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress of(String task, long max, String unit, long unitSize) {
    return new Progress(new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setUnit(unit, unitSize)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(System.console() == null ? 2_000 : 200)
        .showSpeed()
        .continuousUpdate()
        .build());
  }

  void stepTo(long value) {
    bar.stepTo(value);
  }

  void complete() {
    bar.maxHint(bar.getCurrent());
  }

  @Override
  public void close() {
    bar.close();
  }
}
