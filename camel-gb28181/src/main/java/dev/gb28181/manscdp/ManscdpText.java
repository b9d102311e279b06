package dev.gb28181.manscdp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text side of a MANSCDP body before XML binding: which charset the device really used, the
 * repairs real devices need, and a cheap look at the root element and CmdType.
 *
 * <p>Charset (GB/T 28181-2016 Annex A: bodies declare {@code encoding="GB2312"}): GB2312 and GBK
 * declarations are decoded as GB18030, their superset, because real bodies hold GBK/GB18030
 * characters; a GB-declared body that is valid UTF-8 with CJK characters is UTF-8 (some devices write
 * UTF-8 and declare GB2312; see {@link #looksLikeUtf8Text} for the ambiguity); a declared charset that
 * fails to decode, or no declaration and no valid UTF-8, falls back to GB18030. The charset reported
 * is the one to answer in: the declared one when the text fits it, else GB18030 or UTF-8.
 */
final class ManscdpText {

    static final Charset GB18030 = Charset.forName("GB18030");

    private ManscdpText() {
    }

    /** A body's text and the charset its device used. */
    record Text(String xml, Charset charset) {
    }

    /** Root element name and CmdType read without binding. */
    record Peek(String root, String cmdType) {
    }

    static Text decode(byte[] body) {
        String declared = declaredEncoding(body);
        Charset charset = supported(declared);
        boolean multiByte = hasHighBytes(body);
        if (!multiByte) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            return new Text(text, charset != null ? charset : StandardCharsets.UTF_8);
        }
        boolean gbDeclared = declared != null && declared.regionMatches(true, 0, "GB", 0, 2);
        if (charset == null || gbDeclared || charset.equals(StandardCharsets.UTF_8)) {
            String utf8 = strict(body, StandardCharsets.UTF_8);
            if (utf8 != null && (!gbDeclared || looksLikeUtf8Text(utf8))) {
                return new Text(utf8, StandardCharsets.UTF_8);
            }
            String text = new String(body, GB18030);
            boolean fits = gbDeclared && charset != null && !charset.equals(GB18030)
                    && charset.newEncoder().canEncode(text);
            return new Text(text, fits ? charset : GB18030);
        }
        String text = strict(body, charset);
        return text != null ? new Text(text, charset) : new Text(new String(body, GB18030), GB18030);
    }

    /**
     * Short GBK text can be valid UTF-8 by chance: each GBK character with a lead byte in C2-DF and a
     * trail byte in 80-BF is a two-byte UTF-8 sequence, decoding to U+0080-U+07FF (Hebrew, Arabic...,
     * never seen in these bodies). Chinese UTF-8 uses three-byte sequences. So a GB-declared body is
     * UTF-8 only when it holds a character from U+0800 up and none in U+0100-U+07FF (Latin-1 signs such
     * as the degree sign are allowed).
     */
    private static boolean looksLikeUtf8Text(String text) {
        boolean wide = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x100 && c < 0x800) {
                return false;
            }
            wide |= c >= 0x800;
        }
        return wide;
    }

    private static Charset supported(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code encoding} of the XML declaration, read as ASCII from the first bytes, or {@code null}. */
    static String declaredEncoding(byte[] body) {
        int end = Math.min(body.length, 200);
        String head = new String(body, 0, end, StandardCharsets.ISO_8859_1);
        int decl = head.indexOf("<?xml");
        if (decl < 0) {
            return null;
        }
        int close = head.indexOf("?>", decl);
        int enc = head.indexOf("encoding", decl);
        if (enc < 0 || close >= 0 && enc > close) {
            return null;
        }
        int i = enc + 8;
        while (i < head.length() && (head.charAt(i) == ' ' || head.charAt(i) == '=')) {
            i++;
        }
        if (i >= head.length() || head.charAt(i) != '"' && head.charAt(i) != '\'') {
            return null;
        }
        char quote = head.charAt(i);
        int valueEnd = head.indexOf(quote, i + 1);
        if (valueEnd < 0) {
            return null;
        }
        String name = head.substring(i + 1, valueEnd).trim();
        return name.isEmpty() ? null : name;
    }

    private static String strict(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasHighBytes(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Escapes what devices leave unescaped in text (Hikvision's Address): an {@code &} that starts no
     * entity or character reference, and a {@code <} that starts no tag, comment or declaration. Leading
     * whitespace and a byte order mark before the prolog are dropped. Returns {@code xml} itself when
     * nothing needs repair.
     */
    static String repair(String xml) {
        int start = 0;
        while (start < xml.length() && (Character.isWhitespace(xml.charAt(start)) || xml.charAt(start) == '\uFEFF')) {
            start++;
        }
        StringBuilder out = null;
        int copied = start;
        for (int i = start; i < xml.length(); i++) {
            char c = xml.charAt(i);
            String replacement;
            if (c == '&' && !isReference(xml, i)) {
                replacement = "&amp;";
            } else if (c == '<' && !isMarkup(xml, i)) {
                replacement = "&lt;";
            } else {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(xml.length() + 16);
            }
            out.append(xml, copied, i).append(replacement);
            copied = i + 1;
        }
        if (out == null) {
            return start == 0 ? xml : xml.substring(start);
        }
        return out.append(xml, copied, xml.length()).toString();
    }

    /**
     * One of the five predefined entities or a character reference at {@code at}. Without a DTD no other
     * entity can exist, so {@code &nbsp;} and the like are text a device failed to escape.
     */
    private static boolean isReference(String s, int at) {
        int i = at + 1;
        if (i < s.length() && s.charAt(i) == '#') {
            i++;
            boolean hex = i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
            if (hex) {
                i++;
            }
            int start = i;
            while (i < s.length() && i - start <= 8 && isDigit(s.charAt(i), hex)) {
                i++;
            }
            return i > start && i < s.length() && s.charAt(i) == ';';
        }
        return s.startsWith("amp;", i) || s.startsWith("lt;", i) || s.startsWith("gt;", i) || s.startsWith("quot;", i)
                || s.startsWith("apos;", i);
    }

    private static boolean isDigit(char c, boolean hex) {
        return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }

    /** A start tag, end tag, processing instruction, comment or CDATA at {@code at}. */
    private static boolean isMarkup(String s, int at) {
        if (at + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(at + 1);
        return next == '/' || next == '?' || next == '!' || next == '_' || next == ':'
                || next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z';
    }

    /**
     * The root element's name and the CmdType text, found by scanning (no parser): enough to pick the
     * class to bind. Refuses a document type declaration (no DTD is ever read: XXE).
     */
    static Peek peek(String xml) throws ManscdpException {
        int i = 0;
        int n = xml.length();
        while (true) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= n) {
                throw new ManscdpException("MANSCDP body without root element");
            }
            if (xml.startsWith("<?", i)) {
                i = after(xml, i, "?>");
            } else if (xml.startsWith("<!--", i)) {
                i = after(xml, i, "-->");
            } else if (xml.charAt(i + 1) == '!') {
                throw new ManscdpException("MANSCDP body with a document type declaration refused");
            } else {
                break;
            }
        }
        int nameStart = i + 1;
        int nameEnd = nameStart;
        while (nameEnd < n && !isNameEnd(xml.charAt(nameEnd))) {
            nameEnd++;
        }
        String root = xml.substring(nameStart, nameEnd);
        for (int at = xml.indexOf('<', nameEnd); at >= 0; at = xml.indexOf('<', at + 1)) {
            if (xml.regionMatches(true, at + 1, "CmdType", 0, 7) && at + 8 < n && isNameEnd(xml.charAt(at + 8))) {
                int textStart = xml.indexOf('>', at + 8) + 1;
                int textEnd = textStart > 0 ? xml.indexOf('<', textStart) : -1;
                if (textEnd < 0) {
                    break;
                }
                String cmdType = xml.substring(textStart, textEnd).trim();
                if (cmdType.isEmpty()) {
                    break;
                }
                return new Peek(root, cmdType);
            }
        }
        throw new ManscdpException("MANSCDP " + root + " without CmdType");
    }

    private static int after(String xml, int from, String end) throws ManscdpException {
        int at = xml.indexOf(end, from);
        if (at < 0) {
            throw new ManscdpException("MANSCDP body ends inside " + xml.substring(from, Math.min(from + 4, xml.length())));
        }
        return at + end.length();
    }

    private static boolean isNameEnd(char c) {
        return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
