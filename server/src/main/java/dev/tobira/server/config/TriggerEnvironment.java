package dev.tobira.server.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables the user gives folder trigger functions: {@code --trigger-env NAME:KEY=VALUE} and the
 * lines of {@code --trigger-env-file}, a dotenv file whose lines are {@code NAME:KEY=VALUE} (function
 * NAME only) or {@code KEY=VALUE} (every function); blank lines and lines starting with {@code #} are
 * skipped; a value in matching double or single quotes loses them. Options win over the file.
 *
 * @param shared variables every function sees
 * @param perFunction function name to the variables only it sees (they win over {@code shared})
 */
public record TriggerEnvironment(Map<String, String> shared, Map<String, Map<String, String>> perFunction) {

    private static final Pattern ENTRY = Pattern.compile("(?:([^:=\\s]+):)?([A-Za-z_][A-Za-z0-9_]*)=(.*)");

    /**
     * @param options the {@code --trigger-env} values, each {@code NAME:KEY=VALUE}
     * @param file the {@code --trigger-env-file}, if given
     * @throws IllegalArgumentException naming the entry or line that is not one, or a file that cannot be read
     */
    public static TriggerEnvironment parse(List<String> options, Optional<Path> file) {
        Map<String, String> shared = new LinkedHashMap<>();
        Map<String, Map<String, String>> perFunction = new HashMap<>();
        if (file.isPresent()) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file.get());
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --trigger-env-file " + file.get() + ": " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                add(line, "line " + (i + 1) + " of " + file.get(), false, shared, perFunction);
            }
        }
        for (String option : options) {
            add(option.strip(), "--trigger-env " + option, true, shared, perFunction);
        }
        return new TriggerEnvironment(shared, perFunction);
    }

    private static void add(String entry, String where, boolean nameRequired, Map<String, String> shared,
            Map<String, Map<String, String>> perFunction) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches() || (nameRequired && m.group(1) == null)) {
            throw new IllegalArgumentException(where + " is not " + (nameRequired ? "" : "KEY=VALUE or ")
                    + "FUNCTION:KEY=VALUE");
        }
        String value = unquote(m.group(3));
        if (m.group(1) == null) {
            shared.put(m.group(2), value);
        } else {
            perFunction.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), value);
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
