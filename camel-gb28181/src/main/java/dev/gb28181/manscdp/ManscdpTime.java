package dev.gb28181.manscdp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * MANSCDP times (GB/T 28181-2016 Annex A: {@code dateTime} as {@code yyyy-MM-ddTHH:mm:ss}, device
 * local time). Written as the standard says (milliseconds only when there are some), read leniently
 * because devices write {@code 2024-5-4T9:03:07}, a space instead of {@code T}, milliseconds, or a zone
 * ({@code Z}, {@code +08:00}), which is dropped: the value stays the device's wall-clock time.
 * The same serializers serve XML and JSON, so JSON shows ISO-8601 local times without any
 * Java-time module.
 */
final class ManscdpTime {

    private ManscdpTime() {
    }

    /** Writes {@code yyyy-MM-ddTHH:mm:ss[.SSS]}. */
    static String format(LocalDateTime t) {
        char[] out = new char[t.getNano() >= 1_000_000 ? 23 : 19];
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return t.toString();
        }
        put(out, 0, year, 4);
        out[4] = '-';
        put(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, t.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, t.getHour(), 2);
        out[13] = ':';
        put(out, 14, t.getMinute(), 2);
        out[16] = ':';
        put(out, 17, t.getSecond(), 2);
        if (out.length == 23) {
            out[19] = '.';
            put(out, 20, t.getNano() / 1_000_000, 3);
        }
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Reads a time as devices write it, or {@code null} when the text is not one: date, {@code T} or
     * space, time with unpadded fields, optional fraction and zone.
     */
    static LocalDateTime parse(String text) {
        String s = text.trim();
        int[] pos = { 0 };
        int year = number(s, pos, 4);
        if (year < 0 || !skip(s, pos, '-')) {
            return null;
        }
        int month = number(s, pos, 2);
        if (month < 0 || !skip(s, pos, '-')) {
            return null;
        }
        int day = number(s, pos, 2);
        if (day < 0) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        if (pos[0] < s.length()) {
            char sep = s.charAt(pos[0]);
            if (sep != 'T' && sep != 't' && sep != ' ') {
                return null;
            }
            pos[0]++;
            hour = number(s, pos, 2);
            if (hour < 0 || !skip(s, pos, ':')) {
                return null;
            }
            minute = number(s, pos, 2);
            if (minute < 0) {
                return null;
            }
            if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
                pos[0]++;
                second = number(s, pos, 2);
                if (second < 0) {
                    return null;
                }
            }
            if (pos[0] < s.length() && (s.charAt(pos[0]) == '.' || s.charAt(pos[0]) == ',')) {
                pos[0]++;
                int start = pos[0];
                int scale = 100_000_000;
                while (pos[0] < s.length() && isDigit(s.charAt(pos[0]))) {
                    nanos += (s.charAt(pos[0]) - '0') * scale;
                    scale /= 10;
                    pos[0]++;
                    if (pos[0] - start > 9) {
                        return null;
                    }
                }
                if (pos[0] == start) {
                    return null;
                }
            }
            if (!zone(s, pos[0])) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Accepts nothing, {@code Z}, or {@code +hh}, {@code +hhmm}, {@code +hh:mm} (either sign) up to the end. */
    private static boolean zone(String s, int at) {
        if (at == s.length()) {
            return true;
        }
        char c = s.charAt(at);
        if (c == 'Z' || c == 'z') {
            return at + 1 == s.length();
        }
        if (c != '+' && c != '-') {
            return false;
        }
        int digits = 0;
        for (int i = at + 1; i < s.length(); i++) {
            char d = s.charAt(i);
            if (isDigit(d)) {
                digits++;
            } else if (d != ':' || digits != 2) {
                return false;
            }
        }
        return digits == 2 || digits == 4;
    }

    private static int number(String s, int[] pos, int maxDigits) {
        int value = 0;
        int start = pos[0];
        while (pos[0] < s.length() && isDigit(s.charAt(pos[0])) && pos[0] - start < maxDigits) {
            value = value * 10 + s.charAt(pos[0]) - '0';
            pos[0]++;
        }
        return pos[0] == start ? -1 : value;
    }

    private static boolean skip(String s, int[] pos, char c) {
        if (pos[0] < s.length() && s.charAt(pos[0]) == c) {
            pos[0]++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Writes a MANSCDP time. */
    static final class Serializer extends JsonSerializer<LocalDateTime> {
        @Override
        public void serialize(LocalDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /**
     * Reads a MANSCDP time leniently; text that is no time goes to the context's problem handler
     * ({@link ManscdpCodec} keeps it as raw text in the element's extensions).
     */
    static final class Deserializer extends JsonDeserializer<LocalDateTime> {
        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null || text.isBlank()) {
                return null;
            }
            LocalDateTime time = parse(text);
            if (time == null) {
                return (LocalDateTime) ctxt.handleWeirdStringValue(LocalDateTime.class, text,
                        "not a yyyy-MM-ddTHH:mm:ss time");
            }
            return time;
        }
    }
}
