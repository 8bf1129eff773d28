package dev.tobira.server.dev;

import dev.tobira.core.Services;
import dev.tobira.server.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** In dev mode, makes sure the dev pool exists and tells the developer how to reach it. */
@Component
public class DevModeStartup {

    private static final Logger log = LoggerFactory.getLogger("tobira");

    private final Settings settings;
    private final Services services;

    public DevModeStartup(Settings settings, Services services) {
        this.settings = settings;
        this.services = services;
        if (settings.dev()) {
            DevPool.ensure(services);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void announce() {
        boolean local = settings.host().equals("0.0.0.0") || settings.host().equals("127.0.0.1");
        String endpoint = "http://" + (local ? "localhost" : settings.host()) + ":" + settings.port();
        if (!settings.dev()) {
            log.info("Tobira is ready on {} (production mode; API rate limits: {}; SES and SNS on this port: {}).",
                    endpoint, rateLimits(), settings.awsMessaging()
                            ? "on, for calls signed with the admin credentials" : "off (--aws-messaging)");
            return;
        }
        log.info("""

                Tobira dev server ready on {}
                  user pool id : {}
                  app client id: {}
                  dev outbox   : {}/_tobira/outbox?to=ADDRESS
                  data         : {}
                  rate limits  : {} (--api-rate-limit-per-address, --api-rate-limit-per-username)
                  SES and SNS  : {}
                """, endpoint, DevPool.poolId(settings.region()), DevPool.CLIENT_ID, endpoint,
                settings.inMemory() ? "in memory (nothing is kept)" : settings.dataDir().toAbsolutePath(),
                rateLimits(), settings.awsMessaging()
                        ? "on this port (AWS_ENDPOINT_URL_SES, _SESV2, _SNS=" + endpoint + "); sent: " + endpoint
                                + "/_aws/ses, " + endpoint + "/_aws/sns/sms-messages"
                        : "off (--aws-messaging=false)");
    }

    /** The API's rate limits and where client addresses come from, e.g. "off" or "300 calls a minute …". */
    private String rateLimits() {
        Settings.ApiRateLimits limits = settings.apiRateLimits();
        if (limits.equals(Settings.ApiRateLimits.OFF)) {
            return "off";
        }
        return limits + ", the address from " + (settings.behindProxy() ? "X-Forwarded-For" : "the connection");
    }
}
