package org.siyu.kernel.identity.internal;

import java.lang.annotation.Annotation;
import org.siyu.kernel.identity.internal.channel.Channels;
import org.siyu.kernel.identity.internal.channel.StandardChannels;

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
