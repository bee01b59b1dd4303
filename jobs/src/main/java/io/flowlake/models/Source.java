package io.flowlake.models;

/**
 * A table the models read, registered as a temp view under its name.
 *
 * @param fromLake true for a lake table ({@code <lake>/<name>}, which must exist); false for a view
 *     {@link SegmentViews} registers from the segment settings and the optional contacts
 */
public record Source(String name, String description, boolean fromLake) {}
