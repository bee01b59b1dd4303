package io.flowlake.simulator;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic identifiers and random streams derived from the workspace seed, so that one seed
 * always gives the same workspace. Each kind of object has its own domain, so a run and a contact
 * with the same index never share a UUID.
 */
final class SeededIds {
  static final long RUN = 1;
  static final long FLOW = 2;
  static final long NODE = 3;
  static final long CONTACT = 4;
  static final long START = 5;
  static final long WORKSPACE = 6;
  static final long RUN_TEXT = 7;
  static final long MUTATIONS = 8;
  static final long REPLICA = 9;
  static final long GROUP = 10;
  static final long CONTACT_PROFILE = 11;
  static final long CONTACT_MUTATIONS = 12;

  private SeededIds() {}

  /** SplitMix64's finalizer: a bijection on 64 bits that scatters neighbouring inputs. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long base(long seed, long domain, long index) {
    return mix64(mix64(seed) + domain * 0x9E3779B97F4A7C15L + index * 0xD6E8FEB86659FD93L);
  }

  /** Most significant half of a version-4-shaped UUID. */
  static long uuidMsb(long seed, long domain, long index) {
    return (base(seed, domain, index) & ~0xF000L) | 0x4000L;
  }

  /** Least significant half, with the RFC 4122 variant bits. */
  static long uuidLsb(long seed, long domain, long index) {
    long b = mix64(base(seed, domain, index) ^ 0x632BE59BD9B4E019L);
    return (b & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
  }

  static String uuid(long seed, long domain, long index) {
    return new UUID(uuidMsb(seed, domain, index), uuidLsb(seed, domain, index)).toString();
  }

  static SplittableRandom random(long seed, long domain, long index) {
    return new SplittableRandom(base(seed, domain, index));
  }
}
