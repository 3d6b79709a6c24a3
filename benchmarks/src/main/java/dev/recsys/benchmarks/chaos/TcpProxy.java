package dev.recsys.benchmarks.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loopback TCP proxy that injects network faults between a client and one server: added latency
 * (each chunk is delivered that long after it was read, in order, without limiting throughput),
 * and an outage (every open connection is cut and new ones are refused until it ends). Two
 * threads per connection and direction pair; meant for the few long-lived connections a Redis
 * client keeps, not for load.
 */
final class TcpProxy implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);
  private static final byte[] END = new byte[0];

  private final ServerSocket listener;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong cut = new AtomicLong();
  private final Thread acceptor;
  private volatile long latencyNanos;
  private volatile boolean down;
  private volatile boolean closed;

  private TcpProxy(ServerSocket listener, InetSocketAddress target) {
    this.listener = listener;
    this.target = target;
    this.acceptor = new Thread(this::acceptLoop, "proxy-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy on a free loopback port forwarding to {@code targetPort} on loopback. */
  static TcpProxy to(int targetPort) {
    try {
      ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      return new TcpProxy(
          listener, new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the proxy's port", e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Every byte from now on arrives this much later, in both directions. */
  void latency(Duration added) {
    latencyNanos = added.toNanos();
  }

  /** Cuts every open connection and refuses new ones (accepts and closes them at once). */
  void down() {
    down = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    cut.addAndGet(open.size());
  }

  /** Ends the outage and the added latency. */
  void heal() {
    down = false;
    latencyNanos = 0;
  }

  /** Connections accepted and cut so far. */
  String counts() {
    return accepted.get() + " connections accepted, " + cut.get() + " cut";
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          log.debug("proxy accept failed: {}", e.toString());
        }
        continue;
      }
      if (down) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket server = new Socket(target.getAddress(), target.getPort());
        accepted.incrementAndGet();
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        open.add(client);
        open.add(server);
        pipe(client, server, "up");
        pipe(server, client, "down");
      } catch (IOException e) {
        // The server is not there: the client sees its connection closed, as it would directly.
        closeQuietly(client);
      }
    }
  }

  /** Copies {@code from} to {@code to}: a reader thread stamps chunks, a writer delivers them. */
  private void pipe(Socket from, Socket to, String direction) {
    LinkedBlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    Thread reader = new Thread(
        () -> {
          byte[] buffer = new byte[64 * 1024];
          try (InputStream in = from.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
              chunks.add(new Chunk(System.nanoTime() + latencyNanos, Arrays.copyOf(buffer, n)));
            }
          } catch (IOException e) {
            // cut or closed: the writer ends the other side
          }
          chunks.add(new Chunk(0, END));
        },
        "proxy-" + direction + "-read");
    Thread writer = new Thread(
        () -> {
          try (OutputStream out = to.getOutputStream()) {
            while (true) {
              Chunk chunk = chunks.take();
              if (chunk.bytes() == END) {
                break;
              }
              long wait = chunk.dueNanos() - System.nanoTime();
              if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
              }
              out.write(chunk.bytes());
              out.flush();
            }
          } catch (IOException | InterruptedException e) {
            // the other side is gone
          } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
          }
        },
        "proxy-" + direction + "-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  private record Chunk(long dueNanos, byte[] bytes) {}

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    open.forEach(TcpProxy::closeQuietly);
    try {
      acceptor.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
