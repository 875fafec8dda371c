package dev.plumbline.app.config;

import dev.plumbline.sql.psr.RoiModel;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The ROI model's parameters (README, "ROI model"). Environment: PLUMBLINE_ROI_SATURATION,
 * PLUMBLINE_ROI_RENEWAL_HORIZON_DAYS, PLUMBLINE_ROI_RENEWAL_MULTIPLIER.
 *
 * @param saturation          badness above 1 counts in full once it reaches 1 + saturation
 * @param renewalHorizonDays  customers renewing within this many days weigh more...
 * @param renewalMultiplier   ...by this factor
 */
@ConfigurationProperties(RoiProperties.PREFIX)
public record RoiProperties(@Bindable(defaultValue = "4") double saturation,
                            @Bindable(defaultValue = "90") int renewalHorizonDays,
                            @Bindable(defaultValue = "1.5") double renewalMultiplier) {

    public static final String PREFIX = "plumbline.roi";

    public RoiProperties {
        try {
            new RoiModel(saturation, renewalHorizonDays, renewalMultiplier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PREFIX + ": " + e.getMessage());
        }
    }

    public RoiModel toModel() {
        return new RoiModel(saturation, renewalHorizonDays, renewalMultiplier);
    }
}
