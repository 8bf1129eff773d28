package dev.tobira.server.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class BoundedMatchTest {

    @Test
    void matchesWholeWhenValueMatchesEntirelyThenTrue() {
        assertThat(BoundedMatch.matchesWhole(Pattern.compile("[\\w+]+"), "12hcs372atds7jjhljan7m86nn")).isTrue();
    }

    @Test
    void matchesWholeWhenOnlyPartMatchesThenFalse() {
        assertThat(BoundedMatch.matchesWhole(Pattern.compile("[\\w+]+"), "ap-northeast-1_x")).isFalse();
    }

    @Test
    void matchesWholeWhenBacktrackingExceedsBudgetThenFalseInsteadOfHanging() {
        // Exponential backtracking: without the budget this would run for hours.
        assertThat(BoundedMatch.matchesWhole(Pattern.compile("(a+)+b"), "a".repeat(60), 1_000_000)).isFalse();
    }

    @Test
    void matchesWholeWhenLongTemplateWithPlaceholderThenTrueWithinDefaultBudget() {
        Pattern template = Pattern.compile(
                "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*\\{####\\}[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\s*]*");
        String message = "Your code is {####}. " + "x".repeat(19_970);
        assertThat(BoundedMatch.matchesWhole(template, message)).isTrue();
    }
}
