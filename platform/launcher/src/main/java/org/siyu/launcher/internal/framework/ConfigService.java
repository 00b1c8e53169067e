package org.siyu.launcher.internal.framework;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.osgi.util.tracker.ServiceTracker;
import org.siyu.shell.backend.AuditTrail;
import org.siyu.shell.backend.Configurations;

/**
 * Configuration through Felix ConfigAdmin, described by Felix Metatype. The host shares the
 * {@code org.osgi.service.cm} and {@code org.osgi.service.metatype} packages with the bundles through the
 * system bundle, so it can call both services directly.
 */
public final class ConfigService implements Configurations {

    private final BundleContext context;
    private final AuditTrail audit;
    private final ServiceTracker<ConfigurationAdmin, ConfigurationAdmin> configAdmin;
    private final ServiceTracker<MetaTypeService, MetaTypeService> metaType;

    public ConfigService(BundleContext context, AuditTrail audit) {
        this.context = context;
        this.audit = audit;
        this.configAdmin = new ServiceTracker<>(context, ConfigurationAdmin.class, null);
        this.metaType = new ServiceTracker<>(context, MetaTypeService.class, null);
        configAdmin.open();
        metaType.open();
    }

    public void close() {
        configAdmin.close();
        metaType.close();
    }

    @Override
    public List<Description> list(Locale locale) {
        MetaTypeService mts = metaType.getService();
        List<Description> list = new ArrayList<>();
        if (mts == null) {
            return list;
        }
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = mts.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            for (String pid : info.getPids()) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, locale.toString());
                list.add(new Description(pid, ocd.getName(), ocd.getDescription(), bundle.getSymbolicName(),
                        attributes(ocd)));
            }
        }
        return list;
    }

    private static List<Attribute> attributes(ObjectClassDefinition ocd) {
        List<Attribute> attrs = new ArrayList<>();
        AttributeDefinition[] defs = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        if (defs == null) {
            return attrs;
        }
        for (AttributeDefinition ad : defs) {
            Map<String, String> options = new LinkedHashMap<>();
            if (ad.getOptionValues() != null) {
                for (int i = 0; i < ad.getOptionValues().length; i++) {
                    options.put(ad.getOptionValues()[i], ad.getOptionLabels()[i]);
                }
            }
            String def = ad.getDefaultValue() == null || ad.getDefaultValue().length == 0 ? null : ad.getDefaultValue()[0];
            attrs.add(new Attribute(ad.getID(), ad.getName(), ad.getDescription(), typeName(ad.getType()), def, options));
        }
        return attrs;
    }

    private ObjectClassDefinition definition(String pid) {
        MetaTypeService mts = metaType.getService();
        if (mts != null) {
            for (Bundle bundle : context.getBundles()) {
                MetaTypeInformation info = mts.getMetaTypeInformation(bundle);
                if (info != null && List.of(info.getPids()).contains(pid)) {
                    return info.getObjectClassDefinition(pid, null);
                }
            }
        }
        throw new IllegalArgumentException("no configuration is described for PID " + pid);
    }

    @Override
    public Map<String, Object> values(String pid) {
        Map<String, Object> values = new TreeMap<>();
        for (AttributeDefinition ad : definition(pid).getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (ad.getDefaultValue() != null && ad.getDefaultValue().length > 0) {
                values.put(ad.getID(), ad.getDefaultValue()[0]);
            }
        }
        Dictionary<String, Object> props = current(pid);
        if (props != null) {
            for (var keys = props.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                values.put(key, props.get(key));
            }
        }
        return values;
    }

    private Dictionary<String, Object> current(String pid) {
        ConfigurationAdmin ca = requireAdmin();
        try {
            Configuration[] found = ca.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException("cannot read configuration " + pid + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(String pid, Map<String, String> values, String actor) {
        ObjectClassDefinition ocd = definition(pid);
        Hashtable<String, Object> props = new Hashtable<>();
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            String raw = values.get(ad.getID());
            if (raw == null) {
                continue;
            }
            String problem = ad.validate(raw);
            if (problem != null && !problem.isEmpty()) {
                throw new IllegalArgumentException(ad.getName() + " (" + ad.getID() + "): " + problem);
            }
            props.put(ad.getID(), convert(ad, raw));
        }
        String before = String.valueOf(values(pid));
        try {
            Configuration config = requireAdmin().getConfiguration(pid, "?");
            config.update(props);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store configuration " + pid + ": " + e.getMessage(), e);
        }
        audit.record(actor, "config.update", pid, before, String.valueOf(new TreeMap<>(props)));
    }

    private static Object convert(AttributeDefinition ad, String raw) {
        String v = raw.trim();
        try {
            return switch (ad.getType()) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(v);
                case AttributeDefinition.LONG -> Long.valueOf(v);
                case AttributeDefinition.DOUBLE -> Double.valueOf(v);
                case AttributeDefinition.FLOAT -> Float.valueOf(v);
                case AttributeDefinition.BOOLEAN -> {
                    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                        throw new NumberFormatException();
                    }
                    yield Boolean.valueOf(v);
                }
                default -> raw;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ad.getName() + " (" + ad.getID() + ") must be a "
                    + typeName(ad.getType()).toLowerCase(Locale.ROOT) + ", not '" + raw + "'");
        }
    }

    private ConfigurationAdmin requireAdmin() {
        ConfigurationAdmin ca = configAdmin.getService();
        if (ca == null) {
            throw new IllegalStateException("Configuration Admin is not running");
        }
        return ca;
    }

    static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> "Integer";
            case AttributeDefinition.LONG -> "Long";
            case AttributeDefinition.BOOLEAN -> "Boolean";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "Double";
            case AttributeDefinition.PASSWORD -> "Password";
            default -> "String";
        };
    }
}
