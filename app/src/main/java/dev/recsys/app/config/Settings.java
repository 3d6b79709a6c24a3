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
import java.util.TreeMap;

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

  /**
   * Every setting under {@code prefix} ({@code kafka.properties.}), keyed by the rest of its name.
   * An environment variable {@code KAFKA_PROPERTIES_SASL_JAAS_CONFIG} stands for {@code
   * sasl.jaas.config}: lower case, underscores as dots, as Kafka spells its settings.
   */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> found = new TreeMap<>();
    file.forEach((key, value) -> {
      if (key.startsWith(prefix) && key.length() > prefix.length() && !value.isBlank()) {
        found.put(key.substring(prefix.length()), value.trim());
      }
    });
    String envPrefix = envName(prefix);
    env.forEach((name, value) -> {
      if (name.startsWith(envPrefix) && name.length() > envPrefix.length() && !value.isBlank()) {
        String key = name.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        found.put(key, value.trim());
      }
    });
    return found;
  }
}
