package io.flowlake.models;

/** A lake table the models read, registered as a temp view under its table name. */
public record Source(String name, String description) {}
