package io.flowlake.models;

/**
 * Where a model sits: staging renames and casts, intermediate is shared logic, marts are public.
 */
public enum Layer {
  STAGING,
  INTERMEDIATE,
  MART
}
