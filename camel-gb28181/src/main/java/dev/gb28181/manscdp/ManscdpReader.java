package dev.gb28181.manscdp;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the common fields of a MANSCDP body ({@code Application/MANSCDP+xml}, GB/T 28181-2016
 * Annex A): root element, CmdType, SN, DeviceID and Status, enough to route the message and to
 * accept keepalives (§9.6).
 *
 * <p>Charset: the prolog usually declares {@code GB2312}; real bodies hold GBK/GB18030 characters, so
 * every GB charset is decoded as GB18030 (a superset). Some devices write UTF-8 while declaring
 * GB2312: a GB-declared body that is valid UTF-8 with multi-byte sequences is read as UTF-8 (GBK text
 * is almost never valid UTF-8). A body without a declaration, or declaring UTF-8, is read as UTF-8
 * and falls back to GB18030 when the bytes are not UTF-8.
 *
 * <p>Safety: DTDs and external entities are off (no XXE), bodies above {@link #MAX_BODY_BYTES} are
 * refused. Only the root's direct children are read; XML that breaks after the needed fields
 * (Hikvision's unescaped {@code &} in Address) still yields them.
 */
public final class ManscdpReader {

    /** Largest body read; SIP messages are bounded to 64 KiB by the stack anyway. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Charset GB18030 = Charset.forName("GB18030");

    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    });

    private ManscdpReader() {
    }

    /**
     * Reads the common fields of a body.
     *
     * @throws ManscdpException when the body is empty, too large, not XML before its CmdType, or has no CmdType
     */
    public static ManscdpHeader read(byte[] body) throws ManscdpException {
        if (body == null || body.length == 0) {
            throw new ManscdpException("Empty MANSCDP body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ManscdpException("MANSCDP body of " + body.length + " bytes is above " + MAX_BODY_BYTES);
        }
        return parse(decode(body));
    }

    /** The body as text, charset chosen as the class documentation says. */
    static String decode(byte[] body) {
        String declared = declaredEncoding(body);
        if (declared != null && declared.regionMatches(true, 0, "GB", 0, 2)) {
            if (hasMultiByte(body)) {
                String utf8 = strictUtf8(body);
                if (utf8 != null) {
                    return utf8;
                }
            }
            return new String(body, GB18030);
        }
        Charset charset = supported(declared);
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return new String(body, charset);
        }
        String utf8 = strictUtf8(body);
        return utf8 != null ? utf8 : new String(body, GB18030);
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

    private static ManscdpHeader parse(String text) throws ManscdpException {
        int start = 0;
        while (start < text.length() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        String root = null;
        String cmdType = null;
        String sn = null;
        String deviceId = null;
        String status = null;
        XMLStreamReader r = null;
        try {
            r = FACTORY.get().createXMLStreamReader(new StringReader(start == 0 ? text : text.substring(start)));
            int depth = 0;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 1) {
                        root = r.getLocalName();
                    } else if (depth == 2) {
                        String name = r.getLocalName();
                        switch (name) {
                            case "CmdType" -> cmdType = text(r);
                            case "SN" -> sn = text(r);
                            case "DeviceID" -> deviceId = text(r);
                            case "Status" -> status = text(r);
                            default -> {
                                continue;
                            }
                        }
                        depth--; // text() consumed the end element
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (root == null || cmdType == null) {
                throw new ManscdpException("Unreadable MANSCDP body: " + e.getMessage(), e);
            }
            // broken XML after the fields we need: keep what was read
        } finally {
            close(r);
        }
        if (root == null || cmdType == null || cmdType.isEmpty()) {
            throw new ManscdpException("MANSCDP body without " + (root == null ? "root element" : "CmdType"));
        }
        return new ManscdpHeader(root, cmdType, sn, deviceId, status);
    }

    private static String text(XMLStreamReader r) throws XMLStreamException {
        return r.getElementText().trim();
    }

    private static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing held open: the source is a string
            }
        }
    }

    /** The {@code encoding} of the XML declaration, read as ASCII from the first bytes, or {@code null}. */
    private static String declaredEncoding(byte[] body) {
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

    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean hasMultiByte(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
