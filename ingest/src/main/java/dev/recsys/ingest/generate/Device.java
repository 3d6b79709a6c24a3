package dev.recsys.ingest.generate;

import java.util.Map;
import java.util.random.RandomGenerator;

/** The device a session runs on, with its share of users and the event context it stamps. */
enum Device {
  IOS("ios", 0.40),
  ANDROID("android", 0.35),
  WEB("web", 0.25);

  private final Map<String, String> context;
  private final double share;

  Device(String name, double share) {
    this.context = Map.of("device", name);
    this.share = share;
  }

  /** Immutable and shared by every event from this device. */
  Map<String, String> context() {
    return context;
  }

  static Device random(RandomGenerator rng) {
    double u = rng.nextDouble();
    for (Device device : values()) {
      u -= device.share;
      if (u < 0) {
        return device;
      }
    }
    return WEB;
  }
}
