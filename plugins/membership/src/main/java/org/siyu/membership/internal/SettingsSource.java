package org.siyu.membership.internal;

import java.util.function.Supplier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The current {@link Settings}, following configuration changes without restarting the services that read them. */
@Component(service = SettingsSource.class, configurationPid = MembershipConfig.PID)
@Designate(ocd = MembershipConfig.class)
public class SettingsSource implements Supplier<Settings> {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsSource.class);

    private volatile Settings settings = Settings.DEFAULTS;

    @Activate
    public SettingsSource(MembershipConfig config) {
        modified(config);
    }

    /** For tests. */
    public SettingsSource(Settings settings) {
        this.settings = settings;
    }

    @Modified
    void modified(MembershipConfig config) {
        try {
            settings = Settings.of(config);
        } catch (IllegalArgumentException e) {
            // A bad value must not take membership down: keep what worked and tell the operator which attribute.
            LOG.warn("Configuration {} refused, keeping the previous settings: {}", MembershipConfig.PID, e.getMessage());
        }
    }

    @Override
    public Settings get() {
        return settings;
    }

    /** For tests: switch settings. */
    public void set(Settings settings) {
        this.settings = settings;
    }
}
