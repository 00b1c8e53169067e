package org.siyu.kernel.identity.internal;

import java.lang.annotation.Annotation;
import java.sql.SQLException;
import org.siyu.kernel.identity.internal.channel.Channels;
import org.siyu.kernel.identity.internal.channel.StandardChannels;
import org.siyu.testkit.TestPersistenceUnit;

/** What the tests build the way DS would. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The channel tracker with the standard channels registered. */
    public static Channels channels() {
        Channels channels = new Channels();
        StandardChannels.all().forEach(channels::addChannel);
        return channels;
    }

    /** Deletes every row of the bundle's tables, children first (the sequences go on). */
    public static void empty(TestPersistenceUnit unit) throws SQLException {
        unit.deleteAll("identity_trait", "identity_link", "identity_merge_move", "identity_merge", "identity_claim",
                "identity_poison", "identity_split", "identity_customer");
    }

    /** OneID over {@code unit} with a clock, for tests in other packages; {@code org} may be null. */
    public static OneId oneId(org.siyu.api.persistence.PersistenceUnit unit, org.siyu.api.events.EventBus bus,
            java.time.Clock clock, org.siyu.api.org.OrgService org) {
        OneId oneId = new OneId(unit, bus, channels(), config(3, 5), clock);
        oneId.org(org);
        return oneId;
    }

    public static OneId.Config config(int poisonThreshold, int lockTimeoutSeconds) {
        return new OneId.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return OneId.Config.class;
            }

            @Override
            public int poisonThreshold() {
                return poisonThreshold;
            }

            @Override
            public int writeLockTimeoutSeconds() {
                return lockTimeoutSeconds;
            }
        };
    }
}
