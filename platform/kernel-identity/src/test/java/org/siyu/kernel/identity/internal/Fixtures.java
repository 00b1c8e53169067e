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
                "identity_poison", "identity_customer");
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
