package dev.tobira.cdk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app refuses incomplete context, naming what is missing, before synthesizing anything. */
class TobiraCdkAppTest {

    @Test
    void buildWhenNoImageThenNamesBothStacksKeys() {
        assertThatThrownBy(() -> TobiraCdkApp.build(Synthesized.app(Map.of()), Synthesized.props()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tobira:webImage").hasMessageContaining("tobira:serverImage");
    }

    @Test
    void buildWhenCognitoSettingsMissingThenNamesEveryOne() {
        assertThatThrownBy(() -> TobiraCdkApp.build(Synthesized.app(Map.of("tobira:webImage", Synthesized.WEB_IMAGE)),
                Synthesized.props()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TobiraCognito needs the context values tobira:senderEmail, tobira:certificateArn"
                        + " (cdk deploy -c key=value; see docs/deploy.md)");
    }

    @Test
    void buildWhenSelfHostedDomainMissingThenNamesIt() {
        assertThatThrownBy(() -> TobiraCdkApp.build(Synthesized.app(Map.of(
                "tobira:serverImage", Synthesized.SERVER_IMAGE,
                "tobira:senderEmail", Synthesized.SENDER,
                "tobira:certificateArn", Synthesized.CERTIFICATE)), Synthesized.props()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TobiraSelfHosted needs the context value tobira:domainName ");
    }

    @Test
    void buildWhenLambdaJarMissingThenSaysHowToBuildIt() {
        assertThatThrownBy(() -> TobiraCdkApp.build(Synthesized.app(Map.of(
                "tobira:webImage", Synthesized.WEB_IMAGE,
                "tobira:senderEmail", Synthesized.SENDER,
                "tobira:certificateArn", Synthesized.CERTIFICATE,
                "tobira:lambdaJar", "target/no-such-lambda.jar")), Synthesized.props()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-lambda.jar is missing")
                .hasMessageContaining("./mvnw -B package -pl lambda -am");
    }
}
