package dev.recsys.app.config;

import java.util.List;

/** The configuration is unusable; the message lists every problem and the key to fix. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  public ConfigException(List<String> problems) {
    super("invalid configuration:\n  - " + String.join("\n  - ", problems));
  }
}
