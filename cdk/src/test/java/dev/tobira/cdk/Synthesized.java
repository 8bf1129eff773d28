package dev.tobira.cdk;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The stacks synthesized once per JVM and variant, offline, as the app builds them from context:
 * synthesis starts a Node.js process (jsii) and takes seconds, the assertions on it none.
 */
final class Synthesized {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String SENDER = "no-reply@example.com";
    static final String CERTIFICATE = "arn:aws:acm:eu-west-1:123456789012:certificate/0b5e5cf1-3a1c-4f4a-9d1e-6f0e4d8c2a11";
    static final String WEB_IMAGE = "public.ecr.aws/tobira/tobira-web:0.1.0";
    static final String SERVER_IMAGE = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/tobira:0.1.0";
    static final String DOMAIN = "auth.example.com";

    /** A synthesized stack: its template, and the cloud assembly directory its assets were staged in. */
    record Stack(Template template, Path outdir) {

        /** The template's resources of {@code type}, by logical id. */
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> resources(String type) {
            Map<String, Map<String, Object>> found = new java.util.TreeMap<>();
            ((Map<String, Object>) template.toJSON().get("Resources")).forEach((id, r) -> {
                Map<String, Object> resource = (Map<String, Object>) r;
                if (type.equals(resource.get("Type"))) {
                    found.put(id, (Map<String, Object>) resource.get("Properties"));
                }
            });
            return found;
        }

        /** The properties of the one resource of {@code type}. */
        Map<String, Object> only(String type) {
            Map<String, Map<String, Object>> all = resources(type);
            if (all.size() != 1) {
                throw new AssertionError("expected one " + type + ", found " + all.keySet());
            }
            return all.values().iterator().next();
        }
    }

    private static final Map<String, Stack> STACKS = new ConcurrentHashMap<>();

    private Synthesized() {
    }

    /** TobiraCognito, with or without passwordless sign-in, the SES identity being the sender's domain. */
    static Stack cognito(boolean passwordless) {
        return STACKS.computeIfAbsent("cognito-" + passwordless, k -> {
            App app = app(Map.of(
                    "tobira:webImage", WEB_IMAGE,
                    "tobira:senderEmail", SENDER,
                    "tobira:sesIdentity", "example.com",
                    "tobira:certificateArn", CERTIFICATE,
                    "tobira:passwordless", String.valueOf(passwordless)));
            TobiraCdkApp.build(app, props());
            return synth(app, "TobiraCognito");
        });
    }

    /** TobiraSelfHosted from a private ECR image, the SES identity being the sender's address. */
    static Stack selfHosted() {
        return STACKS.computeIfAbsent("self-hosted", k -> {
            App app = app(Map.of(
                    "tobira:serverImage", SERVER_IMAGE,
                    "tobira:senderEmail", SENDER,
                    "tobira:certificateArn", CERTIFICATE,
                    "tobira:domainName", DOMAIN));
            TobiraCdkApp.build(app, props());
            return synth(app, "TobiraSelfHosted");
        });
    }

    private static Stack synth(App app, String name) {
        Template template = Template.fromStack((software.amazon.awscdk.Stack) app.getNode().findChild(name));
        return new Stack(template, Path.of(app.getOutdir()));
    }

    /** An app with {@code context}, and the zones the VPC would otherwise look up in the account. */
    static App app(Map<String, String> context) {
        Map<String, Object> all = new HashMap<>(context);
        all.put("availability-zones:account=" + ACCOUNT + ":region=" + REGION, List.of(REGION + "a", REGION + "b"));
        return App.Builder.create().context(all).build();
    }

    static StackProps props() {
        return StackProps.builder().env(Environment.builder().account(ACCOUNT).region(REGION).build()).build();
    }
}
