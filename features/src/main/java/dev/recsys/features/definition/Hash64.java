package dev.recsys.features.definition;

import java.nio.charset.StandardCharsets;

/** The 64-bit hash of ids in feature state: FNV-1a over UTF-8, finished with MurmurHash3's mix. */
final class Hash64 {
  private Hash64() {}

  static long of(String id) {
    long h = 0xcbf29ce484222325L;
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
