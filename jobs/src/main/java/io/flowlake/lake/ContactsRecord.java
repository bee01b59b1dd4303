package io.flowlake.lake;

/**
 * What a pull's contacts landing brought, counts only (never a name or a value): the contacts read
 * from contacts.json and merged, those the parser refused (kept in {@code rejects}), and the fields
 * and groups the definition tables now hold.
 */
public record ContactsRecord(long contacts, long rejects, int fields, int groups) {}
