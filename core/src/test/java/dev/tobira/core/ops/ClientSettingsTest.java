package dev.tobira.core.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tobira.core.CognitoException.InvalidParameterException;
import dev.tobira.core.pool.UserPoolClient.TokenValidityUnits;
import org.junit.jupiter.api.Test;

/** The validities a client stores, shaped as Cognito describes them (sources in ClientSettings.validities). */
class ClientSettingsTest {

    @Test
    void validitiesWhenNothingGivenThenRefreshThirtyDaysAndNoUnitsOrOtherValidities() {
        ClientSettings.Validities v = ClientSettings.validities(null, null, null, null);

        assertThat(v.refresh()).isEqualTo(30);
        assertThat(v.access()).isNull();
        assertThat(v.id()).isNull();
        assertThat(v.units()).isEqualTo(new TokenValidityUnits(null, null, null));
    }

    @Test
    void validitiesWhenValueGivenWithoutUnitThenKeptAsGivenAndCheckedInHours() {
        ClientSettings.Validities v = ClientSettings.validities(null, 3, 3, null);

        assertThat(v.access()).isEqualTo(3);
        assertThat(v.id()).isEqualTo(3);
        assertThat(v.units()).isEqualTo(new TokenValidityUnits(null, null, null));
        assertThatThrownBy(() -> ClientSettings.validities(null, 25, null, null))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("Access token validity must be between 5 minutes and 1 day.");
    }

    @Test
    void validitiesWhenSomeUnitsGivenThenOnlyThoseKept() {
        ClientSettings.Validities v = ClientSettings.validities(null, 30, null,
                new TokenValidityUnits("minutes", null, null));

        assertThat(v.units()).isEqualTo(new TokenValidityUnits("minutes", null, null));
        assertThat(v.access()).isEqualTo(30);
    }

    @Test
    void validitiesWhenUnknownUnitWithoutValueThenInvalidParameter() {
        assertThatThrownBy(() -> ClientSettings.validities(null, null, null, new TokenValidityUnits(null, "weeks", null)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
