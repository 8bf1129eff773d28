package dev.tobira.server.trigger;

import dev.tobira.core.trigger.TriggerInvoker;
import dev.tobira.server.config.Settings;
import dev.tobira.server.metrics.MeteredTriggerInvoker;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** How pools' Lambda triggers run: {@link Settings.Triggers}. */
@Configuration(proxyBeanMethods = false)
public class TriggerConfiguration {

    @Bean(destroyMethod = "close")
    LambdaInvokeApi lambdaInvokeApi(Settings settings) {
        // SAM local and serverless-offline accept any signature; AWS itself needs the default chain's credentials.
        var credentials = AwsCredentialsProviderChain.builder()
                .credentialsProviders(DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("tobira-local", "tobira-local")))
                .reuseLastProviderEnabled(false)
                .build();
        return new LambdaInvokeApi(settings.triggers().lambdaEndpoint().map(URI::create), settings.region(),
                credentials, FunctionInvoker.TIMEOUT);
    }

    /** The port the server listens on, once it does; until then the configured one. */
    private final AtomicInteger boundPort = new AtomicInteger();

    @Bean
    ApplicationListener<WebServerInitializedEvent> triggerFunctionsPort() {
        return event -> {
            // The API's server, not a separate management (actuator) one.
            if (event.getApplicationContext().getServerNamespace() == null) {
                boundPort.set(event.getWebServer().getPort());
            }
        };
    }

    @Bean(destroyMethod = "close")
    FolderFunctions folderFunctions(Settings settings) {
        return FolderFunctions.of(settings, () -> boundPort.get() > 0 ? boundPort.get() : settings.port());
    }

    @Bean
    TriggerInvoker triggerInvoker(Settings settings, FolderFunctions folders, LambdaInvokeApi api,
            MeterRegistry metrics) {
        return new MeteredTriggerInvoker(FunctionInvoker.of(settings.triggers(), folders, api), metrics);
    }
}
