package dev.recsys.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Raw settings by key ({@code kafka.bootstrap-servers}). A key's environment variable is the key
 * in upper case with dots and dashes as underscores ({@code KAFKA_BOOTSTRAP_SERVERS}); the
 * environment wins over the properties file, which wins over the defaults.
 */
public final class Settings {
  private final Map<String, String> file;
  private final Map<String, String> env;

  private Settings(Map<String, String> file, Map<String, String> env) {
    this.file = Map.copyOf(file);
    this.env = Map.copyOf(env);
  }

  public static Settings of(Map<String, String> env, Optional<Path> propertiesFile) {
    Map<String, String> file = new HashMap<>();
    if (propertiesFile.isPresent()) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(propertiesFile.get())) {
        properties.load(reader);
      } catch (IOException e) {
        throw new ConfigException(
            "cannot read the config file " + propertiesFile.get() + ": " + e.getMessage(), e);
      }
      properties.stringPropertyNames().forEach(key -> file.put(key, properties.getProperty(key)));
    }
    return new Settings(file, env);
  }

  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Optional<String> get(String key) {
    String value = env.get(envName(key));
    if (value == null || value.isBlank()) {
      value = file.get(key);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public String get(String key, String fallback) {
    return get(key).orElse(fallback);
  }
}
