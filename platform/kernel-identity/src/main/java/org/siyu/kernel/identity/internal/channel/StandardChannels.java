package org.siyu.kernel.identity.internal.channel;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.siyu.api.i18n.Text;
import org.siyu.api.identity.ChannelType;

/**
 * Registers the standard channels as {@link ChannelType} services, the same way any other bundle adds one. Only
 * {@code wechat} (the unionid, one per person across the brand's WeChat apps) and {@code phone} are merge keys.
 */
@Component(immediate = true, service = {})
public class StandardChannels {

    /** The standard channels, in the order the admin lists them. */
    public static List<ChannelType> all() {
        return List.of(
                new SimpleChannel("wecom", Text.of("WeCom external contact", "企业微信外部联系人"), false),
                new SimpleChannel("wechat", Text.of("WeChat unionid", "微信 unionid"), true),
                new SimpleChannel("wechat-mp", Text.of("WeChat official account openid", "公众号 openid"), false),
                new SimpleChannel("mini", Text.of("Mini-program openid", "小程序 openid"), false),
                new SimpleChannel("tmall", Text.of("Tmall buyer", "天猫买家"), false),
                new SimpleChannel("jd", Text.of("JD pin", "京东 pin"), false),
                new SimpleChannel("douyin", Text.of("Douyin openid", "抖音 openid"), false),
                new PhoneChannel(),
                new SimpleChannel("store-card", Text.of("Store card", "门店会员卡"), false));
    }

    private final List<ServiceRegistration<ChannelType>> registrations = new ArrayList<>();

    @Activate
    public StandardChannels(BundleContext context) {
        for (ChannelType channel : all()) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("siyu.channel", channel.id());
            registrations.add(context.registerService(ChannelType.class, channel, properties));
        }
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<ChannelType> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        registrations.clear();
    }
}
