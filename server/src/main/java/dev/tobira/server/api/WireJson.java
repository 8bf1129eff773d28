package dev.tobira.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tobira.core.pool.UserPool;
import dev.tobira.core.pool.UserPoolClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON mapper of the AWS JSON 1.1 wire format. Core's request and response records name their
 * components after the wire members with the first letter lower-cased; this mapper upper-cases it
 * again, with a table for the few members whose wire names are not plain upper camel case.
 * Timestamps travel as epoch seconds with a fraction, absent members are omitted (never
 * {@code null}), unknown request members are ignored, as AWS does.
 */
public final class WireJson {

    /** Wire names that upper-casing the first letter does not produce, keyed by declaring class and component. */
    private static final Map<String, String> IRREGULAR = Map.of(
            UserPool.MessageTemplate.class.getName() + "#smsMessage", "SMSMessage",
            UserPool.LambdaConfig.class.getName() + "#kmsKeyID", "KMSKeyID",
            dev.tobira.core.ops.DescribeUserPoolDomain.DomainDescription.class.getName() + "#awsAccountId",
            "AWSAccountId");

    private WireJson() {}

    public static JsonMapper mapper() {
        SimpleModule timestamps = new SimpleModule("cognito-timestamps");
        timestamps.addSerializer(Instant.class, new EpochSecondsSerializer());
        JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY,
                JsonInclude.Include.NON_NULL);
        return JsonMapper.builder()
                .propertyNamingStrategy(new WireNames())
                .changeDefaultPropertyInclusion(v -> JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                // Cognito omits empty lists and maps in pool and client descriptions.
                .withConfigOverride(UserPool.class, o -> o.setInclude(nonEmpty))
                .withConfigOverride(UserPoolClient.class, o -> o.setInclude(nonEmpty))
                .addMixIn(UserPool.class, UserPoolWire.class)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(timestamps)
                .build();
    }

    /**
     * The one member of a pool description Cognito sends empty: {@code "UserPoolTags": {}} for a pool
     * without tags (a real DescribeUserPool answer of 2023-03 for a pool created with none, kengraf/nadialin
     * "b"). CreateUserPool answers share the shape, so they carry it too, where the 2024 CreateUserPool
     * outputs seen leave it out.
     */
    private abstract static class UserPoolWire {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        abstract Map<String, String> userPoolTags();
    }

    private static final class WireNames extends PropertyNamingStrategies.NamingBase {
        @Override
        public String translate(String name) {
            return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        private String irregularOr(AnnotatedMember member, String defaultName) {
            String key = member.getDeclaringClass().getName() + "#" + defaultName;
            return IRREGULAR.getOrDefault(key, translate(defaultName));
        }

        @Override
        public String nameForField(MapperConfig<?> config, tools.jackson.databind.introspect.AnnotatedField field,
                String defaultName) {
            return irregularOr(field, defaultName);
        }

        @Override
        public String nameForGetterMethod(MapperConfig<?> config,
                tools.jackson.databind.introspect.AnnotatedMethod method, String defaultName) {
            return irregularOr(method, defaultName);
        }

        @Override
        public String nameForSetterMethod(MapperConfig<?> config,
                tools.jackson.databind.introspect.AnnotatedMethod method, String defaultName) {
            return irregularOr(method, defaultName);
        }

        @Override
        public String nameForConstructorParameter(MapperConfig<?> config,
                tools.jackson.databind.introspect.AnnotatedParameter parameter, String defaultName) {
            return irregularOr(parameter, defaultName);
        }
    }

    /** {@code 1762070645.123}: seconds since the epoch, milliseconds as the fraction, as AWS writes dates. */
    private static final class EpochSecondsSerializer extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3));
        }
    }
}
