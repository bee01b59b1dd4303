package io.flowlake.models;

/**
 * A model whose columns depend on the data: its SQL holds {@code {{ placeholder }}} once, and the
 * runner replaces it with columns generated from the (small) rows of model {@code columnsFrom}.
 */
public record Pivot(String placeholder, String columnsFrom) {

  /** The text that stands for the generated columns in the model's SQL. */
  public String token() {
    return "{{ " + placeholder + " }}";
  }
}
