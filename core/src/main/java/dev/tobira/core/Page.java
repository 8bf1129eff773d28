package dev.tobira.core;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing, and the opaque token that fetches the next one (empty on the last page).
 */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = List.copyOf(items);
    }
}
