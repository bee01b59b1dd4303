package io.flowlake.api;

import java.io.Serializable;

/**
 * The contact summary of a run (docs/rapidpro-api.md §2.3). Archives carry only {@code uuid} and
 * {@code name}; anonymous workspaces mask {@code urn}, leave {@code urnDisplay} null and add {@code
 * ref}.
 */
public record Contact(String uuid, String name, String urn, String urnDisplay, String ref)
    implements Serializable {}
