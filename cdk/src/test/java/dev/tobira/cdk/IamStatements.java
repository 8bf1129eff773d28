package dev.tobira.cdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The IAM statements of a template in a form a test can compare exactly: each policy's statements as
 * {@code "Allow action,action -> resource,resource"} lines, intrinsic functions written out
 * ({@code Ref X} as {@code X}, a pseudo parameter as {@code ${AWS::Partition}}, {@code Fn::GetAtt [X, Arn]} as {@code X.Arn}, {@code Fn::Join} joined)
 * and the 8-hex-digit hashes CDK appends to logical ids dropped.
 */
final class IamStatements {

    private IamStatements() {
    }

    /** The statements of every {@code AWS::IAM::Policy}, sorted, by the policy's logical id without its hash. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> byPolicy(Synthesized.Stack stack) {
        Map<String, List<String>> policies = new TreeMap<>();
        stack.resources("AWS::IAM::Policy").forEach((id, properties) -> {
            Map<String, Object> document = (Map<String, Object>) properties.get("PolicyDocument");
            policies.put(withoutHash(id), ((List<Object>) document.get("Statement")).stream()
                    .map(s -> render((Map<String, Object>) s)).sorted().toList());
        });
        return policies;
    }

    /**
     * Every statement of every policy document anywhere in the template (identity policies, inline
     * role policies, resource policies), except trust policies, which name principals, not resources.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> all(Object node) {
        List<Map<String, Object>> found = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (key.equals("AssumeRolePolicyDocument")) {
                    return;
                }
                if (key.equals("Statement") && value instanceof List<?> statements) {
                    statements.forEach(s -> found.add((Map<String, Object>) s));
                } else {
                    found.addAll(all(value));
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> found.addAll(all(item)));
        }
        return found;
    }

    /** {@code "Allow a,b -> r1,r2"}. */
    static String render(Map<String, Object> statement) {
        return statement.get("Effect") + " "
                + strings(statement.get("Action")).stream().map(String::valueOf).collect(Collectors.joining(",")) + " -> "
                + strings(statement.get("Resource")).stream().map(IamStatements::value).collect(Collectors.joining(","));
    }

    /** A value of the template as text: literals as they are, intrinsic functions written out. */
    @SuppressWarnings("unchecked")
    static String value(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<String, Object> function = ((Map<String, Object>) map).entrySet().iterator().next();
            switch (function.getKey()) {
                case "Ref" -> {
                    String name = (String) function.getValue();
                    return name.startsWith("AWS::") ? "${" + name + "}" : withoutHash(name);
                }
                case "Fn::GetAtt" -> {
                    List<Object> args = (List<Object>) function.getValue();
                    return withoutHash((String) args.get(0)) + "." + args.get(1);
                }
                case "Fn::Join" -> {
                    List<Object> args = (List<Object>) function.getValue();
                    return ((List<Object>) args.get(1)).stream().map(IamStatements::value)
                            .collect(Collectors.joining((String) args.get(0)));
                }
                default -> {
                    return String.valueOf(value);
                }
            }
        }
        return String.valueOf(value);
    }

    private static List<Object> strings(Object actionOrResource) {
        return actionOrResource instanceof List<?> list ? List.copyOf(list) : List.of(actionOrResource);
    }

    private static String withoutHash(String logicalId) {
        return logicalId.replaceFirst("[0-9A-F]{8}$", "");
    }
}
