package dev.tobira.cdk;

import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app ({@code cdk.json} runs it): {@code TobiraCognito} when {@code tobira:webImage} is given,
 * {@code TobiraSelfHosted} when {@code tobira:serverImage} is; each stack's other settings are CDK
 * context values, listed in docs/deploy.md. Account and region are the CLI's
 * ({@code CDK_DEFAULT_ACCOUNT}, {@code CDK_DEFAULT_REGION}).
 */
public final class TobiraCdkApp {

    private TobiraCdkApp() {
    }

    public static void main(String[] args) {
        if (System.getenv("CDK_DEFAULT_REGION") == null) {
            // The SES identity, the pool's email settings and the VPC's zones are per region.
            throw new IllegalStateException("No region: run through the cdk CLI with a region configured"
                    + " (aws configure, AWS_REGION or --profile)");
        }
        App app = new App();
        StackProps props = StackProps.builder()
                .env(Environment.builder()
                        .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION"))
                        .build())
                .build();
        build(app, props);
        app.synth();
    }

    /** Adds the stacks the context asks for to {@code app}; fails naming what is missing. */
    static void build(App app, StackProps props) {
        ContextValues context = new ContextValues(app.getNode());
        Optional<String> webImage = context.optional("webImage");
        Optional<String> serverImage = context.optional("serverImage");
        if (webImage.isEmpty() && serverImage.isEmpty()) {
            throw new IllegalArgumentException("Nothing to deploy: give -c tobira:webImage=… for TobiraCognito"
                    + " and/or -c tobira:serverImage=… for TobiraSelfHosted (see docs/deploy.md)");
        }
        if (webImage.isPresent()) {
            ContextValues values = new ContextValues(app.getNode());
            String sender = values.required("senderEmail");
            String certificate = values.required("certificateArn");
            values.check("TobiraCognito");
            new CognitoStack(app, "TobiraCognito", props, new CognitoStack.Config(
                    sender,
                    values.optional("sesIdentity").orElse(sender),
                    values.flag("passwordless", false),
                    LambdaJar.locate(values.optional("lambdaJar")),
                    webImage.get(),
                    certificate,
                    values.optional("domainName"),
                    values.optional("language").orElse("en")));
        }
        if (serverImage.isPresent()) {
            ContextValues values = new ContextValues(app.getNode());
            String sender = values.required("senderEmail");
            String certificate = values.required("certificateArn");
            String domain = values.required("domainName");
            values.check("TobiraSelfHosted");
            new SelfHostedStack(app, "TobiraSelfHosted", props, new SelfHostedStack.Config(
                    serverImage.get(), certificate, domain, sender,
                    values.optional("sesIdentity").orElse(sender),
                    values.number("tasks", 2, 2)));
        }
    }
}
