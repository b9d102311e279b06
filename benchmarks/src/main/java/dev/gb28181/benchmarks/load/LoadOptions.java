package dev.gb28181.benchmarks.load;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of a load generator, checked against the names it knows. */
final class LoadOptions {

    private final Map<String, String> values;

    private LoadOptions(Map<String, String> values) {
        this.values = values;
    }

    /** Parses {@code args} as {@code --name value} pairs whose names are all in {@code names}. */
    static LoadOptions parse(String[] args, Set<String> names) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!names.contains(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs with names " + names + ", got: "
                        + String.join(" ", args));
            }
            values.put(name, args[++i]);
        }
        return new LoadOptions(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    int intValue(String name, int defaultValue) {
        String value = values.get(name);
        return value == null ? defaultValue : Integer.parseInt(value);
    }

    /** {@code true} or {@code false}; anything else is refused. */
    boolean booleanValue(String name, boolean defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("--" + name + " takes true or false, not " + value);
        }
        return Boolean.parseBoolean(value);
    }

    /** A host name that must be a loopback address: the generators never load another machine. */
    static InetAddress loopback(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("the load generator only targets loopback, not " + host);
            }
            return address;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }
}
