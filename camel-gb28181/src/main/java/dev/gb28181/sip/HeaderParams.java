package dev.gb28181.sip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the {@code ;name=value} parameters that follow Via, From, To, Contact and other
 * header values (RFC 3261 §7.3.1, {@code generic-param}). Values may be tokens, hosts or quoted
 * strings; quoted values keep their quotes so they re-encode unchanged.
 */
final class HeaderParams {

    private HeaderParams() {
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

    static void append(StringBuilder sb, Map<String, String> params) {
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(';').append(e.getKey());
            if (e.getValue() != null) {
                sb.append('=').append(e.getValue());
            }
        }
    }

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
