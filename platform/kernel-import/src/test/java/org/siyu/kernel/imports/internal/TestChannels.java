package org.siyu.kernel.imports.internal;

import java.util.List;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.ChannelType;

/** Channels as kernel-identity registers them: phone normalised to +86…, opaque ids trimmed. */
final class TestChannels {

    private TestChannels() {
    }

    static ChannelRegistry registry() {
        return new ChannelRegistry(List.of(phone(), simple("wechat", true), simple("wecom", false),
                simple("tmall", false), simple("store-card", false)));
    }

    static ChannelType phone() {
        return new ChannelType() {
            @Override
            public String id() {
                return "phone";
            }

            @Override
            public Text name() {
                return Text.of("Phone", "手机号");
            }

            @Override
            public boolean mergeKey() {
                return true;
            }

            @Override
            public String normalize(String value) {
                String v = value.replaceAll("[\\s\\-.()]", "");
                if (v.matches("1\\d{10}")) {
                    return "+86" + v;
                }
                if (v.matches("\\+861\\d{10}")) {
                    return v;
                }
                throw new IllegalArgumentException("'" + value + "' is not a phone number");
            }
        };
    }

    static ChannelType simple(String id, boolean mergeKey) {
        return new ChannelType() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Text name() {
                return Text.of(id);
            }

            @Override
            public boolean mergeKey() {
                return mergeKey;
            }

            @Override
            public String normalize(String value) {
                String v = value.strip();
                if (v.length() > 200) {
                    throw new IllegalArgumentException("the " + id + " value is longer than 200 characters");
                }
                return v;
            }
        };
    }
}
