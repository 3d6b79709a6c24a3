package dev.recsys.benchmarks.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * An open-loop HTTP/1.1 load generator: GETs leave on a fixed schedule over a pool of keep-alive
 * connections whether or not earlier ones have answered, and each latency counts from the
 * request's scheduled time, so a stalled server cannot hide its queueing (no coordinated
 * omission). A request that finds every connection busy waits for the next free one, and that
 * wait counts too.
 *
 * <p>One thread sends on schedule, one reads every connection through a selector, and responses
 * are framed, not kept: a few microseconds of CPU per request (the JDK's {@code HttpClient} took
 * 750), so on a shared machine the cores stay with the server being measured.
 */
public final class OpenLoopHttp implements AutoCloseable {
  /**
   * Latencies of the successful requests of one run, and what went wrong with the others;
   * {@code resent} counts requests sent again because the server closed their reused connection
   * before answering a byte (as browsers and HTTP clients do for a GET); {@code flagged} counts
   * successful answers whose body's end the generator's {@code flag} accepted; {@code shed}
   * counts the errors that were a 503 (a server refusing work it cannot do in time); {@code
   * elapsedNanos} runs from the first send to the last answer.
   */
  public record Result(
      int sent,
      long[] sortedNanos,
      long errors,
      String firstError,
      long resent,
      long flagged,
      long cpuNanos,
      long shed,
      long elapsedNanos) {
    public int ok() {
      return sortedNanos.length;
    }

    /** The latency below which {@code quantile} of the successful requests fall, in ms. */
    public double millis(double quantile) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int at = Math.min(
          sortedNanos.length - 1, Math.max(0, (int) Math.ceil(quantile * sortedNanos.length) - 1));
      return sortedNanos[at] / 1e6;
    }
  }

  private static final long ANSWER_WAIT_SECONDS = 30;

  private final InetSocketAddress server;
  private final String host;
  private final Selector selector;
  private final Object lock = new Object();
  private final Deque<Connection> idle = new ArrayDeque<>();
  private final Deque<Request> waiting = new ArrayDeque<>();
  private final ConcurrentLinkedQueue<Connection> broken = new ConcurrentLinkedQueue<>();
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(256 * 1024);
  private final Predicate<String> flag;
  private final Thread reader;
  private volatile Run run;
  private volatile boolean closed;

  private record Request(long scheduled, String path, boolean resent) {}

  private final class Connection {
    final SocketChannel channel;
    final ResponseParser parser = new ResponseParser();
    /** The request it was given; null while idle. Set under the pool's lock. */
    volatile Request inFlight;
    /** Bytes of the current answer read so far (reader thread only). */
    long received;
    /** Closed and replaced (reader thread only). */
    boolean failed;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }
  }

  /** What one run records; the reader thread alone writes {@code latencies} and {@code ok}. */
  private static final class Run {
    final long[] latencies;
    final CountDownLatch answered;
    final AtomicLong errors = new AtomicLong();
    final AtomicLong resent = new AtomicLong();
    final AtomicLong shed = new AtomicLong();
    long flagged;
    volatile String firstError;
    int ok;

    Run(int requests) {
      this.latencies = new long[requests];
      this.answered = new CountDownLatch(requests);
    }

    void failed(String why) {
      if (errors.getAndIncrement() == 0) {
        firstError = why;
      }
      answered.countDown();
    }
  }

  /**
   * Opens {@code connections} keep-alive connections to {@code server}; {@code flag} is asked
   * about the last {@value ResponseParser#TAIL} bytes of every successful answer.
   */
  public OpenLoopHttp(InetSocketAddress server, int connections, Predicate<String> flag)
      throws IOException {
    this.server = server;
    this.flag = flag;
    this.host = server.getHostString() + ":" + server.getPort();
    this.selector = Selector.open();
    for (int i = 0; i < connections; i++) {
      idle.add(open());
    }
    this.reader = new Thread(this::readLoop, "load-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Sends {@code rate} requests a second for {@code seconds}, the n-th to {@code pathOf(n)}, and
   * waits for the answers.
   */
  public Result run(int rate, int seconds, IntFunction<String> pathOf) throws InterruptedException {
    int total = rate * seconds;
    Run current = new Run(total);
    run = current;
    long cpuBefore = processCpuNanos();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    for (int n = 0; n < total; n++) {
      long scheduled = start + n * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      submit(new Request(scheduled, pathOf.apply(n), false));
    }
    if (!current.answered.await(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS)) {
      long missing = current.answered.getCount();
      for (long i = 0; i < missing; i++) {
        current.failed("no answer within " + ANSWER_WAIT_SECONDS + " s of the last send");
      }
    }
    long elapsed = System.nanoTime() - start;
    long cpu = processCpuNanos() - cpuBefore;
    long[] sorted;
    synchronized (lock) {
      sorted = Arrays.copyOf(current.latencies, current.ok);
    }
    Arrays.sort(sorted);
    long flagged;
    synchronized (lock) {
      flagged = current.flagged;
    }
    return new Result(
        total,
        sorted,
        current.errors.get(),
        current.firstError,
        current.resent.get(),
        flagged,
        cpu,
        current.shed.get(),
        elapsed);
  }

  private void submit(Request request) {
    Connection connection;
    synchronized (lock) {
      connection = idle.poll();
      if (connection == null) {
        waiting.add(request);
        return;
      }
      connection.inFlight = request;
    }
    send(connection, request);
  }

  private void send(Connection connection, Request request) {
    ByteBuffer bytes = ResponseParser.get(host, request.path());
    try {
      while (bytes.hasRemaining()) {
        if (connection.channel.write(bytes) == 0) {
          Thread.onSpinWait();
        }
      }
    } catch (IOException e) {
      broken.add(connection);
      selector.wakeup();
    }
  }

  private void readLoop() {
    try {
      while (!closed) {
        selector.select();
        for (Connection gone; (gone = broken.poll()) != null; ) {
          fail(gone, "cannot send on the connection");
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isValid() && key.isReadable()) {
            read((Connection) key.attachment());
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (!closed) {
        throw new IllegalStateException("load generator's selector failed", e);
      }
    }
  }

  private void read(Connection connection) {
    readBuffer.clear();
    try {
      if (connection.channel.read(readBuffer) < 0) {
        fail(connection, "server closed the connection");
        return;
      }
      readBuffer.flip();
      connection.received += readBuffer.remaining();
      if (connection.parser.feed(readBuffer)) {
        answered(connection);
      }
    } catch (IOException | RuntimeException e) {
      fail(connection, e.toString());
    }
  }

  private void answered(Connection connection) {
    long latency = System.nanoTime() - connection.inFlight.scheduled();
    int status = connection.parser.status();
    boolean flagged = status / 100 == 2 && flag.test(connection.parser.tail());
    connection.parser.reset();
    connection.received = 0;
    Run current = run;
    if (status / 100 == 2) {
      synchronized (lock) {
        current.latencies[current.ok++] = latency;
        if (flagged) {
          current.flagged++;
        }
      }
      current.answered.countDown();
    } else {
      if (status == 503) {
        current.shed.incrementAndGet();
      }
      current.failed("HTTP " + status);
    }
    next(connection);
  }

  /** Hands the connection the oldest waiting request, or makes it idle. */
  private void next(Connection connection) {
    Request request;
    synchronized (lock) {
      request = waiting.poll();
      connection.inFlight = request;
      if (request == null) {
        idle.push(connection);
        return;
      }
    }
    send(connection, request);
  }

  /**
   * Closes a failed connection and puts a new one in its place (reader thread only). Its request,
   * if it had one, is sent again on the new connection when no byte of the answer had come and
   * it was not sent again before: a server may close an idle keep-alive connection just as a
   * request leaves on it. Otherwise the request counts as an error.
   */
  private void fail(Connection connection, String why) {
    if (connection.failed || closed) {
      return;
    }
    connection.failed = true;
    Request lost;
    synchronized (lock) {
      lost = idle.remove(connection) ? null : connection.inFlight;
    }
    Connection fresh;
    try {
      connection.channel.close();
      fresh = open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reconnect to " + host, e);
    }
    if (lost != null && connection.received == 0 && !lost.resent()) {
      run.resent.incrementAndGet();
      Request again = new Request(lost.scheduled(), lost.path(), true);
      synchronized (lock) {
        fresh.inFlight = again;
      }
      send(fresh, again);
      return;
    }
    if (lost != null) {
      run.failed(why);
    }
    next(fresh);
  }

  private Connection open() throws IOException {
    SocketChannel channel = SocketChannel.open(server);
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.configureBlocking(false);
    Connection connection = new Connection(channel);
    channel.register(selector, SelectionKey.OP_READ, connection);
    return connection;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Override
  /** Stops the reader first, so no connection is being replaced while they are closed. */
  public void close() throws IOException {
    closed = true;
    selector.wakeup();
    try {
      reader.join(TimeUnit.SECONDS.toMillis(ANSWER_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }
}
