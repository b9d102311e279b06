package dev.gb28181.sip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pieces of the RFC 3261 §25 grammar that the typed header values share: the {@code ;name=value}
 * parameters that follow Via, From, To, Contact and other header values ({@code generic-param},
 * §7.3.1), quoted strings, linear whitespace and ports. Parameter values may be tokens, hosts or
 * quoted strings; quoted values keep their quotes so they re-encode unchanged.
 */
final class SipSyntax {

    private SipSyntax() {
    }

    /** The port written in {@code s[from, to)}: 1 to 5 digits up to 65535 ({@code port = 1*DIGIT}), else -1. */
    static int port(String s, int from, int to) {
        if (from == to || to - from > 5) {
            return -1;
        }
        int port = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535 ? port : -1;
    }

    /**
     * Parses {@code ;a=b;c;d="x;y"} starting at {@code from} (which points at the first {@code ;}).
     */
    static Map<String, String> parse(String s, int from, String context) {
        Map<String, String> params = new LinkedHashMap<>(4);
        int i = from;
        int n = s.length();
        while (i < n) {
            i = skipWs(s, i);
            if (i >= n) {
                break;
            }
            if (s.charAt(i) != ';') {
                throw new SipParseException("Expected ';' in " + context + ": " + s);
            }
            i = skipWs(s, i + 1);
            int nameStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ';' && !isWs(s.charAt(i))) {
                i++;
            }
            String name = s.substring(nameStart, i);
            if (name.isEmpty()) {
                throw new SipParseException("Empty parameter name in " + context + ": " + s);
            }
            i = skipWs(s, i);
            String value = null;
            if (i < n && s.charAt(i) == '=') {
                i = skipWs(s, i + 1);
                int valueStart = i;
                if (i < n && s.charAt(i) == '"') {
                    i = endOfQuoted(s, i, context);
                } else {
                    while (i < n && s.charAt(i) != ';' && !isWs(s.charAt(i))) {
                        i++;
                    }
                }
                value = s.substring(valueStart, i);
            }
            params.put(name, value);
        }
        return params;
    }

    /** Index just past the closing quote of the quoted string that starts at {@code start}. */
    static int endOfQuoted(String s, int start, String context) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            i++;
        }
        throw new SipParseException("Unterminated quoted string in " + context + ": " + s);
    }

    /** A copy of {@code params}, in their order, with one parameter set (a {@code null} value for a flag). */
    static Map<String, String> with(Map<String, String> params, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return copy;
    }

    /** Writes each parameter as {@code ;name} or {@code ;name=value}. */
    static void append(StringBuilder sb, Map<String, String> params) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(';').append(e.getKey());
            if (e.getValue() != null) {
                sb.append('=').append(e.getValue());
            }
        }
    }

    /** The value of a parameter, its name compared ignoring case; {@code null} when absent or a flag. */
    static String get(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v != null || params.containsKey(name)) {
            return v;
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    static boolean has(Map<String, String> params, String name) {
        if (params.containsKey(name)) {
            return true;
        }
        for (String k : params.keySet()) {
            if (k.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean isWs(char c) {
        return c == ' ' || c == '\t';
    }

    static int skipWs(String s, int i) {
        while (i < s.length() && isWs(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
