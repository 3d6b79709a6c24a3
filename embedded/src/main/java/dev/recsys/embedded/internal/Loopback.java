package dev.recsys.embedded.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** The loopback address every embedded server binds to, and free ports on it. */
public final class Loopback {

  public static final String HOST = "127.0.0.1";

  private Loopback() {}

  /**
   * Returns {@code count} distinct ports that were free a moment ago. All probe sockets stay open until every port
   * is picked, so the ports differ; another process may still take one before our server binds it.
   */
  public static List<Integer> freePorts(int count) {
    List<ServerSocket> probes = new ArrayList<>();
    try {
      InetAddress loopback = InetAddress.getByName(HOST);
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        ServerSocket probe = new ServerSocket(0, 1, loopback);
        probes.add(probe);
        ports.add(probe.getLocalPort());
      }
      return List.copyOf(ports);
    } catch (IOException e) {
      throw new UncheckedIOException("could not find " + count + " free port(s) on " + HOST, e);
    } finally {
      probes.forEach(Loopback::closeProbe);
    }
  }

  private static void closeProbe(ServerSocket probe) {
    try {
      probe.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not release probe port " + probe.getLocalPort(), e);
    }
  }
}
