package io.flowlake.models;

/** A query over model {@code model} that must return no rows; each row it returns is a breach. */
public record Audit(String model, String name, String sql) {

  @Override
  public String toString() {
    return model + ": " + name;
  }
}
