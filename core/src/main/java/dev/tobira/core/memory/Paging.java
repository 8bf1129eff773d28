package dev.tobira.core.memory;

import dev.tobira.core.Page;
import dev.tobira.core.PageTokens;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Keyset paging over an in-memory list that is sorted by {@code key}. */
final class Paging {

    private Paging() {}

    static <T> Page<T> page(List<T> sorted, Function<T, String> key, int max, Optional<String> after) {
        Optional<String> cursor = PageTokens.decode(after);
        int start = 0;
        if (cursor.isPresent()) {
            start = sorted.size();
            for (int i = 0; i < sorted.size(); i++) {
                if (key.apply(sorted.get(i)).equals(cursor.get())) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(sorted.size(), start + max);
        List<T> items = sorted.subList(start, end);
        Optional<String> next = end < sorted.size() && !items.isEmpty()
                ? Optional.of(PageTokens.encode(key.apply(items.getLast())))
                : Optional.empty();
        return new Page<>(items, next);
    }
}
