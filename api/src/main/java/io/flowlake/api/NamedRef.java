package io.flowlake.api;

import java.io.Serializable;

/** A reference to another object as RapidPro embeds it: {@code {"uuid", "name"}}. */
public record NamedRef(String uuid, String name) implements Serializable {}
