package dev.tobira.server.oauth;

import dev.tobira.core.Services;
import dev.tobira.core.oauth.Authorizations;
import dev.tobira.core.oauth.DefaultAuthorizations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OAuth 2.0 core the endpoints and the managed login pages share. */
@Configuration(proxyBeanMethods = false)
public class OAuthConfiguration {

    /** The one {@link Authorizations}: {@code /oauth2/authorize} validates with it, the login pages complete with it. */
    @Bean
    Authorizations authorizations(Services services) {
        return new DefaultAuthorizations(services);
    }
}
